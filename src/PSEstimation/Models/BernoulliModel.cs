using System;
using PSEstimation.Distributions;

namespace PSEstimation.Models
{
    /// <summary>
    /// Bernoulli(P) on {0, 1}: log f(x) = x log p + (1 - x) log(1 - p). F(0) = 1 - p, S(0) = p,
    /// F = 1 and S = 0 from 1 on.
    /// </summary>
    internal sealed class BernoulliModel : DistributionModel
    {
        public BernoulliModel()
            : base(DistributionName.Bernoulli, new ParameterSpec("P", ParameterDomain.Probability))
        {
        }

        public override bool IsDiscrete => true;

        public override string SupportDescription => "0 or 1 ($false or $true)";

        public override bool IsInSupport(double x, double[] theta)
            => (x == 1 && theta[0] > 0) || (x == 0 && theta[0] < 1);

        public override double LogDensity(double x, double[] theta)
            => IsInSupport(x, theta) ? (x == 1 ? Math.Log(theta[0]) : MathNet.Numerics.SpecialFunctions.Log1p(-theta[0])) : double.NegativeInfinity;

        public override void AddScore(double x, double weight, double[] theta, double[] score)
        {
            double p = theta[0];
            score[0] += weight * (Counts.Ratio(x, p) - Counts.Ratio(1 - x, 1 - p));
        }

        public override void AddHessian(double x, double weight, double[] theta, double[,] hessian)
        {
            double p = theta[0], q = 1 - p;
            hessian[0, 0] -= weight * (Counts.Ratio(Counts.Ratio(x, p), p) + Counts.Ratio(Counts.Ratio(1 - x, q), q));
        }

        /// <summary>1 / (p(1 - p)) per observation (infinite at p = 0 or 1).</summary>
        public override double[,] ExpectedInformation(double[] theta)
            => new[,] { { 1 / (theta[0] * (1 - theta[0])) } };

        public override double LogCdf(double x, double[] theta)
            => double.IsNaN(x) ? double.NaN : x < 0 ? double.NegativeInfinity : x < 1 ? LogSpace.Log1p(-theta[0]) : 0;

        public override double LogSurvival(double x, double[] theta)
            => double.IsNaN(x) ? double.NaN : x < 0 ? 0 : x < 1 ? Math.Log(theta[0]) : double.NegativeInfinity;

        public override double Cdf(double x, double[] theta)
            => double.IsNaN(x) ? double.NaN : x < 0 ? 0 : x < 1 ? 1 - theta[0] : 1;

        public override double Survival(double x, double[] theta)
            => double.IsNaN(x) ? double.NaN : x < 0 ? 1 : x < 1 ? theta[0] : 0;

        /// <summary>log F(0) = log(1 - p): -1/(1 - p), -1/(1 - p)²; constant elsewhere.</summary>
        public override void AddLogCdfDerivatives(double x, double weight, double[] theta, double[] gradient, double[,]? hessian)
        {
            if (!(x >= 0))
            {
                gradient[0] = double.NaN;
                return;
            }

            if (x < 1)
            {
                double q = 1 - theta[0];
                gradient[0] -= weight / q;
                if (hessian is not null)
                {
                    hessian[0, 0] -= weight / (q * q);
                }
            }
        }

        /// <summary>log S(0) = log p: 1/p, -1/p²; constant elsewhere.</summary>
        public override void AddLogSurvivalDerivatives(double x, double weight, double[] theta, double[] gradient, double[,]? hessian)
        {
            if (x >= 1 || double.IsNaN(x))
            {
                gradient[0] = double.NaN;
                return;
            }

            if (x >= 0)
            {
                double p = theta[0];
                gradient[0] += weight / p;
                if (hessian is not null)
                {
                    hessian[0, 0] -= weight / (p * p);
                }
            }
        }

        /// <summary>0 while p &lt;= F(0) = 1 - P, else 1.</summary>
        public override double Quantile(double p, double[] theta)
            => double.IsNaN(p) || p < 0 || p > 1 ? double.NaN : p <= 1 - theta[0] ? 0 : 1;

        /// <summary>0 when S(0) = P &lt;= q, else 1.</summary>
        public override double InverseSurvival(double q, double[] theta)
            => double.IsNaN(q) || q < 0 || q > 1 ? double.NaN : theta[0] <= q ? 0 : 1;

        public override double Sample(RandomSource random, double[] theta) => random.NextDouble() < theta[0] ? 1 : 0;
    }
}
