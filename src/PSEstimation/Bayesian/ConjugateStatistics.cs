using PSEstimation.Distributions;

namespace PSEstimation.Bayesian
{
    /// <summary>
    /// What every conjugate update of this module needs from a sample, whatever family
    /// accumulator runs beside it: the weighted count n, the weighted sum Σ w x (Neumaier's
    /// compensated sum, so integer counts add up exactly) and the sum of squared deviations
    /// (kept by the Normal family's Welford accumulator, exact for data with a huge offset).
    /// </summary>
    internal sealed class ConjugateStatistics
    {
        private readonly NormalFamily.Statistics moments = new NormalFamily.Statistics();
        private double sum;
        private double compensation;

        /// <summary>n, the sum of the weights.</summary>
        public double TotalWeight => moments.TotalWeight;

        /// <summary>Σ w x.</summary>
        public double Sum => sum + compensation;

        /// <summary>Σ w x / n.</summary>
        public double Mean => moments.Mean;

        /// <summary>Σ w (x - x̄)².</summary>
        public double SumOfSquares => moments.SumOfSquares;

        /// <summary>Σ w (x - m)².</summary>
        public double SumOfSquaresAbout(double m) => moments.SumOfSquaresAbout(m);

        public void Add(double x, double weight)
        {
            moments.Add(x, weight);
            AddToSum(weight * x);
        }

        /// <summary>Adds unit-weight values (the bulk path).</summary>
        public void AddRange(double[] values)
        {
            moments.AddRange(values);
            foreach (double x in values)
            {
                AddToSum(x);
            }
        }

        private void AddToSum(double term)
        {
            double total = sum + term;
            compensation += System.Math.Abs(sum) >= System.Math.Abs(term) ? (sum - total) + term : (term - total) + sum;
            sum = total;
        }
    }
}
