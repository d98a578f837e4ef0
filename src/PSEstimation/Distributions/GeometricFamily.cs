using System;
using PSEstimation.Models;

namespace PSEstimation.Distributions
{
    /// <summary>
    /// Geometric(P), counting the failures before the first success, on 0, 1, 2, ...:
    /// log f(x) = log p + x log(1 - p). (scipy's geom and R's rgeom differ: scipy counts trials,
    /// support 1, 2, ...; R counts failures, as here.)
    /// Streams n and Σx; the MLE is P = 1 / (1 + mean). An all-zero sample gives P = 1, on the
    /// boundary, with log-likelihood 0 and no standard error.
    /// </summary>
    internal sealed class GeometricFamily : DistributionFamily
    {
        public GeometricFamily()
            : base(new GeometricModel())
        {
        }

        public override bool CanFit(double x, double?[] fixedValues) => Counts.IsCount(x);

        /// <inheritdoc/>
        public override BulkSupport? SupportOnBulkPath(double?[] fixedValues) => BulkSupport.Counts;

        public override SampleAccumulator CreateAccumulator() => new CountStatistics(null);

        public override double LogLikelihood(SampleAccumulator sample, double[] theta)
        {
            var s = (CountStatistics)sample;
            double p = theta[0];
            if (p == 0 || (p == 1 && s.Sum > 0))
            {
                return double.NegativeInfinity;
            }

            return s.TotalWeight * Math.Log(p) + Counts.XLog1mP(s.Sum, p);
        }

        public override double[] Score(SampleAccumulator sample, double[] theta)
        {
            var s = (CountStatistics)sample;
            return new[] { s.TotalWeight / theta[0] - Counts.Ratio(s.Sum, 1 - theta[0]) };
        }

        public override double[,] Hessian(SampleAccumulator sample, double[] theta)
        {
            var s = (CountStatistics)sample;
            double p = theta[0], q = 1 - p;
            return new[,] { { -s.TotalWeight / (p * p) - Counts.Ratio(Counts.Ratio(s.Sum, q), q) } };
        }

        public override double[]? ClosedForm(SampleAccumulator sample, double?[] fixedValues)
        {
            var s = (CountStatistics)sample;
            Counts.CheckSum(s.Sum, Name);
            return new[] { 1 / (1 + s.Mean) };
        }

        public override NonRegularCovariance? NonRegularCovariance(SampleAccumulator sample, double[] theta, double?[] fixedValues)
        {
            if (fixedValues[0] is not null)
            {
                return null;
            }

            return theta[0] == 1 ? Counts.Boundary("P", "1 (every value is 0)") : Counts.Overflowing(Hessian(sample, theta), fixedValues);
        }
    }
}
