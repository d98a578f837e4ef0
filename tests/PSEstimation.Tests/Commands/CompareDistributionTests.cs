using System;
using System.Linq;
using PSEstimation.Tests.Hosting;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Commands
{
    /// <summary>Compare-Distribution through the real engine: ranking, weights, same observations, defaults, p-values, hostile cases, speed.</summary>
    [Collection(ModuleCollection.Name)]
    public class CompareDistributionTests
    {
        private const string Id = ",PSEstimation.Commands.CompareDistributionCommand";
        private readonly ModuleFixture module;

        public CompareDistributionTests(ModuleFixture module) => this.module = module;

        private DistributionComparison[] Run(string script, params object?[] args)
        {
            var result = module.Run(script, args);
            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            return result.Objects.Cast<DistributionComparison>().ToArray();
        }

        [Fact]
        public void Candidates_are_ranked_by_AIC_with_Akaike_weights_from_the_AICs()
        {
            var data = ReferenceData.Doubles(ReferenceData.Case("gof", "gof_weib70__weibull_true").GetProperty("Data"));
            var r = Run("$args[0] | Compare-Distribution Normal, Weibull, Gamma, LogNormal, Exponential", data);
            Assert.Equal(5, r.Length);
            Assert.Equal(Enumerable.Range(1, 5), r.Select(x => x.Rank));
            Assert.True(r.Zip(r.Skip(1), (a, b) => a.AIC <= b.AIC).All(ok => ok));
            double min = r.Min(x => x.AIC);
            double total = r.Sum(x => Math.Exp(-(x.AIC - min) / 2));
            foreach (var row in r)
            {
                Assert.Equal(row.AIC - min, row.DeltaAIC);
                Assert.Equal(Math.Exp(-(row.AIC - min) / 2) / total, row.AkaikeWeight, 15);
                Assert.Equal(row.Estimate.AIC, row.AIC);
                Assert.Equal(70, row.SampleSize);
                Assert.NotNull(row.AndersonDarling);
                Assert.Null(row.ChiSquare);
                Assert.Null(row.KolmogorovSmirnovPValue);
            }

            // The statistics are those of Test-GoodnessOfFit at the same fit (gof.json statistics at the MLE checked in GoodnessOfFitReferenceTests).
            var weibull = r.Single(x => x.Distribution == "Weibull");
            var test = module.Run("$args[0] | Test-GoodnessOfFit Weibull -Simulations 0", data).Objects.Cast<GoodnessOfFit>().ToArray();
            Assert.Equal(test[2].Statistic, weibull.AndersonDarling!.Value, 12);
        }

        [Fact]
        public void A_candidate_that_cannot_take_every_value_is_left_out_with_a_warning()
        {
            var result = module.Run("0, 1.5, 2.2, 0.7, 3.1, 1.1 | Compare-Distribution Normal, LogNormal, Gamma");
            var rows = result.Objects.Cast<DistributionComparison>().ToArray();
            Assert.Equal(new[] { "Normal" }, rows.Select(x => x.Distribution));
            Assert.Equal(2, result.Warnings.Count);
            Assert.Contains("1 of the 6 values", result.Warnings[0].Message);
            Assert.All(rows, x => Assert.Equal(6, x.SampleSize));

            var none = module.Run("-1, -2, -3.5 | Compare-Distribution Exponential, Gamma");
            Assert.Equal("NoCandidate" + Id, none.TerminatingError?.FullyQualifiedErrorId);
        }

        [Fact]
        public void Without_names_the_data_decide_continuous_or_counts()
        {
            var counts = Run("3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4, 6, 2, 6, 4, 3, 3, 8, 3, 2, 7 | Compare-Distribution");
            Assert.Equal(new[] { "Geometric", "NegativeBinomial", "Poisson" }, counts.Select(x => x.Distribution).OrderBy(n => n));
            Assert.All(counts, x => Assert.NotNull(x.ChiSquare));
            Assert.All(counts, x => Assert.Null(x.AndersonDarling));

            var continuous = Run("0.12, 0.95, 0.31, 0.47, 0.66, 0.08, 0.52, 0.79, 0.23, 0.38 | Compare-Distribution");
            Assert.Contains("Beta", continuous.Select(x => x.Distribution));
            Assert.DoesNotContain("Poisson", continuous.Select(x => x.Distribution));
            var negative = Run("-0.5, 0.95, 0.31, -1.47, 0.66 | Compare-Distribution");
            Assert.DoesNotContain("Gamma", negative.Select(x => x.Distribution));
            Assert.Contains("Normal", negative.Select(x => x.Distribution));
        }

        [Fact]
        public void Simulations_add_seeded_bootstrap_p_values()
        {
            var data = ReferenceData.Doubles(ReferenceData.Case("gof", "precip__normal_fitted").GetProperty("Data"));
            var a = Run("$args[0] | Compare-Distribution Normal, Gamma -Simulations 199 -SetSeed 3", data);
            var b = Run("$args[0] | Compare-Distribution Gamma, Normal -Simulations 199 -SetSeed 3", data);
            Assert.All(a, x => Assert.InRange(x.AndersonDarlingPValue!.Value, 0, 1));
            Assert.All(a, x => Assert.Equal(199, x.Simulations));
            foreach (var row in a)
            {
                // Each family its own stream: the order of the names changes nothing.
                Assert.Equal(row.AndersonDarlingPValue, b.Single(x => x.Distribution == row.Distribution).AndersonDarlingPValue);
            }
        }

        [Fact]
        public void Hostile_samples()
        {
            // n = 1: every family needs two distinct values, so no candidate can be fitted.
            Assert.NotNull(module.Run("5 | Compare-Distribution Normal, Gamma -WarningAction SilentlyContinue").TerminatingError);

            // Constant sample: families left out with a warning each; the Poisson (one parameter) still fits.
            var constant = module.Run("2, 2, 2, 2 | Compare-Distribution Poisson, NegativeBinomial");
            Assert.Equal(new[] { "Poisson" }, constant.Objects.Cast<DistributionComparison>().Select(x => x.Distribution));
            Assert.NotEmpty(constant.Warnings);

            // n = 2 and ties run.
            Assert.Equal(2, Run("1.5, 2.5 | Compare-Distribution Normal, Logistic").Length);
            Assert.Equal(3, Run("1, 1, 2, 2, 2, 3.5 | Compare-Distribution Normal, Gamma, Weibull").Length);
        }

        [Fact]
        public void Property_and_GroupBy_give_one_ranking_each()
        {
            var grouped = Run("$o = @(1.2, 0.4, 2.2, 0.9, 3.1, 5.2, 4.4, 6.2, 4.9, 7.1) | ForEach-Object { [pscustomobject]@{ H = $(if ($_ -gt 4) { 'b' } else { 'a' }); V = $_ } }; $o | Compare-Distribution Normal, Gamma -Property V -GroupBy H");
            Assert.Equal(4, grouped.Length);
            Assert.Equal(new object[] { "a", "a", "b", "b" }, grouped.Select(x => x.Group));
            Assert.Equal(new[] { 1, 2, 1, 2 }, grouped.Select(x => x.Rank));
        }

        [Fact]
        public void Default_view_fits_80_columns()
        {
            string text = module.RunFormatted("1.2, 0.4, 2.2, 0.9, 3.1, 0.3, 1.7 | Compare-Distribution", width: 80);
            Assert.Contains("DeltaAIC", text);
            Assert.All(text.Split('\n'), line => Assert.True(line.TrimEnd().Length <= 80, line));
        }

        [Fact]
        public void Ten_families_on_ten_to_the_fifth_values_rank_the_generating_family_first()
        {
            // The fits and statistics of 10 continuous families on 10^5 values, passed as one array;
            // bench/ measures how long this takes.
            module.Run("$global:big = [double[]](Get-RandomSample 100000 -Distribution Gamma -Parameter @{ Shape = 2; Rate = 1 } -SetSeed 1)");
            var result = module.Run("Compare-Distribution Normal, LogNormal, Exponential, Gamma, Weibull, Laplace, Logistic, Cauchy, StudentT, Rayleigh -InputObject $global:big");
            module.Run("$global:big = $null");
            Assert.Null(result.TerminatingError);
            Assert.Equal(10, result.Objects.Count);
            Assert.Equal("Gamma", result.Objects.Cast<DistributionComparison>().First().Distribution);
        }
    }
}
