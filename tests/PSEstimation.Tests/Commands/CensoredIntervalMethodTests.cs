using System;
using System.Linq;
using PSEstimation.Tests.Hosting;
using Xunit;

namespace PSEstimation.Tests.Commands
{
    /// <summary>
    /// -IntervalMethod Profile and Bootstrap on censored fits through the real engine (issue #18).
    /// Expected bounds: tools/make_censored_intervals_reference.py (mpmath closed form of the
    /// right-censored Exponential rate: d·log(λ/λ̂) - (λ - λ̂)·T = -χ²₁(0.95)/2).
    /// </summary>
    [Collection(ModuleCollection.Name)]
    public class CensoredIntervalMethodTests
    {
        private const string Times = "$t = 0.12, 0.85, 2.40, 0.33, 1.07, 0.05, 0.61; ";

        // The same observations in the interval form: exact values as equal bounds, the two values at or past 1 as "at least 1".
        private const string Bounds = "$b = @{ L = 0.12; U = 0.12 }, @{ L = 0.85; U = 0.85 }, @{ L = 1; U = '' }, @{ L = 0.33; U = 0.33 }, @{ L = 1; U = '' }, @{ L = 0.05; U = 0.05 }, @{ L = 0.61; U = 0.61 }; ";
        private readonly ModuleFixture module;

        public CensoredIntervalMethodTests(ModuleFixture module) => this.module = module;

        private T[] Run<T>(string script)
        {
            var result = module.Run(script);
            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            return result.Objects.OfType<T>().ToArray();
        }

        private static void Close(double expected, double? actual, double tolerance = 1e-6)
            => Assert.True(actual.HasValue && Math.Abs(actual.Value - expected) <= tolerance * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

        [Theory]
        [InlineData(Times + "$t | Get-MLEstimate Exponential -CensoredAbove 1 -IntervalMethod Profile")]
        [InlineData(Bounds + "$b | Get-MLEstimate Exponential -LowerProperty L -UpperProperty U -IntervalMethod Profile")]
        public void Profile_interval_of_a_right_censored_Exponential_rate_is_the_closed_form(string script)
        {
            var fit = Run<MLEstimate>(script).Single();
            Assert.Equal("Profile", fit.IntervalMethod);
            Assert.Equal(2, fit.CensoredCount);
            Close(0.45277907366941845964, fit.Parameters[0].Lower);
            Close(2.7137345034052527423, fit.Parameters[0].Upper);
        }

        [Fact]
        public void Profile_intervals_of_a_quantile_and_a_survival_probability_of_a_censored_fit()
        {
            var q = Run<Quantile>(Times + "$t | Get-MLEstimate Exponential -CensoredAbove 1 | Get-Quantile 0.99 -IntervalMethod Profile").Single();
            Assert.Equal("Profile", q.IntervalMethod);
            Close(1.6969862675252218767, q.Lower);
            Close(10.170898908085144403, q.Upper);
            var p = Run<Probability>(Times + "$t | Get-MLEstimate Exponential -CensoredAbove 1 | Get-Probability 0.5 -IntervalMethod Profile").Single();
            Close(0.25746609133056108957, p.SurvivalLower);
            Close(0.79740742159595517651, p.SurvivalUpper);
        }

        [Fact]
        public void Bootstrap_of_a_fit_censored_by_a_limit_is_reproducible_for_a_seed()
        {
            const string script = "$x = 0.62, 1.41, 2.03, 0.27, 3.55, 1.18, 0.89, 4.72, 1.96, 0.45; $x | Get-MLEstimate LogNormal -CensoredAbove 3 -IntervalMethod Bootstrap -Simulations 199 -SetSeed 11";
            var first = Run<MLEstimate>(script).Single();
            var second = Run<MLEstimate>(script).Single();
            Assert.Equal("Bootstrap", first.IntervalMethod);
            Assert.Equal(199, first.Simulations);
            for (int i = 0; i < 2; i++)
            {
                Assert.Equal(first.Parameters[i].Lower, second.Parameters[i].Lower);
                Assert.Equal(first.Parameters[i].Upper, second.Parameters[i].Upper);
                Assert.True(first.Parameters[i].Lower < first.Parameters[i].Value && first.Parameters[i].Value < first.Parameters[i].Upper);
            }

            var q1 = Run<Quantile>(script.Replace("-IntervalMethod Bootstrap -Simulations 199 -SetSeed 11", "") + " | Get-Quantile 0.9 -IntervalMethod Bootstrap -Simulations 199 -SetSeed 11").Single();
            Assert.Equal("Bootstrap", q1.IntervalMethod);
            Assert.True(q1.Lower < q1.Value && q1.Value < q1.Upper);
        }

        [Theory]
        [InlineData(Bounds + "$b | Get-MLEstimate Exponential -LowerProperty L -UpperProperty U -IntervalMethod Bootstrap", "IntervalMethodNotApplicable,PSEstimation.Commands.GetMLEstimateCommand")]
        [InlineData(Bounds + "$b | Get-MLEstimate Exponential -LowerProperty L -UpperProperty U | Get-Quantile 0.9 -IntervalMethod Bootstrap", "IntervalMethodNotApplicable,PSEstimation.Commands.GetQuantileCommand")]
        [InlineData(Bounds + "$b | Get-MLEstimate Exponential -LowerProperty L -UpperProperty U | Get-Probability 0.5 -IntervalMethod Bootstrap", "IntervalMethodNotApplicable,PSEstimation.Commands.GetProbabilityCommand")]
        public void Bootstrap_of_the_interval_form_is_refused_with_the_reason(string script, string id)
        {
            var result = module.Run(script);
            Assert.NotNull(result.TerminatingError);
            Assert.Equal(id, result.TerminatingError!.FullyQualifiedErrorId);
            Assert.Contains("mechanism", result.TerminatingError.Exception.Message);
        }
    }
}
