using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using PSEstimation.Tests.Hosting;

namespace PSEstimation.Tests.Reliability
{
    /// <summary>
    /// reference.json beside this file: the samples of the bad-input matrix and their expected
    /// fits, NLLs and losses, made by make_reference.py (mpmath at 40 digits, scipy 1.10 starts,
    /// exact fractions for the losses), never by this module. Keys are "Family/Case".
    /// </summary>
    public static class ReliabilityReference
    {
        private static readonly Lazy<JsonElement> Root = new Lazy<JsonElement>(Load);

        public static string FilePath => Path.Combine(RepositoryPaths.Root, "tests", "PSEstimation.Tests", "Reliability", "reference.json");

        /// <summary>A named sample of a family (Base, Nested, SingleValue, TwoValues, AllEqual), as PowerShell should receive it.</summary>
        public static object[] Sample(string family, string name)
            => Root.Value.GetProperty("Samples").GetProperty(family).GetProperty(name).EnumerateArray().Select(ToObject).ToArray();

        /// <summary>The parameters at which Measure-NegativeLogLikelihood is evaluated for a family.</summary>
        public static Dictionary<string, double> Theta(string family)
            => Root.Value.GetProperty("Theta").GetProperty(family).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());

        public static JsonElement? Fit(string key) => Find("Fits", key);

        public static JsonElement? Nll(string key) => Find("Nll", key);

        public static JsonElement? Loss(string key) => Find("Loss", key);

        /// <summary>A number of the file: a JSON number, or the strings Infinity, -Infinity, NaN.</summary>
        public static double Number(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Number => element.GetDouble(),
            JsonValueKind.String => double.Parse(element.GetString()!, CultureInfo.InvariantCulture),
            _ => throw new InvalidDataException("Not a number in reference.json: " + element),
        };

        private static JsonElement? Find(string section, string key)
            => Root.Value.GetProperty(section).TryGetProperty(key, out var value) ? value : null;

        private static object ToObject(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.String => element.GetString()!,
            JsonValueKind.Number when element.TryGetInt32(out int i) && !element.GetRawText().Contains('.') => i,
            _ => element.GetDouble(),
        };

        private static JsonElement Load()
        {
            using var document = JsonDocument.Parse(File.ReadAllText(FilePath));
            return document.RootElement.Clone();
        }
    }
}
