using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using PSEstimation.Distributions;
using PSEstimation.Models;
using PSEstimation.Tests.Hosting;

namespace PSEstimation.Tests.Models
{
    /// <summary>
    /// tests/reference/models/&lt;Family&gt;.json: each family's log density, CDF, survival and
    /// quantiles at given parameters, computed at 40+ digits by mpmath from the exact definitions
    /// (each file's Source names the script beside it that made it).
    /// </summary>
    public static class ModelReference
    {
        private static readonly Lazy<Dictionary<string, JsonElement>> Files = new Lazy<Dictionary<string, JsonElement>>(Load);

        public static string Directory => Path.Combine(RepositoryPaths.Root, "tests", "reference", "models");

        public static bool Has(DistributionName name) => Files.Value.ContainsKey(name.ToString());

        public static JsonElement File(DistributionName name) => Files.Value[name.ToString()];

        /// <summary>Every (family, case index) with a model and a reference file, for [MemberData].</summary>
        public static IEnumerable<object[]> FamilyCases()
            => DistributionFamilies.All
                .Where(r => Has(r.Name))
                .SelectMany(r => Enumerable.Range(0, File(r.Name).GetProperty("Cases").GetArrayLength()).Select(i => new object[] { r.Name.ToString(), i }));

        internal static (DistributionModel Model, double[] Theta, JsonElement Case, double RelTol) Load(string family, int index)
        {
            var name = (DistributionName)Enum.Parse(typeof(DistributionName), family);
            var file = File(name);
            var c = file.GetProperty("Cases")[index];
            var values = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
            foreach (var p in c.GetProperty("Parameter").EnumerateObject())
            {
                values[p.Name] = p.Value.GetDouble();
            }

            var constants = DistributionFamilies.ConstantNames(name).ToDictionary(n => n, n => values[n], StringComparer.OrdinalIgnoreCase);
            var model = DistributionFamilies.CreateModel(name, constants);
            var theta = model.Parameters.Select(p => values[p.Name]).ToArray();
            return (model, theta, c, file.GetProperty("RelTol").GetDouble());
        }

        /// <summary>A number in a reference file; null stands for log 0 = -Infinity.</summary>
        public static double LogValue(JsonElement element)
            => element.ValueKind == JsonValueKind.Null ? double.NegativeInfinity : element.GetDouble();

        private static Dictionary<string, JsonElement> Load()
        {
            var files = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
            if (!System.IO.Directory.Exists(Directory))
            {
                return files;
            }

            foreach (string path in System.IO.Directory.GetFiles(Directory, "*.json"))
            {
                using var document = JsonDocument.Parse(System.IO.File.ReadAllText(path));
                files[document.RootElement.GetProperty("Distribution").GetString()!] = document.RootElement.Clone();
            }

            return files;
        }
    }
}
