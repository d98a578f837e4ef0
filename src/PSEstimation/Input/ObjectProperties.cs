using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace PSEstimation.Input
{
    /// <summary>
    /// Recognises an input object that holds values in properties (a PSCustomObject, a hashtable,
    /// a .NET object) where numbers were expected, and words the hint that names its properties
    /// and -Property, so that rows piped without -Property are one clear message, not one
    /// "not a number" per row.
    /// </summary>
    internal static class ObjectProperties
    {
        private const int NamesShown = 8;

        /// <summary>Whether <paramref name="baseObject"/> is an object with properties rather than a value.</summary>
        public static bool HasProperties(object baseObject)
            => baseObject is PSCustomObject || baseObject is IDictionary || !NumericConversion.IsScalar(baseObject);

        /// <summary>
        /// "The input is an object with properties Host, Latency, Count: name the one that holds the
        /// values with -Property, e.g. -Property Latency." The example is the first property holding a
        /// number other than those in <paramref name="taken"/> (the weight and group properties).
        /// </summary>
        public static string Hint(PSObject psObject, object baseObject, IEnumerable<string?> taken)
        {
            var names = new List<string>();
            string? example = null;
            var excluded = new HashSet<string>(taken.Where(t => t is not null)!, System.StringComparer.OrdinalIgnoreCase);
            foreach (var (name, value) in Members(psObject, baseObject))
            {
                names.Add(name);
                if (example is null && !excluded.Contains(name) && value is not null
                    && NumericConversion.TryConvert(value, allowBoolean: false, out _) == NumericConversion.Failure.None)
                {
                    example = name;
                }
            }

            if (names.Count == 0)
            {
                return "Numbers were expected; give -Property to read a property of each input object.";
            }

            string list = string.Join(", ", names.Take(NamesShown)) + (names.Count > NamesShown ? $" and {names.Count - NamesShown} more" : string.Empty);
            string kind = baseObject is IDictionary ? "a hashtable with keys" : "an object with properties";
            return $"The input is {kind} {list}: name the one that holds the values with -Property, e.g. -Property {Quote(example ?? names[0])}. Further such objects are not reported one by one, only counted in a warning at the end.";
        }

        private static IEnumerable<(string Name, object? Value)> Members(PSObject psObject, object baseObject)
        {
            if (baseObject is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary)
                {
                    yield return (System.Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, entry.Value);
                }

                yield break;
            }

            foreach (var property in psObject.Properties)
            {
                object? value;
                try
                {
                    value = property.Value;
                }
                catch (GetValueException)
                {
                    // A property whose getter throws is still a name worth showing.
                    value = null;
                }

                yield return (property.Name, value);
            }
        }

        private static string Quote(string name) => name.Length > 0 && name.All(c => char.IsLetterOrDigit(c) || c == '_') ? name : "'" + name.Replace("'", "''") + "'";
    }
}
