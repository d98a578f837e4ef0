using System;
using System.Collections.Generic;
using System.Linq;
using PSEstimation.Distributions;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Numerics
{
    /// <summary>
    /// Cauchy(Location, Scale). The tests/reference/mle.json cases run in MleReferenceTests;
    /// here a second data set with fits from scipy, several local maxima, derivatives,
    /// information and hostile data.
    /// </summary>
    /// <remarks>
    /// Reference fits (scipy 1.10.1, mpmath 1.3): the data are
    /// numpy.random.default_rng(20240611), after drawing the 60 logistic values of
    /// LogisticFamilyTests, numpy.round(rng.standard_cauchy(80) * 0.5 - 3, 4);
    /// fitted with scipy.stats.cauchy.fit(x[, floc=..., fscale=...]), polished with
    /// scipy.optimize.minimize(nll, start, method='Nelder-Mead', options=dict(xatol=1e-12, fatol=1e-14))
    /// from the scipy fit and the extra starts named below, then with mpmath.findroot on the score
    /// (mpmath.diff of the log-likelihood, 40 digits), where the largest |score| was below 1e-30;
    /// standard errors from the inverse of -Hessian (mpmath.diff, 40 digits).
    /// location_scale_reference.py beside this file reproduces every number (case names in it).
    /// </remarks>
    public class CauchyFamilyTests
    {
        internal static readonly double[] Data =
        {
            -2.5628, -5.9767, -1.4916, -2.9442, -2.4418, -2.8178, -3.4236, -25.3319, -3.5048, -3.3895, -3.8281, -4.6819,
            -2.7874, -3.133, -3.9774, -3.9678, -2.466, -5.9439, -3.2877, -2.3853, -0.8216, -2.739, -3.2029, -5.5325,
            -3.5772, -2.9093, -2.9343, -7.5574, -3.5563, -2.9013, -2.24, -3.5293, -2.6995, -2.3361, -5.4451, -3.2531,
            -3.2807, -2.6411, -6.5505, -3.5017, -13.7978, -2.8068, -3.2465, -3.368, 3.3298, -2.9036, 11.8297, -4.1566,
            -3.6903, -3.3007, -3.4278, -2.0519, -3.593, -2.8187, -3.0721, 0.9399, -4.5987, -3.4599, -3.1757, -3.3611,
            -3.697, -3.0751, -4.021, -2.9829, -3.2319, -2.0156, -3.6796, -3.2016, -2.0227, -3.4308, -2.9348, -3.2449,
            -2.9596, -2.2962, -3.007, -3.2851, -3.7673, -2.0961, -5.1802, -2.7897,
        };

        private static MLEstimate Fit(IEnumerable<double> data, double?[]? fixedValues = null)
            => LocationScaleChecks.Fit(new CauchyFamily(), data, fixedValues);

        private static Dictionary<string, double> Values(params (string Name, double Value)[] entries)
            => entries.ToDictionary(e => e.Name, e => e.Value);

        [Fact]
        public void Free_fit_matches_scipy()
        {
            // scipy: cauchy.fit(x) → (-3.1781405328646306, 0.45373820811315085), polished: Location
            // -3.1781131586561724, Scale 0.4537433016669737, SE 0.07382400153486196 and 0.06995121695785396,
            // log L -135.89002449262884.
            var fit = Fit(Data);
            LocationScaleChecks.AssertFit(
                fit,
                Values(("Location", -3.1781131586561724), ("Scale", 0.4537433016669737)),
                Values(("Location", 0.07382400153486196), ("Scale", 0.06995121695785396)),
                -135.89002449262884,
                "cauchy.fit");
            Assert.Contains("several starts", fit.Method);
            Assert.Contains("highest log-likelihood", fit.Method);
        }

        [Fact]
        public void Fixed_location_fits_the_scale_only()
        {
            // scipy: cauchy.fit(x, floc=-3) → Scale 0.48377936403457605, SE 0.07344432295383847, log L -138.61999495698302.
            var fit = Fit(Data, new double?[] { -3.0, null });
            LocationScaleChecks.AssertFit(fit, Values(("Scale", 0.48377936403457605)), Values(("Scale", 0.07344432295383847)), -138.61999495698302, "floc=-3");
        }

        [Fact]
        public void Fixed_scale_finds_the_global_maximum_among_several()
        {
            // Seven spread values and five tight ones near 20, Scale fixed at 0.1: the likelihood in
            // Location has a local maximum near each spread value and the global one near 20.
            // scipy's cauchy.fit(x, fscale=0.1) stops at the local maximum 3.1935058593749996; minimize
            // from 20, 3.2 and -1.2, then mpmath: Location 19.999669972082852, SE 0.03169525809195604,
            // log L -59.931167126135826. The median (3.9) alone leads Newton to a local maximum.
            double[] data = { -4.1, -2.7, -1.2, 0.3, 1.9, 3.2, 4.6, 20.0, 20.003, 19.998, 20.006, 19.995 };
            var fit = Fit(data, new double?[] { null, 0.1 });
            LocationScaleChecks.AssertFit(fit, Values(("Location", 19.999669972082852)), Values(("Location", 0.03169525809195604)), -59.931167126135826, "fscale=0.1");
        }

        [Fact]
        public void Tied_values_below_half_fit()
        {
            // The data rounded to integers: 39 of the 80 equal -3 (below half, so a maximum exists).
            // scipy/mpmath: Location -3.0073068468927824, Scale 0.20060583201296633,
            // SE 0.024209184811444896 and 0.10208146835229961, log L -139.46000159689802.
            var fit = Fit(Data.Select(x => Math.Round(x)));
            LocationScaleChecks.AssertFit(
                fit,
                Values(("Location", -3.0073068468927824), ("Scale", 0.20060583201296633)),
                Values(("Location", 0.024209184811444896), ("Scale", 0.10208146835229961)),
                -139.46000159689802,
                "ties");
        }

        [Fact]
        public void A_far_outlier_barely_moves_the_fit()
        {
            // The first 20 values and 1e15: scipy/mpmath Location -3.169211973691725,
            // Scale 0.6555628799942962, SE 0.21541570543168906 and 0.1920888824153398, log L -108.6819188180052.
            var fit = Fit(Data.Take(20).Concat(new[] { 1e15 }));
            LocationScaleChecks.AssertFit(
                fit,
                Values(("Location", -3.169211973691725), ("Scale", 0.6555628799942962)),
                Values(("Location", 0.21541570543168906), ("Scale", 0.1920888824153398)),
                -108.6819188180052,
                "outlier");
        }

        [Fact]
        public void A_huge_offset_shifts_the_location_only()
        {
            // Location-scale equivariance (hand): the free fit above, shifted by 1e9 (the data at 1e9
            // are rounded to 1.2e-7).
            var fit = Fit(Data.Select(x => x + 1e9));
            Tolerance.Absolute(-3.1781131586561724, fit.Parameters[0].Value - 1e9, 1e-6, "Location - 1e9");
            Tolerance.Relative(0.4537433016669737, fit.Parameters[1].Value, 1e-6, "Scale");
            Assert.True(fit.Converged);
        }

        [Fact]
        public void Values_near_the_double_limits_stay_finite()
        {
            // The Cauchy log-density at z = 1e200 (z² overflows a double) is -log(π s) - 2 log z (hand).
            var family = new CauchyFamily();
            var theta = new[] { 0.0, 1.0 };
            Tolerance.Relative(-Math.Log(Math.PI) - 2 * Math.Log(1e200), family.LogDensity(1e200, theta), 1e-14, "log f(1e200)");
            var score = new double[2];
            var hessian = new double[2, 2];
            family.AddScore(1e200, 1, theta, score);
            family.AddHessian(1e200, 1, theta, hessian);
            Assert.All(score, v => Assert.False(double.IsNaN(v) || double.IsInfinity(v)));
            Assert.Equal(-1.0, hessian[1, 1], 12); // (a² - 4ab - b²)/s² → -1 as z → ∞ (hand).
        }

        [Theory]
        [InlineData(new[] { 5.0, 5.0, 5.0 }, "ZeroVariance")]
        [InlineData(new[] { 5.0 }, "ZeroVariance")]
        [InlineData(new[] { 1.0, 2.0 }, "UnboundedLikelihood")] // two values: maximal on a half-circle, no unique estimate
        [InlineData(new[] { 0.0, 0.0, 1.0, 2.0 }, "UnboundedLikelihood")] // half at 0: largest as Scale → 0 (scipy minimize drifts there)
        [InlineData(new[] { 3.0, 3.0, 3.0, 1.0, 7.0 }, "UnboundedLikelihood")]
        public void Samples_without_an_interior_maximum_are_clear_errors(double[] data, string id)
        {
            var e = Assert.Throws<EstimationException>(() => Fit(data));
            Assert.Equal(id, e.ErrorId);
            Assert.Contains("-Fixed", e.Message);
        }

        [Fact]
        public void Half_the_sample_at_a_fixed_location_is_an_error_but_elsewhere_is_not()
        {
            // Location fixed at 0 with 2 of 4 values there: the score in log Scale is negative for
            // every Scale > 0 (hand), so the likelihood is largest as Scale → 0.
            var e = Assert.Throws<EstimationException>(() => Fit(new[] { 0.0, 0.0, 1.0, 2.0 }, new double?[] { 0.0, null }));
            Assert.Equal("UnboundedLikelihood", e.ErrorId);

            // At Location 5 none sits there: the Scale must solve the score equation in log Scale,
            // Σ (d² - s²)/(d² + s²) = 0 over the distances d = 5, 5, 4, 3 (hand derivation).
            var fit = Fit(new[] { 0.0, 0.0, 1.0, 2.0 }, new double?[] { 5.0, null });
            double s = fit.Parameters[1].Value;
            double sum = new[] { 5.0, 5.0, 4.0, 3.0 }.Sum(d => (d * d - s * s) / (d * d + s * s));
            Tolerance.Absolute(0, sum, 1e-12, "score equation in log Scale");
        }

        [Fact]
        public void Analytic_derivatives_match_finite_differences()
        {
            var family = new CauchyFamily();
            FiniteDifferences.AssertDerivatives(family, new[] { -1.2, 0.3, 2.5, 7.0 }, new[] { 0.7, 1.9 });
            FiniteDifferences.AssertDerivatives(family, new[] { -30.0, 45.0, 0.5 }, new[] { 0.5, 0.8 });
            FiniteDifferences.AssertDerivatives(family, Data, new[] { -3.0, 0.5 });
        }

        [Theory]
        [InlineData(0.0, 1.0)]
        [InlineData(-3.0, 0.25)]
        [InlineData(100.0, 7.5)]
        public void Expected_information_matches_quadrature(double location, double scale)
        {
            // diag(1/(2s²), 1/(2s²)) against -E[Hessian] by numerical integration.
            LocationScaleChecks.AssertExpectedInformation(new CauchyFamily(), new[] { location, scale }, 1e-9);
        }
    }
}
