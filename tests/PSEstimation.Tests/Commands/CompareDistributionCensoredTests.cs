using System;
using System.Linq;
using PSEstimation.Tests.Hosting;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Commands
{
    /// <summary>
    /// Compare-Distribution with censored observations (issue #15): the ranked fits are the
    /// censored fits of tests/reference/censored.json (fitdistrplus::fitdistcens refined at 50
    /// digits), in the limit and interval forms; the hostile cases refuse clearly.
    /// </summary>
    [Collection(ModuleCollection.Name)]
    public class CompareDistributionCensoredTests
    {
        private const string Id = ",PSEstimation.Commands.CompareDistributionCommand";
        private readonly ModuleFixture module;

        public CompareDistributionCensoredTests(ModuleFixture module) => this.module = module;

        private DistributionComparison[] Run(string script, object[] args)
        {
            var result = module.Run(script, args);
            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            return result.Objects.Cast<DistributionComparison>().ToArray();
        }

        [Fact]
        public void Interval_censored_salinity_is_ranked_by_the_fitdistcens_likelihoods()
        {
            var weibull = CensoredReferenceTests.Case("Cases", "salinity__weibull");
            var (script, args) = CensoredReferenceTests.Invocation(weibull, "Interval", "Compare-Distribution Weibull, Gamma, Logistic");
            var rows = Run(script, args);

            // fitdistcens AICs: Gamma 281.55, Weibull 282.20, Logistic 290.81.
            Assert.Equal(new[] { "Gamma", "Weibull", "Logistic" }, rows.Select(r => r.Distribution));
            Assert.Equal(new[] { 1, 2, 3 }, rows.Select(r => r.Rank));
            double total = rows.Sum(r => Math.Exp(-(r.AIC - rows[0].AIC) / 2));
            foreach (var row in rows)
            {
                var c = CensoredReferenceTests.Case("Cases", "salinity__" + row.Distribution.ToLowerInvariant());
                Tolerance.Relative(c.GetProperty("LogLikelihood").GetDouble(), row.LogLikelihood, 1e-8, row.Distribution + " LogLikelihood");
                Tolerance.Relative(c.GetProperty("AIC").GetDouble(), row.AIC, 1e-8, row.Distribution + " AIC");
                Assert.Equal(108, row.SampleSize);
                Assert.Equal(89, row.CensoredCount);
                Assert.Equal(89, row.Estimate.CensoredCount);
                Assert.Equal(Math.Exp(-(row.AIC - rows[0].AIC) / 2) / total, row.AkaikeWeight, 15);
                Assert.Null(row.KolmogorovSmirnov);
                Assert.Null(row.CramerVonMises);
                Assert.Null(row.AndersonDarling);
                Assert.Null(row.ChiSquare);
                Assert.Contains("Censored likelihood", row.Estimate.Method);
            }
        }

        [Theory]
        [InlineData("syn_timeout30__gamma", "Array")]
        [InlineData("syn_timeout30__gamma", "Property")]
        [InlineData("ozone_dl10__weibull", "Array")]
        [InlineData("rivers_timeout1000__exponential", "Property")]
        public void Limits_censor_the_same_observations_for_every_candidate(string id, string form)
        {
            var c = CensoredReferenceTests.Case("Cases", id);
            string distribution = c.GetProperty("Distribution").GetString()!;
            var (script, args) = CensoredReferenceTests.Invocation(c, form, $"Compare-Distribution {distribution}, LogNormal, Normal");
            var rows = Run(script, args);
            Assert.Equal(3, rows.Length);
            var reference = rows.Single(r => r.Distribution == distribution);
            Tolerance.Relative(c.GetProperty("LogLikelihood").GetDouble(), reference.LogLikelihood, 1e-8, $"{id} {form} LogLikelihood");
            Tolerance.Relative(c.GetProperty("BIC").GetDouble(), reference.BIC, 1e-8, $"{id} {form} BIC");
            Assert.All(rows, r => Assert.Equal(c.GetProperty("SampleSize").GetDouble(), r.SampleSize));
            Assert.All(rows, r => Assert.Equal(c.GetProperty("CensoredCount").GetDouble(), r.CensoredCount));
            Assert.All(rows, r => Assert.Null(r.AndersonDarling));
        }

        [Fact]
        public void A_family_the_censored_fit_cannot_take_is_left_out_with_a_warning()
        {
            var result = module.Run("1.2, 0.4, 2.2, 0.9, 3.1, 0.3, 1.7, 5, 5 | Compare-Distribution Normal, Laplace, Uniform, Gamma -CensoredAbove 5");
            Assert.Null(result.TerminatingError);
            var rows = result.Objects.Cast<DistributionComparison>().ToArray();
            Assert.Equal(new[] { "Gamma", "Normal" }, rows.Select(r => r.Distribution).OrderBy(n => n));
            Assert.Contains(result.Warnings, w => w.Message.StartsWith("Laplace was left out"));
            Assert.Contains(result.Warnings, w => w.Message.StartsWith("Uniform was left out"));
            Assert.All(rows, r => Assert.Equal(2, r.CensoredCount));

            // A limit outside a family's support: that family is left out, the others compared.
            var below = module.Run("1.2, -0.4, 2.2, 0.9, -3 | Compare-Distribution Normal, LogNormal -CensoredBelow -1");
            Assert.Equal(new[] { "Normal" }, below.Objects.Cast<DistributionComparison>().Select(r => r.Distribution));
            Assert.Contains(below.Warnings, w => w.Message.StartsWith("LogNormal was left out"));
        }

        [Fact]
        public void A_group_without_censored_observations_is_compared_as_without_censoring()
        {
            var rows = Run("1.2, 0.4, 2.2, 0.9, 3.1, 0.3, 1.7 | Compare-Distribution Normal, Gamma -CensoredAbove 100", new object[0]);
            Assert.All(rows, r => Assert.NotNull(r.AndersonDarling));
            Assert.All(rows, r => Assert.Equal(0, r.CensoredCount));
        }

        [Fact]
        public void Hostile_censoring_is_refused_clearly()
        {
            Assert.Equal("CensoringNotSupported" + Id, module.Run("1, 2, 3, 9 | Compare-Distribution Normal -CensoredAbove 9 -Simulations 99").TerminatingError?.FullyQualifiedErrorId);
            Assert.Equal("InvalidCensoring" + Id, module.Run("1, 2, 3 | Compare-Distribution Normal -LowerProperty L").TerminatingError?.FullyQualifiedErrorId);
            Assert.Equal("InvalidCensoring" + Id, module.Run("1, 2, 3 | Compare-Distribution Normal -CensoredBelow 3 -CensoredAbove 2").TerminatingError?.FullyQualifiedErrorId);
            Assert.Equal("InvalidCensoring" + Id, module.Run("1, 2, 3 | Compare-Distribution Normal -CensoredAbove ([double]::NaN)").TerminatingError?.FullyQualifiedErrorId);

            // Every value censored on one side: no candidate has an estimate, each says why.
            var all = module.Run("5, 6, 7 | Compare-Distribution Normal, Gamma -CensoredAbove 4");
            Assert.Equal("NoCandidate" + Id, all.TerminatingError?.FullyQualifiedErrorId);
            Assert.Equal(2, all.Warnings.Count(w => w.Message.Contains("Every observation is right-censored")));

            // Reversed bounds are skipped with an error, the rest compared.
            var reversed = module.Run("@([pscustomobject]@{ L = 3; U = 1 }, [pscustomobject]@{ L = 1; U = 1 }, [pscustomobject]@{ L = 2; U = 2.5 }, [pscustomobject]@{ L = 4; U = $null }, [pscustomobject]@{ L = 1.5; U = 1.5 }) | Compare-Distribution Normal -LowerProperty L -UpperProperty U");
            Assert.Null(reversed.TerminatingError);
            Assert.Single(reversed.Errors);
            var row = Assert.IsType<DistributionComparison>(Assert.Single(reversed.Objects));
            Assert.Equal(4, row.SampleSize);
            Assert.Equal(2, row.CensoredCount);
        }
    }
}
