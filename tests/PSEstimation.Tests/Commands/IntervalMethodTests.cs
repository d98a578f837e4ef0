using System;
using System.Linq;
using PSEstimation.Tests.Hosting;
using Xunit;

namespace PSEstimation.Tests.Commands
{
    /// <summary>
    /// -IntervalMethod, -Simulations and -SetSeed through the real engine on Get-MLEstimate,
    /// Get-Quantile and Get-Probability. Expected bounds: mpmath closed forms and R uniroot
    /// (tools/make_intervals_closed_forms.py, tools/make_intervals_reference.R).
    /// </summary>
    [Collection(ModuleCollection.Name)]
    public class IntervalMethodTests
    {
        private const string Gamma10 = "$x = 0.62, 1.41, 2.03, 0.27, 3.55, 1.18, 0.89, 4.72, 1.96, 0.45; ";
        private readonly ModuleFixture module;

        public IntervalMethodTests(ModuleFixture module) => this.module = module;

        private T[] Run<T>(string script)
        {
            var result = module.Run(script);
            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            return result.Objects.OfType<T>().ToArray();
        }

        private static void Close(double expected, double? actual, double tolerance = 1e-6)
            => Assert.True(actual.HasValue && Math.Abs(actual.Value - expected) <= tolerance * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

        [Fact]
        public void Default_stays_Wald()
        {
            var fit = Run<MLEstimate>("2.3, 2.5, 3.1, 3.8, 2.7 | Get-MLEstimate Normal").Single();
            Assert.Equal("Wald", fit.IntervalMethod);
            Assert.Null(fit.Simulations);
            var q = Run<Quantile>("2.3, 2.5, 3.1, 3.8, 2.7 | Get-MLEstimate Normal | Get-Quantile 0.9").Single();
            Assert.Equal("Wald", q.IntervalMethod);
        }

        [Fact]
        public void Profile_interval_of_the_Normal_variance_stays_positive()
        {
            var fit = Run<MLEstimate>("2.3, 2.5, 3.1, 3.8, 2.7 | Get-MLEstimate Normal -IntervalMethod Profile").Single();
            Assert.Equal("Profile", fit.IntervalMethod);
            Close(0.10068831052500390332, fit.Parameters[1].Lower);
            Close(1.3369576884261228, fit.Parameters[1].Upper);
            Close(0.178099, fit.Parameters[1].StandardError, 1e-5); // the standard error is still the Wald one
        }

        [Fact]
        public void Profile_intervals_of_a_quantile_and_a_survival_probability_match_R()
        {
            var q = Run<Quantile>(Gamma10 + "$x | Get-MLEstimate Gamma | Get-Quantile 0.99 -IntervalMethod Profile").Single();
            Assert.Equal("Profile", q.IntervalMethod);
            Close(3.7776853622868396, q.Lower);
            Close(13.853187199229051, q.Upper);
            var p = Run<Probability>(Gamma10 + "$x | Get-MLEstimate Gamma | Get-Probability 3 -IntervalMethod Profile").Single();
            Assert.Equal("Profile", p.IntervalMethod);
            Close(0.033505878379392097, p.SurvivalLower);
            Close(0.38758287000827524, p.SurvivalUpper);
        }

        [Fact]
        public void Bootstrap_with_a_seed_is_reproducible_and_counts()
        {
            string script = Gamma10 + "$x | Get-MLEstimate Gamma -IntervalMethod Bootstrap -Simulations 300 -SetSeed 11";
            var a = Run<MLEstimate>(script).Single();
            var b = Run<MLEstimate>(script).Single();
            Assert.Equal("Bootstrap", a.IntervalMethod);
            Assert.Equal(300, a.Simulations);
            Assert.Equal(0, a.BootstrapFailures);
            for (int i = 0; i < 2; i++)
            {
                Assert.Equal(a.Parameters[i].Lower, b.Parameters[i].Lower);
                Assert.Equal(a.Parameters[i].Upper, b.Parameters[i].Upper);
                Assert.True(a.Parameters[i].Lower < a.Parameters[i].Upper);
            }

            var other = Run<MLEstimate>(Gamma10 + "$x | Get-MLEstimate Gamma -IntervalMethod Bootstrap -Simulations 300 -SetSeed 12").Single();
            Assert.NotEqual(a.Parameters[0].Lower, other.Parameters[0].Lower);
        }

        [Fact]
        public void Bootstrap_of_a_quantile_uses_the_same_replicates_for_a_seed()
        {
            string script = Gamma10 + "$f = $x | Get-MLEstimate Gamma; $f | Get-Quantile 0.5, 0.99 -IntervalMethod Bootstrap -Simulations 200 -SetSeed 5; $f | Get-Quantile 0.99 -IntervalMethod Bootstrap -Simulations 200 -SetSeed 5";
            var q = Run<Quantile>(script);
            Assert.Equal(3, q.Length);
            Assert.All(q, r => Assert.Equal("Bootstrap", r.IntervalMethod));
            Assert.Equal(q[1].Lower, q[2].Lower);
            Assert.Equal(q[1].Upper, q[2].Upper);
            Assert.True(q[0].Upper < q[1].Lower);
        }

        [Fact]
        public void Fixed_parameters_stay_fixed_and_weights_count()
        {
            var fit = Run<MLEstimate>(Gamma10 + "$x | Get-MLEstimate Gamma -Fixed @{ Shape = 2 } -IntervalMethod Profile").Single();
            Assert.Equal(2.0, fit.Parameters[0].Lower);
            Assert.True(fit.Parameters[1].Lower < fit.Parameters[1].Value && fit.Parameters[1].Value < fit.Parameters[1].Upper);
            var weighted = Run<MLEstimate>("1, 2, 5 | Get-MLEstimate Gamma -Weight 2, 3, 1 -IntervalMethod Profile").Single();
            var repeated = Run<MLEstimate>("1, 1, 2, 2, 2, 5 | Get-MLEstimate Gamma -IntervalMethod Profile").Single();
            Close(repeated.Parameters[0].Lower!.Value, weighted.Parameters[0].Lower, 1e-8);
            Close(repeated.Parameters[0].Upper!.Value, weighted.Parameters[0].Upper, 1e-8);
        }

        [Fact]
        public void An_unbounded_side_is_infinite_with_a_warning()
        {
            var result = module.Run("-1.2, 0.3, 0.8, -0.4, 1.5, -0.9, 0.1, 0.6, -0.2, 1.1, -1.6, 0.4, 0.0, -0.7, 0.9 | Get-MLEstimate StudentT -IntervalMethod Profile");
            Assert.Null(result.TerminatingError);
            var fit = result.Objects.OfType<MLEstimate>().Single();
            Assert.Equal(double.PositiveInfinity, fit.Parameters[2].Upper);
            Assert.NotNull(fit.Parameters[2].IntervalNote);
            Assert.Equal(fit.Parameters[2].IntervalNote, fit.IntervalNote);
            Assert.Contains(result.Warnings, w => w.Message.Contains("edge of the parameter space"));
        }

        [Theory]
        [InlineData("2.3, 2.5, 2.7 | Get-MAPEstimate Normal -Fixed @{ Variance = 1 } -Prior @{ Mean = 'Normal(2, 0.5)' } | Get-Quantile 0.9 -IntervalMethod Bootstrap", "IntervalMethodNotApplicable,PSEstimation.Commands.GetQuantileCommand")]
        [InlineData("2.3, 2.5, 2.7 | Get-MAPEstimate Normal -Fixed @{ Variance = 1 } -Prior @{ Mean = 'Normal(2, 0.5)' } | Get-Probability 2 -IntervalMethod Profile", "IntervalMethodNotApplicable,PSEstimation.Commands.GetProbabilityCommand")]
        [InlineData("$f = 1, 2, 3 | Get-MLEstimate Normal; $d = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($f)); $d | Get-Quantile 0.9 -IntervalMethod Profile", "IntervalMethodNeedsData,PSEstimation.Commands.GetQuantileCommand")]
        [InlineData("1, 2, 3 | Get-MLEstimate Normal | Get-Quantile 0.9 -IntervalMethod Bootstrap -Simulations 1", "InvalidSimulations,PSEstimation.Commands.GetQuantileCommand")]
        [InlineData("1, 2, 3 | Get-MLEstimate Normal -IntervalMethod Bootstrap -Simulations 0", "InvalidSimulations,PSEstimation.Commands.GetMLEstimateCommand")]
        [InlineData("'a', 'b' | Get-MLEstimate Categorical -IntervalMethod Profile", "IntervalMethodNotApplicable,PSEstimation.Commands.GetMLEstimateCommand")]
        [InlineData("0, 1, 1, 3 | Get-MLEstimate Poisson | Get-Quantile 0.9 -IntervalMethod Profile", "IntervalMethodNotApplicable,PSEstimation.Commands.GetQuantileCommand")]
        public void Methods_that_do_not_apply_are_clear_errors(string script, string id)
        {
            var result = module.Run(script);
            Assert.NotNull(result.TerminatingError);
            Assert.Equal(id, result.TerminatingError!.FullyQualifiedErrorId);
        }

        [Theory]
        [InlineData("Normal", "@{ Mean = 1; Variance = 2 }")]
        [InlineData("LogNormal", "@{ MeanLog = 0; SdLog = 0.5 }")]
        [InlineData("Exponential", "@{ Rate = 2 }")]
        [InlineData("Gamma", "@{ Shape = 2; Rate = 1 }")]
        [InlineData("Weibull", "@{ Shape = 1.5; Scale = 2 }")]
        [InlineData("Beta", "@{ Alpha = 2; Beta = 3 }")]
        [InlineData("Laplace", "@{ Location = 0; Scale = 1 }")]
        [InlineData("Logistic", "@{ Location = 0; Scale = 1 }")]
        [InlineData("Cauchy", "@{ Location = 0; Scale = 1 }")]
        [InlineData("StudentT", "@{ Location = 0; Scale = 1; DegreesOfFreedom = 4 }")]
        [InlineData("Uniform", "@{ Lower = 0; Upper = 1 }")]
        [InlineData("Pareto", "@{ Scale = 1; Shape = 3 }")]
        [InlineData("Rayleigh", "@{ Scale = 1 }")]
        [InlineData("Poisson", "@{ Lambda = 3 }")]
        [InlineData("Bernoulli", "@{ P = 0.3 }")]
        [InlineData("Geometric", "@{ P = 0.3 }")]
        [InlineData("NegativeBinomial", "@{ Size = 3; P = 0.4 }")]
        [InlineData("Binomial", "@{ Trials = 10; P = 0.4 }")]
        public void Every_family_gives_profile_and_bootstrap_intervals_around_its_estimate(string family, string parameters)
        {
            string fix = family == "Binomial" ? " -Fixed @{ Trials = 10 }" : string.Empty;
            string script = $"$x = Get-RandomSample -Distribution {family} -Parameter {parameters} -Count 30 -SetSeed 7; "
                + $"$x | Get-MLEstimate {family}{fix} -IntervalMethod Profile -WarningAction SilentlyContinue; "
                + $"$x | Get-MLEstimate {family}{fix} -IntervalMethod Bootstrap -Simulations 100 -SetSeed 1 -WarningAction SilentlyContinue";
            var fits = Run<MLEstimate>(script);
            Assert.Equal(2, fits.Length);
            foreach (var p in fits[0].Parameters.Where(p => !p.Fixed))
            {
                Assert.True(p.Lower <= p.Value && p.Value <= p.Upper, $"{family} {p.Name}: profile ({p.Lower}, {p.Upper}) around {p.Value}");
            }

            Assert.Equal("Bootstrap", fits[1].IntervalMethod);
            foreach (var p in fits[1].Parameters.Where(p => !p.Fixed))
            {
                Assert.True(p.Lower <= p.Upper, $"{family} {p.Name}: bootstrap ({p.Lower}, {p.Upper})");
            }
        }
    }
}
