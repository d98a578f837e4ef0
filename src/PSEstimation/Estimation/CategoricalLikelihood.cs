using System;
using PSEstimation.Models;
using System.Linq;
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

        private CategoricalLikelihood(IReadOnlyList<string> names, IReadOnlyList<double> probabilities)
        {
            this.names = names.ToArray();
            this.probabilities = probabilities.ToArray();
            counts = new double[this.names.Length];
            for (int i = 0; i < this.names.Length; i++)
            {
                indexByName[names[i]] = i;
            }
        }

        public long Count { get; private set; }

        public long ZeroLikelihoodCount { get; private set; }

        public List<long> FirstZeroLikelihoodIndices { get; } = new List<long>();

        /// <summary>
        /// Reads category → probability from -Parameter (or a fit's Estimate): see
        /// <see cref="CategoricalModel.FromTable"/>.
        /// </summary>
        public static CategoricalLikelihood FromTable(IDictionary? table, string source)
        {
            var model = CategoricalModel.FromTable(table, source);
            return new CategoricalLikelihood(model.Categories, model.Probabilities);
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
