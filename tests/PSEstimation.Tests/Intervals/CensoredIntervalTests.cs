using System;
using System.Linq;
using System.Threading;
using PSEstimation.Distributions;
using PSEstimation.Estimation;
using PSEstimation.Models;
using Xunit;

namespace PSEstimation.Tests.Intervals
{
    /// <summary>
    /// Profile and bootstrap intervals of censored fits (issue #18). Expected bounds from
    /// tools/make_censored_intervals_reference.py (mpmath, 40 digits; output beside it):
    /// the Exponential rate with right-censoring has l(λ) = d·log λ - λ·T, so its interval solves
    /// d·log(λ/λ̂) - (λ - λ̂)·T = -χ²₁(0.95)/2; the LogNormal's is a direct root search.
    /// </summary>
    public class CensoredIntervalTests
    {
        private const double Tolerance = 1e-6;
        private static readonly double[] Times = { 0.12, 0.85, 2.40, 0.33, 1.07, 0.05, 0.61 };
        private static readonly double[] PositiveData = { 0.62, 1.41, 2.03, 0.27, 3.55, 1.18, 0.89, 4.72, 1.96, 0.45 };

        private static void Close(double expected, double? actual, string what)
        {
            Assert.True(actual.HasValue, what + ": no bound");
            double error = Math.Abs(actual!.Value - expected) / Math.Abs(expected);
            Assert.True(error <= Tolerance, $"{what}: expected {expected:R}, got {actual:R} (relative error {error:E2})");
        }

        /// <summary>A censored fit and its problem, made as Get-MLEstimate makes them; no limit means the interval form.</summary>
        internal static (MLEstimate Fit, FitProblem Problem) Censored(DistributionName name, double[] data, double? above, double? below = null)
        {
            var family = DistributionFamilies.Create(name, new System.Collections.Generic.Dictionary<string, double>());
            var fixedValues = new double?[family.Parameters.Count];
            var rule = CensoringRule.Create(family, fixedValues, above, below);
            var sample = CensoredSample.Build(rule, fixedValues, data.Select(x => (x, 1.0)), Array.Empty<(double, double, double)>(), out _);
            var fit = new CensoredEstimator(family, 0.95).Fit(sample, fixedValues, CancellationToken.None);
            var theta = fit.Parameters.Select(p => p.Value).ToArray();
            return (fit, new FitProblem(family, sample, rule, fixedValues, theta, fit.LogLikelihood));
        }

        [Fact]
        public void ExponentialRateRightCensoredMatchesTheClosedForm()
        {
            var (fit, problem) = Censored(DistributionName.Exponential, Times, above: 1.0);
            Close(1.2626262626262626263, fit.Parameters[0].Value, "Rate (d / T = 5 / 3.96)");
            var interval = ProfileLikelihood.Parameter(problem, 0, 0.95, fit.Parameters[0].StandardError, CancellationToken.None);
            Close(0.45277907366941845964, interval.Lower, "Rate lower");
            Close(2.7137345034052527423, interval.Upper, "Rate upper");
            Assert.Null(interval.Note);
        }

        [Fact]
        public void ExponentialDerivedQuantitiesRightCensoredAreTheRateIntervalTransformed()
        {
            var (_, problem) = Censored(DistributionName.Exponential, Times, above: 1.0);
            var p99 = AlternativeIntervals.ProfileQuantile(problem, 0.99, false, 0.95, CancellationToken.None);
            Close(1.6969862675252218767, p99.Lower, "p99 lower (-log 0.01 / upper rate)");
            Close(10.170898908085144403, p99.Upper, "p99 upper");
            var survival = AlternativeIntervals.ProfileSurvival(problem, 0.5, 0.95, CancellationToken.None);
            Close(0.25746609133056108957, survival.Lower, "S(0.5) lower (exp(-0.5 upper rate))");
            Close(0.79740742159595517651, survival.Upper, "S(0.5) upper");
        }

        [Fact]
        public void LogNormalRightCensoredMatchesADirectRootSearch()
        {
            var (fit, problem) = Censored(DistributionName.LogNormal, PositiveData, above: 3.0);
            Close(0.2385976241236004125, fit.Parameters[0].Value, "MeanLog");
            Close(0.9271559630407945213, fit.Parameters[1].Value, "SdLog");
            var meanLog = ProfileLikelihood.Parameter(problem, 0, 0.95, fit.Parameters[0].StandardError, CancellationToken.None);
            Close(-0.39719372207113535018, meanLog.Lower, "MeanLog lower");
            Close(0.96654146142457625544, meanLog.Upper, "MeanLog upper");
            var sdLog = ProfileLikelihood.Parameter(problem, 1, 0.95, fit.Parameters[1].StandardError, CancellationToken.None);
            Close(0.59527582248355749843, sdLog.Lower, "SdLog lower");
            Close(1.7162564575233727008, sdLog.Upper, "SdLog upper");
        }

        [Fact]
        public void CensoredBootstrapIsReproducibleForASeedOnAnyThreadCount()
        {
            var (_, problem) = Censored(DistributionName.LogNormal, PositiveData, above: 3.0);
            var one = ParametricBootstrap.Run(problem, 200, new RandomSource(7), 1, CancellationToken.None);
            var many = ParametricBootstrap.Run(problem, 200, new RandomSource(7), 2, CancellationToken.None);
            Assert.Equal(one.Failures, many.Failures);
            for (int b = 0; b < 200; b++)
            {
                Assert.Equal(one.Thetas[b], many.Thetas[b]);
            }

            var other = ParametricBootstrap.Run(problem, 200, new RandomSource(8), 2, CancellationToken.None);
            Assert.NotEqual(one.Thetas[0], other.Thetas[0]);
        }

        [Fact]
        public void CensoredBootstrapCensorsTheSimulatedValuesByTheSameLimit()
        {
            // Replicate b draws its 7 values from stream b of the seed: censored at the limit 1 as
            // the input was, its estimate is the closed form d / T (events over total time, a
            // censored value counting 1), not 7 / sum of the values as an uncensored re-fit gives.
            var (fit, problem) = Censored(DistributionName.Exponential, Times, above: 1.0);
            var seed = new RandomSource(3);
            var reps = ParametricBootstrap.Run(problem, 50, seed, 2, CancellationToken.None);
            int checkedReplicates = 0;
            for (int b = 0; b < 50; b++)
            {
                var values = new double[Times.Length];
                problem.Family.Model!.Sample(seed.ForWorkItem(b), problem.Theta, values);
                int events = values.Count(x => x < 1.0);
                double time = values.Sum(x => Math.Min(x, 1.0));
                if (events == 0)
                {
                    Assert.Null(reps.Thetas[b]); // every value censored: no estimate, a counted failure
                    continue;
                }

                Assert.Equal(events / time, reps.Thetas[b]![0], 12);
                checkedReplicates += events < Times.Length ? 1 : 0;
            }

            Assert.True(checkedReplicates > 20, "most replicates have a censored value");
            var interval = reps.Percentile(t => t[0], 0.95)!.Value;
            Assert.True(interval.Lower < fit.Parameters[0].Value && fit.Parameters[0].Value < interval.Upper);
        }

        [Fact]
        public void IntervalFormRefusesTheBootstrap()
        {
            var (_, problem) = Censored(DistributionName.Exponential, Times, above: null);
            Assert.NotNull(problem.BootstrapRefusal);
            var e = Assert.Throws<EstimationException>(() => ParametricBootstrap.Run(problem, 10, new RandomSource(1), 1, CancellationToken.None));
            Assert.Equal("BootstrapNotAvailable", e.ErrorId);
            Assert.Contains("mechanism", e.Message);
        }
    }
}
