using System;
using MathNet.Numerics;

namespace PSEstimation.Distributions
{
    /// <summary>
    /// The sufficient statistics of the streaming count families (Poisson, Bernoulli, Binomial,
    /// Geometric): the weighted count n, the weighted sum Σ w x, and Σ w c(x) for the part of the
    /// log-pmf that does not depend on the parameter (Poisson: -log x!, Binomial: log C(Trials, x)),
    /// so the log-likelihood stays exact without keeping the values.
    /// </summary>
    internal sealed class CountStatistics : SampleAccumulator
    {
        private readonly Func<double, double>? logConstant;

        /// <param name="logConstant">c(x), the parameter-free part of log f(x); null where it is 0.</param>
        public CountStatistics(Func<double, double>? logConstant)
        {
            this.logConstant = logConstant;
        }

        /// <summary>Σ w x.</summary>
        public double Sum { get; private set; }

        /// <summary>Σ w c(x).</summary>
        public double SumLogConstant { get; private set; }

        /// <summary>Σ w x / n.</summary>
        public double Mean => Sum / TotalWeight;

        public double Minimum { get; private set; } = double.PositiveInfinity;

        public double Maximum { get; private set; } = double.NegativeInfinity;

        public override void Add(double x, double weight)
        {
            Sum += weight * x;
            if (logConstant is not null)
            {
                SumLogConstant += weight * logConstant(x);
            }

            Minimum = Math.Min(Minimum, x);
            Maximum = Math.Max(Maximum, x);
            TotalWeight += weight;
            Count++;
        }

        /// <summary>The support check with the sum, minimum and maximum in one loop, then Σ c(x) where there is a c.</summary>
        public override bool TryAddRange(double[] values, BulkSupport support)
        {
            bool accepted = true;
            double sum = 0, min = Minimum, max = Maximum;
            for (int i = 0; i < values.Length; i++)
            {
                CancellationCheck.At(i, Cancellation);
                double x = values[i];
                accepted &= support.Accepts(x);
                sum += x;
                min = x < min ? x : min;
                max = x > max ? x : max;
            }

            if (!accepted)
            {
                return false;
            }

            if (logConstant is not null)
            {
                double constant = 0;
                for (int i = 0; i < values.Length; i++)
                {
                    CancellationCheck.At(i, Cancellation);
                    constant += logConstant(values[i]);
                }

                SumLogConstant += constant;
            }

            Sum += sum;
            Minimum = min;
            Maximum = max;
            TotalWeight += values.Length;
            Count += values.Length;
            return true;
        }

        public override void AddRange(double[] values)
        {
            double sum = Sum, constant = SumLogConstant, min = Minimum, max = Maximum;
            foreach (double x in values)
            {
                sum += x;
                min = x < min ? x : min;
                max = x > max ? x : max;
            }

            if (logConstant is not null)
            {
                foreach (double x in values)
                {
                    constant += logConstant(x);
                }
            }

            Sum = sum;
            SumLogConstant = constant;
            Minimum = min;
            Maximum = max;
            TotalWeight += values.Length;
            Count += values.Length;
        }
    }

    /// <summary>Small numerical helpers shared by the count families.</summary>
    internal static class Counts
    {
        /// <summary>Whether x is a whole number >= 0 (a count).</summary>
        public static bool IsCount(double x) => x >= 0 && !double.IsInfinity(x) && Math.Floor(x) == x;

        /// <summary>log x! for a count x (exact table below 171, log Γ(x + 1) above).</summary>
        public static double LogFactorial(double x)
            => x < 171 ? SpecialFunctions.FactorialLn((int)x) : SpecialFunctions.GammaLn(x + 1);

        /// <summary>
        /// log C(n, k) for counts 0 &lt;= k &lt;= n: exact factorial tables below 171; a short sum of
        /// log((n - m + j) / j) where m = min(k, n - k) is at most 30; otherwise Stirling's form
        /// k log(n/k) + (n - k) log(n/(n - k)) - ½ log(2π k (n - k)/n) + σ(n) - σ(k) - σ(n - k),
        /// whose terms do not cancel, so a huge n (1e9) keeps full relative precision.
        /// </summary>
        public static double LogChoose(double n, double k)
        {
            double m = Math.Min(k, n - k);
            if (m <= 0)
            {
                return 0;
            }

            if (n < 171)
            {
                return SpecialFunctions.FactorialLn((int)n) - SpecialFunctions.FactorialLn((int)k) - SpecialFunctions.FactorialLn((int)(n - k));
            }

            if (m <= 30)
            {
                double sum = 0;
                for (int j = 1; j <= (int)m; j++)
                {
                    sum += Math.Log((n - m + j) / j);
                }

                return sum;
            }

            double rest = n - k;
            return k * Math.Log(n / k) - rest * SpecialFunctions.Log1p(-k / n)
                - 0.5 * Math.Log(2 * Math.PI * k * (rest / n))
                + Stirlerr(n) - Stirlerr(k) - Stirlerr(rest);
        }

        /// <summary>
        /// Stirling's error σ(z) = log Γ(z + 1) - (z + ½) log z + z - ½ log(2π), z > 0: for a whole
        /// z >= 1 or any z above 15 <see cref="Models.SaddlePointTerms.StirlingError"/> (a table to
        /// 15, R's stirlerr's asymptotic series above); other z up to 15 directly.
        /// </summary>
        public static double Stirlerr(double z)
        {
            const double HalfLogTwoPi = 0.91893853320467274178032973640562;
            if (z > 15 || (z >= 1 && Math.Floor(z) == z))
            {
                return Models.SaddlePointTerms.StirlingError(z);
            }

            return SpecialFunctions.GammaLn(z + 1) - (z + 0.5) * Math.Log(z) + z - HalfLogTwoPi;
        }

        /// <summary>
        /// The deviance term bd0(x, m) = x log(x/m) + m - x >= 0, by a series where x is near m
        /// (where the direct form cancels), as R's bd0 (Loader 2000). x > 0, m > 0.
        /// </summary>
        public static double Bd0(double x, double m)
            => Models.SaddlePointTerms.TryDevianceSeries(x, m, out double series) ? series : x * SpecialMath.LogRatio(x, m) + m - x;

        /// <summary>
        /// log of the binomial pmf C(n, x) p^x q^(n - x) for real n >= x >= 0 (n need not be whole:
        /// the negative binomial uses it), 0 &lt; p &lt; 1, q = 1 - p, by Loader's saddle-point form
        /// (R's dbinom_raw), accurate for huge n and x.
        /// </summary>
        public static double BinomialLogPmf(double x, double n, double p, double q)
        {
            if (x == 0)
            {
                return n * SpecialFunctions.Log1p(-p);
            }

            if (x == n)
            {
                return n * Math.Log(p);
            }

            double lc = Stirlerr(n) - Stirlerr(x) - Stirlerr(n - x) - Bd0(x, n * p) - Bd0(n - x, n * q);
            double lf = 2 * Math.PI * x * ((n - x) / n);
            return lc - 0.5 * Math.Log(lf);
        }

        /// <summary>
        /// log Poisson pmf x log λ - λ - log x! in the form -½ log(2πx) - σ(x) - bd0(x, λ), accurate for
        /// huge counts (R's dpois_raw). λ > 0.
        /// </summary>
        public static double PoissonLogPmf(double x, double lambda)
        {
            if (x == 0)
            {
                return -lambda;
            }

            return -0.5 * Math.Log(2 * Math.PI * x) - Stirlerr(x) - Bd0(x, lambda);
        }

        /// <summary>
        /// e^x - 1 accurate to a few ulps for every x (Kahan's trick: (u - 1) x / log u with u = e^x).
        /// MathNet 5's Expm1 truncates a series and is off by about 4e-11 relative at x = 1e-3.
        /// </summary>
        public static double Expm1(double x)
        {
            double u = Math.Exp(x);
            if (u == 1.0)
            {
                return x;
            }

            double um1 = u - 1.0;
            if (um1 == -1.0)
            {
                return -1.0;
            }

            return double.IsInfinity(u) ? u : um1 * x / Math.Log(u);
        }

        /// <summary>x · log y with 0 · log 0 = 0 (the convention that makes boundary likelihoods exact).</summary>
        public static double XLogY(double x, double y) => x == 0 ? 0 : x * Math.Log(y);

        /// <summary>x · log(1 - p) with 0 · log 0 = 0, accurate for small p.</summary>
        public static double XLog1mP(double x, double p) => x == 0 ? 0 : x * SpecialFunctions.Log1p(-p);

        /// <summary>a / b with 0 / 0 = 0 (a zero count contributes nothing to a score or Hessian).</summary>
        public static double Ratio(double a, double b) => a == 0 ? 0 : a / b;

        /// <summary>
        /// Throws SumOverflow when Σ w x is beyond the largest double (about 1.8e308): no mean, and no
        /// likelihood, can be formed from such counts.
        /// </summary>
        public static void CheckSum(double sum, DistributionName family)
        {
            if (double.IsInfinity(sum))
            {
                throw new EstimationException(
                    ErrorIds.SumOverflow,
                    $"The values sum to more than the largest double (about 1.8e308), so no {family} estimate can be formed; counts this large cannot be fitted.");
            }
        }

        /// <summary>
        /// A covariance of NaN for the free parameters when the observed information overflows a
        /// double (an estimate within about 1e-154 of 0), where inverting it would give a false 0.
        /// Null when every entry is finite.
        /// </summary>
        public static NonRegularCovariance? Overflowing(double[,] hessian, double?[] fixedValues)
        {
            bool finite = true;
            foreach (double h in hessian)
            {
                finite &= !double.IsNaN(h) && !double.IsInfinity(h);
            }

            if (finite)
            {
                return null;
            }

            int k = fixedValues.Length;
            var covariance = new double[k, k];
            for (int i = 0; i < k; i++)
            {
                for (int j = 0; j < k; j++)
                {
                    covariance[i, j] = fixedValues[i] is null && fixedValues[j] is null ? double.NaN : 0;
                }
            }

            return new NonRegularCovariance(covariance, "the observed information overflows a double at this extreme estimate; no standard error");
        }

        /// <summary>A 1 × 1 covariance with no standard error, for an estimate on the boundary.</summary>
        public static NonRegularCovariance Boundary(string parameter, string value)
            => new NonRegularCovariance(
                new[,] { { double.NaN } },
                $"{parameter} = {value} is on the boundary of the parameter space (the information is infinite there); no standard error and no Wald interval");
    }
}
