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
        /// log C(n, k) for counts 0 &lt;= k &lt;= n. Where the smaller of k and n - k is at most 30, a
        /// short sum of log((n - k + j) / j), which keeps full precision for a huge n; otherwise
        /// log-gamma differences.
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

            return SpecialFunctions.GammaLn(n + 1) - SpecialFunctions.GammaLn(k + 1) - SpecialFunctions.GammaLn(n - k + 1);
        }

        /// <summary>x · log y with 0 · log 0 = 0 (the convention that makes boundary likelihoods exact).</summary>
        public static double XLogY(double x, double y) => x == 0 ? 0 : x * Math.Log(y);

        /// <summary>x · log(1 - p) with 0 · log 0 = 0, accurate for small p.</summary>
        public static double XLog1mP(double x, double p) => x == 0 ? 0 : x * SpecialFunctions.Log1p(-p);

        /// <summary>a / b with 0 / 0 = 0 (a zero count contributes nothing to a score or Hessian).</summary>
        public static double Ratio(double a, double b) => a == 0 ? 0 : a / b;

        /// <summary>A 1 × 1 covariance with no standard error, for an estimate on the boundary.</summary>
        public static NonRegularCovariance Boundary(string parameter, string value)
            => new NonRegularCovariance(
                new[,] { { double.NaN } },
                $"{parameter} = {value} is on the boundary of the parameter space (the information is infinite there); no standard error and no Wald interval");
    }
}
