using System;
using System.Collections.Generic;

namespace PSEstimation.Distributions
{
    /// <summary>
    /// A sample kept value by value, for families whose likelihood needs every observation
    /// (Weibull, Logistic, Cauchy, Student t, negative binomial, Laplace).
    /// </summary>
    internal sealed class BufferedSample : SampleAccumulator
    {
        private readonly List<double> values = new List<double>();

        // Allocated only when a weight other than 1 arrives, so unweighted input costs one list.
        private List<double>? weights;

        public int Length => values.Count;

        /// <summary>
        /// How many times the first value was read: every pass over the data starts there, so
        /// this counts passes (the benchmark reports it for the iterative fits).
        /// </summary>
        public long Passes { get; private set; }

        public double ValueAt(int i)
        {
            if (i == 0)
            {
                Passes++;
            }

            return values[i];
        }

        public double WeightAt(int i) => weights is null ? 1.0 : weights[i];

        public bool IsWeighted => weights is not null;

        public override void Add(double x, double weight)
        {
            if (weight != 1.0 && weights is null)
            {
                weights = new List<double>(values.Count + 16);
                for (int i = 0; i < values.Count; i++)
                {
                    weights.Add(1.0);
                }
            }

            values.Add(x);
            weights?.Add(weight);
            TotalWeight += weight;
            Count++;
        }

        public override void AddRange(double[] newValues)
        {
            if (weights is not null)
            {
                base.AddRange(newValues);
                return;
            }

            values.AddRange(newValues);
            TotalWeight += newValues.Length;
            Count += newValues.Length;
        }

        /// <summary>Σ wᵢ f(xᵢ).</summary>
        public double WeightedSum(Func<double, double> f)
        {
            double sum = 0;
            for (int i = 0; i < values.Count; i++)
            {
                sum += WeightAt(i) * f(values[i]);
            }

            return sum;
        }

        /// <summary>The weighted median (the lower of the two middle values breaks no ties: their midpoint is taken, as R's median).</summary>
        public double Median() => WeightedQuantile(0.5);

        /// <summary>
        /// A weighted quantile with the convention of R's type 2 for unit weights: where the
        /// cumulative weight lands exactly on p·n, the midpoint of the two neighbours.
        /// </summary>
        public double WeightedQuantile(double p)
        {
            int n = values.Count;
            var order = new int[n];
            for (int i = 0; i < n; i++)
            {
                order[i] = i;
            }

            var keys = values.ToArray();
            Array.Sort(keys, order);
            double target = p * TotalWeight;
            double cumulative = 0;
            for (int k = 0; k < n; k++)
            {
                cumulative += WeightAt(order[k]);
                if (Math.Abs(cumulative - target) <= 1e-12 * TotalWeight && k + 1 < n)
                {
                    return 0.5 * keys[k] + 0.5 * keys[k + 1];
                }

                if (cumulative > target)
                {
                    return keys[k];
                }
            }

            return keys[n - 1];
        }
    }
}
