using System;

namespace PSEstimation.Distributions
{
    /// <summary>
    /// Poisson(Lambda) on 0, 1, 2, ...: log f(x) = x log λ - λ - log x!.
    /// Streams n, Σx and Σ log x!; the MLE is the sample mean. An all-zero sample gives
    /// Lambda = 0, a legitimate MLE on the boundary with log-likelihood 0 and no standard error.
    /// </summary>
    internal sealed class PoissonFamily : DistributionFamily
    {
        public PoissonFamily()
            : base(DistributionName.Poisson, new ParameterSpec("Lambda", ParameterDomain.Positive))
        {
        }

        public override bool IsDiscrete => true;

        public override string SupportDescription => "a whole number >= 0";

        public override bool CanFit(double x, double?[] fixedValues) => Counts.IsCount(x);

        public override bool IsInSupport(double x, double[] theta) => Counts.IsCount(x) && (x == 0 || theta[0] > 0);

        public override double LogDensity(double x, double[] theta)
            => IsInSupport(x, theta) ? Counts.XLogY(x, theta[0]) - theta[0] - Counts.LogFactorial(x) : double.NegativeInfinity;

        public override void AddScore(double x, double weight, double[] theta, double[] score)
            => score[0] += weight * (Counts.Ratio(x, theta[0]) - 1);

        public override void AddHessian(double x, double weight, double[] theta, double[,] hessian)
            => hessian[0, 0] -= weight * Counts.Ratio(Counts.Ratio(x, theta[0]), theta[0]);

        /// <summary>1/λ per observation (infinite at λ = 0).</summary>
        public override double[,] ExpectedInformation(double[] theta) => new[,] { { 1 / theta[0] } };

        public override SampleAccumulator CreateAccumulator() => new CountStatistics(x => -Counts.LogFactorial(x));

        public override double LogLikelihood(SampleAccumulator sample, double[] theta)
        {
            var s = (CountStatistics)sample;
            if (theta[0] == 0 && s.Sum > 0)
            {
                return double.NegativeInfinity;
            }

            return Counts.XLogY(s.Sum, theta[0]) - s.TotalWeight * theta[0] + s.SumLogConstant;
        }

        public override double[] Score(SampleAccumulator sample, double[] theta)
        {
            var s = (CountStatistics)sample;
            return new[] { Counts.Ratio(s.Sum, theta[0]) - s.TotalWeight };
        }

        public override double[,] Hessian(SampleAccumulator sample, double[] theta)
        {
            var s = (CountStatistics)sample;
            return new[,] { { -Counts.Ratio(Counts.Ratio(s.Sum, theta[0]), theta[0]) } };
        }

        public override double[]? ClosedForm(SampleAccumulator sample, double?[] fixedValues)
            => new[] { ((CountStatistics)sample).Mean };

        public override NonRegularCovariance? NonRegularCovariance(SampleAccumulator sample, double[] theta, double?[] fixedValues)
            => fixedValues[0] is null && theta[0] == 0 ? Counts.Boundary("Lambda", "0 (every value is 0)") : null;
    }
}
