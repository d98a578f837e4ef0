using System;

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
            : base(DistributionName.Geometric, new ParameterSpec("P", ParameterDomain.Probability))
        {
        }

        public override bool IsDiscrete => true;

        public override string SupportDescription => "a whole number >= 0 (failures before the first success)";

        public override bool CanFit(double x, double?[] fixedValues) => Counts.IsCount(x);

        public override bool IsInSupport(double x, double[] theta)
            => Counts.IsCount(x) && theta[0] > 0 && (x == 0 || theta[0] < 1);

        public override double LogDensity(double x, double[] theta)
            => IsInSupport(x, theta) ? Math.Log(theta[0]) + Counts.XLog1mP(x, theta[0]) : double.NegativeInfinity;

        public override void AddScore(double x, double weight, double[] theta, double[] score)
            => score[0] += weight * (1 / theta[0] - Counts.Ratio(x, 1 - theta[0]));

        public override void AddHessian(double x, double weight, double[] theta, double[,] hessian)
        {
            double p = theta[0], q = 1 - p;
            hessian[0, 0] -= weight * (1 / (p * p) + Counts.Ratio(Counts.Ratio(x, q), q));
        }

        /// <summary>1 / (p²(1 - p)) per observation (infinite at p = 1).</summary>
        public override double[,] ExpectedInformation(double[] theta)
            => new[,] { { 1 / (theta[0] * theta[0] * (1 - theta[0])) } };

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
