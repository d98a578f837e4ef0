using System;
using MathNet.Numerics;
using PSEstimation.Distributions;

namespace PSEstimation.Models
{
    /// <summary>
    /// NegativeBinomial(Size, P), counting the failures before the Size-th success, on 0, 1, 2, ...:
    /// log f(x) = log Γ(x + r) - log Γ(r) - log x! + r log p + x log(1 - p), r = Size > 0 (not
    /// necessarily whole). This is R's dnbinom(size, prob) and scipy's nbinom(n, p).
    /// F(k) = I_p(r, k + 1) and S(k) = I_{1-p}(k + 1, r), both tails direct
    /// (<see cref="IncompleteBetaTails"/>).
    /// </summary>
    internal sealed class NegativeBinomialModel : DistributionModel
    {
        /// <summary>Up to this count, ψ(x + r) - ψ(r) and its relatives are exact finite sums.</summary>
        internal const int ShortSum = 64;

        /// <summary>The expected information of Size by series when it needs at most this many terms; by integral above.</summary>
        private const double SeriesTermLimit = 1e5;

        public NegativeBinomialModel()
            : base(DistributionName.NegativeBinomial,
                   new ParameterSpec("Size", ParameterDomain.Positive),
                   new ParameterSpec("P", ParameterDomain.Probability))
        {
        }

        public override bool IsDiscrete => true;

        public override string SupportDescription => "a whole number >= 0 (failures before Size successes)";

        public override bool IsInSupport(double x, double[] theta)
            => Counts.IsCount(x) && theta[0] > 0 && theta[1] > 0 && (x == 0 || theta[1] < 1);

        /// <summary>
        /// log f(x) in R's form (dnbinom): log(r / (x + r)) plus the binomial log-pmf of r successes in
        /// x + r trials, by Loader's saddle-point form, accurate for huge counts and any r > 0.
        /// </summary>
        public override double LogDensity(double x, double[] theta)
        {
            if (!IsInSupport(x, theta))
            {
                return double.NegativeInfinity;
            }

            double r = theta[0], p = theta[1];
            if (x == 0)
            {
                return r * Math.Log(p);
            }

            double trials = x + r;
            return Math.Log(r / trials) + Counts.BinomialLogPmf(r, trials, p, 1 - p);
        }

        public override void AddScore(double x, double weight, double[] theta, double[] score)
        {
            double r = theta[0], p = theta[1];
            score[0] += weight * (DigammaDifference(x, r) + Math.Log(p));
            score[1] += weight * (r / p - Counts.Ratio(x, 1 - p));
        }

        public override void AddHessian(double x, double weight, double[] theta, double[,] hessian)
        {
            double r = theta[0], p = theta[1], q = 1 - p;
            hessian[0, 0] += weight * TrigammaDifference(x, r);
            hessian[0, 1] += weight / p;
            hessian[1, 0] += weight / p;
            hessian[1, 1] -= weight * (r / (p * p) + Counts.Ratio(Counts.Ratio(x, q), q));
        }

        /// <summary>
        /// Per observation: I(Size, Size) = ψ'(r) - E[ψ'(X + r)] (no closed form: see
        /// <see cref="SizeInformation"/>), I(Size, P) = -1/p, I(P, P) = r / (p²(1 - p)).
        /// </summary>
        public override double[,] ExpectedInformation(double[] theta)
        {
            double r = theta[0], p = theta[1];
            double cross = -1 / p;
            return new[,]
            {
                { SizeInformation(r, p), cross },
                { cross, r / (p * p * (1 - p)) },
            };
        }

        public override double LogCdf(double x, double[] theta)
        {
            Tails(x, theta, out double lower, out _);
            return lower;
        }

        public override double LogSurvival(double x, double[] theta)
        {
            Tails(x, theta, out _, out double upper);
            return upper;
        }

        // The derivatives of log F and log S are the default numerical ones: Size is a shape of
        // the incomplete beta function, for which no practical closed form exists.

        public override double Quantile(double p, double[] theta)
        {
            if (double.IsNaN(p) || p < 0 || p > 1)
            {
                return double.NaN;
            }

            if (p == 0 || theta[1] == 1)
            {
                return 0;
            }

            if (p == 1)
            {
                return double.PositiveInfinity;
            }

            return DiscreteQuantileSearch.Quantile(this, theta, p, Start(StandardNormal.Quantile(p), theta), 0, double.MaxValue);
        }

        public override double InverseSurvival(double q, double[] theta)
        {
            if (double.IsNaN(q) || q < 0 || q > 1)
            {
                return double.NaN;
            }

            if (q == 1 || theta[1] == 1)
            {
                return 0;
            }

            if (q == 0)
            {
                return double.PositiveInfinity;
            }

            return DiscreteQuantileSearch.InverseSurvival(this, theta, q, Start(-StandardNormal.Quantile(q), theta), 0, double.MaxValue);
        }

        /// <summary>A Poisson of a Gamma(Size) · (1 - P)/P: the negative binomial as a gamma mixture, exact.</summary>
        public override double Sample(RandomSource random, double[] theta)
        {
            double r = theta[0], p = theta[1];
            if (p >= 1)
            {
                return 0;
            }

            return Samplers.Poisson(random, Samplers.Gamma(random, r) * ((1 - p) / p));
        }

        private static double Start(double z, double[] theta)
        {
            double r = theta[0], p = theta[1], q = 1 - p;
            double sd = Math.Sqrt(r * q) / p;
            return DiscreteQuantileSearch.CornishFisher(z, r * q / p, sd, (2 - p) / Math.Sqrt(r * q));
        }

        private static void Tails(double x, double[] theta, out double logLower, out double logUpper)
        {
            double k = Math.Floor(x), r = theta[0], p = theta[1];
            if (double.IsNaN(k) || double.IsNaN(r) || double.IsNaN(p))
            {
                logLower = logUpper = double.NaN;
            }
            else if (k < 0)
            {
                logLower = double.NegativeInfinity;
                logUpper = 0;
            }
            else if (p == 1 || double.IsPositiveInfinity(k))
            {
                logLower = 0;
                logUpper = double.NegativeInfinity;
            }
            else
            {
                IncompleteBetaTails.Log(p, 1 - p, r, k + 1, out logLower, out logUpper);
            }
        }

        /// <summary>ψ(x + r) - ψ(r) = Σ_{k &lt; x} 1/(r + k) for small x, digamma differences above.</summary>
        internal static double DigammaDifference(double x, double r)
        {
            if (x <= ShortSum)
            {
                double sum = 0;
                for (int k = 0; k < (int)x; k++)
                {
                    sum += 1 / (r + k);
                }

                return sum;
            }

            return SpecialFunctions.DiGamma(x + r) - SpecialFunctions.DiGamma(r);
        }

        /// <summary>ψ'(x + r) - ψ'(r) = -Σ_{k &lt; x} 1/(r + k)² for small x, trigamma differences above.</summary>
        internal static double TrigammaDifference(double x, double r)
        {
            if (x <= ShortSum)
            {
                double sum = 0;
                for (int k = 0; k < (int)x; k++)
                {
                    double d = r + k;
                    sum -= 1 / (d * d);
                }

                return sum;
            }

            return SpecialMath.Trigamma(x + r) - SpecialMath.Trigamma(r);
        }

        /// <summary>
        /// I(Size, Size) per observation, ψ'(r) - E[ψ'(X + r)] = Σ_{k >= 0} P(X > k) / (r + k)² (from
        /// ψ'(r) - ψ'(x + r) = Σ_{k &lt; x} 1/(r + k)²): summed over the pmf until the tail is
        /// negligible, or, where that would take more than 1e5 terms, by the integral of
        /// <see cref="SizeInformationByIntegral"/>.
        /// </summary>
        internal static double SizeInformation(double r, double p)
        {
            if (!(p > 0) || !(p < 1))
            {
                return p == 1 ? 0 : double.NaN;
            }

            double q = 1 - p;
            double mean = r * q / p;
            double sd = Math.Sqrt(r * q) / p;
            double tailLength = 40 / -SpecialFunctions.Log1p(-p);
            return mean + 40 * sd + tailLength <= SeriesTermLimit
                ? SizeInformationBySeries(r, p)
                : SizeInformationByIntegral(r, p);
        }

        /// <summary>
        /// Σ_{k >= 0} S(k) / (r + k)² with S(k) = P(X > k), the pmf by its recurrence
        /// f(k) = f(k - 1) (k - 1 + r) q / k, stopped when the bound S(k) / (r + k) on the rest
        /// falls below 1e-17 of the sum.
        /// </summary>
        internal static double SizeInformationBySeries(double r, double p)
        {
            double logQ = SpecialFunctions.Log1p(-p);
            double logPmf = r * Math.Log(p);
            double survival = -Counts.Expm1(logPmf);
            double sum = survival / (r * r);
            for (int k = 1; k <= 2 * (int)SeriesTermLimit + 1000; k++)
            {
                logPmf += Math.Log((k - 1 + r) / k) + logQ;
                survival -= Math.Exp(logPmf);
                if (!(survival > 0))
                {
                    break;
                }

                double d = r + k;
                sum += survival / (d * d);
                if (survival / d <= 1e-17 * sum)
                {
                    break;
                }
            }

            return sum;
        }

        /// <summary>
        /// The same quantity from ψ'(z) = ∫₀^∞ t e^(-zt) / (1 - e^(-t)) dt and the probability
        /// generating function G(s) = (p / (1 - q s))^r:
        /// I = ∫₀^∞ t e^(-rt) (1 - G(e^(-t))) / (1 - e^(-t)) dt, integrated by the trapezoid rule
        /// in u = log t (step 1/8; the integrand is analytic in a strip of half-width π/2, so the
        /// rule converges geometrically, error about e^(-π²/h)), for large means where the series
        /// would be long.
        /// </summary>
        internal static double SizeInformationByIntegral(double r, double p)
        {
            const double h = 0.125;
            double q = 1 - p;
            double mean = r * q / p;
            double Integrand(double u)
            {
                double t = Math.Exp(u);
                double m = -Counts.Expm1(-t);
                double oneMinusG = -Counts.Expm1(-r * SpecialFunctions.Log1p(q * m / p));
                return t * t * Math.Exp(-r * t) * oneMinusG / m;
            }

            double upper = Math.Log(Math.Max(50, 800 / r));
            double settled = Math.Min(-Math.Log(Math.Max(mean, 1)), -Math.Log(Math.Max(r, 1))) - 8;
            double sum = 0;
            for (double u = upper; u > -745; u -= h)
            {
                double f = Integrand(u);
                sum += f;
                if (u < settled && f <= 1e-18 * sum)
                {
                    break;
                }
            }

            return sum * h;
        }
    }
}
