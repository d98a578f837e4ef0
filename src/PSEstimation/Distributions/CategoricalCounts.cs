using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;

namespace PSEstimation.Distributions
{
    /// <summary>
    /// The sufficient statistic of a categorical sample: the (weighted) count of each distinct
    /// value, in order of first appearance. Strings compare case-insensitively (as Group-Object
    /// does); numbers of any type compare by value (1 and 1.0 are one category).
    /// </summary>
    internal sealed class CategoricalCounts
    {
        private readonly Dictionary<object, int> indexByKey = new Dictionary<object, int>(new CategoryComparer());
        private readonly List<object> categories = new List<object>();
        private readonly List<double> counts = new List<double>();

        public double TotalWeight { get; private set; }

        public int CategoryCount => categories.Count;

        public IReadOnlyList<object> Categories => categories;

        public IReadOnlyList<double> Counts => counts;

        public void Add(object value, double weight)
        {
            object key = Normalize(value);
            if (!indexByKey.TryGetValue(key, out int index))
            {
                index = categories.Count;
                indexByKey.Add(key, index);
                categories.Add(value);
                counts.Add(0);
            }

            counts[index] += weight;
            TotalWeight += weight;
        }

        /// <summary>The category's name as the result shows it (its invariant string form).</summary>
        public static string NameOf(object category)
            => Convert.ToString(category, CultureInfo.InvariantCulture) ?? string.Empty;

        private static object Normalize(object value)
        {
            switch (value)
            {
                case string s:
                    return s;
                case bool b:
                    return b;
                case Enum e:
                    return e;
                case IConvertible c when IsNumeric(c.GetTypeCode()):
                    return c.ToDouble(CultureInfo.InvariantCulture);
                default:
                    return value;
            }
        }

        private static bool IsNumeric(TypeCode code)
            => code >= TypeCode.SByte && code <= TypeCode.Decimal;

        private sealed class CategoryComparer : IEqualityComparer<object>
        {
            public new bool Equals(object? x, object? y)
                => x is string a && y is string b ? string.Equals(a, b, StringComparison.OrdinalIgnoreCase) : object.Equals(x, y);

            public int GetHashCode(object obj)
                => obj is string s ? StringComparer.OrdinalIgnoreCase.GetHashCode(s) : obj.GetHashCode();
        }
    }
}
