using System;
using System.Collections.Generic;
using System.Linq;
using PSEstimation.Distributions;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Numerics
{
    /// <summary>
    /// Logistic(Location, Scale). The tests/reference/mle.json cases run in MleReferenceTests;
    /// here a second data set with fits from scipy, derivatives, information and hostile data.
    /// </summary>
    /// <remarks>
    /// Reference fits (scipy 1.10.1, mpmath 1.3): the data are
    /// numpy.random.default_rng(20240611); numpy.round(rng.logistic(10, 2, 60), 4);
    /// fitted with scipy.stats.logistic.fit(x[, floc=..., fscale=...]), polished with
    /// scipy.optimize.minimize(nll, start, method='Nelder-Mead', options=dict(xatol=1e-12, fatol=1e-14))
    /// from the scipy fit and the extra starts named below, then with mpmath.findroot on the score
    /// (mpmath.diff of the log-likelihood, 40 digits), where the largest |score| was below 1e-27;
    /// standard errors from the inverse of -Hessian (mpmath.diff, 40 digits).
    /// location_scale_reference.py beside this file reproduces every number (case names in it).
    /// </remarks>
    public class LogisticFamilyTests
    {
        internal static readonly double[] Data =
        {
            7.0953, 27.9162, 10.7004, 13.2444, 7.967, 5.8687, 12.6023, 10.1596, 15.3743, 11.1898, 7.1735, 10.0665,
            11.4831, 12.5572, 8.1736, 12.6687, 9.3663, 13.4224, 10.7645, 6.6366, 15.2931, 11.2059, 6.1644, 14.945,
            14.3495, 8.7236, 14.0908, 8.0951, 11.6329, 4.2964, 8.5096, 8.2579, 14.9719, 6.4889, 7.4789, 9.7383,
            19.3228, 10.3718, 4.4637, 10.0135, 9.9338, 4.8877, 9.4579, 10.2496, 8.8858, 8.4511, 12.5035, 11.1151,
            11.6104, 13.907, 11.4512, 9.8752, 8.9716, 8.3772, 3.326, 3.9315, 11.6872, 11.352, 8.5851, 9.7496,
        };

        private static MLEstimate Fit(IEnumerable<double> data, double?[]? fixedValues = null)
            => LocationScaleChecks.Fit(new LogisticFamily(), data, fixedValues);

        private static Dictionary<string, double> Values(params (string Name, double Value)[] entries)
            => entries.ToDictionary(e => e.Name, e => e.Value);

        [Fact]
        public void Free_fit_matches_scipy()
        {
            var fit = Fit(Data);
            LocationScaleChecks.AssertFit(
                fit,
                Values(("Location", 10.128591781876903), ("Scale", 1.974732333248057)),
                Values(("Location", 0.4365854246921996), ("Scale", 0.21464267198363807)),
                -161.9254357110477,
                "logistic.fit");
            Assert.StartsWith("Newton-Raphson on unconstrained scales", fit.Method, StringComparison.Ordinal);
            Assert.InRange(fit.Iterations, 1, 20);
        }

        [Fact]
        public void Fixed_location_fits_the_scale_only()
        {
            // scipy: logistic.fit(x, floc=10) → Scale 1.9753875917754238, SE 0.21471718957227526, log L -161.96882452674788.
            var fit = Fit(Data, new double?[] { 10.0, null });
            LocationScaleChecks.AssertFit(fit, Values(("Scale", 1.9753875917754238)), Values(("Scale", 0.21471718957227526)), -161.96882452674788, "floc=10");
            Assert.Equal(10.0, fit.Parameters[0].Value);
            Assert.Equal(0.0, fit.Parameters[0].StandardError);
            // One free parameter: AIC = 2 - 2 log L.
            Tolerance.Relative(2 + 2 * 161.96882452674788, fit.AIC, 1e-10, "AIC");
        }

        [Fact]
        public void Fixed_scale_fits_the_location_only()
        {
            // scipy: logistic.fit(x, fscale=2) → Location 10.129318798055817, SE 0.4408147718929747, log L -161.93224347293696.
            var fit = Fit(Data, new double?[] { null, 2.0 });
            LocationScaleChecks.AssertFit(fit, Values(("Location", 10.129318798055817)), Values(("Location", 0.4408147718929747)), -161.93224347293696, "fscale=2");
        }

        [Fact]
        public void Two_values_give_the_midpoint_and_a_finite_scale()
        {
            // scipy/mpmath on [1.5, 4.0]: Location 2.75 (symmetry), Scale 0.8098977862870035,
            // SE 1.0632627835966104 and 0.4403896725833686, log L -3.4396522931855475.
            var fit = Fit(new[] { 1.5, 4.0 });
            LocationScaleChecks.AssertFit(
                fit,
                Values(("Location", 2.75), ("Scale", 0.8098977862870035)),
                Values(("Location", 1.0632627835966104), ("Scale", 0.4403896725833686)),
                -3.4396522931855475,
                "two values");
        }

        [Fact]
        public void Tied_values_fit()
        {
            // The data rounded to integers (many ties): scipy/mpmath Location 10.097648047515559,
            // Scale 2.0021147495789986, SE 0.44341304597158676 and 0.21713965283629635, log L -162.61584854759963.
            var fit = Fit(Data.Select(x => Math.Round(x, MidpointRounding.ToEven)));
            LocationScaleChecks.AssertFit(
                fit,
                Values(("Location", 10.097648047515559), ("Scale", 2.0021147495789986)),
                Values(("Location", 0.44341304597158676), ("Scale", 0.21713965283629635)),
                -162.61584854759963,
                "ties");
        }

        [Fact]
        public void A_far_outlier_is_fitted_without_overflow()
        {
            // The first 20 values and 1e15. scipy's logistic.fit returns a negative scale here
            // (4765878962925.139, -47619047539230.664); minimize from (5e12, 5e13), (1e13, 2e13) and
            // (10, 2), then mpmath: Location 4765878962925.262, Scale 47619047539230.664,
            // SE 15113149341436.535 and 10391327906175.947, log L -710.0551994708117.
            var fit = Fit(Data.Take(20).Concat(new[] { 1e15 }));
            LocationScaleChecks.AssertFit(
                fit,
                Values(("Location", 4765878962925.262), ("Scale", 47619047539230.664)),
                Values(("Location", 15113149341436.535), ("Scale", 10391327906175.947)),
                -710.0551994708117,
                "outlier");
        }

        [Fact]
        public void A_huge_offset_shifts_the_location_only()
        {
            // Location-scale equivariance (hand): the free fit above, shifted by 1e9. The data at 1e9
            // are rounded to 1.2e-7, which moves the estimates by about that much.
            var fit = Fit(Data.Select(x => x + 1e9));
            Tolerance.Absolute(10.128591781876903, fit.Parameters[0].Value - 1e9, 1e-6, "Location - 1e9");
            Tolerance.Relative(1.974732333248057, fit.Parameters[1].Value, 1e-6, "Scale");
            Assert.True(fit.Converged);
        }

        [Theory]
        [InlineData(new[] { 5.0, 5.0, 5.0 })]
        [InlineData(new[] { 5.0 })]
        public void Constant_sample_is_a_clear_error(double[] data)
        {
            var e = Assert.Throws<EstimationException>(() => Fit(data));
            Assert.Equal("ZeroVariance", e.ErrorId);
            Assert.Contains("-Fixed", e.Message);
        }

        [Fact]
        public void Constant_sample_away_from_a_fixed_location_fits_the_scale()
        {
            // Hand derivation: every value at distance d = 3 from Location; the score in Scale is
            // zero where z·tanh(z/2) = 1, z = d/Scale; scipy.optimize.brentq gives z = 1.5434046384182085.
            var fit = Fit(new[] { 5.0, 5.0, 5.0 }, new double?[] { 2.0, null });
            Tolerance.Relative(3 / 1.5434046384182085, fit.Parameters[1].Value, 1e-10, "Scale");
        }

        [Fact]
        public void Analytic_derivatives_match_finite_differences()
        {
            var family = new LogisticFamily();
            FiniteDifferences.AssertDerivatives(family, new[] { -1.2, 0.3, 2.5, 7.0 }, new[] { 0.7, 1.9 });
            FiniteDifferences.AssertDerivatives(family, new[] { -30.0, 45.0, 0.0 }, new[] { 0.5, 1.0 });
            FiniteDifferences.AssertDerivatives(family, Data, new[] { 10.0, 2.0 });
        }

        [Theory]
        [InlineData(0.0, 1.0)]
        [InlineData(-3.0, 0.25)]
        [InlineData(100.0, 7.5)]
        public void Expected_information_matches_quadrature(double location, double scale)
        {
            // diag(1/(3s²), (π² + 3)/(9s²)) against -E[Hessian] by numerical integration.
            LocationScaleChecks.AssertExpectedInformation(new LogisticFamily(), new[] { location, scale }, 1e-9);
        }

        [Fact]
        public void Weights_equal_repeated_values()
        {
            var family = new LogisticFamily();
            var weighted = family.CreateAccumulator();
            weighted.Add(1.0, 3);
            weighted.Add(4.0, 2);
            weighted.Add(2.5, 1);
            var a = new Estimation.MaximumLikelihoodEstimator(family, 0.95).Fit(weighted, new double?[2], System.Threading.CancellationToken.None);
            var b = Fit(new[] { 1.0, 1, 1, 4, 4, 2.5 });
            Tolerance.Relative(b.Parameters[0].Value, a.Parameters[0].Value, 1e-12, "Location");
            Tolerance.Relative(b.Parameters[1].Value, a.Parameters[1].Value, 1e-12, "Scale");
            Tolerance.Relative(b.LogLikelihood, a.LogLikelihood, 1e-13, "LogLikelihood");
        }
    }
}
