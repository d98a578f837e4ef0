using System;
using PSEstimation.Models;

namespace PSEstimation.Distributions
{
    /// <summary>
    /// Bernoulli(P) on {0, 1} ($true and $false count as 1 and 0): log f(x) = x log p + (1 - x) log(1 - p).
    /// Streams n and Σx; the MLE is the proportion of ones. A sample of only zeros (or only ones)
    /// gives P = 0 (or 1), a legitimate MLE on the boundary with log-likelihood 0 and no standard error.
    /// </summary>
    internal sealed class BernoulliFamily : DistributionFamily
    {
        public BernoulliFamily()
            : base(new BernoulliModel())
        {
        }

        public override bool AcceptsBooleans => true;

        public override bool CanFit(double x, double?[] fixedValues) => x == 0 || x == 1;

        /// <inheritdoc/>
        public override BulkSupport? SupportOnBulkPath(double?[] fixedValues) => new BulkSupport(0, 1, integers: true);

        public override SampleAccumulator CreateAccumulator() => new CountStatistics(null);

        public override double LogLikelihood(SampleAccumulator sample, double[] theta)
        {
            var s = (CountStatistics)sample;
            double ones = s.Sum, zeros = s.TotalWeight - s.Sum, p = theta[0];
            if ((p == 0 && ones > 0) || (p == 1 && zeros > 0))
            {
                return double.NegativeInfinity;
            }

            return Counts.XLogY(ones, p) + Counts.XLog1mP(zeros, p);
        }

        public override double[] Score(SampleAccumulator sample, double[] theta)
        {
            var s = (CountStatistics)sample;
            double p = theta[0];
            return new[] { Counts.Ratio(s.Sum, p) - Counts.Ratio(s.TotalWeight - s.Sum, 1 - p) };
        }

        public override double[,] Hessian(SampleAccumulator sample, double[] theta)
        {
            var s = (CountStatistics)sample;
            double p = theta[0], q = 1 - p;
            return new[,] { { -Counts.Ratio(Counts.Ratio(s.Sum, p), p) - Counts.Ratio(Counts.Ratio(s.TotalWeight - s.Sum, q), q) } };
        }

        public override double[]? ClosedForm(SampleAccumulator sample, double?[] fixedValues)
            => new[] { ((CountStatistics)sample).Mean };

        public override NonRegularCovariance? NonRegularCovariance(SampleAccumulator sample, double[] theta, double?[] fixedValues)
        {
            if (fixedValues[0] is not null)
            {
                return null;
            }

            return theta[0] == 0 ? Counts.Boundary("P", "0 (every value is 0)")
                : theta[0] == 1 ? Counts.Boundary("P", "1 (every value is 1)")
                : null;
        }
    }
}
