using System;
using System.Collections.Generic;
using System.Linq;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using PSEstimation.Models;
using Xunit;

namespace PSEstimation.Tests.Models
{
    /// <summary>
    /// Each sampler of Models/Samplers.cs against its distribution: a Kolmogorov-Smirnov or
    /// chi-squared statistic of 10⁵ draws at a fixed seed against MathNet's CDF (the reference),
    /// tested at level 0.001, plus moments and edge cases. The seeds are fixed, so these tests
    /// either always pass or always fail.
    /// </summary>
    public class SamplingTests
    {
        private const int N = 100_000;

        // Kolmogorov's distribution: P(sqrt(n)·D > 1.949) = 0.001.
        private const double KolmogorovCritical = 1.949;

        private static double[] Draw(long seed, Func<RandomSource, double> sampler, int n = N)
        {
            var random = new RandomSource(seed);
            var result = new double[n];
            for (int i = 0; i < n; i++)
            {
                result[i] = sampler(random);
            }

            return result;
        }

        private static void AssertKolmogorovSmirnov(double[] sample, Func<double, double> cdf)
        {
            var sorted = (double[])sample.Clone();
            Array.Sort(sorted);
            int n = sorted.Length;
            double d = 0;
            for (int i = 0; i < n; i++)
            {
                double f = cdf(sorted[i]);
                d = Math.Max(d, Math.Max(f - (double)i / n, (double)(i + 1) / n - f));
            }

            Assert.True(Math.Sqrt(n) * d < KolmogorovCritical, $"sqrt(n)·D = {Math.Sqrt(n) * d}");
        }

        /// <summary>
        /// Pearson's chi-squared over integer cells, neighbours merged until each expects 5 draws,
        /// the two tails as their own cells, against the 0.999 quantile for the cells' degrees of freedom.
        /// </summary>
        private static void AssertChiSquared(double[] sample, Func<double, double> cdf)
        {
            var counts = new Dictionary<long, int>();
            foreach (double x in sample)
            {
                Assert.Equal(Math.Floor(x), x);
                counts[(long)x] = counts.TryGetValue((long)x, out int c) ? c + 1 : 1;
            }

            long lo = counts.Keys.Min(), hi = counts.Keys.Max();
            int n = sample.Length;

            // Integer cells of width 1, or about a quarter of a standard deviation for wide
            // distributions (so that a mean of 1e9 needs tens of CDF calls, not 10⁵).
            double mean = sample.Average();
            double sd = Math.Sqrt(sample.Select(x => (x - mean) * (x - mean)).Sum() / n);
            long width = Math.Max(1, (long)(sd / 4));
            var cells = new List<(double Expected, int Observed)>();
            double below = cdf(lo - 1);
            double expected = below * n; // the lower tail below every draw
            int observed = 0;
            for (long start = lo; start <= hi; start += width)
            {
                long end = Math.Min(hi, start + width - 1);
                double upTo = cdf(end);
                expected += (upTo - below) * n;
                below = upTo;
                for (long k = start; k <= end; k++)
                {
                    observed += counts.TryGetValue(k, out int c) ? c : 0;
                }

                if (expected >= 5)
                {
                    cells.Add((expected, observed));
                    expected = 0;
                    observed = 0;
                }
            }

            expected += (1 - cdf(hi)) * n; // the upper tail beyond every draw
            if (cells.Count > 0)
            {
                var last = cells[cells.Count - 1];
                cells[cells.Count - 1] = (last.Expected + expected, last.Observed + observed);
            }

            double statistic = cells.Sum(cell => (cell.Observed - cell.Expected) * (cell.Observed - cell.Expected) / cell.Expected);
            int df = cells.Count - 1;
            Assert.True(df >= 1);
            double critical = ChiSquared.InvCDF(df, 0.999);
            Assert.True(statistic < critical, $"chi-squared {statistic} on {df} df, critical {critical}");
        }

        private static void AssertMoments(double[] sample, double mean, double variance)
        {
            double m = sample.Average();
            double v = sample.Select(x => (x - m) * (x - m)).Sum() / sample.Length;
            double se = Math.Sqrt(variance / sample.Length);
            Assert.True(Math.Abs(m - mean) < 5 * se, $"mean {m}, expected {mean}");
            Assert.True(Math.Abs(v - variance) < 0.05 * variance, $"variance {v}, expected {variance}");
        }

        [Fact]
        public void StandardNormal_follows_the_normal_distribution()
        {
            var sample = Draw(1, Samplers.StandardNormal);
            AssertKolmogorovSmirnov(sample, x => Normal.CDF(0, 1, x));
            AssertMoments(sample, 0, 1);
        }

        [Fact]
        public void StandardNormal_reaches_its_tails_in_the_right_proportion()
        {
            // P(|Z| > 4) = 6.334e-5 (R: 2*pnorm(-4)): 63.3 expected in 10⁶, Poisson sd 8.
            var sample = Draw(2, Samplers.StandardNormal, 1_000_000);
            int beyond = sample.Count(x => Math.Abs(x) > 4);
            Assert.InRange(beyond, 30, 100);
        }

        [Fact]
        public void StandardExponential_follows_the_exponential_distribution()
        {
            var sample = Draw(3, Samplers.StandardExponential);
            AssertKolmogorovSmirnov(sample, x => Exponential.CDF(1, x));
            AssertMoments(sample, 1, 1);
        }

        [Fact]
        public void StandardExponential_is_not_cut_off_where_minus_log_of_a_53_bit_uniform_stops()
        {
            // P(E > t) = e^-t exactly: condition on E > 30 by the memoryless property would need
            // 10^13 draws; instead check that the full-precision uniform's log reaches far below
            // log(2^-54) = -37.4, i.e. the uniform itself is not on the 2^-53 grid near 0.
            var random = new RandomSource(4);
            double smallest = 1;
            for (int i = 0; i < 1_000_000; i++)
            {
                smallest = Math.Min(smallest, random.NextUniformFullPrecision());
            }

            // The minimum of 10⁶ uniforms is about 1e-6; on the 53-bit grid it would be a multiple of 2^-53.
            double scaled = smallest * Math.Pow(2, 53);
            Assert.NotEqual(Math.Floor(scaled), scaled);
        }

        [Theory]
        [InlineData(0.5)]
        [InlineData(1.0)]
        [InlineData(2.5)]
        [InlineData(30.0)]
        [InlineData(1e4)]
        public void Gamma_follows_the_gamma_distribution(double shape)
        {
            var sample = Draw(5, r => Samplers.Gamma(r, shape));
            AssertKolmogorovSmirnov(sample, x => Gamma.CDF(shape, 1, x));
            AssertMoments(sample, shape, shape);
        }

        /// <summary>
        /// Shape 1e-3: X^a has CDF P(a, y^(1/a)) (MathNet's regularized lower incomplete gamma),
        /// and for x = y^(1/a) below 1e-10 (y below 0.977; y^(1/a) underflows below 0.47) the series
        /// P(a, x) = x^a/Γ(a + 1)·(1 - a·x/(a + 1) + ...) gives y/Γ(1 + a) to 1e-13, where
        /// MathNet 5.0's GammaLowerRegularized(0.001, 1e-46) returns 0 instead of 0.900. LogGamma is tested through exp(a·log X), which never underflows.
        /// </summary>
        [Fact]
        public void LogGamma_is_exact_for_tiny_shapes_and_Gamma_underflows_only_as_often_as_it_should()
        {
            const double a = 1e-3;
            double gammaOnePlusA = SpecialFunctions.Gamma(1 + a);
            double Cdf(double y)
            {
                if (y <= 0)
                {
                    return 0;
                }

                double x = Math.Exp(Math.Log(y) / a);
                return x > 1e-10 ? SpecialFunctions.GammaLowerRegularized(a, x) : y / gammaOnePlusA;
            }

            var logs = Draw(6, r => Samplers.LogGamma(r, a));
            Assert.All(logs, l => Assert.False(double.IsNaN(l) || double.IsInfinity(l)));
            AssertKolmogorovSmirnov(logs.Select(l => Math.Exp(a * l)).ToArray(), Cdf);

            // P(X = 0 as a double) = P(log X < -745.13) = e^(-0.74513)/Γ(1.001) = 0.4750.
            var values = Draw(7, r => Samplers.Gamma(r, a));
            double zeros = values.Count(x => x == 0) / (double)N;
            Assert.InRange(zeros, 0.4750 - 0.008, 0.4750 + 0.008);
        }

        [Theory]
        [InlineData(1.0)]
        [InlineData(3.0)]
        [InlineData(17.0)]
        public void ChiSquare_follows_the_chi_squared_distribution(double k)
        {
            var sample = Draw(8, r => Samplers.ChiSquare(r, k));
            AssertKolmogorovSmirnov(sample, x => ChiSquared.CDF(k, x));
            AssertMoments(sample, k, 2 * k);
        }

        [Theory]
        [InlineData(2.0, 3.0)]
        [InlineData(0.5, 0.5)]
        [InlineData(0.2, 5.0)]
        [InlineData(40.0, 7.0)]
        public void Beta_follows_the_beta_distribution(double a, double b)
        {
            var sample = Draw(9, r => Samplers.Beta(r, a, b));
            AssertKolmogorovSmirnov(sample, x => Beta.CDF(a, b, x));
            double mean = a / (a + b);
            AssertMoments(sample, mean, mean * (1 - mean) / (a + b + 1));
        }

        [Fact]
        public void Beta_with_tiny_shapes_has_the_right_mass_at_each_end()
        {
            // Beta(0.001, 0.002): P(X > 1/2) = 1/3 to within 1e-3 (the mass splits as b/(a + b)
            // between the ends as a, b -> 0; MathNet: 1 - I_{1/2}(0.001, 0.002) = 0.33322).
            double upper = 1 - Beta.CDF(0.001, 0.002, 0.5);
            var sample = Draw(10, r => Samplers.Beta(r, 0.001, 0.002));
            Assert.All(sample, x => Assert.InRange(x, 0.0, 1.0));
            double fraction = sample.Count(x => x > 0.5) / (double)N;
            Assert.InRange(fraction, upper - 0.007, upper + 0.007);
        }

        [Theory]
        [InlineData(0.5)]
        [InlineData(3.0)]
        [InlineData(9.99)]
        [InlineData(10.0)]
        [InlineData(37.5)]
        [InlineData(1e4)]
        [InlineData(1e9)]
        public void Poisson_follows_the_poisson_distribution(double lambda)
        {
            var sample = Draw(11, r => Samplers.Poisson(r, lambda));
            AssertChiSquared(sample, k => k < 0 ? 0 : Poisson.CDF(lambda, k));
            AssertMoments(sample, lambda, lambda);
        }

        /// <summary>
        /// Poisson(1e15), where MathNet 5.0's CDF is unusable: against the normal approximation
        /// with continuity correction, whose error (the skewness 1/sqrt(λ) = 3e-8, over 6) is far
        /// below what 10⁵ draws resolve.
        /// </summary>
        [Fact]
        public void Poisson_with_a_huge_mean_is_normal_to_within_its_skewness()
        {
            const double lambda = 1e15;
            var sample = Draw(14, r => Samplers.Poisson(r, lambda));
            AssertKolmogorovSmirnov(sample, k => Normal.CDF(lambda, Math.Sqrt(lambda), k + 0.5));
            AssertMoments(sample, lambda, lambda);
        }

        [Theory]
        [InlineData(20.0, 0.3)]
        [InlineData(1000.0, 0.005)]
        [InlineData(1e9, 1e-9)]
        [InlineData(50.0, 0.5)]
        [InlineData(100.0, 0.9)]
        [InlineData(1e6, 0.3)]
        [InlineData(1e6, 0.99999)]
        public void Binomial_follows_the_binomial_distribution(double n, double p)
        {
            var sample = Draw(12, r => Samplers.Binomial(r, n, p));
            Assert.All(sample, x => Assert.InRange(x, 0.0, n));
            AssertChiSquared(sample, k => k < 0 ? 0 : k >= n ? 1 : Binomial.CDF(p, (int)n, k));
            AssertMoments(sample, n * p, n * p * (1 - p));
        }

        [Fact]
        public void Binomial_costs_do_not_grow_with_the_number_of_trials()
        {
            // 2^50 trials: a per-trial loop would draw 2^50 uniforms per variate. The cost is counted
            // in 64-bit words taken from the stream, found by replaying the same seed until it reaches
            // the word the sampler would take next; BTRS takes two per round, about 1.15 rounds.
            const int draws = 10000;
            var random = new RandomSource(13);
            for (int i = 0; i < draws; i++)
            {
                Samplers.Binomial(random, Math.Pow(2, 50), 0.25);
            }

            ulong next = random.NextUInt64();
            var replay = new RandomSource(13);
            long words = 0;
            while (replay.NextUInt64() != next)
            {
                Assert.True(++words <= 10L * draws, $"more than {10 * draws} words for {draws} variates");
            }

            Assert.InRange(words / (double)draws, 2.0, 3.0);
            AssertMoments(Draw(13, r => Samplers.Binomial(r, Math.Pow(2, 50), 0.25)), Math.Pow(2, 48), Math.Pow(2, 48) * 0.75);
        }

        [Theory]
        [InlineData(0.0, 0.0)]
        [InlineData(-1.0, 0.0)]
        [InlineData(double.NaN, double.NaN)]
        [InlineData(double.PositiveInfinity, double.NaN)]
        public void Poisson_edge_cases(double lambda, double expected)
            => Assert.Equal(expected, Samplers.Poisson(new RandomSource(1), lambda));

        [Theory]
        [InlineData(10.0, 0.0, 0.0)]
        [InlineData(10.0, 1.0, 10.0)]
        [InlineData(0.0, 0.5, 0.0)]
        [InlineData(double.NaN, 0.5, double.NaN)]
        [InlineData(double.PositiveInfinity, 0.5, double.NaN)]
        public void Binomial_edge_cases(double n, double p, double expected)
            => Assert.Equal(expected, Samplers.Binomial(new RandomSource(1), n, p));

        [Theory]
        [InlineData(0.0)]
        [InlineData(-2.0)]
        [InlineData(double.NaN)]
        public void Gamma_without_a_distribution_is_NaN_not_an_endless_loop(double shape)
        {
            Assert.True(double.IsNaN(Samplers.Gamma(new RandomSource(1), shape)));
            Assert.True(double.IsNaN(Samplers.LogGamma(new RandomSource(1), shape)));
            Assert.True(double.IsNaN(Samplers.Beta(new RandomSource(1), shape, 1)));
        }

        /// <summary>Expected values: mpmath at 200 bits, -λ + k log λ - loggamma(k + 1) (the doubles' exact values as inputs).</summary>
        [Theory]
        [InlineData(0.0, 3.5, -3.5)]
        [InlineData(1.0, 1.0, -1.0)]
        [InlineData(10.0, 10.0, -2.0785616431350586)]
        [InlineData(37.0, 12.5, -18.378652615381977)]
        [InlineData(20.0, 1e4, -9858.12880902123)]
        [InlineData(1e15, 1e15, -18.188326730660016)]   // the direct form loses 15 digits here
        public void LogPoissonProbability_matches_mpmath(double k, double lambda, double expected)
        {
            double value = Samplers.LogPoissonProbability(k, lambda);
            Assert.True(Math.Abs(value - expected) <= 1e-13 * Math.Abs(expected), $"{value:R}");
        }

        /// <summary>Expected values: mpmath at 200 bits, log of the binomial pmf by loggamma.</summary>
        [Theory]
        [InlineData(3.0, 10.0, 0.3, -1.3211512777668886)]
        [InlineData(17.0, 1000.0, 0.005, -11.208711778274075)]
        [InlineData(300000.0, 1e6, 0.3, -7.046370251546539)]
        [InlineData(5e8, 1e9, 0.5, -10.587424271367933)]
        public void LogBinomialProbability_matches_mpmath(double k, double n, double p, double expected)
        {
            double value = Samplers.LogBinomialProbability(k, n, p);
            Assert.True(Math.Abs(value - expected) <= 1e-13 * Math.Abs(expected), $"{value:R}");
        }
    }
}
