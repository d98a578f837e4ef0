using System;
using PSEstimation.Distributions;

namespace PSEstimation.Models
{
    /// <summary>
    /// Exponential(Rate): f(x) = Rate · exp(-Rate · x) for x >= 0. S(x) = exp(-Rate·x) in closed
    /// form, so log S, the quantiles and the derivatives are exact; log F goes through the
    /// cumulative hazard H = Rate·x (<see cref="CumulativeHazardTail"/>).
    /// </summary>
    internal sealed class ExponentialModel : DistributionModel
    {
        public ExponentialModel()
            : base(DistributionName.Exponential, new ParameterSpec("Rate", ParameterDomain.Positive))
        {
        }

        public override bool IsDiscrete => false;

        public override string SupportDescription => "x >= 0";

        public override bool IsInSupport(double x, double[] theta) => x >= 0;

        public override double LogDensity(double x, double[] theta)
            => x >= 0 ? Math.Log(theta[0]) - theta[0] * x : double.NegativeInfinity;

        /// <summary>Rate · e^(-Rate·x) where e^(-Rate·x) is a normal double (one rounding fewer than exp(log f)); exp(log f) below.</summary>
        public override double Density(double x, double[] theta)
        {
            if (!(x >= 0))
            {
                return double.IsNaN(x) ? double.NaN : 0;
            }

            double survival = Math.Exp(-theta[0] * x);
            return survival >= 1e-300 ? theta[0] * survival : Math.Exp(LogDensity(x, theta));
        }

        // Outside the support the log-density is -Infinity and has no derivative: NaN, not a number that looks valid.
        public override void AddScore(double x, double weight, double[] theta, double[] score)
            => score[0] += x >= 0 ? weight * (1 / theta[0] - x) : double.NaN;

        public override void AddHessian(double x, double weight, double[] theta, double[,] hessian)
            => hessian[0, 0] += x >= 0 ? -weight / (theta[0] * theta[0]) : double.NaN;

        public override double[,] ExpectedInformation(double[] theta) => new[,] { { 1 / (theta[0] * theta[0]) } };

        public override double LogCdf(double x, double[] theta)
        {
            if (double.IsNaN(x))
            {
                return double.NaN;
            }

            if (!(x > 0))
            {
                return double.NegativeInfinity;
            }

            // u = log(Rate·x) from the two logs: Rate·x may underflow where log F ≈ u does not.
            return CumulativeHazardTail.LogCdf(Math.Log(theta[0]) + Math.Log(x), theta[0] * x);
        }

        public override double LogSurvival(double x, double[] theta) => x > 0 ? -theta[0] * x : double.IsNaN(x) ? double.NaN : 0;

        public override double Cdf(double x, double[] theta) => x > 0 ? CumulativeHazardTail.Cdf(theta[0] * x) : double.IsNaN(x) ? double.NaN : 0;

        public override double Survival(double x, double[] theta) => Math.Exp(LogSurvival(x, theta));

        /// <summary>H = Rate·x, u = log Rate + log x: ∂u/∂Rate = 1/Rate, ∂²u/∂Rate² = -1/Rate².</summary>
        public override void AddLogCdfDerivatives(double x, double weight, double[] theta, double[] gradient, double[,]? hessian)
        {
            if (!(x > 0))
            {
                CumulativeHazardTail.AddUndefined(gradient, hessian);
                return;
            }

            double rate = theta[0];
            CumulativeHazardTail.AddLogCdfDerivatives(rate * x, new[] { 1 / rate }, new[,] { { -1 / (rate * rate) } }, weight, gradient, hessian);
        }

        /// <summary>log S = -Rate·x: gradient -x, Hessian 0 (and 0, 0 for x &lt;= 0, where S = 1).</summary>
        public override void AddLogSurvivalDerivatives(double x, double weight, double[] theta, double[] gradient, double[,]? hessian)
        {
            if (double.IsNaN(x))
            {
                CumulativeHazardTail.AddUndefined(gradient, hessian);
                return;
            }

            gradient[0] += x > 0 ? -weight * x : 0;
        }

        /// <summary>-log(1 - p) / Rate, through log1p so that a tiny p keeps its digits.</summary>
        public override double Quantile(double p, double[] theta)
        {
            if (!(p >= 0 && p <= 1))
            {
                return double.NaN;
            }

            return p == 1 ? double.PositiveInfinity : -LogSpace.Log1p(-p) / theta[0];
        }

        /// <summary>-log q / Rate.</summary>
        public override double InverseSurvival(double q, double[] theta)
        {
            if (!(q >= 0 && q <= 1))
            {
                return double.NaN;
            }

            return q == 0 ? double.PositiveInfinity : -Math.Log(q) / theta[0];
        }

        public override double Sample(RandomSource random, double[] theta) => Samplers.StandardExponential(random) / theta[0];
    }
}
