using System;
using PSEstimation.Distributions;

namespace PSEstimation.Models
{
    /// <summary>
    /// Rayleigh(Scale): f(x) = x / Scale² · exp(-x² / (2 Scale²)) for x >= 0, S(x) = exp(-z²/2)
    /// with z = x / Scale: a Weibull with Shape 2, through <see cref="CumulativeHazardTail"/> with
    /// H = z²/2 and u = 2 log z - log 2.
    /// </summary>
    internal sealed class RayleighModel : DistributionModel
    {
        private const double Ln2 = 0.69314718055994530941723212145818;

        public RayleighModel()
            : base(DistributionName.Rayleigh, new ParameterSpec("Scale", ParameterDomain.Positive))
        {
        }

        public override bool IsDiscrete => false;

        public override string SupportDescription => "x > 0 for the fit (the density is 0 at x = 0, so a zero would make the likelihood 0 whatever the Scale)";

        /// <summary>x > 0: the density vanishes at 0 although 0 belongs to the support.</summary>
        public override bool IsInSupport(double x, double[] theta) => x > 0;

        public override double LogDensity(double x, double[] theta)
        {
            if (!(x >= 0))
            {
                return double.NegativeInfinity;
            }

            double z = x / theta[0];
            return Math.Log(x) - 2 * Math.Log(theta[0]) - 0.5 * z * z;
        }

        /// <summary>(z / Scale) · e^(-z²/2) while that is a normal double, exp(log f) beyond.</summary>
        public override double Density(double x, double[] theta)
        {
            if (double.IsNaN(x))
            {
                return double.NaN;
            }

            if (!(x > 0) || double.IsInfinity(x))
            {
                return 0;
            }

            double z = x / theta[0];
            double value = z / theta[0] * Math.Exp(-0.5 * z * z);
            return value >= 1e-300 && !double.IsInfinity(value) ? value : Math.Exp(LogDensity(x, theta));
        }

        public override void AddScore(double x, double weight, double[] theta, double[] score)
        {
            double z = x / theta[0];
            score[0] += x >= 0 ? weight * (z * z - 2) / theta[0] : double.NaN;
        }

        public override void AddHessian(double x, double weight, double[] theta, double[,] hessian)
        {
            double z = x / theta[0];
            hessian[0, 0] += x >= 0 ? weight * (2 - 3 * z * z) / (theta[0] * theta[0]) : double.NaN;
        }

        /// <summary>-E[∂² log f / ∂Scale²] = -2/Scale² + 3 E[x²]/Scale⁴ with E[x²] = 2 Scale²: 4 / Scale².</summary>
        public override double[,] ExpectedInformation(double[] theta) => new[,] { { 4 / (theta[0] * theta[0]) } };

        public override double LogCdf(double x, double[] theta)
        {
            if (double.IsNaN(x))
            {
                return double.NaN;
            }

            return x > 0 ? CumulativeHazardTail.LogCdf(LogHazard(x, theta[0]), Hazard(x, theta[0])) : double.NegativeInfinity;
        }

        public override double LogSurvival(double x, double[] theta) => x > 0 ? -Hazard(x, theta[0]) : double.IsNaN(x) ? double.NaN : 0;

        public override double Cdf(double x, double[] theta) => x > 0 ? CumulativeHazardTail.Cdf(Hazard(x, theta[0])) : double.IsNaN(x) ? double.NaN : 0;

        public override double Survival(double x, double[] theta) => Math.Exp(LogSurvival(x, theta));

        /// <summary>u = 2 log(x/Scale) - log 2: ∂u/∂Scale = -2/Scale, ∂²u/∂Scale² = 2/Scale².</summary>
        public override void AddLogCdfDerivatives(double x, double weight, double[] theta, double[] gradient, double[,]? hessian)
        {
            if (!(x > 0))
            {
                CumulativeHazardTail.AddUndefined(gradient, hessian);
                return;
            }

            double s = theta[0];
            CumulativeHazardTail.AddLogCdfDerivatives(Hazard(x, s), new[] { -2 / s }, new[,] { { 2 / (s * s) } }, weight, gradient, hessian);
        }

        public override void AddLogSurvivalDerivatives(double x, double weight, double[] theta, double[] gradient, double[,]? hessian)
        {
            if (double.IsNaN(x))
            {
                CumulativeHazardTail.AddUndefined(gradient, hessian);
                return;
            }

            if (x > 0)
            {
                double s = theta[0];
                CumulativeHazardTail.AddLogSurvivalDerivatives(Hazard(x, s), new[] { -2 / s }, new[,] { { 2 / (s * s) } }, weight, gradient, hessian);
            }
        }

        /// <summary>Scale · sqrt(-2 log(1 - p)).</summary>
        public override double Quantile(double p, double[] theta)
        {
            if (!(p >= 0 && p <= 1))
            {
                return double.NaN;
            }

            return p == 1 ? double.PositiveInfinity : theta[0] * Math.Sqrt(-2 * LogSpace.Log1p(-p));
        }

        /// <summary>Scale · sqrt(-2 log q).</summary>
        public override double InverseSurvival(double q, double[] theta)
        {
            if (!(q >= 0 && q <= 1))
            {
                return double.NaN;
            }

            return q == 0 ? double.PositiveInfinity : theta[0] * Math.Sqrt(-2 * Math.Log(q));
        }

        /// <summary>Scale · sqrt(2 E) with E standard exponential: exact, and sqrt is correctly rounded everywhere.</summary>
        public override double Sample(RandomSource random, double[] theta) => theta[0] * Math.Sqrt(2 * Samplers.StandardExponential(random));

        /// <summary>H = z²/2, z = x / Scale.</summary>
        private static double Hazard(double x, double scale)
        {
            double z = x / scale;
            return 0.5 * z * z;
        }

        /// <summary>u = log H = 2 log z - log 2, finite where z² underflows.</summary>
        private static double LogHazard(double x, double scale) => 2 * AccurateLog.OfRatio(x, scale) - Ln2;
    }
}
