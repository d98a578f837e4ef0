using System;
using PSEstimation.Distributions;

namespace PSEstimation.Models
{
    /// <summary>
    /// Normal(Mean, Variance). The variance, not the standard deviation, is the parameter, so
    /// score and information are with respect to it.
    /// </summary>
    internal sealed class NormalModel : DistributionModel
    {
        private const double LogTwoPi = 1.8378770664093454835606594728112;
        private const double SqrtTwoPi = 2.5066282746310005024157652848110;

        public NormalModel()
            : base(DistributionName.Normal,
                   new ParameterSpec("Mean", ParameterDomain.Real),
                   new ParameterSpec("Variance", ParameterDomain.Positive))
        {
        }

        public override bool IsDiscrete => false;

        public override string SupportDescription => "any finite real number";

        public override bool IsInSupport(double x, double[] theta) => true;

        // Per observation, (x - Mean) is scaled before it is squared, so values near 1e300 with a
        // variance near 1e308 give finite results where d² or v² alone would overflow.
        public override double LogDensity(double x, double[] theta)
        {
            double z = Scaled(x, theta[0], Math.Sqrt(theta[1]));
            return -0.5 * (LogTwoPi + Math.Log(theta[1]) + z * z);
        }

        /// <summary>
        /// φ(z)/σ with z² in double-double (<see cref="StandardNormal.HalfSquareExp"/>): exp of the
        /// summed logs loses 2z²·1.1e-16 relative (9e-14 at z = 36); the log form only where
        /// e^{-z²/2} would leave the normal doubles (|z| ≥ 37.4).
        /// </summary>
        public override double Density(double x, double[] theta)
        {
            double sigma = Math.Sqrt(theta[1]), z = Scaled(x, theta[0], sigma);
            return Math.Abs(z) < 37.4 ? StandardNormal.HalfSquareExp(z) / (SqrtTwoPi * sigma) : Math.Exp(LogDensity(x, theta));
        }

        public override void AddScore(double x, double weight, double[] theta, double[] score)
        {
            double v = theta[1], r = Scaled(x, theta[0], v);
            score[0] += weight * r;
            score[1] += weight * 0.5 * (r * r - 1 / v);
        }

        public override void AddHessian(double x, double weight, double[] theta, double[,] hessian)
        {
            double v = theta[1], r = Scaled(x, theta[0], v);
            hessian[0, 0] -= weight / v;
            hessian[0, 1] -= weight * r / v;
            hessian[1, 0] -= weight * r / v;
            hessian[1, 1] += weight * (0.5 / v - r * r) / v;
        }

        public override double[,] ExpectedInformation(double[] theta)
            => new[,] { { 1 / theta[1], 0 }, { 0, 1 / (2 * theta[1] * theta[1]) } };

        public override double LogCdf(double x, double[] theta) => StandardNormal.LogCdf(Standardized(x, theta));

        public override double LogSurvival(double x, double[] theta) => StandardNormal.LogCdf(-Standardized(x, theta));

        public override double Cdf(double x, double[] theta) => StandardNormal.Cdf(Standardized(x, theta));

        public override double Survival(double x, double[] theta) => StandardNormal.Cdf(-Standardized(x, theta));

        /// <summary>
        /// log F = log Φ(z): d/dz = h(-z) and d²/dz² = -h(-z)·(h(-z) + z), with the hazard and its
        /// excess from <see cref="StandardNormal.Hazard"/> (log space, no quotient of underflowed
        /// numbers), then the chain rule to (Mean, Variance).
        /// </summary>
        public override void AddLogCdfDerivatives(double x, double weight, double[] theta, double[] gradient, double[,]? hessian)
        {
            double z = Standardized(x, theta);
            StandardNormal.Hazard(-z, out double hazard, out double excess);
            AddInVariance(z, hazard, -hazard * excess, weight, theta, gradient, hessian);
        }

        /// <summary>log S = log Φ(-z): d/dz = -h(z) and d²/dz² = -h(z)·(h(z) - z).</summary>
        public override void AddLogSurvivalDerivatives(double x, double weight, double[] theta, double[] gradient, double[,]? hessian)
        {
            double z = Standardized(x, theta);
            StandardNormal.Hazard(z, out double hazard, out double excess);
            AddInVariance(z, -hazard, -hazard * excess, weight, theta, gradient, hessian);
        }

        public override double Quantile(double p, double[] theta) => theta[0] + Math.Sqrt(theta[1]) * StandardNormal.Quantile(p);

        public override double InverseSurvival(double q, double[] theta) => theta[0] - Math.Sqrt(theta[1]) * StandardNormal.Quantile(q);

        public override double Sample(RandomSource random, double[] theta)
            => theta[0] + Math.Sqrt(theta[1]) * Samplers.StandardNormal(random);

        /// <summary>
        /// The (Mean, σ) chain rule of <see cref="LocationScaleModel.AddChainRule"/>, then σ = √v:
        /// ∂/∂v = ∂/∂σ / (2σ), ∂²/∂v² = (∂²/∂σ² - ∂/∂σ / σ) / (4σ²), ∂²/∂Mean∂v = ∂²/∂Mean∂σ / (2σ).
        /// </summary>
        private static void AddInVariance(double z, double first, double second, double weight, double[] theta, double[] gradient, double[,]? hessian)
        {
            double sigma = Math.Sqrt(theta[1]);
            var g = new double[2];
            var h = hessian is null ? null : new double[2, 2];
            LocationScaleModel.AddChainRule(z, sigma, first, second, weight, g, h);
            gradient[0] += g[0];
            gradient[1] += g[1] / (2 * sigma);
            if (hessian is null)
            {
                return;
            }

            double cross = h![0, 1] / (2 * sigma);
            hessian[0, 0] += h[0, 0];
            hessian[0, 1] += cross;
            hessian[1, 0] += cross;
            hessian[1, 1] += (h[1, 1] - g[1] / sigma) / (4 * theta[1]);
        }

        private static double Standardized(double x, double[] theta) => Scaled(x, theta[0], Math.Sqrt(theta[1]));

        /// <summary>(x - mean) / scale, also when x - mean itself overflows (x = 1e308, mean = -1e308).</summary>
        internal static double Scaled(double x, double mean, double scale)
        {
            double d = x - mean;
            return double.IsInfinity(d) && !double.IsInfinity(x) ? x / scale - mean / scale : d / scale;
        }
    }
}
