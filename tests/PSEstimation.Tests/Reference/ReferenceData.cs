using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using PSEstimation.Tests.Hosting;

namespace PSEstimation.Tests.Reference
{
    /// <summary>
    /// The cases of tests/reference/*.json: numbers made by R, scipy and scikit-learn (each
    /// file's README names the tool), never by this module. Tests cite a case by its Id.
    /// </summary>
    public static class ReferenceData
    {
        private static readonly Lazy<Dictionary<string, JsonElement>> Files = new Lazy<Dictionary<string, JsonElement>>(Load);

        /// <summary>Every case of a file (mle, nll, map, loss), by Id.</summary>
        public static IReadOnlyList<JsonElement> Cases(string file)
            => Files.Value[file].GetProperty("Cases").EnumerateArray().ToList();

        public static JsonElement Case(string file, string id)
            => Cases(file).Single(c => c.GetProperty("Id").GetString() == id);

        /// <summary>Case ids of a file, optionally only those of some distributions, for [MemberData].</summary>
        public static IEnumerable<object[]> Ids(string file, Func<JsonElement, bool>? where = null)
            => Cases(file).Where(c => where is null || where(c)).Select(c => new object[] { c.GetProperty("Id").GetString()! });

        public static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

        /// <summary>A nullable number (null in the file where no value exists, e.g. Uniform's standard errors).</summary>
        public static double? NullableDouble(JsonElement element) => element.ValueKind == JsonValueKind.Null ? null : element.GetDouble();

        /// <summary>An object of name → number (Fixed, Parameter) as a dictionary.</summary>
        public static Dictionary<string, double> Numbers(JsonElement element, string property)
        {
            var result = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
            if (element.TryGetProperty(property, out var table) && table.ValueKind == JsonValueKind.Object)
            {
                foreach (var entry in table.EnumerateObject())
                {
                    result[entry.Name] = entry.Value.GetDouble();
                }
            }

            return result;
        }

        private static Dictionary<string, JsonElement> Load()
        {
            var files = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
            foreach (string path in Directory.GetFiles(RepositoryPaths.Reference, "*.json"))
            {
                using var document = JsonDocument.Parse(File.ReadAllText(path));
                files[Path.GetFileNameWithoutExtension(path)] = document.RootElement.Clone();
            }

            return files;
        }
    }
}
