using System;
using PSEstimation.Distributions;

namespace PSEstimation.Models
{
    /// <summary>
    /// Poisson(Lambda) on 0, 1, 2, ...: log f(x) = x log λ - λ - log x!, by Loader's form
    /// -½ log(2πx) - σ(x) - bd0(x, λ) (R's dpois_raw), accurate for huge counts.
    /// </summary>
    /// <remarks>
    /// F(k) and S(k) are sums of masses from the side of the mean they lie on: below λ,
    /// F(k) = f(k) [1 + k/λ + k(k - 1)/λ² + ...]; at or above, S(k) = f(k + 1) [1 + λ/(k + 2) +
    /// λ²/((k + 2)(k + 3)) + ...]. Every term is positive and decreasing, so each tail keeps its
    /// digits down to where it underflows (and beyond, in logs: the sum is taken relative to its
    /// first term); the other tail is log(1 - e^tail). Near the mean the sums take about 8√λ
    /// terms (8e4 at λ = 1e8).
    /// </remarks>
    internal sealed class PoissonModel : DistributionModel
    {
        public PoissonModel()
            : base(DistributionName.Poisson, new ParameterSpec("Lambda", ParameterDomain.Positive))
        {
        }

        public override bool IsDiscrete => true;

        public override string SupportDescription => "a whole number >= 0";

        public override bool IsInSupport(double x, double[] theta) => Counts.IsCount(x) && (x == 0 || theta[0] > 0);

        public override double LogDensity(double x, double[] theta)
            => IsInSupport(x, theta) ? Counts.PoissonLogPmf(x, theta[0]) : double.NegativeInfinity;

        public override void AddScore(double x, double weight, double[] theta, double[] score)
            => score[0] += weight * (Counts.Ratio(x, theta[0]) - 1);

        public override void AddHessian(double x, double weight, double[] theta, double[,] hessian)
            => hessian[0, 0] -= weight * Counts.Ratio(Counts.Ratio(x, theta[0]), theta[0]);

        /// <summary>1/λ per observation (infinite at λ = 0).</summary>
        public override double[,] ExpectedInformation(double[] theta) => new[,] { { 1 / theta[0] } };

        public override double LogCdf(double x, double[] theta)
        {
            Tails(x, theta[0], out double lower, out _);
            return lower;
        }

        public override double LogSurvival(double x, double[] theta)
        {
            Tails(x, theta[0], out _, out double upper);
            return upper;
        }

        /// <summary>∂ log F(k)/∂λ = -f(k)/F(k) (d F(k)/dλ = -f(k)); ∂² = -g (k/λ - 1) - g², g = f(k)/F(k).</summary>
        public override void AddLogCdfDerivatives(double x, double weight, double[] theta, double[] gradient, double[,]? hessian)
        {
            double k = Math.Floor(x), lambda = theta[0];
            if (!(k >= 0))
            {
                gradient[0] = double.NaN;
                return;
            }

            double g = Math.Exp(Counts.PoissonLogPmf(k, lambda) - LogCdf(k, theta));
            gradient[0] -= weight * g;
            if (hessian is not null)
            {
                hessian[0, 0] -= weight * (g * (k / lambda - 1) + g * g);
            }
        }

        /// <summary>∂ log S(k)/∂λ = f(k)/S(k); ∂² = h (k/λ - 1) - h², h = f(k)/S(k).</summary>
        public override void AddLogSurvivalDerivatives(double x, double weight, double[] theta, double[] gradient, double[,]? hessian)
        {
            double k = Math.Floor(x), lambda = theta[0];
            if (!(k >= 0))
            {
                return; // S = 1 for every λ
            }

            double h = Math.Exp(Counts.PoissonLogPmf(k, lambda) - LogSurvival(k, theta));
            gradient[0] += weight * h;
            if (hessian is not null)
            {
                hessian[0, 0] += weight * (h * (k / lambda - 1) - h * h);
            }
        }

        public override double Quantile(double p, double[] theta)
        {
            if (double.IsNaN(p) || p < 0 || p > 1)
            {
                return double.NaN;
            }

            if (p == 0 || theta[0] == 0)
            {
                return 0;
            }

            if (p == 1)
            {
                return double.PositiveInfinity;
            }

            return DiscreteQuantileSearch.Quantile(this, theta, p, Start(StandardNormal.Quantile(p), theta[0]), 0, double.MaxValue);
        }

        public override double InverseSurvival(double q, double[] theta)
        {
            if (double.IsNaN(q) || q < 0 || q > 1)
            {
                return double.NaN;
            }

            if (q == 1 || theta[0] == 0)
            {
                return 0;
            }

            if (q == 0)
            {
                return double.PositiveInfinity;
            }

            return DiscreteQuantileSearch.InverseSurvival(this, theta, q, Start(-StandardNormal.Quantile(q), theta[0]), 0, double.MaxValue);
        }

        public override double Sample(RandomSource random, double[] theta) => Samplers.Poisson(random, theta[0]);

        private static double Start(double z, double lambda)
            => DiscreteQuantileSearch.CornishFisher(z, lambda, Math.Sqrt(lambda), 1 / Math.Sqrt(lambda));

        /// <summary>log F(floor(x)) and log S(floor(x)), each from its own sum where it is the smaller tail.</summary>
        internal static void Tails(double x, double lambda, out double logLower, out double logUpper)
        {
            if (double.IsNaN(x) || double.IsNaN(lambda))
            {
                logLower = logUpper = double.NaN;
                return;
            }

            double k = Math.Floor(x);
            if (k < 0)
            {
                logLower = double.NegativeInfinity;
                logUpper = 0;
                return;
            }

            if (lambda == 0 || double.IsPositiveInfinity(k))
            {
                logLower = 0;
                logUpper = double.NegativeInfinity;
                return;
            }

            if (k < lambda)
            {
                // F(k) = f(k) Σ_{j=0..k} Π_{i=0..j-1} (k - i)/λ
                double sum = 1, compensation = 0, term = 1;
                for (double i = 0; i < k; i++)
                {
                    term *= (k - i) / lambda;
                    Accumulate(ref sum, ref compensation, term);
                    if (term < 1e-17 * sum)
                    {
                        break;
                    }
                }

                logLower = Counts.PoissonLogPmf(k, lambda) + Math.Log(sum + compensation);
                logUpper = LogSpace.Log1MinusExp(logLower);
            }
            else
            {
                // S(k) = f(k + 1) Σ_{j>=0} Π_{i=0..j-1} λ/(k + 2 + i)
                double sum = 1, compensation = 0, term = 1;
                for (double i = 0; i < 1e9; i++)
                {
                    term *= lambda / (k + 2 + i);
                    Accumulate(ref sum, ref compensation, term);
                    if (term < 1e-17 * sum)
                    {
                        break;
                    }
                }

                logUpper = Counts.PoissonLogPmf(k + 1, lambda) + Math.Log(sum + compensation);
                logLower = LogSpace.Log1MinusExp(logUpper);
            }
        }

        /// <summary>Neumaier's compensated addition.</summary>
        private static void Accumulate(ref double sum, ref double compensation, double term)
        {
            double t = sum + term;
            compensation += Math.Abs(sum) >= Math.Abs(term) ? (sum - t) + term : (term - t) + sum;
            sum = t;
        }
    }
}
