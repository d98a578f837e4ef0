using System;
using System.Linq;
using System.Threading;
using PSEstimation.Distributions;
using PSEstimation.Estimation;
using PSEstimation.Models;
using Xunit;

namespace PSEstimation.Tests.Intervals
{
    /// <summary>The parametric bootstrap: bit-reproducible for a seed on any thread count, percentiles, within Monte-Carlo error of known answers.</summary>
    public class BootstrapTests
    {
        private static readonly double[] PositiveData = { 0.62, 1.41, 2.03, 0.27, 3.55, 1.18, 0.89, 4.72, 1.96, 0.45 };

        private static BootstrapReplicates Run(FitProblem problem, int sims, long seed, int threads)
            => ParametricBootstrap.Run(problem, sims, new RandomSource(seed), threads, CancellationToken.None);

        [Fact]
        public void SameSeedSameBitsOnAnyThreadCount()
        {
            var (_, problem) = IntervalProblems.Fit(DistributionName.Gamma, PositiveData);
            var one = Run(problem, 200, 42, 1);
            var two = Run(problem, 200, 42, 2);
            var many = Run(problem, 200, 42, 8);
            var again = Run(problem, 200, 42, -1);
            for (int b = 0; b < 200; b++)
            {
                foreach (var other in new[] { two, many, again })
                {
                    Assert.Equal(
                        one.Thetas[b]!.Select(BitConverter.DoubleToInt64Bits),
                        other.Thetas[b]!.Select(BitConverter.DoubleToInt64Bits));
                }
            }

            var different = Run(problem, 200, 43, 2);
            Assert.NotEqual(one.Thetas[0]![0], different.Thetas[0]![0]);
        }

        [Fact]
        public void OrderStatisticsFollowTheBPlusOneRule()
        {
            var sorted = Enumerable.Range(1, 999).Select(i => (double)i).ToArray();
            Assert.Equal(25.0, BootstrapReplicates.OrderStatistic(sorted, 0.025));
            Assert.Equal(975.0, BootstrapReplicates.OrderStatistic(sorted, 0.975));
            var small = new double[] { 1, 2, 3, 4 };
            Assert.Equal(1.0, BootstrapReplicates.OrderStatistic(small, 0.01));
            Assert.Equal(4.0, BootstrapReplicates.OrderStatistic(small, 0.99));
            Assert.Equal(2.5, BootstrapReplicates.OrderStatistic(small, 0.5));
        }

        [Fact]
        public void ExponentialRateIntervalIsWithinMonteCarloErrorOfTheExactOne()
        {
            // The parametric bootstrap of an Exponential rate has a known distribution: the re-fitted
            // rate is n·rate-hat / G with G ~ Gamma(n, 1), so its 2.5% and 97.5% points are
            // rate-hat · n / qgamma(0.975 | 0.025, n). R: 20 / qgamma(c(0.975, 0.025), 20) = 0.6740621719, 1.6371274863.
            double[] data = Enumerable.Range(1, 20).Select(i => -Math.Log(1 - (i - 0.5) / 20)).ToArray();
            var (fit, problem) = IntervalProblems.Fit(DistributionName.Exponential, data);
            var reps = Run(problem, 4000, 7, -1);
            var interval = reps.Percentile(t => t[0], 0.95)!.Value;
            double rate = fit.Parameters[0].Value;
            // 4000 replicates: the Monte-Carlo standard error of a 2.5% point is about 1% of it here.
            Assert.InRange(interval.Lower / rate, 0.6740621719 * 0.97, 0.6740621719 * 1.03);
            Assert.InRange(interval.Upper / rate, 1.6371274863 * 0.96, 1.6371274863 * 1.04);
            Assert.Equal(0, reps.Failures);
        }

        [Fact]
        public void FixedParametersStayFixedInEveryReplicate()
        {
            var (_, problem) = IntervalProblems.Fit(DistributionName.Gamma, PositiveData, new double?[] { 2.0, null });
            var reps = Run(problem, 50, 1, 2);
            Assert.All(reps.Thetas, t => Assert.Equal(2.0, t![0]));
        }

        [Fact]
        public void CancellationStopsTheRun()
        {
            var (_, problem) = IntervalProblems.Fit(DistributionName.Gamma, PositiveData);
            using var source = new CancellationTokenSource();
            source.Cancel();
            Assert.ThrowsAny<OperationCanceledException>(() => ParametricBootstrap.Run(problem, 1000, new RandomSource(1), 2, source.Token));
        }
    }
}
