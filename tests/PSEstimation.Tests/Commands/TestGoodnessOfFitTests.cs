using System;
using System.Linq;
using PSEstimation.Tests.Hosting;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Commands
{
    /// <summary>Test-GoodnessOfFit through the real engine: the three hypothesis forms, tests chosen, seeds, hostile samples, errors.</summary>
    [Collection(ModuleCollection.Name)]
    public class TestGoodnessOfFitTests
    {
        private const string Id = ",PSEstimation.Commands.TestGoodnessOfFitCommand";
        private readonly ModuleFixture module;

        public TestGoodnessOfFitTests(ModuleFixture module) => this.module = module;

        private GoodnessOfFit[] Run(string script, params object?[] args)
        {
            var result = module.Run(script, args);
            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            return result.Objects.Cast<GoodnessOfFit>().ToArray();
        }

        [Fact]
        public void Fully_specified_hypothesis_gives_Rs_p_values()
        {
            // gof.json gof_weib70__weibull_true: R ks.test(exact = TRUE), goftest cvm.test and ad.test.
            var c = ReferenceData.Case("gof", "gof_weib70__weibull_true");
            var data = ReferenceData.Doubles(c.GetProperty("Data"));
            var r = Run("$args[0] | Test-GoodnessOfFit Weibull -Parameter @{ Shape = 1.8; Scale = 12 }", data);
            Assert.Equal(new[] { GoodnessOfFitTest.KolmogorovSmirnov, GoodnessOfFitTest.CramerVonMises, GoodnessOfFitTest.AndersonDarling }, r.Select(x => x.Test));
            var p = c.GetProperty("PValue");
            Assert.Equal(p.GetProperty("KolmogorovSmirnov").GetProperty("exact").GetDouble(), r[0].PValue!.Value, 6);
            Assert.Equal(p.GetProperty("CramerVonMises").GetProperty("finite_n").GetDouble(), r[1].PValue!.Value, 6);
            Assert.Equal(p.GetProperty("AndersonDarling").GetProperty("finite_n").GetDouble(), r[2].PValue!.Value, 6);
            Assert.All(r, x => Assert.False(x.ParametersEstimated));
            Assert.All(r, x => Assert.Null(x.Simulations));
            Assert.Contains("Marsaglia-Tsang-Wang", r[0].Method);
            Assert.Equal(70, r[0].SampleSize);
        }

        [Fact]
        public void Estimated_parameters_use_a_seeded_bootstrap()
        {
            // gof.json precip__normal_fitted: scipy.stats.goodness_of_fit, 20000 simulations.
            var c = ReferenceData.Case("gof", "precip__normal_fitted");
            var data = ReferenceData.Doubles(c.GetProperty("Data"));
            var a = Run("$args[0] | Test-GoodnessOfFit Normal -Simulations 999 -SetSeed 5", data);
            var b = Run("$args[0] | Test-GoodnessOfFit Normal -Simulations 999 -SetSeed 5 -Test AndersonDarling", data);
            Assert.All(a, x => Assert.True(x.ParametersEstimated));
            Assert.All(a, x => Assert.Equal(999, x.Simulations));
            Assert.Equal(a[2].PValue, Assert.Single(b).PValue);
            Tolerance.Relative(c.GetProperty("Statistic").GetProperty("AndersonDarling").GetDouble(), a[2].Statistic, 1e-9, "AD at the MLE");
            double expected = c.GetProperty("PValue").GetProperty("AndersonDarling").GetProperty("MonteCarlo").GetDouble();
            double se = Math.Sqrt(expected * (1 - expected) / 999);
            Assert.InRange(a[2].PValue!.Value, expected - 4 * se - 0.001, expected + 4 * se + 0.001);
            Assert.Contains("bootstrap", a[0].Method);
        }

        [Fact]
        public void A_fit_as_Estimate_is_tested_with_its_fixed_parameters_kept()
        {
            var r = Run("$x = 1.2, 0.4, 2.2, 0.9, 3.1, 0.2, 1.7, 0.8; $fit = $x | Get-MLEstimate Gamma -Fixed @{ Shape = 2 }; $x | Test-GoodnessOfFit -Estimate $fit -Simulations 99 -SetSeed 1");
            Assert.Equal(3, r.Length);
            Assert.All(r, x => Assert.True(x.ParametersEstimated));
            Assert.Equal(2.0, (double)r[0].Estimate!["Shape"]!);
            var all = Run("$x = 1.2, 0.4, 2.2; $fit = $x | Get-MLEstimate Exponential -Fixed @{ Rate = 1 }; $x | Test-GoodnessOfFit -Estimate $fit");
            Assert.All(all, x => Assert.False(x.ParametersEstimated));
        }

        [Fact]
        public void Discrete_families_get_the_chi_squared_test_and_EDF_tests_are_refused()
        {
            // chisq_reference.R: discoveries under Poisson(3.1), 6 cells, df 4.
            var data = ReferenceData.Doubles(ReferenceData.Case("gof", "discoveries__poisson_fitted").GetProperty("Data"));
            var r = Assert.Single(Run("$args[0] | Test-GoodnessOfFit Poisson", data));
            Assert.Equal(GoodnessOfFitTest.ChiSquare, r.Test);
            Assert.Equal(4, r.DegreesOfFreedom);
            Tolerance.Relative(0.15665009508179, r.PValue!.Value, 1e-8, "p");
            var refused = module.Run("$args[0] | Test-GoodnessOfFit Poisson -Test KolmogorovSmirnov", data);
            Assert.Equal("TestNotApplicable" + Id, refused.TerminatingError?.FullyQualifiedErrorId);
            var mixed = module.Run("$args[0] | Test-GoodnessOfFit Poisson -Test KolmogorovSmirnov, ChiSquare", data);
            Assert.Single(mixed.Objects);
            Assert.Single(mixed.Warnings);
        }

        [Fact]
        public void Hostile_samples()
        {
            // n = 1, fully specified: D = max(F, 1 - F) = 0.7, P(D >= 0.7) = 2(1 - 0.7) (R ks.test gives 0.6).
            var one = Run("0.3 | Test-GoodnessOfFit Uniform -Parameter @{ Lower = 0; Upper = 1 } -Test KolmogorovSmirnov");
            Assert.Equal(0.6, one[0].PValue!.Value, 9);

            // n = 1 or a constant sample with estimated parameters: the fit itself fails, with its id.
            var single = module.Run("5 | Test-GoodnessOfFit Normal");
            Assert.NotNull(single.TerminatingError);
            var constant = module.Run("2, 2, 2, 2 | Test-GoodnessOfFit Normal");
            Assert.NotNull(constant.TerminatingError);

            // n = 2 with estimated parameters still runs, p-values in [0, 1].
            var two = Run("1, 2 | Test-GoodnessOfFit Normal -Simulations 199 -SetSeed 2");
            Assert.All(two, x => Assert.InRange(x.PValue!.Value, 0, 1));

            // Ties: rounded data run, and the statistics are the same as for the weights expanded.
            var ties = Run("1, 1, 2, 2, 2, 3.5 | Test-GoodnessOfFit Exponential -Parameter @{ Rate = 0.5 }");
            var weighted = Run("1, 2, 3.5 | Test-GoodnessOfFit Exponential -Parameter @{ Rate = 0.5 } -Weight 2, 3, 1");
            Assert.Equal(ties.Select(x => x.Statistic), weighted.Select(x => x.Statistic));

            // Every value outside the support: skipped one by one, then NoUsableInput.
            var outside = module.Run("-1, -2 | Test-GoodnessOfFit Exponential -ErrorAction SilentlyContinue");
            Assert.Equal("NoUsableInput" + Id, outside.TerminatingError?.FullyQualifiedErrorId);

            // A far-tail point: a finite Anderson-Darling statistic and a p-value of about 0.
            var far = Run("-0.3, 0.2, 1.1, 40 | Test-GoodnessOfFit Normal -Parameter @{ Mean = 0; Variance = 1 } -Test AndersonDarling");
            Assert.True(double.IsFinite(far[0].Statistic));
            Assert.InRange(far[0].PValue!.Value, 0, 1e-6);
        }

        [Fact]
        public void Errors_have_stable_ids()
        {
            Assert.Equal("InvalidSimulations" + Id, module.Run("1, 2, 3 | Test-GoodnessOfFit Normal -Simulations -1").TerminatingError?.FullyQualifiedErrorId);
            Assert.Equal("TestNotApplicable" + Id, module.Run("'a', 'b' | Test-GoodnessOfFit Categorical").TerminatingError?.FullyQualifiedErrorId);
            var weight = module.Run("1, 2, 3 | Test-GoodnessOfFit Normal -Parameter @{ Mean = 0; Variance = 1 } -Weight 1, 1.5, 1");
            Assert.Contains("InvalidWeight" + Id, weight.ErrorIds);
            Assert.Equal(3, weight.Objects.Count);
        }

        [Fact]
        public void Property_and_GroupBy_give_one_set_of_tests_each()
        {
            var r = Run("@([pscustomobject]@{ H = 'a'; V = 1.0 }, [pscustomobject]@{ H = 'a'; V = 2.5 }, [pscustomobject]@{ H = 'b'; V = 0.3 }, [pscustomobject]@{ H = 'b'; V = 0.9 }) | Test-GoodnessOfFit Exponential -Parameter @{ Rate = 1 } -Property V -GroupBy H");
            Assert.Equal(6, r.Length);
            Assert.Equal(new object[] { "a", "a", "a", "b", "b", "b" }, r.Select(x => x.Group));
            Assert.All(r, x => Assert.Equal("V", x.Property));
        }

        [Fact]
        public void Default_view_fits_80_columns()
        {
            string text = module.RunFormatted("1.2, 0.4, 2.2, 0.9 | Test-GoodnessOfFit Exponential -Parameter @{ Rate = 1 }", width: 80);
            Assert.Contains("KolmogorovSmirnov", text);
            Assert.All(text.Split('\n'), line => Assert.True(line.TrimEnd().Length <= 80, line));
        }
    }
}
