using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using PSEstimation.Distributions;
using PSEstimation.Estimation;
using PSEstimation.FitTests;
using PSEstimation.Models;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.FitTests
{
    /// <summary>
    /// The goodness-of-fit mathematics against every case of tests/reference/gof.json (mpmath
    /// statistics; R ks.test, goftest and scipy p-values; scipy.stats.goodness_of_fit bootstraps of
    /// 20000 simulations), plus extra values from R 4.2 goftest 1.2-3 and ks.test named beside them.
    /// </summary>
    public class GoodnessOfFitReferenceTests
    {
        public static IEnumerable<object[]> Continuous() => ReferenceData.Ids("gof", c => !c.GetProperty("Discrete").GetBoolean());

        public static IEnumerable<object[]> FullySpecified() => ReferenceData.Ids("gof", c => !c.GetProperty("ParametersEstimated").GetBoolean());

        public static IEnumerable<object[]> Estimated() => ReferenceData.Ids("gof", c => c.GetProperty("ParametersEstimated").GetBoolean() && !c.GetProperty("Discrete").GetBoolean());

        private static (DistributionFamily Family, double[] Sorted, double[] Theta) Load(string id)
        {
            var c = ReferenceData.Case("gof", id);
            var name = Enum.Parse<DistributionName>(c.GetProperty("Distribution").GetString()!);
            var family = DistributionFamilies.Create(name, new Dictionary<string, double>());
            var table = ReferenceData.Numbers(c, c.GetProperty("ParametersEstimated").GetBoolean() ? "EstimateAtReference" : "Parameter");
            var theta = family.Parameters.Select(p => table[p.Name]).ToArray();
            var sorted = ReferenceData.Doubles(c.GetProperty("Data"));
            Array.Sort(sorted);
            return (family, sorted, theta);
        }

        [Theory]
        [MemberData(nameof(Continuous))]
        public void Statistics_match_the_reference(string id)
        {
            var c = ReferenceData.Case("gof", id);
            var (family, sorted, theta) = Load(id);
            var s = EdfStatistics.Compute(sorted, family.Model!, theta);
            double tol = c.GetProperty("StatisticRelTol").GetDouble();
            var expected = c.GetProperty("Statistic");
            Tolerance.Relative(expected.GetProperty("KolmogorovSmirnov").GetDouble(), s.KolmogorovSmirnov, tol, id + " KS");
            Tolerance.Relative(expected.GetProperty("CramerVonMises").GetDouble(), s.CramerVonMises, tol, id + " CvM");
            Tolerance.Relative(expected.GetProperty("AndersonDarling").GetDouble(), s.AndersonDarling, tol, id + " AD");
        }

        [Theory]
        [MemberData(nameof(FullySpecified))]
        public void Fully_specified_p_values_match_R_within_1e6(string id)
        {
            var c = ReferenceData.Case("gof", id);
            var (family, sorted, theta) = Load(id);
            int n = sorted.Length;
            var s = EdfStatistics.Compute(sorted, family.Model!, theta);
            var p = c.GetProperty("PValue");
            Assert.Equal(p.GetProperty("KolmogorovSmirnov").GetProperty("exact").GetDouble(), 1 - KolmogorovDistribution.ExactCdf(n, s.KolmogorovSmirnov), 6);
            Assert.Equal(p.GetProperty("KolmogorovSmirnov").GetProperty("asymptotic").GetDouble(), KolmogorovDistribution.AsymptoticUpperTail(Math.Sqrt(n) * s.KolmogorovSmirnov), 6);
            Assert.Equal(p.GetProperty("CramerVonMises").GetProperty("finite_n").GetDouble(), CramerVonMisesDistribution.UpperTail(s.CramerVonMises, n), 6);
            Assert.Equal(p.GetProperty("CramerVonMises").GetProperty("asymptotic").GetDouble(), CramerVonMisesDistribution.UpperTail(s.CramerVonMises, null), 6);
            Assert.Equal(p.GetProperty("AndersonDarling").GetProperty("finite_n").GetDouble(), AndersonDarlingDistribution.UpperTail(s.AndersonDarling, n), 6);
            Assert.Equal(p.GetProperty("AndersonDarling").GetProperty("asymptotic").GetDouble(), AndersonDarlingDistribution.UpperTail(s.AndersonDarling, null), 6);

            // What the cmdlet reports: the exact KS law at these n, the finite-sample CvM and AD laws.
            Assert.Equal(p.GetProperty("KolmogorovSmirnov").GetProperty("exact").GetDouble(), FullySpecifiedPValue.Of(GoodnessOfFitTest.KolmogorovSmirnov, s.KolmogorovSmirnov, n).PValue, 6);
        }

        [Theory]
        // R 4.2.2: ks.test(c(0.3), "punif", exact = TRUE); ks.test(c(0.2, 0.9), "punif", exact = TRUE) (D = 0.4);
        // set.seed(1); y <- runif(500)^1.05; ks.test(y, "punif", exact = TRUE): D = 0.0681149433866742.
        [InlineData(1, 0.7, 0.6)]
        [InlineData(2, 0.4, 0.82)]
        [InlineData(500, 0.0681149433866742, 0.0184130950052749)]
        public void Exact_Kolmogorov_law_matches_ks_test(int n, double d, double expected)
            => Assert.Equal(expected, 1 - KolmogorovDistribution.ExactCdf(n, d), 9);

        [Theory]
        // R 4.2.2 goftest 1.2-3: pAD(q, 20, lower.tail = FALSE), every branch of Marsaglia's errfix.
        [InlineData(0.1, 0.99999186695821)]
        [InlineData(0.15, 0.998719633570147)]
        [InlineData(3, 0.0278344316632866)]
        public void Anderson_Darling_finite_law_matches_goftest(double q, double expected)
            => Assert.Equal(expected, AndersonDarlingDistribution.UpperTail(q, 20), 7);

        [Fact]
        public void Anderson_Darling_upper_tail_below_1e3_is_the_limits()
        {
            // Deliberately not goftest's pAD(8, 20) = 0.000143858658801732: there errfix adds its
            // polynomial's floor of 6e-4/n. The limit's tail instead: pAD(8, Inf, fast = TRUE,
            // lower.tail = FALSE) = 0.00011123912192601 (R 4.2.2 goftest 1.2-3).
            Assert.Equal(0.00011123912192601, AndersonDarlingDistribution.UpperTail(8, 20), 9);
        }

        [Theory]
        // R 4.2.2 goftest 1.2-3: pCvM(q, 20, lower.tail = FALSE) and pCvM(q, Inf, lower.tail = FALSE).
        [InlineData(0.02, 0.997730093935184, 0.996999385698398)]
        [InlineData(0.3, 0.134821031794103, 0.135171268805106)]
        [InlineData(1.0, 0.00206929018802593, 0.00246045218013391)]
        public void Cramer_von_Mises_laws_match_goftest(double q, double finite, double limit)
        {
            Assert.Equal(finite, CramerVonMisesDistribution.UpperTail(q, 20), 7);
            Assert.Equal(limit, CramerVonMisesDistribution.UpperTail(q, null), 7);
        }

        [Fact]
        public void Two_points_against_the_uniform_match_goftest()
        {
            // R 4.2.2: x <- c(0.2, 0.9); cvm.test(x, "punif"), ad.test(x, "punif").
            var model = DistributionFamilies.CreateModel(DistributionName.Uniform, new Dictionary<string, double>());
            var s = EdfStatistics.Compute(new[] { 0.2, 0.9 }, model, new[] { 0.0, 1.0 });
            Tolerance.Relative(0.4, s.KolmogorovSmirnov, 1e-12, "KS");
            Tolerance.Relative(0.0666666666666667, s.CramerVonMises, 1e-12, "CvM");
            Tolerance.Relative(0.448767603172127, s.AndersonDarling, 1e-12, "AD");
            Assert.Equal(0.82880437072141, CramerVonMisesDistribution.UpperTail(s.CramerVonMises, 2), 6);
            Assert.Equal(0.78284445873777, AndersonDarlingDistribution.UpperTail(s.AndersonDarling, 2), 6);
        }

        [Theory]
        [MemberData(nameof(Estimated))]
        public void Bootstrap_p_values_agree_with_scipy_within_Monte_Carlo_error(string id)
        {
            var c = ReferenceData.Case("gof", id);
            var (family, sorted, _) = Load(id);
            var none = new double?[family.Parameters.Count];
            var sample = family.CreateAccumulator();
            Assert.True(family.TryAddRange(sample, sorted, none));
            var fit = new MaximumLikelihoodEstimator(family, 0.95).Fit(sample, none, CancellationToken.None);
            var theta = fit.Parameters.Select(p => p.Value).ToArray();
            var observed = EdfStatistics.Compute(sorted, family.Model!, theta);
            const int m = 2000;
            var result = new GoodnessOfFitBootstrap(family, none, theta, sorted.Length).Run(observed, m, new RandomSource(20261202), CancellationToken.None);
            Assert.Equal(0, result.Failed);
            foreach (var test in new[] { GoodnessOfFitTest.KolmogorovSmirnov, GoodnessOfFitTest.CramerVonMises, GoodnessOfFitTest.AndersonDarling })
            {
                var reference = c.GetProperty("PValue").GetProperty(test.ToString());
                double expected = reference.GetProperty("MonteCarlo").GetDouble();
                double se = Math.Sqrt(Math.Pow(reference.GetProperty("StandardError").GetDouble(), 2) + expected * (1 - expected) / m + 1.0 / (m * m));
                double actual = result.Of(test);
                Assert.True(Math.Abs(actual - expected) <= 4 * se, $"{id} {test}: {actual} vs {expected} (4 SE = {4 * se})");
            }
        }

        [Theory]
        // tests/PSEstimation.Tests/FitTests/chisq_reference.R (R 4.2.2, the same binning rule written independently; output in chisq_reference.Rout).
        [InlineData("discoveries__poisson_fitted", 6.63218144325899, 6, 4, 0.15665009508179)]
        [InlineData("InsectSprays_count__poisson_fitted", 141.957069148148, 9, 7, 1.97698448457109e-27)]
        public void Chi_squared_matches_the_binning_rule_in_R(string id, double statistic, int cells, int df, double p)
        {
            var (family, sorted, theta) = Load(id);
            var result = ChiSquareTest.Compute(sorted, family.Model!, theta, 1);
            Tolerance.Relative(statistic, result.Statistic, 1e-10, id);
            Assert.Equal(cells, result.Cells);
            Assert.Equal(df, result.DegreesOfFreedom);
            Tolerance.Relative(p, result.PValue!.Value, 1e-8, id + " p");
        }

        [Fact]
        public void A_far_tail_point_gives_a_finite_Anderson_Darling_statistic()
        {
            // x = 40 under N(0, 1): S = 3.7e-350 underflows, log S = -804.6 does not.
            var model = DistributionFamilies.CreateModel(DistributionName.Normal, new Dictionary<string, double>());
            var s = EdfStatistics.Compute(new[] { -0.5, 0.1, 0.7, 40 }, model, new[] { 0.0, 1.0 });
            Assert.True(double.IsFinite(s.AndersonDarling) && s.AndersonDarling > 100);
        }

        [Fact]
        public void Bootstrap_is_reproducible_across_runs_and_thread_counts()
        {
            var family = DistributionFamilies.Create(DistributionName.Weibull, new Dictionary<string, double>());
            var (_, sorted, theta) = Load("gof_weib70__weibull_true");
            var none = new double?[2];
            var observed = EdfStatistics.Compute(sorted, family.Model!, theta);
            BootstrapResult Run(int threads) => new GoodnessOfFitBootstrap(family, none, theta, sorted.Length) { MaxDegreeOfParallelism = threads }
                .Run(observed, 300, new RandomSource(42), CancellationToken.None);
            var one = Run(1);
            var two = Run(2);
            var four = Run(4);
            var again = Run(2);
            foreach (var r in new[] { two, four, again })
            {
                Assert.Equal(one.KolmogorovSmirnov, r.KolmogorovSmirnov);
                Assert.Equal(one.CramerVonMises, r.CramerVonMises);
                Assert.Equal(one.AndersonDarling, r.AndersonDarling);
                Assert.Equal(one.Simulations, r.Simulations);
            }

            var other = new GoodnessOfFitBootstrap(family, none, theta, sorted.Length).Run(observed, 300, new RandomSource(43), CancellationToken.None);
            Assert.NotEqual((one.KolmogorovSmirnov, one.CramerVonMises, one.AndersonDarling), (other.KolmogorovSmirnov, other.CramerVonMises, other.AndersonDarling));
        }

        [Fact]
        public void P_values_stay_in_the_unit_interval()
        {
            foreach (double d in new[] { 0.0, 1e-9, 0.01, 0.5, 0.999, 1.0 })
            {
                foreach (int n in new[] { 1, 2, 10, 999, 5000 })
                {
                    Assert.InRange(KolmogorovDistribution.UpperTail(n, d).PValue, 0, 1);
                }
            }

            foreach (double q in new[] { 1e-6, 0.001, 0.5, 5, 50, 1e6 })
            {
                Assert.InRange(CramerVonMisesDistribution.UpperTail(q, 3), 0, 1);
                Assert.InRange(AndersonDarlingDistribution.UpperTail(q, 3), 0, 1);
                Assert.InRange(AndersonDarlingDistribution.UpperTail(q, null), 0, 1);
            }
        }
    }
}
