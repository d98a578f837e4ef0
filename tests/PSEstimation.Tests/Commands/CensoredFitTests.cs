using System;
using System.Linq;
using PSEstimation.Tests.Hosting;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Commands
{
    /// <summary>
    /// Censored fits beyond the reference file: closed forms derived by hand, every continuous
    /// family, discrete counts, weights, -Fixed, -GroupBy, the far tail, and the hostile cases of
    /// issue #15 (every observation censored, one-sided censoring without exact values, reversed
    /// bounds, limits outside the support), each by its full error id.
    /// </summary>
    [Collection(ModuleCollection.Name)]
    public class CensoredFitTests
    {
        private const string Ml = ",PSEstimation.Commands.GetMLEstimateCommand";
        private const string Nll = ",PSEstimation.Commands.MeasureNegativeLogLikelihoodCommand";
        private const string Map = ",PSEstimation.Commands.GetMAPEstimateCommand";
        private readonly ModuleFixture module;

        public CensoredFitTests(ModuleFixture module) => this.module = module;

        private T Single<T>(string script, params object?[] args)
        {
            var result = module.Run(script, args);
            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            return Assert.IsType<T>(Assert.Single(result.Objects));
        }

        [Fact]
        public void Exponential_right_censored_is_events_over_total_time_in_closed_form()
        {
            // 1, 2, 3 observed, 7 and 9 censored at 5: Rate = 3 / (1 + 2 + 3 + 5 + 5) = 0.1875 (hand);
            // observed information 3 / Rate², so SE = Rate / √3.
            var fit = Single<MLEstimate>("Get-MLEstimate Exponential -InputObject 1, 2, 3, 7, 9 -CensoredAbove 5");
            Tolerance.Relative(0.1875, fit.Parameters[0].Value, 1e-15, "Rate");
            Tolerance.Relative(0.1875 / Math.Sqrt(3), fit.Parameters[0].StandardError!.Value, 1e-12, "SE");
            Assert.StartsWith("Censored likelihood (2 right-censored", fit.Method);
            Assert.Contains("Closed form", fit.Method);
            Assert.Equal(0, fit.Iterations);
            Assert.Equal(2, fit.CensoredCount);
            Assert.Equal(5, fit.SampleSize);

            // log L = 3 log λ - λ · 16 (hand).
            Tolerance.Relative(3 * Math.Log(0.1875) - 0.1875 * 16, fit.LogLikelihood, 1e-14, "LogLikelihood");
        }

        // The bulk path counts what each limit censors into one observation per limit; piped one
        // by one, each value is its own observation, merged by its bounds. The two must give the
        // same digits whichever limit censors first (the order of the censored terms).
        [Theory]
        [InlineData("0.5, 9, 12, 2, 0.1, 4, 15, 0.3, 6, 11, 3")]
        [InlineData("9, 12, 2, 0.1, 4, 15, 0.3, 6, 0.5, 11, 3")]
        [InlineData("2, 4, 6, 3, 0.1, 0.3")]
        [InlineData("2, 4, 15, 6, 3, 12")]
        public void An_array_censored_at_both_limits_fits_as_the_values_one_by_one(string values)
        {
            const string limits = "-CensoredAbove 10 -CensoredBelow 1";
            var bulk = Single<MLEstimate>($"[double[]]$x = {values}; Get-MLEstimate Weibull -InputObject $x {limits}");
            var piped = Single<MLEstimate>($"{values} | Get-MLEstimate Weibull {limits}");
            Assert.Equal(piped.CensoredCount, bulk.CensoredCount);
            Assert.Equal(piped.LogLikelihood, bulk.LogLikelihood);
            for (int i = 0; i < piped.Parameters.Length; i++)
            {
                Assert.Equal(piped.Parameters[i].Value, bulk.Parameters[i].Value);
                Assert.Equal(piped.Parameters[i].StandardError, bulk.Parameters[i].StandardError);
            }

            Assert.Equal(values.Split(',').Select(double.Parse).Count(v => v >= 10 || v <= 1), bulk.CensoredCount);
        }

        [Fact]
        public void Geometric_count_known_at_least_k_has_its_closed_form()
        {
            // 0, 1, 2 observed; 4 and 6 known only to be >= 4: P(X >= 4) = (1 - P)^4, so
            // log L = 3 log P + (3 + 8) log(1 - P) and P = 3 / 14 (hand).
            var fit = Single<MLEstimate>("Get-MLEstimate Geometric -InputObject 0, 1, 2, 4, 6 -CensoredAbove 4");
            Tolerance.Relative(3.0 / 14, fit.Parameters[0].Value, 1e-14, "P");
            Assert.Contains("Closed form", fit.Method);
            Tolerance.Relative(3 * Math.Log(3.0 / 14) + 11 * Math.Log(11.0 / 14), fit.LogLikelihood, 1e-14, "LogLikelihood");

            // The same count in the interval form: an empty upper bound.
            var intervals = Single<MLEstimate>("@{ L = 0; U = 0 }, @{ L = 1; U = 1 }, @{ L = 2; U = 2 }, @{ L = 4; U = '' }, @{ L = 4; U = $null } | Get-MLEstimate Geometric -LowerProperty L -UpperProperty U");
            Tolerance.Relative(3.0 / 14, intervals.Parameters[0].Value, 1e-14, "P (intervals)");
        }

        [Fact]
        public void Poisson_counts_at_least_k_include_k()
        {
            // 1 and 2 observed, one count >= 3: log L(λ) = -2λ + 3 log λ - log 2 + log P(X >= 3),
            // P(X >= 3) = 1 - e^-λ (1 + λ + λ²/2). The score must vanish at the estimate (checked
            // by a central difference of this hand formula).
            var fit = Single<MLEstimate>("Get-MLEstimate Poisson -InputObject 1, 2, 5 -CensoredAbove 3");
            double LogL(double l) => -2 * l + 3 * Math.Log(l) - Math.Log(2) + Math.Log(1 - Math.Exp(-l) * (1 + l + l * l / 2));
            double lambda = fit.Parameters[0].Value, h = 1e-5;
            Assert.True(Math.Abs((LogL(lambda + h) - LogL(lambda - h)) / (2 * h)) < 1e-7, "score of the hand formula at the estimate");
            Tolerance.Relative(LogL(lambda), fit.LogLikelihood, 1e-12, "LogLikelihood");
        }

        [Theory]
        [InlineData("Normal", "")]
        [InlineData("LogNormal", "")]
        [InlineData("Exponential", "")]
        [InlineData("Gamma", "")]
        [InlineData("Weibull", "")]
        [InlineData("Logistic", "")]
        [InlineData("Cauchy", "")]
        [InlineData("StudentT", "")]
        [InlineData("Rayleigh", "")]
        [InlineData("Pareto", "-Fixed @{ Scale = 0.25 }")]
        [InlineData("Beta", "-Fixed @{}")]
        public void Every_continuous_family_reaches_a_stationary_point(string family, string extra)
        {
            // Left-censored at 0.5 and right-censored at 8 (0.5/8 scaled into (0, 1) for Beta).
            double[] data = { 0.3, 0.7, 1.1, 1.4, 1.9, 2.2, 2.8, 3.5, 4.1, 5.0, 6.3, 7.7, 9.2, 12.0, 15.5 };
            string limits = "-CensoredAbove 8 -CensoredBelow 0.5";
            if (family == "Beta")
            {
                data = data.Select(x => x / 16).ToArray();
                limits = "-CensoredAbove 0.5 -CensoredBelow 0.03125";
            }

            var fit = Single<MLEstimate>($"Get-MLEstimate {family} -InputObject $args[0] {limits} {extra}", data);
            Assert.True(fit.Converged);
            Assert.Equal(family == "Beta" ? 4 : 4, fit.CensoredCount);
            Assert.True(double.IsFinite(fit.LogLikelihood));
            for (int i = 0; i < fit.Parameters.Length; i++)
            {
                if (fit.Parameters[i].Fixed || (family == "StudentT" && i == 2))
                {
                    continue;
                }

                Assert.True(Math.Abs(fit.Score[i]) < 1e-7 * Math.Max(1, Math.Abs(fit.LogLikelihood)), $"{family} score[{i}] = {fit.Score[i]}");
                Assert.True(fit.Parameters[i].StandardError > 0, $"{family} SE of {fit.Parameters[i].Name}");
            }

            // The likelihood is the same whichever form the data come in.
            var objects = data.Select(x => new System.Collections.Hashtable { ["V"] = x }).ToArray();
            var byProperty = Single<MLEstimate>($"$args[0] | Get-MLEstimate {family} -Property V {limits} {extra}", (object)objects);
            Tolerance.Relative(fit.LogLikelihood, byProperty.LogLikelihood, 1e-12, "LogLikelihood by property");
        }

        [Fact]
        public void Weights_equal_repeated_observations()
        {
            var weighted = Single<MLEstimate>("@{ L = 1; U = 1; N = 2 }, @{ L = 2; U = 3; N = 3 }, @{ L = 4; U = $null; N = 2 }, @{ L = 0.5; U = 0.5; N = 1 } | Get-MLEstimate Weibull -LowerProperty L -UpperProperty U -WeightProperty N");
            var repeated = Single<MLEstimate>("@{ L = 1; U = 1 }, @{ L = 1; U = 1 }, @{ L = 2; U = 3 }, @{ L = 2; U = 3 }, @{ L = 2; U = 3 }, @{ L = 4; U = $null }, @{ L = 4; U = $null }, @{ L = 0.5; U = 0.5 } | Get-MLEstimate Weibull -LowerProperty L -UpperProperty U");
            Assert.Equal(8, weighted.SampleSize);
            Assert.Equal(5, weighted.CensoredCount);
            for (int i = 0; i < 2; i++)
            {
                Tolerance.Relative(repeated.Parameters[i].Value, weighted.Parameters[i].Value, 1e-10, "estimate");
                Tolerance.Relative(repeated.Parameters[i].StandardError!.Value, weighted.Parameters[i].StandardError!.Value, 1e-8, "SE");
            }

            Tolerance.Relative(repeated.LogLikelihood, weighted.LogLikelihood, 1e-12, "LogLikelihood");
            Tolerance.Relative(repeated.BIC, weighted.BIC, 1e-12, "BIC");
        }

        [Fact]
        public void Fixed_parameters_and_groups()
        {
            var fit = Single<MLEstimate>("Get-MLEstimate Weibull -InputObject 1, 2, 3, 4, 9 -CensoredAbove 5 -Fixed @{ Shape = 1 }");
            // Shape 1 is the Exponential: Scale = total time / events = (1 + 2 + 3 + 4 + 5) / 4 (hand).
            Tolerance.Relative(15.0 / 4, fit.Parameters[1].Value, 1e-9, "Scale");
            Assert.True(fit.Parameters[0].Fixed);
            Tolerance.Relative(2 * 1 - 2 * fit.LogLikelihood, fit.AIC, 1e-14, "AIC counts the free parameter only");

            var result = module.Run("@{ H = 'a'; V = 1 }, @{ H = 'b'; V = 2 }, @{ H = 'a'; V = 9 }, @{ H = 'b'; V = 3 }, @{ H = 'a'; V = 2 }, @{ H = 'b'; V = 8 } | Get-MLEstimate Exponential -Property V -GroupBy H -CensoredAbove 5");
            Assert.Empty(result.Errors);
            var fits = result.Objects.Cast<MLEstimate>().ToArray();
            Assert.Equal(2, fits.Length);
            Assert.Equal("a", fits[0].Group);
            Tolerance.Relative(2.0 / 8, fits[0].Parameters[0].Value, 1e-15, "group a: 2 events in 1 + 2 + 5");
            Tolerance.Relative(2.0 / 10, fits[1].Parameters[0].Value, 1e-15, "group b: 2 events in 2 + 3 + 5");
            Assert.All(fits, f => Assert.Equal(1, f.CensoredCount));
        }

        [Fact]
        public void A_value_censored_forty_standard_deviations_out_is_finite_and_exact()
        {
            // Mirror image of the reference case nll_normal_far_right_censored (two values right-censored
            // at 40 under Normal(0, 1)): left-censored at -40, the NLL is the same and the Mean gradient flips sign.
            var c = CensoredReferenceTests.Case("Nll", "nll_normal_far_right_censored");
            double expected = c.GetProperty("Value").GetDouble();
            double[] gradient = ReferenceData.Doubles(c.GetProperty("Gradient"));
            var nll = Single<NegativeLogLikelihood>("Measure-NegativeLogLikelihood Normal -InputObject -0.5, 1.2, -0.3, -40, -45 -CensoredBelow -40 -Parameter @{ Mean = 0; Variance = 1 }");
            Tolerance.Relative(expected, nll.Value, 1e-13, "NLL");
            Tolerance.Relative(-gradient[0], nll.Gradient[0], 1e-11, "Mean gradient");
            Tolerance.Relative(gradient[1], nll.Gradient[1], 1e-11, "Variance gradient");

            // An interval [40, 41] far in the upper tail, computed from the survival side: its
            // probability is S(40) (1 - S(41)/S(40)), and S(41)/S(40) < e^-40, so it equals S(40) to rounding.
            var interval = Single<NegativeLogLikelihood>("@{ L = 40; U = 41 } | Measure-NegativeLogLikelihood Normal -LowerProperty L -UpperProperty U -Parameter @{ Mean = 0; Variance = 1 }");
            var atLeast = Single<NegativeLogLikelihood>("@{ L = 40; U = $null } | Measure-NegativeLogLikelihood Normal -LowerProperty L -UpperProperty U -Parameter @{ Mean = 0; Variance = 1 }");
            Assert.True(double.IsFinite(interval.Value) && interval.Value > 800);
            Tolerance.Relative(atLeast.Value, interval.Value, 1e-15, "interval against S(40)");

            // A fit with such a value stays finite.
            var fit = Single<MLEstimate>("Get-MLEstimate Normal -InputObject -0.5, 1.2, -0.3, 0.1, 45 -CensoredAbove 40 -Fixed @{ Variance = 1 }");
            Assert.True(double.IsFinite(fit.LogLikelihood));
            Assert.True(fit.Converged);
        }

        [Fact]
        public void Every_observation_censored_is_a_terminating_error()
        {
            var result = module.Run("Get-MLEstimate LogNormal -InputObject 31, 40, 50 -CensoredAbove 30");
            Assert.Equal("EveryObservationCensored" + Ml, result.TerminatingError?.FullyQualifiedErrorId);
            result = module.Run("Get-MLEstimate Exponential -InputObject 0.1, 0.2 -CensoredBelow 0.5");
            Assert.Equal("EveryObservationCensored" + Ml, result.TerminatingError?.FullyQualifiedErrorId);
        }

        [Fact]
        public void Two_parameters_from_one_sided_limits_only_is_not_identifiable()
        {
            const string data = "@{ L = $null; U = 1 }, @{ L = 5; U = $null }, @{ L = $null; U = 1 }";
            var result = module.Run(data + " | Get-MLEstimate LogNormal -LowerProperty L -UpperProperty U");
            Assert.Equal("CensoredNotIdentifiable" + Ml, result.TerminatingError?.FullyQualifiedErrorId);

            // One parameter is identified: log L = 2 log(1 - e^-λ) - 5λ has its maximum where
            // 2 e^-λ / (1 - e^-λ) = 5, λ = log(7/5) (hand).
            var fit = Single<MLEstimate>(data + " | Get-MLEstimate Exponential -LowerProperty L -UpperProperty U");
            Tolerance.Relative(Math.Log(1.4), fit.Parameters[0].Value, 1e-9, "Rate");
        }

        [Fact]
        public void Intervals_that_a_degenerate_distribution_fills_are_not_identifiable()
        {
            // Both observations in (1, 2]: Normal(1.5, v) gives them probability -> 1 as v -> 0, so the
            // likelihood has a supremum (log L = 0) and no maximum. Failed before the check: Converged with SE 1.9e9.
            var result = module.Run("@{ L = 1; U = 2 }, @{ L = 1; U = 2 } | Get-MLEstimate Normal -LowerProperty L -UpperProperty U");
            Assert.Equal("CensoredNotIdentifiable" + Ml, result.TerminatingError?.FullyQualifiedErrorId);
        }

        [Fact]
        public void Values_beyond_the_family_s_range_get_its_own_error_not_a_search_from_neutral_values()
        {
            // Failed before: Newton from (1, 1) ran 200 iterations and reported Scale = 1.03 for values near 1e300.
            var result = module.Run("Get-MLEstimate Weibull -InputObject 1e300, 2e300, 3e300, 5e300 -CensoredAbove 4e300");
            Assert.Equal("InformationOutOfRange" + Ml, result.TerminatingError?.FullyQualifiedErrorId);
        }

        [Fact]
        public void Reversed_and_unusable_bounds_are_skipped_and_counted()
        {
            var result = module.Run("@{ L = 1; U = 1 }, @{ L = 3; U = 2 }, @{ L = 'timeout'; U = 5 }, @{ L = ''; U = '' }, @{ L = 2; U = 2.5 }, @{ L = 4; U = $null }, @{ L = -3; U = -1 }, @{ U = 2 } | Get-MLEstimate Exponential -LowerProperty L -UpperProperty U");
            Assert.Null(result.TerminatingError);
            Assert.Equal(
                new[] { "InvalidInterval" + Ml, "NotANumber" + Ml, "InvalidInterval" + Ml, "CensoringOutsideSupport" + Ml, "PropertyNotFound" + Ml },
                result.ErrorIds);
            var fit = Assert.IsType<MLEstimate>(Assert.Single(result.Objects));
            Assert.Equal(5, fit.SkippedCount);
            Assert.Equal(3, fit.SampleSize);
            Assert.Equal(2, fit.CensoredCount);
        }

        [Theory]
        [InlineData("Get-MLEstimate LogNormal -InputObject 1, 2 -CensoredBelow 0", "CensoringOutsideSupport")]
        [InlineData("Get-MLEstimate LogNormal -InputObject 1, 2 -CensoredAbove -1", "CensoringOutsideSupport")]
        [InlineData("Get-MLEstimate Beta -InputObject 0.1, 0.2 -CensoredAbove 1.5", "CensoringOutsideSupport")]
        [InlineData("Get-MLEstimate Normal -InputObject 1, 2 -CensoredAbove 1 -CensoredBelow 2", "InvalidCensoring")]
        [InlineData("Get-MLEstimate Normal -InputObject 1, 2 -CensoredAbove ([double]::NaN)", "InvalidCensoring")]
        [InlineData("@{ L = 1 } | Get-MLEstimate Normal -LowerProperty L", "InvalidCensoring")]
        [InlineData("@{ L = 1; U = 2 } | Get-MLEstimate Normal -LowerProperty L -UpperProperty U -CensoredAbove 3", "InvalidCensoring")]
        [InlineData("Get-MLEstimate Categorical -InputObject a, b -CensoredAbove 1", "CensoringNotSupported")]
        [InlineData("Get-MLEstimate Uniform -InputObject 1, 2, 3 -CensoredAbove 2.5", "CensoringNotSupported")]
        [InlineData("Get-MLEstimate Laplace -InputObject 1, 2, 3 -CensoredAbove 2.5", "CensoringNotSupported")]
        [InlineData("Get-MLEstimate Pareto -InputObject 1, 2, 3 -CensoredAbove 2.5", "CensoringNotSupported")]
        public void Unusable_censoring_is_a_terminating_error(string script, string id)
        {
            var result = module.Run(script);
            Assert.Equal(id + Ml, result.TerminatingError?.FullyQualifiedErrorId);
            Assert.Empty(result.Objects);
        }

        [Fact]
        public void Fixing_the_non_smooth_parameter_makes_the_rest_fittable()
        {
            // Laplace with Location fixed at 0: |x| ~ Exponential(1/Scale), and a value known to be
            // >= 3 has log S = -log 2 - 3/Scale; with 1, -2, 0.5 exact and one censored at 3:
            // Scale = (1 + 2 + 0.5 + 3) / 3 (hand: d/db [-3 log b - 3.5/b - 3/b] = 0).
            var fit = Single<MLEstimate>("Get-MLEstimate Laplace -InputObject 1, -2, 0.5, 4 -CensoredAbove 3 -Fixed @{ Location = 0 }");
            Tolerance.Relative(6.5 / 3, fit.Parameters[1].Value, 1e-9, "Scale");
        }

        [Fact]
        public void Measure_negative_log_likelihood_per_observation_and_errors()
        {
            var result = module.Run("Measure-NegativeLogLikelihood Exponential -InputObject 1, 12 -CensoredAbove 10 -Parameter @{ Rate = 0.5 } -PerObservation");
            var rows = result.Objects.Cast<ObservationNegativeLogLikelihood>().ToArray();
            Assert.Equal(2, rows.Length);
            Tolerance.Relative(-Math.Log(0.5) + 0.5, rows[0].NegativeLogLikelihood, 1e-15, "exact");
            Tolerance.Relative(0.5 * 10, rows[1].NegativeLogLikelihood, 1e-15, "censored: -log S(10) = 10 Rate");

            var outside = module.Run("Measure-NegativeLogLikelihood Exponential -InputObject 1 -CensoredBelow -1 -Parameter @{ Rate = 0.5 }");
            Assert.Equal("CensoringOutsideSupport" + Nll, outside.TerminatingError?.FullyQualifiedErrorId);
        }

        [Fact]
        public void Map_with_censoring_and_a_prior_is_numerical_and_names_the_censoring()
        {
            // With a flat prior the mode is the censored MLE.
            var flat = Single<MAPEstimate>("Get-MAPEstimate Exponential -InputObject 1, 2, 3, 7, 9 -CensoredAbove 5 -Prior @{ Rate = 'Flat' }");
            Tolerance.Relative(0.1875, flat.Parameters[0].Value, 1e-14, "flat-prior mode");
            Assert.Equal(2, flat.CensoredCount);

            // Gamma(a, b) prior on the Rate: the log-posterior (a + 3 - 1) log λ - (b + 16) λ has its mode at
            // (a + 2) / (b + 16) (hand), although the uncensored pair would be conjugate.
            var fit = Single<MAPEstimate>("Get-MAPEstimate Exponential -InputObject 1, 2, 3, 7, 9 -CensoredAbove 5 -Prior @{ Rate = 'Gamma(2, 4)' }");
            Tolerance.Relative(4.0 / 20, fit.Parameters[0].Value, 1e-10, "mode");
            Assert.Contains("censored likelihood (2 right-censored)", fit.Method);
            Assert.Null(fit.Posterior);

            var joint = module.Run("Get-MAPEstimate Normal -InputObject 1, 2, 3, 7 -CensoredAbove 5 -Prior 'NormalInverseGamma(0, 1, 2, 2)'");
            Assert.Equal("InvalidPrior" + Map, joint.TerminatingError?.FullyQualifiedErrorId);
        }
    }
}
