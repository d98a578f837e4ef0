using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;
using PSEstimation.Distributions;

namespace PSEstimation.Estimation
{
    /// <summary>
    /// The categorical negative log-likelihood at given probabilities, streamed: each value's
    /// NLL is -log p(value), a value with no probability (absent from the table, or 0) has
    /// zero likelihood. As in Get-MLEstimate's Categorical result, the probabilities sum to 1,
    /// so the gradient is projected onto the simplex (each component minus their mean: zero at
    /// the MLE) and the Fisher information is diag(n/p).
    /// </summary>
    internal sealed class CategoricalLikelihood
    {
        private readonly Dictionary<string, int> indexByName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        private readonly string[] names;
        private readonly double[] probabilities;
        private readonly double[] counts;
        private double logLikelihood;

        private CategoricalLikelihood(string[] names, double[] probabilities)
        {
            this.names = names;
            this.probabilities = probabilities;
            counts = new double[names.Length];
            for (int i = 0; i < names.Length; i++)
            {
                indexByName[names[i]] = i;
            }
        }

        public long Count { get; private set; }

        public long ZeroLikelihoodCount { get; private set; }

        public List<long> FirstZeroLikelihoodIndices { get; } = new List<long>();

        /// <summary>
        /// Reads category → probability from -Parameter (or a fit's Estimate): every value in
        /// [0, 1], summing to 1 within 1e-9. Throws <see cref="EstimationException"/> otherwise.
        /// </summary>
        public static CategoricalLikelihood FromTable(IDictionary? table, string source)
        {
            const string expected = "one probability per category, e.g. @{ red = 0.5; green = 0.3; blue = 0.2 }, each in [0, 1], summing to 1";
            if (table is null || table.Count == 0)
            {
                throw new EstimationException("MissingParameter", $"-{source} gives no category probabilities. Expected: {expected}.");
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
                entries.Sort((x, y) => StringComparer.OrdinalIgnoreCase.Compare(CategoricalCounts.NameOf(x.Key), CategoricalCounts.NameOf(y.Key)));
            }

            foreach (DictionaryEntry entry in entries)
            {
                string name = CategoricalCounts.NameOf(entry.Key);
                if (entry.Value is null
                    || Input.NumericConversion.TryConvert(entry.Value, allowBoolean: false, out double p) != Input.NumericConversion.Failure.None
                    || p < 0 || p > 1)
                {
                    throw new EstimationException("InvalidParameterValue", $"-{source} gives '{name}' = {Input.NumericConversion.Describe(entry.Value)}, which is not a probability. Expected: {expected}.");
                }

                names.Add(name);
                probabilities.Add(p);
                sum += p;
            }

            if (Math.Abs(sum - 1) > 1e-9)
            {
                throw new EstimationException("InvalidParameterValue", $"-{source} gives probabilities that sum to {sum.ToString("R", CultureInfo.InvariantCulture)}, not 1. Expected: {expected}.");
            }

            return new CategoricalLikelihood(names.ToArray(), probabilities.ToArray());
        }

        /// <summary>Adds one value; returns its NLL (+Infinity where its probability is 0).</summary>
        public double Add(object value, long index)
        {
            Count++;
            if (indexByName.TryGetValue(CategoricalCounts.NameOf(value), out int i) && probabilities[i] > 0)
            {
                counts[i]++;
                double logP = Math.Log(probabilities[i]);
                logLikelihood += logP;
                return 0 - logP;
            }

            ZeroLikelihoodCount++;
            if (FirstZeroLikelihoodIndices.Count < NegativeLogLikelihoodEvaluator.RecordedIndexCount)
            {
                FirstZeroLikelihoodIndices.Add(index);
            }

            return double.PositiveInfinity;
        }

        public NegativeLogLikelihood ToResult(string? property, long skippedCount)
        {
            int k = names.Length;
            var parameters = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
            var gradient = new double[k];
            var information = new double[k, k];
            double mean = 0;
            for (int i = 0; i < k; i++)
            {
                parameters[names[i]] = probabilities[i];
                gradient[i] = probabilities[i] > 0 ? -counts[i] / probabilities[i] : double.NaN;
                mean += gradient[i] / k;
                information[i, i] = probabilities[i] > 0 ? Count / probabilities[i] : double.PositiveInfinity;
            }

            bool finite = ZeroLikelihoodCount == 0;
            for (int i = 0; i < k; i++)
            {
                gradient[i] = finite ? gradient[i] - mean : double.NaN;
            }

            return new NegativeLogLikelihood(
                DistributionName.Categorical.ToString(),
                property,
                Count,
                skippedCount,
                ZeroLikelihoodCount,
                parameters,
                finite ? logLikelihood : double.NegativeInfinity,
                gradient,
                information);
        }
    }
}
