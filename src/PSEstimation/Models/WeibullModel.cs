using System;
using PSEstimation.Distributions;

namespace PSEstimation.Models
{
    /// <summary>
    /// Weibull(Shape k, Scale λ): f(x) = (k/λ)(x/λ)ᵏ⁻¹ exp(-(x/λ)ᵏ), x ≥ 0, S(x) = exp(-(x/λ)ᵏ).
    /// Every term is computed from z = log(x/λ) (log1p of the exact difference near x = λ) and
    /// the cumulative hazard H = e^(k·z), so values from 1e-300 to 1e300 neither overflow nor
    /// lose digits; log F goes through <see cref="CumulativeHazardTail"/> with u = k·z.
    /// </summary>
    internal sealed class WeibullModel : DistributionModel
    {
        private const double EulerGamma = 0.57721566490153286061;

        public WeibullModel()
            : base(DistributionName.Weibull,
                   new ParameterSpec("Shape", ParameterDomain.Positive),
                   new ParameterSpec("Scale", ParameterDomain.Positive))
        {
        }

        public override bool IsDiscrete => false;

        public override string SupportDescription => "x > 0";

        public override bool IsInSupport(double x, double[] theta)
            => x > 0 && !double.IsInfinity(x) || x == 0 && theta[0] <= 1;

        public override double LogDensity(double x, double[] theta)
        {
            double k = theta[0], lambda = theta[1];
            if (x == 0)
            {
                // f(0) = 1/λ for k = 1, +∞ for k < 1, 0 for k > 1.
                return k == 1 ? -Math.Log(lambda) : k < 1 ? double.PositiveInfinity : double.NegativeInfinity;
            }

            if (!(x > 0) || double.IsInfinity(x))
            {
                return double.NegativeInfinity;
            }

            // z through AccurateLog.OfRatio, not the family's SpecialMath.LogRatio: at λ = 1e-300
            // the latter's log x - log λ costs 6e-12 of a log density near 4.
            double z = AccurateLog.OfRatio(x, lambda);
            return Math.Log(k) - Math.Log(lambda) + (k - 1) * z - Math.Exp(k * z);
        }

        public override void AddScore(double x, double weight, double[] theta, double[] score)
        {
            double k = theta[0], lambda = theta[1];
            double z = x > 0 ? SpecialMath.LogRatio(x, lambda) : double.NegativeInfinity;
            double t = Math.Exp(k * z);
            score[0] += weight * (1 / k + z * (1 - t));
            score[1] += weight * k * (t - 1) / lambda;
        }

        public override void AddHessian(double x, double weight, double[] theta, double[,] hessian)
        {
            double k = theta[0], lambda = theta[1];
            double z = x > 0 ? SpecialMath.LogRatio(x, lambda) : double.NegativeInfinity;
            double t = Math.Exp(k * z);
            // t·z and t·z² tend to 0 as x → 0 (t underflows first); no ∞·0.
            double zt = t == 0 ? 0 : z * t;
            double zzt = t == 0 ? 0 : z * zt;
            double cross = weight * (t - 1 + k * zt) / lambda;
            hessian[0, 0] -= weight * (1 / (k * k) + zzt);
            hessian[0, 1] += cross;
            hessian[1, 0] += cross;
            hessian[1, 1] += weight * k * (1 - (k + 1) * t) / (lambda * lambda);
        }

        /// <summary>
        /// With U = (X/λ)ᵏ ~ Exp(1): E[U log U] = ψ(2) = 1 - γ and E[U log² U] = ψ'(2) + ψ(2)²,
        /// so I = [[(π²/6 + (1 - γ)²)/k², -(1 - γ)/λ], [-(1 - γ)/λ, k²/λ²]].
        /// </summary>
        public override double[,] ExpectedInformation(double[] theta)
        {
            double k = theta[0], lambda = theta[1];
            double oneMinusGamma = 1 - EulerGamma;
            double kk = (Math.PI * Math.PI / 6 + oneMinusGamma * oneMinusGamma) / (k * k);
            double kl = -oneMinusGamma / lambda;
            return new[,] { { kk, kl }, { kl, k * k / (lambda * lambda) } };
        }

        /// <summary>f = (k/x)·H·e^(-H) while that is a normal double (no log-exp round trip), exp(log f) beyond.</summary>
        public override double Density(double x, double[] theta)
        {
            if (!(x > 0) || double.IsInfinity(x))
            {
                return Math.Exp(LogDensity(x, theta));
            }

            double h = Math.Exp(theta[0] * AccurateLog.OfRatio(x, theta[1]));
            double value = theta[0] / x * h * Math.Exp(-h);
            return value >= 1e-300 && !double.IsInfinity(value) ? value : Math.Exp(LogDensity(x, theta));
        }

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

            double u = LogHazard(x, theta);
            return CumulativeHazardTail.LogCdf(u, Math.Exp(u));
        }

        public override double LogSurvival(double x, double[] theta)
        {
            if (double.IsNaN(x))
            {
                return double.NaN;
            }

            return x > 0 ? -Math.Exp(LogHazard(x, theta)) : 0;
        }

        public override double Cdf(double x, double[] theta)
        {
            if (double.IsNaN(x))
            {
                return double.NaN;
            }

            return x > 0 ? CumulativeHazardTail.Cdf(Math.Exp(LogHazard(x, theta))) : 0;
        }

        public override double Survival(double x, double[] theta) => Math.Exp(LogSurvival(x, theta));

        /// <summary>u = k·z, z = log(x/λ): ∇u = (z, -k/λ), ∇²u = [[0, -1/λ], [-1/λ, k/λ²]].</summary>
        public override void AddLogCdfDerivatives(double x, double weight, double[] theta, double[] gradient, double[,]? hessian)
        {
            if (!(x > 0) || double.IsInfinity(x))
            {
                CumulativeHazardTail.AddUndefined(gradient, hessian);
                return;
            }

            CumulativeHazardTail.AddLogCdfDerivatives(Math.Exp(LogHazard(x, theta)), HazardGradient(x, theta), HazardHessian(theta), weight, gradient, hessian);
        }

        public override void AddLogSurvivalDerivatives(double x, double weight, double[] theta, double[] gradient, double[,]? hessian)
        {
            if (double.IsNaN(x) || double.IsInfinity(x))
            {
                CumulativeHazardTail.AddUndefined(gradient, hessian);
                return;
            }

            if (x > 0)
            {
                CumulativeHazardTail.AddLogSurvivalDerivatives(Math.Exp(LogHazard(x, theta)), HazardGradient(x, theta), HazardHessian(theta), weight, gradient, hessian);
            }
        }

        /// <summary>λ · (-log(1 - p))^(1/k).</summary>
        public override double Quantile(double p, double[] theta)
        {
            if (!(p >= 0 && p <= 1))
            {
                return double.NaN;
            }

            if (p == 0)
            {
                return 0;
            }

            return p == 1 ? double.PositiveInfinity : FromHazard(-LogSpace.Log1p(-p), theta);
        }

        /// <summary>λ · (-log q)^(1/k).</summary>
        public override double InverseSurvival(double q, double[] theta)
        {
            if (!(q >= 0 && q <= 1))
            {
                return double.NaN;
            }

            if (q == 1)
            {
                return 0;
            }

            return q == 0 ? double.PositiveInfinity : FromHazard(-Math.Log(q), theta);
        }

        /// <summary>λ · E^(1/k) with E standard exponential, as λ · exp(log E / k).</summary>
        public override double Sample(RandomSource random, double[] theta)
        {
            double t = DeterministicMath.Log(Samplers.StandardExponential(random)) / theta[0];
            return t < 700 ? theta[1] * DeterministicMath.Exp(t) : DeterministicMath.Exp(DeterministicMath.Log(theta[1]) + t);
        }

        /// <summary>x with H(x) = h: λ · exp(log h / k), through exp(log λ + ·) where exp alone would overflow or underflow.</summary>
        private static double FromHazard(double h, double[] theta)
        {
            double t = Math.Log(h) / theta[0];
            return t < 700 && t > -700 ? theta[1] * Math.Exp(t) : Math.Exp(Math.Log(theta[1]) + t);
        }

        private static double LogHazard(double x, double[] theta) => theta[0] * AccurateLog.OfRatio(x, theta[1]);

        private static double[] HazardGradient(double x, double[] theta) => new[] { AccurateLog.OfRatio(x, theta[1]), -theta[0] / theta[1] };

        private static double[,] HazardHessian(double[] theta)
        {
            double lambda = theta[1];
            return new[,] { { 0, -1 / lambda }, { -1 / lambda, theta[0] / (lambda * lambda) } };
        }
    }
}
