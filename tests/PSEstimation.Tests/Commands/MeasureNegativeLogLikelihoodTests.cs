using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using PSEstimation.Tests.Hosting;
using PSEstimation.Tests.Numerics;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Commands
{
    /// <summary>Measure-NegativeLogLikelihood through the real engine: binding, streaming, support, errors and formatting.</summary>
    [Collection(ModuleCollection.Name)]
    public class MeasureNegativeLogLikelihoodTests
    {
        private const string Id = ",PSEstimation.Commands.MeasureNegativeLogLikelihoodCommand";
        private const string Seed = "2.3, 2.5, 3.1, 3.8, 2.7";
        private readonly ModuleFixture module;

        public MeasureNegativeLogLikelihoodTests(ModuleFixture module) => this.module = module;

        private NegativeLogLikelihood Single(string script, params object?[] args)
        {
            var result = module.Run(script, args);
            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            Assert.Empty(result.Warnings);
            return Assert.IsType<NegativeLogLikelihood>(Assert.Single(result.Objects));
        }

        /// <summary>tests/reference/nll.json seed_normal_nonopt_1 (analytic, checked with R dnorm and numDeriv).</summary>
        private static void AssertNonOptimalSeed(NegativeLogLikelihood r)
        {
            Tolerance.Relative(4.3418247146235, r.Value, 1e-12, "Value");
            Tolerance.Relative(-4.3418247146235, r.LogLikelihood, 1e-12, "LogLikelihood");
            Tolerance.Relative(1.2000000000000002, r.Gradient[0], 1e-12, "Gradient[Mean]");
            Tolerance.Relative(2.0400000000000005, r.Gradient[1], 1e-12, "Gradient[Variance]");
            Tolerance.Relative(10.0, r.FisherInformation[0, 0], 1e-12, "I[0,0]");
            Tolerance.Relative(10.0, r.FisherInformation[1, 1], 1e-12, "I[1,1]");
            Assert.Equal(0, r.FisherInformation[0, 1]);
            Assert.Equal(5, r.SampleSize);
            Tolerance.Relative(4.3418247146235 / 5, r.MeanNegativeLogLikelihood, 1e-12, "Mean NLL");
            Assert.Equal("Normal", r.Distribution);
        }

        [Theory]
        [InlineData(Seed + " | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 3; Variance = 0.5 }")]
        [InlineData("Measure-NegativeLogLikelihood -Distribution Normal -InputObject " + Seed + " -Parameter @{ Mean = 3; Variance = 0.5 }")]
        [InlineData("Measure-NegativeLogLikelihood Normal " + Seed + " -Parameter @{ Mean = 3; Variance = 0.5 }")]
        [InlineData("'2.3', '2.5', '3.1', '3.8', '2.7' | Measure-NegativeLogLikelihood gaussian -Parameter @{ mean = '3'; VARIANCE = 0.5 }")]
        [InlineData("[pscustomobject]@{ T = 2.3 }, [pscustomobject]@{ T = 2.5 }, [pscustomobject]@{ T = 3.1 }, [pscustomobject]@{ T = 3.8 }, [pscustomobject]@{ T = 2.7 } | Measure-NegativeLogLikelihood Normal -Property T -Parameter @{ Mean = 3; Variance = 0.5 }")]
        [InlineData("@{ T = 2.3 }, @{ T = 2.5 }, @{ T = 3.1 }, @{ T = 3.8 }, @{ T = 2.7 } | Measure-NegativeLogLikelihood Normal -Property T -Parameter @{ Mean = 3; Variance = 0.5 }")]
        [InlineData(",@(" + Seed + ") | Measure-NegativeLogLikelihood Normal -Parameter ([ordered]@{ Mean = 3; Variance = 0.5 })")]
        [InlineData("$p = [System.Collections.Generic.Dictionary[string,double]]::new(); $p['Mean'] = 3; $p['Variance'] = 0.5; " + Seed + " | Measure-NegativeLogLikelihood Normal -Parameter $p")]
        [InlineData("[int[]](23, 25, 31, 38, 27) | ForEach-Object { $_ / 10 } | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = [decimal]3; Variance = [float]0.5 }")]
        public void Seed_data_in_every_binding_form(string script)
        {
            AssertNonOptimalSeed(Single(script));
        }

        [Fact]
        public void Seed_numbers_at_the_fit_through_Estimate()
        {
            // CONTRACT.md: NLL of the seed data at its MLE is 3.926523529277739, gradient ≈ (0, 0).
            var r = Single("$fit = " + Seed + " | Get-MLEstimate Normal; " + Seed + " | Measure-NegativeLogLikelihood -Estimate $fit");
            Tolerance.Relative(3.926523529277739, r.Value, 1e-14, "Value");
            Tolerance.Absolute(0, r.Gradient[0], 1e-12, "Gradient[Mean]");
            Tolerance.Absolute(0, r.Gradient[1], 1e-12, "Gradient[Variance]");
            Tolerance.Relative(17.75568181818182, r.FisherInformation[0, 0], 1e-12, "I[0,0]");
            Tolerance.Relative(31.52642368285125, r.FisherInformation[1, 1], 1e-12, "I[1,1]");
            Assert.Equal(new object[] { "Mean", "Variance" }, r.Parameters.Keys.Cast<object>().ToArray());
            Assert.Equal(2.88, (double)r.Parameters["Mean"]!, 14);
        }

        [Fact]
        public void Parameter_takes_a_fit_Estimate_as_it_is()
        {
            var r = Single("$fit = " + Seed + " | Get-MLEstimate Normal; " + Seed + " | Measure-NegativeLogLikelihood Normal -Parameter $fit.Estimate");
            Tolerance.Relative(3.926523529277739, r.Value, 1e-14, "Value");
        }

        [Fact]
        public void The_gradient_is_minus_the_score_of_the_fit()
        {
            // With Variance fixed at 1 the fit's score in Variance is Σ(x - x̄)²/2 - n/2 = 0.704 - 2.5 = -1.796
            // (hand derivation), so the NLL gradient there is +1.796, and 0 in Mean.
            var result = module.Run(
                "$fit = " + Seed + " | Get-MLEstimate Normal -Fixed @{ Variance = 1 }; " +
                "$nll = " + Seed + " | Measure-NegativeLogLikelihood -Estimate $fit; $fit.Score; $nll.Gradient");
            Assert.Null(result.TerminatingError);
            var numbers = result.Objects.Cast<double>().ToArray();
            Assert.Equal(4, numbers.Length);
            Tolerance.Relative(-1.796, numbers[1], 1e-12, "fit Score[Variance]");
            Tolerance.Relative(-numbers[1], numbers[3], 1e-12, "Gradient[Variance] = -Score[Variance]");
            Tolerance.Absolute(-numbers[0], numbers[2], 1e-12, "Gradient[Mean] = -Score[Mean]");
        }

        [Fact]
        public void A_model_fitted_on_one_sample_scores_another()
        {
            // Fit on the seed data (Mean 2.88, Variance 0.2816), score 3, 2.6:
            // NLL = log(2π · 0.2816) + ((0.12)² + (0.28)²) / (2 · 0.2816) (hand) = 0.73538213898382294
            // (mpmath 1.3 at 50 digits).
            var r = Single("$fit = " + Seed + " | Get-MLEstimate Normal; 3, 2.6 | Measure-NegativeLogLikelihood -Estimate $fit");
            Tolerance.Relative(Math.Log(2 * Math.PI * 0.2816) + (0.12 * 0.12 + 0.28 * 0.28) / (2 * 0.2816), r.Value, 1e-13, "Value (formula)");
            Tolerance.Relative(0.73538213898382294, r.Value, 1e-13, "Value (mpmath)");
            Assert.Equal(2, r.SampleSize);
        }

        [Theory]
        [InlineData("[pscustomobject]@{ Distribution = 'normal'; Estimate = @{ Mean = 3; Variance = 0.5 } }")]
        [InlineData("@{ Distribution = 'Normal'; Estimate = [ordered]@{ Mean = 3; Variance = 0.5 } }")]
        [InlineData("[pscustomobject]@{ Distribution = [PSEstimation.DistributionName]::Gaussian; Estimate = @{ Mean = 3; Variance = 0.5 }; Prior = 'x' }")]
        public void Estimate_accepts_any_object_with_Distribution_and_Estimate(string estimate)
        {
            // A MAPEstimate has Distribution and Estimate (CONTRACT.md), so it binds the same way.
            AssertNonOptimalSeed(Single("$e = " + estimate + "; " + Seed + " | Measure-NegativeLogLikelihood -Estimate $e"));
        }

        [Fact]
        public void PerObservation_streams_one_object_per_value_as_it_arrives()
        {
            var result = module.Run(
                "$log = [System.Collections.Generic.List[string]]::new(); " +
                "2.3, 2.5, 3.1 | ForEach-Object { $log.Add(\"in $_\"); $_ } | " +
                "Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 3; Variance = 0.5 } -PerObservation | " +
                "ForEach-Object { $log.Add(\"out $($_.Index)\") }; $log -join ';'");
            Assert.Null(result.TerminatingError);
            Assert.Equal("in 2.3;out 0;in 2.5;out 1;in 3.1;out 2", Assert.Single(result.Objects));
        }

        [Fact]
        public void PerObservation_values_match_the_density()
        {
            // 0.5·log(2π·0.5) + (x - 3)²/(2·0.5) (hand formula of -log dnorm), mpmath 1.3 at 50 digits.
            double[] expected = { 1.0623649429247003, 0.82236494292470009, 0.58236494292470010, 1.2123649429246998, 0.66236494292469998 };
            var result = module.Run("2.3, '2.5', 'n/a', 3.1, 3.8, 2.7 | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 3; Variance = 0.5 } -PerObservation");
            Assert.Null(result.TerminatingError);
            Assert.Equal(new[] { "NotANumber" + Id }, result.ErrorIds);
            var rows = result.Objects.Cast<ObservationNegativeLogLikelihood>().ToList();
            Assert.Equal(new long[] { 0, 1, 3, 4, 5 }, rows.Select(r => r.Index));
            Assert.Equal(new[] { 2.3, 2.5, 3.1, 3.8, 2.7 }, rows.Select(r => r.Value));
            for (int i = 0; i < expected.Length; i++)
            {
                Tolerance.Relative(expected[i], rows[i].NegativeLogLikelihood, 1e-14, $"row {i}");
                Assert.Null(rows[i].Property);
            }

            Assert.Equal("[3] 3.1: NLL = 0.5823649429", rows[2].ToString());
        }

        [Fact]
        public void PerObservation_with_several_properties_names_each()
        {
            var result = module.Run(
                "1..3 | ForEach-Object { [pscustomobject]@{ A = $_; B = -$_ } } | " +
                "Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 0; Variance = 1 } -Property A, B -PerObservation");
            var rows = result.Objects.Cast<ObservationNegativeLogLikelihood>().ToList();
            Assert.Equal(new[] { "A", "B", "A", "B", "A", "B" }, rows.Select(r => r.Property));
            Assert.Equal(new long[] { 0, 0, 1, 1, 2, 2 }, rows.Select(r => r.Index));
            // Symmetric about 0: each pair has the same NLL, 0.5·log(2π) + x²/2 (hand).
            Tolerance.Relative(0.5 * Math.Log(2 * Math.PI) + 4.5, rows[5].NegativeLogLikelihood, 1e-15, "NLL(-3)");
            Assert.Equal(rows[4].NegativeLogLikelihood, rows[5].NegativeLogLikelihood);
        }

        [Fact]
        public void Several_properties_give_one_summary_each()
        {
            var result = module.Run(
                "1..4 | ForEach-Object { [pscustomobject]@{ A = $_; B = 2 * $_ } } | " +
                "Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 0; Variance = 1 } -Property A, B");
            var rows = result.Objects.Cast<NegativeLogLikelihood>().ToList();
            Assert.Equal(new[] { "A", "B" }, rows.Select(r => r.Property));
            // Σx²/2 + 2·log(2π): 15 and 60 for A and B (hand).
            Tolerance.Relative(2 * Math.Log(2 * Math.PI) + 15, rows[0].Value, 1e-15, "A");
            Tolerance.Relative(2 * Math.Log(2 * Math.PI) + 60, rows[1].Value, 1e-15, "B");
        }

        [Fact]
        public void Unusable_values_are_reported_skipped_and_counted()
        {
            var result = module.Run("2.3, 'abc', 2.5, [double]::NaN, 3.1, $null, 3.8, [datetime]'2020-01-01', 2.7, $true | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 3; Variance = 0.5 }");
            Assert.Null(result.TerminatingError);
            Assert.Equal(new[] { "NotANumber" + Id, "NonFiniteValue" + Id, "NotANumber" + Id, "NotANumber" + Id }, result.ErrorIds);
            Assert.Contains("'abc' at index 1", result.Errors[0].Exception.Message);
            var r = Assert.IsType<NegativeLogLikelihood>(Assert.Single(result.Objects));
            AssertNonOptimalSeed(r);
            Assert.Equal(4, r.SkippedCount);
        }

        [Fact]
        public void Error_action_stop_turns_a_skipped_value_into_a_terminating_error()
        {
            var result = module.Run("try { 1, 'x', 2 | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 0; Variance = 1 } -ErrorAction Stop; 'not reached' } catch { $_.FullyQualifiedErrorId }");
            Assert.Equal("NotANumber" + Id, Assert.Single(result.Objects));
        }

        /// <summary>
        /// Values with zero likelihood, per family: the NLL is +Infinity by definition (the
        /// density is 0 there; hand derivation from each support in CONTRACT.md). The cases of a
        /// family run once it is listed in MleReferenceTests.Implemented.
        /// </summary>
        public static IEnumerable<object[]> ZeroLikelihoodCases()
        {
            var cases = new List<object[]>
            {
                // Normal(0, 1e-300) at ±1e300: log f = -5e899, below the most negative double.
                new object[] { "Normal", "@{ Mean = 0; Variance = 1e-300 }", new[] { 0, 1e300, -1e300, 1 }, new long[] { 1, 2 } },
                new object[] { "LogNormal", "@{ MeanLog = 0; SdLog = 1 }", new[] { 1.0, 0, -1 }, new long[] { 1, 2 } },
                new object[] { "Exponential", "@{ Rate = 1 }", new[] { 0.5, -1, 2 }, new long[] { 1 } },
                new object[] { "Gamma", "@{ Shape = 2; Rate = 1 }", new[] { 1.0, -1 }, new long[] { 1 } },
                new object[] { "Weibull", "@{ Shape = 2; Scale = 1 }", new[] { 1.0, -1 }, new long[] { 1 } },
                new object[] { "Beta", "@{ Alpha = 2; Beta = 2 }", new[] { 0.5, 1.5, -0.5 }, new long[] { 1, 2 } },
                new object[] { "Uniform", "@{ Lower = 0; Upper = 1 }", new[] { 0.5, 1.5, -0.1, 1 }, new long[] { 1, 2 } },
                new object[] { "Pareto", "@{ Scale = 1; Shape = 2 }", new[] { 1.5, 0.5 }, new long[] { 1 } },
                new object[] { "Rayleigh", "@{ Scale = 1 }", new[] { 1.0, -1 }, new long[] { 1 } },
                new object[] { "Poisson", "@{ Lambda = 2 }", new[] { 0, 1, 2.5, -1, 3 }, new long[] { 2, 3 } },
                new object[] { "Bernoulli", "@{ P = 0.3 }", new[] { 0.0, 1, 2 }, new long[] { 2 } },
                new object[] { "Bernoulli", "@{ P = 0 }", new[] { 0.0, 1 }, new long[] { 1 } },
                new object[] { "Binomial", "@{ P = 0.5; Trials = 3 }", new[] { 0.0, 3, 4, 1.5 }, new long[] { 2, 3 } },
                new object[] { "Geometric", "@{ P = 0.5 }", new[] { 0.0, 1.5, -1 }, new long[] { 1, 2 } },
                new object[] { "NegativeBinomial", "@{ Size = 2; P = 0.5 }", new[] { 0.0, 0.5 }, new long[] { 1 } },
            };
            return cases.Where(c => MleReferenceTests.Implemented.Contains((string)c[0]));
        }

        [Theory]
        [MemberData(nameof(ZeroLikelihoodCases))]
        public void Zero_likelihood_is_infinity_with_one_warning_not_an_error(string distribution, string parameter, double[] values, long[] zeroIndices)
        {
            var result = module.Run($"Measure-NegativeLogLikelihood {distribution} -InputObject $args[0] -Parameter {parameter}", values);
            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            var warning = Assert.Single(result.Warnings);
            Assert.Contains("zero likelihood", warning.Message);
            Assert.Contains("index " + zeroIndices[0], warning.Message.Replace("indices ", "index "));
            var r = Assert.IsType<NegativeLogLikelihood>(Assert.Single(result.Objects));
            Assert.Equal(double.PositiveInfinity, r.Value);
            Assert.Equal(double.NegativeInfinity, r.LogLikelihood);
            Assert.All(r.Gradient, g => Assert.True(double.IsNaN(g)));
            Assert.Equal(zeroIndices.Length, r.OutsideSupportCount);
            Assert.Equal(values.Length, r.SampleSize);

            var perObservation = module.Run($"Measure-NegativeLogLikelihood {distribution} -InputObject $args[0] -Parameter {parameter} -PerObservation", values);
            Assert.Null(perObservation.TerminatingError);
            Assert.Single(perObservation.Warnings);
            var rows = perObservation.Objects.Cast<ObservationNegativeLogLikelihood>().ToList();
            Assert.Equal(values.Length, rows.Count);
            foreach (var row in rows)
            {
                if (zeroIndices.Contains(row.Index))
                {
                    Assert.Equal(double.PositiveInfinity, row.NegativeLogLikelihood);
                }
                else
                {
                    Assert.True(double.IsFinite(row.NegativeLogLikelihood), $"{distribution}: NLL of {row.Value} is {row.NegativeLogLikelihood}");
                }
            }
        }

        [Fact]
        public void Many_zero_likelihood_values_give_one_short_warning()
        {
            // 10^4 values of which every other one is 1e300: one warning, naming the first five.
            var values = Enumerable.Range(0, 10_000).Select(i => i % 2 == 0 ? 0.0 : 1e300).ToArray();
            var result = module.Run("$args[0] | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 0; Variance = 1e-300 }", values);
            var warning = Assert.Single(result.Warnings).Message;
            Assert.StartsWith("5000 of 10000 values have zero likelihood under Normal(Mean = 0, Variance = 1E-300), at indices 1, 3, 5, 7, 9 and 4995 more", warning);
            Assert.True(warning.Length < 400, warning);
            Assert.Equal(5000, Assert.IsType<NegativeLogLikelihood>(Assert.Single(result.Objects)).OutsideSupportCount);
        }

        [Fact]
        public void A_million_values_from_an_array()
        {
            // x = i mod 10, i < 10^6, at (4.5, 8.25): NLL = n/2 · log(2π · 8.25) + n/2 (hand derivation)
            // = 2474045.1333779675501 (mpmath 1.3 at 50 digits); the gradient is 0.
            var values = Enumerable.Range(0, 1_000_000).Select(i => (double)(i % 10)).ToArray();
            var r = Single("Measure-NegativeLogLikelihood Normal -InputObject $args[0] -Parameter @{ Mean = 4.5; Variance = 8.25 }", values);
            Tolerance.Relative(2474045.1333779675501, r.Value, 1e-13, "Value");
            Tolerance.Absolute(0, r.Gradient[0], 1e-9, "Gradient[Mean]");
            Tolerance.Absolute(0, r.Gradient[1], 1e-9, "Gradient[Variance]");
            Assert.Equal(1_000_000, r.SampleSize);
        }

        [Theory]
        [InlineData("1, 2 | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 3 }", "MissingParameter", "Variance")]
        [InlineData("1, 2 | Measure-NegativeLogLikelihood Normal -Parameter @{}", "MissingParameter", "Mean, Variance")]
        [InlineData("1, 2 | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 3; Variance = 1; Sigma = 1 }", "UnknownParameter", "Sigma")]
        [InlineData("1, 2 | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 3; Variance = -1 }", "InvalidParameterValue", "Variance (> 0)")]
        [InlineData("1, 2 | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 3; Variance = 0 }", "InvalidParameterValue", "Variance (> 0)")]
        [InlineData("1, 2 | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 3; Variance = 'abc' }", "InvalidParameterValue", "Variance (> 0)")]
        [InlineData("1, 2 | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = [double]::NaN; Variance = 1 }", "InvalidParameterValue", "Mean (finite)")]
        [InlineData("1, 2 | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 0; Variance = [double]::PositiveInfinity }", "InvalidParameterValue", "Variance (> 0)")]
        [InlineData("1, 2 | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 0; Variance = $null }", "InvalidParameterValue", "Variance (> 0)")]
        [InlineData("@() | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 0; Variance = 1 }", "NoUsableInput", "No usable values")]
        [InlineData("'x', 'y' | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 0; Variance = 1 } -ErrorAction SilentlyContinue", "NoUsableInput", "2 skipped")]
        [InlineData("@() | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 0; Variance = 1 } -PerObservation", "NoUsableInput", "No usable values")]
        [InlineData("1, 2 | Measure-NegativeLogLikelihood -Estimate 3", "InvalidEstimate", "Distribution")]
        [InlineData("1, 2 | Measure-NegativeLogLikelihood -Estimate ([pscustomobject]@{ Distribution = 'Normal' })", "InvalidEstimate", "Estimate table")]
        [InlineData("1, 2 | Measure-NegativeLogLikelihood -Estimate ([pscustomobject]@{ Distribution = 'Gausian'; Estimate = @{ Mean = 0 } })", "InvalidEstimate", "'Gausian'")]
        [InlineData("1, 2 | Measure-NegativeLogLikelihood -Estimate ([pscustomobject]@{ Distribution = '3'; Estimate = @{ Mean = 0 } })", "InvalidEstimate", "'3'")]
        [InlineData("$f = 1..4 | ForEach-Object { [pscustomobject]@{ A = $_; B = $_ * $_ } } | Get-MLEstimate Normal -Property A, B; 1, 2 | Measure-NegativeLogLikelihood -Estimate $f", "InvalidEstimate", "got 2 objects")]
        [InlineData("1, 2 | Measure-NegativeLogLikelihood -Estimate ([pscustomobject]@{ Distribution = 'Normal'; Estimate = @{ Mean = 0 } })", "MissingParameter", "-Estimate has no value for Variance")]
        public void Unusable_requests_are_terminating_errors(string script, string errorId, string messagePart)
        {
            var result = module.Run(script);
            Assert.NotNull(result.TerminatingError);
            Assert.Equal(errorId + Id, result.TerminatingError!.FullyQualifiedErrorId);
            Assert.Contains(messagePart, result.TerminatingError.Exception.Message);
            Assert.Empty(result.Objects);
        }

        [Fact]
        public void Parameter_errors_list_the_expected_names_and_domains()
        {
            var result = module.Run("1 | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 1 }");
            Assert.Equal("-Parameter has no value for Variance. Expected: Mean (finite), Variance (> 0).", result.TerminatingError!.Exception.Message);
        }

        [Theory]
        [InlineData("1 | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 0; Variance = 1 } -Estimate ([pscustomobject]@{ A = 1 })", "AmbiguousParameterSet")]
        [InlineData("1 | Measure-NegativeLogLikelihood -Estimate $null", "ParameterArgumentValidationErrorNullNotAllowed")]
        [InlineData("1 | Measure-NegativeLogLikelihood Normal -Parameter $null", "ParameterArgumentValidationErrorNullNotAllowed")]
        [InlineData("1 | Measure-NegativeLogLikelihood Normal", "MissingMandatoryParameter")]
        public void Binding_rejects_impossible_combinations(string script, string errorId)
        {
            var result = module.Run(script);
            Assert.NotNull(result.TerminatingError);
            Assert.Equal(errorId + Id, result.TerminatingError!.FullyQualifiedErrorId);
            Assert.Empty(result.Objects);
        }

        [Fact]
        public void Result_properties_are_reachable_from_script()
        {
            var result = module.Run(
                "$r = " + Seed + " | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 3; Variance = 0.5 }; " +
                "$r.Parameters.Mean; $r.Parameters.variance; $r.FisherInformation[1,1]; $r.Gradient[1]; $r.GetType().FullName; \"$r\"");
            Assert.Null(result.TerminatingError);
            var values = result.Objects;
            Assert.Equal(3.0, values[0]);
            Assert.Equal(0.5, values[1]);
            Assert.Equal(10.0, (double)values[2], 12);
            Assert.Equal(2.04, (double)values[3], 12);
            Assert.Equal("PSEstimation.NegativeLogLikelihood", values[4]);
            Assert.Equal("Normal(Mean = 3, Variance = 0.5): NLL = 4.341824715, n = 5, gradient (1.2, 2.04)", values[5]);
        }

        [Fact]
        public void Default_view_is_a_readable_table()
        {
            string text = module.RunFormatted(Seed + " | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 3; Variance = 0.5 }");
            var lines = text.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();
            // A list: parameters, loss, log-likelihood and gradient do not fit one table row of 80 columns.
            Assert.Equal("Distribution        : Normal", lines[0]);
            Assert.Contains("Value (NLL)         : 4.341824715", lines);
            Assert.Contains("LogLikelihood       : -4.341824715", lines);
            int parameters = lines.IndexOf("Parameters          : Mean = 3");
            Assert.Equal("                      Variance = 0.5", lines[parameters + 1]);
            int gradient = lines.IndexOf("Gradient            : Mean: 1.2");
            Assert.Equal("                      Variance: 2.04", lines[gradient + 1]);
            Assert.True(!text.Contains("\u001b"), text.Replace("\u001b", "<ESC>"));
        }

        [Fact]
        public void PerObservation_view_is_a_table_of_index_value_and_nll()
        {
            string text = module.RunFormatted("4.1, 9 | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 4; Variance = 1 } -PerObservation");
            var lines = text.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();
            Assert.Matches(@"^Index\s+Value\s+NegativeLogLikelihood\s+Property$", lines[0]);
            // 0.5·log(2π) + 0.01/2 = 0.923938533204673 and 0.5·log(2π) + 25/2 = 13.4189385332047 (hand).
            Assert.Matches(@"^\s+0\s+4.1\s+0.9239385332$", lines[2]);
            Assert.Matches(@"^\s+1\s+9\s+13.41893853$", lines[3]);
        }

        [Fact]
        public void Warning_shows_once_in_the_console()
        {
            string text = module.RunFormatted("0, 1e300 | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 0; Variance = 1e-300 }");
            Assert.Single(text.Split('\n'), l => l.StartsWith("WARNING: The value at index 1 has zero likelihood", StringComparison.Ordinal));
        }

        [Fact]
        public void Help_comes_from_the_docs_page()
        {
            var result = module.Run("$h = Get-Help Measure-NegativeLogLikelihood; $h.Synopsis; @($h.Examples.Example).Count; @($h.Parameters.Parameter).Name -join ','");
            Assert.Null(result.TerminatingError);
            Assert.StartsWith("Measures the negative log-likelihood", (string)result.Objects[0]);
            Assert.True((int)result.Objects[1] >= 3, "at least three examples");
            Assert.Equal("CensoredAbove,CensoredBelow,Distribution,Estimate,GroupBy,InputObject,LowerProperty,Parameter,PerObservation,Property,UpperProperty", string.Join(",", ((string)result.Objects[2]).Split(',').OrderBy(s => s, StringComparer.Ordinal)));
        }

        public static IEnumerable<object[]> NllCases() => NegativeLogLikelihoodTests.NllCases();

        [Theory]
        [MemberData(nameof(NllCases))]
        public void Reference_cases_through_the_cmdlet(string id)
        {
            // tests/reference/nll.json, case `id` (analytic, checked with R d-functions, numDeriv and scipy).
            var testCase = ReferenceData.Case("nll", id);
            var parameter = new Hashtable();
            foreach (var entry in ReferenceData.Numbers(testCase, "Parameter"))
            {
                parameter[entry.Key] = entry.Value;
            }

            var r = Single(
                "$args[1] | Measure-NegativeLogLikelihood -Distribution $args[0] -Parameter $args[2]",
                testCase.GetProperty("Distribution").GetString(),
                ReferenceData.Doubles(testCase.GetProperty("Data")),
                parameter);
            Tolerance.Relative(testCase.GetProperty("Value").GetDouble(), r.Value, 1e-12, id + " Value");
            double[] gradient = ReferenceData.Doubles(testCase.GetProperty("Gradient"));
            for (int i = 0; i < gradient.Length; i++)
            {
                if (Math.Abs(gradient[i]) <= 1e-12)
                {
                    Tolerance.Absolute(gradient[i], r.Gradient[i], 1e-12, $"{id} Gradient[{i}]");
                }
                else
                {
                    Tolerance.Relative(gradient[i], r.Gradient[i], 1e-12, $"{id} Gradient[{i}]");
                }
            }
        }
    }
}
