using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using PSEstimation.Distributions;

namespace PSEstimation.Models
{
    /// <summary>
    /// Categorical: one probability per category, categories compared by name
    /// (case-insensitive, as Group-Object does). It has no order, so no CDF or quantile; its
    /// probabilities and samples are those of its categories.
    /// </summary>
    internal sealed class CategoricalModel
    {
        private readonly Dictionary<string, int> indexByName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        private readonly double[] cumulative;

        public CategoricalModel(string[] categories, double[] probabilities)
        {
            Categories = categories;
            Probabilities = probabilities;
            cumulative = new double[probabilities.Length];
            double sum = 0;
            for (int i = 0; i < categories.Length; i++)
            {
                indexByName[categories[i]] = i;
                sum += probabilities[i];
                cumulative[i] = sum;
            }
        }

        /// <summary>The categories in table order (a plain hashtable's sorted by name).</summary>
        public IReadOnlyList<string> Categories { get; }

        public IReadOnlyList<double> Probabilities { get; }

        /// <summary>The probability of <paramref name="category"/> (compared by name); 0 for a category the table lacks.</summary>
        public double Probability(object category)
            => indexByName.TryGetValue(CategoricalCounts.NameOf(category), out int i) ? Probabilities[i] : 0;

        /// <summary>One category drawn with its probability: the first whose cumulative probability exceeds a uniform draw.</summary>
        public string Sample(RandomSource random)
        {
            double u = random.NextDouble() * cumulative[cumulative.Length - 1];
            for (int i = 0; i < cumulative.Length; i++)
            {
                if (u < cumulative[i])
                {
                    return Categories[i];
                }
            }

            return Categories[Categories.Count - 1];
        }

        /// <summary>
        /// Reads category → probability from -Parameter (or a fit's Estimate): every value in
        /// [0, 1], summing to 1 within 1e-9. Throws <see cref="EstimationException"/> otherwise.
        /// </summary>
        public static CategoricalModel FromTable(IDictionary? table, string source)
        {
            const string expected = "one probability per category, e.g. @{ red = 0.5; green = 0.3; blue = 0.2 }, each in [0, 1], summing to 1";
            if (table is null || table.Count == 0)
            {
                throw new EstimationException(ErrorIds.MissingParameter, $"-{source} gives no category probabilities. Expected: {expected}.");
            }

            var names = new List<string>();
            var probabilities = new List<double>();
            double sum = 0;

            // A plain hashtable has no order: its categories are sorted by name so that results
            // and gradients come out in the same order every time; an ordered table keeps its own.
            var entries = new List<DictionaryEntry>();
            foreach (DictionaryEntry entry in table)
            {
                entries.Add(entry);
            }

            if (table is Hashtable)
            {
                entries.Sort((x, y) => StringComparer.OrdinalIgnoreCase.Compare(Distributions.CategoricalCounts.NameOf(x.Key), Distributions.CategoricalCounts.NameOf(y.Key)));
            }

            foreach (DictionaryEntry entry in entries)
            {
                string name = Distributions.CategoricalCounts.NameOf(entry.Key);
                if (entry.Value is null
                    || Input.NumericConversion.TryConvert(entry.Value, allowBoolean: false, out double p) != Input.NumericConversion.Failure.None
                    || p < 0 || p > 1)
                {
                    throw new EstimationException(ErrorIds.InvalidParameterValue, $"-{source} gives '{name}' = {Input.NumericConversion.Describe(entry.Value)}, which is not a probability. Expected: {expected}.");
                }

                names.Add(name);
                probabilities.Add(p);
                sum += p;
            }

            if (Math.Abs(sum - 1) > 1e-9)
            {
                throw new EstimationException(ErrorIds.InvalidParameterValue, $"-{source} gives probabilities that sum to {sum.ToString("R", CultureInfo.InvariantCulture)}, not 1. Expected: {expected}.");
            }

            return new CategoricalModel(names.ToArray(), probabilities.ToArray());
        }

    }
}
