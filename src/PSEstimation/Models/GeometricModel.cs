using System;
using PSEstimation.Distributions;

namespace PSEstimation.Models
{
    /// <summary>
    /// Geometric(P), the failures before the first success, on 0, 1, 2, ...:
    /// log f(x) = log p + x log(1 - p), S(k) = (1 - p)^(k + 1), all in closed form.
    /// </summary>
    internal sealed class GeometricModel : DistributionModel
    {
        public GeometricModel()
            : base(DistributionName.Geometric, new ParameterSpec("P", ParameterDomain.Probability))
        {
        }

        public override bool IsDiscrete => true;

        public override string SupportDescription => "a whole number >= 0 (failures before the first success)";

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

        /// <summary>log S(k) = (k + 1) log(1 - p), for k = floor(x) >= 0.</summary>
        public override double LogSurvival(double x, double[] theta)
        {
            if (double.IsNaN(x))
            {
                return double.NaN;
            }

            double k = Math.Floor(x);
            return k < 0 ? 0 : theta[0] == 1 ? double.NegativeInfinity : (k + 1) * LogSpace.Log1p(-theta[0]);
        }

        public override double LogCdf(double x, double[] theta)
        {
            double logSurvival = LogSurvival(x, theta);
            return double.IsNaN(logSurvival) ? double.NaN : LogSpace.Log1MinusExp(logSurvival);
        }

        /// <summary>F(k) = 1 - (1 - p)^(k + 1) as -expm1((k + 1) log1p(-p)): no cancellation for small p.</summary>
        public override double Cdf(double x, double[] theta)
        {
            double logSurvival = LogSurvival(x, theta);
            return double.IsNaN(logSurvival) ? double.NaN : -LogSpace.Expm1(logSurvival);
        }

        /// <summary>∂ log S/∂p = -(k + 1)/(1 - p), ∂² = -(k + 1)/(1 - p)².</summary>
        public override void AddLogSurvivalDerivatives(double x, double weight, double[] theta, double[] gradient, double[,]? hessian)
        {
            double k = Math.Floor(x), q = 1 - theta[0];
            if (double.IsNaN(k) || k < 0)
            {
                gradient[0] += double.IsNaN(k) ? double.NaN : 0;
                return;
            }

            gradient[0] -= weight * (k + 1) / q;
            if (hessian is not null)
            {
                hessian[0, 0] -= weight * (k + 1) / (q * q);
            }
        }

        /// <summary>
        /// With m = k + 1 and F = 1 - q^m: ∂ log F/∂p = g = m q^(m-1)/F, ∂² = -m (m - 1) q^(m-2)/F - g²
        /// (the powers taken in logs).
        /// </summary>
        public override void AddLogCdfDerivatives(double x, double weight, double[] theta, double[] gradient, double[,]? hessian)
        {
            double k = Math.Floor(x), q = 1 - theta[0];
            if (!(k >= 0))
            {
                gradient[0] = double.NaN;
                return;
            }

            double m = k + 1, logQ = LogSpace.Log1p(-theta[0]), logF = LogCdf(k, theta);
            double g = m * (k == 0 ? Math.Exp(-logF) : Math.Exp(k * logQ - logF));
            gradient[0] += weight * g;
            if (hessian is not null)
            {
                double curvature = k == 0 ? 0 : m * k * Math.Exp((k - 1) * logQ - logF);
                hessian[0, 0] -= weight * (curvature + g * g);
            }
        }

        /// <summary>
        /// The smallest k with (k + 1) log(1 - p) &lt;= log(1 - prob): k = ⌈log(1 - prob)/log(1 - p)⌉ - 1,
        /// then checked against its neighbours so rounding of the ratio cannot move it.
        /// </summary>
        public override double Quantile(double p, double[] theta)
        {
            if (double.IsNaN(p) || p < 0 || p > 1)
            {
                return double.NaN;
            }

            if (p == 0 || theta[0] == 1)
            {
                return 0;
            }

            if (p == 1)
            {
                return double.PositiveInfinity;
            }

            double start = Math.Ceiling(LogSpace.Log1p(-p) / LogSpace.Log1p(-theta[0])) - 1;
            return DiscreteQuantileSearch.Quantile(this, theta, p, start, 0, double.MaxValue);
        }

        public override double InverseSurvival(double q, double[] theta)
        {
            if (double.IsNaN(q) || q < 0 || q > 1)
            {
                return double.NaN;
            }

            if (q == 1 || theta[0] == 1)
            {
                return 0;
            }

            if (q == 0)
            {
                return double.PositiveInfinity;
            }

            double start = Math.Ceiling(Math.Log(q) / LogSpace.Log1p(-theta[0])) - 1;
            return DiscreteQuantileSearch.InverseSurvival(this, theta, q, start, 0, double.MaxValue);
        }

        /// <summary>
        /// ⌊E / -log(1 - p)⌋ with E standard exponential: P(⌊E/c⌋ >= k) = e^(-kc) = (1 - p)^k exactly,
        /// so the inversion loses no tail. log(1 - p) by DeterministicMath.Log1p, which keeps a tiny p (1 - p would round it away).
        /// </summary>
        public override double Sample(RandomSource random, double[] theta)
        {
            double p = theta[0];
            if (p >= 1)
            {
                return 0;
            }

            double e = Samplers.StandardExponential(random);
            return Math.Floor(e / -DeterministicMath.Log1p(-p));
        }
    }
}
