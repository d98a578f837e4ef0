using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using PSEstimation.Distributions;
using PSEstimation.Estimation;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Numerics
{
    /// <summary>
    /// Student t(Location, Scale, DegreesOfFreedom). The tests/reference/mle.json case runs in
    /// MleReferenceTests; here a second data set with fits from scipy, the cap on
    /// DegreesOfFreedom, the ν-functions against mpmath, derivatives, information and hostile data.
    /// </summary>
    /// <remarks>
    /// Reference fits (scipy 1.10.1, mpmath 1.3): the data are
    /// numpy.random.default_rng(20240611), after drawing the logistic and Cauchy values of
    /// LogisticFamilyTests and CauchyFamilyTests, numpy.round(1 + 0.7 * rng.standard_t(3, 150), 4);
    /// fitted with scipy.stats.t.fit(x[, fdf=...]), polished with
    /// scipy.optimize.minimize(nll, start, method='Nelder-Mead', options=dict(xatol=1e-12, fatol=1e-14)),
    /// then with mpmath.findroot on the score (mpmath.diff of the log-likelihood
    /// lnΓ((ν+1)/2) - lnΓ(ν/2) - ½log(νπ) - log s - (ν+1)/2 log(1 + z²/ν), 40 digits), where the
    /// largest |score| was below 1e-30; standard errors from the inverse of -Hessian (mpmath.diff).
    /// location_scale_reference.py beside this file reproduces every number (case names in it).
    /// </remarks>
    public class StudentTFamilyTests
    {
        internal static readonly double[] Data =
        {
            3.3104, 1.7384, 0.3819, 1.5502, -0.8944, 1.4036, 0.9797, 0.7579, 0.9068, -0.075, -0.764, 0.8264,
            1.0801, 0.0333, 1.28, 1.2995, 1.6507, -0.0727, 1.4, -0.499, 0.9666, 0.69, 0.7467, -1.6277,
            -0.2751, 0.6557, 2.0925, -0.3907, 2.5971, 1.9789, 0.6827, 1.0741, 1.2527, 0.8415, 0.9351, 0.4961,
            1.7071, -0.0675, 1.6157, 1.3117, 1.2948, 1.0682, 1.3306, -1.7434, 0.2493, 0.6425, 0.9754, 3.5602,
            1.4626, -0.246, 0.8209, 2.5762, 0.9381, 3.2088, 0.5991, 0.5461, 0.0557, -0.1939, 1.3486, -0.1145,
            -0.8037, 0.9709, 3.1022, 0.7231, -0.5124, 1.4521, 2.2367, 0.9359, 0.1918, 2.314, -1.1893, 1.6245,
            0.8756, 1.3156, 0.7419, 0.844, 2.3563, -0.156, 1.101, 0.7162, 2.1261, 0.6008, 0.4071, 1.0071,
            1.5265, 0.8989, 1.1646, 1.798, 1.5951, 1.0848, -0.3911, 1.8303, 0.5172, -0.4897, 1.3575, 0.5017,
            0.7083, 2.4853, 0.0974, 1.8826, 0.8212, 0.84, 2.3953, 0.7167, -0.2376, 1.1493, 1.2614, 1.5998,
            1.0306, 1.0431, 3.748, 1.8167, 4.8044, 0.6004, 2.9862, 1.0348, 1.3922, 2.9675, 0.6039, 0.8939,
            0.6504, 0.5924, 0.5319, 0.0448, 3.1472, 0.7689, 0.7115, 2.3078, 1.5457, -0.0122, 0.0584, 1.7636,
            1.2443, 0.8477, -0.0023, -0.7164, 0.9416, 1.0418, 0.8713, 1.2629, 0.5997, 1.0853, 1.48, -1.8057,
            -1.5691, 1.1654, 2.2544, 1.203, 1.9561, 1.1604,
        };

        /// <summary>numpy.random.default_rng(7); numpy.round(rng.normal(3, 1.5, 200), 4): excess kurtosis -0.177.</summary>
        private static readonly double[] NearNormal =
        {
            3.0018, 3.4481, 2.5888, 1.6641, 2.318, 1.5125, 3.0902, 5.0103, 2.2617, 2.0693, 3.7348, 3.5353,
            3.1581, 1.6043, 2.9561, 4.043, 0.9837, 2.3136, 0.1482, 1.0657, 0.2374, 2.6474, 1.0988, 3.4069,
            3.2351, 2.7196, -0.7751, 2.192, 2.9272, 3.17, 0.7048, 2.2834, 1.5322, 1.7867, 4.5913, 1.7887,
            2.9512, 4.3266, 2.1246, 2.8324, 3.1657, 3.0957, 1.1624, 3.1142, 5.0382, 0.6793, 4.2891, 3.179,
            2.0378, 6.0006, 4.1434, 1.2011, 3.1118, 3.865, 2.7168, 4.0244, 2.9002, 4.0009, 5.1578, 1.9865,
            3.3047, 2.305, 3.1909, 1.2192, 2.131, 2.7057, 4.3481, 4.7178, 1.0147, 1.808, 3.9704, 0.0114,
            2.3052, 2.8541, 4.8855, 4.0341, 2.5092, 2.4471, 2.6247, 5.2853, 2.358, 2.5445, 3.5289, 2.8188,
            2.7041, 1.3289, 2.9827, 2.3346, 4.7492, 3.9796, 2.9638, 4.0026, 2.4902, 4.5782, 2.9919, 3.8751,
            1.0637, 3.52, 0.4677, -0.053, 2.5433, 1.6501, 3.2461, 6.3671, 1.7524, 2.0641, 3.3081, 3.7395,
            2.7354, 2.6911, 4.0537, 3.7799, 1.4495, 2.8812, 3.0529, 1.4183, 3.3898, 1.7131, 4.4581, 3.2891,
            3.134, 2.1135, 2.8221, 0.0034, 1.3029, 3.5443, -0.1929, 4.2699, 0.3809, 4.1351, 1.7318, 4.1685,
            3.1964, 0.6947, 4.8737, 5.1626, 2.9013, 2.5891, 2.7602, 1.5373, 4.6479, 2.1857, 2.9232, 1.8101,
            2.0609, 1.0834, 4.8856, 2.7689, 4.4489, 3.02, 1.9584, 2.51, 2.1597, 3.0119, 2.4371, 2.5501,
            0.9321, 1.7897, 5.4811, 1.9932, 1.4189, 3.506, 5.1109, 0.819, 2.6872, 2.0519, 0.3585, 4.1024,
            2.9648, 3.1072, 1.8715, 3.6822, 2.1911, 2.7856, 1.3376, 1.1758, 5.0033, 2.2393, 3.4375, 2.9493,
            2.3383, 2.2381, 3.9451, 2.5472, 2.7728, 3.0333, 4.7648, 4.0208, 3.5739, 2.1546, 0.927, 4.4243,
            4.4497, 2.7889, 3.8128, 4.1722, 4.2468, 4.3821, 2.3166, 5.2725,
        };

        private static MLEstimate Fit(IEnumerable<double> data, double?[]? fixedValues = null)
            => LocationScaleChecks.Fit(new StudentTFamily(), data, fixedValues);

        private static Dictionary<string, double> Values(params (string Name, double Value)[] entries)
            => entries.ToDictionary(e => e.Name, e => e.Value);

        [Fact]
        public void Free_fit_matches_scipy()
        {
            // scipy: t.fit(x) → (df 3.548277244331259, loc 0.9682607310087724, scale 0.7616428134958781),
            // polished: Location 0.9684515304454451, Scale 0.7622453574013792, DegreesOfFreedom
            // 3.5541123433040807, SE 0.07387410454487774, 0.0999537577385245, 1.434397911514564,
            // log L -216.69330892391807.
            var fit = Fit(Data);
            LocationScaleChecks.AssertFit(
                fit,
                Values(("Location", 0.9684515304454451), ("Scale", 0.7622453574013792), ("DegreesOfFreedom", 3.5541123433040807)),
                Values(("Location", 0.07387410454487774), ("Scale", 0.0999537577385245), ("DegreesOfFreedom", 1.434397911514564)),
                -216.69330892391807,
                "t.fit");
            Tolerance.Relative(2 * 3 + 2 * 216.69330892391807, fit.AIC, 1e-10, "AIC");
        }

        [Fact]
        public void Fixed_degrees_of_freedom_fit_location_and_scale()
        {
            // scipy: t.fit(x, fdf=4) → Location 0.9686852961905766, Scale 0.7848515848137941,
            // SE 0.07505523487510356 and 0.06155030554630644, log L -216.7330376039132.
            var fit = Fit(Data, new double?[] { null, null, 4.0 });
            LocationScaleChecks.AssertFit(
                fit,
                Values(("Location", 0.9686852961905766), ("Scale", 0.7848515848137941)),
                Values(("Location", 0.07505523487510356), ("Scale", 0.06155030554630644)),
                -216.7330376039132,
                "fdf=4");
            Assert.Equal(4.0, fit.Parameters[2].Value);
            Assert.True(fit.Parameters[2].Fixed);
            Tolerance.Relative(2 * 2 + 2 * 216.7330376039132, fit.AIC, 1e-10, "AIC counts two free parameters");
        }

        [Fact]
        public void Near_normal_data_reach_the_normal_limit_with_an_honest_result()
        {
            // The likelihood increases in ν toward the Normal limit (with ν held at 1e6, mpmath gives
            // ∂ log L/∂ν = 8.838e-12 > 0 there), so the fit is the Normal one, reported at the cap 1e20.
            // R: mean(x) = 2.802058, sqrt(mean((x - mean(x))^2)) = 1.3084649199867759,
            // sum(dnorm(x, m, s, log = TRUE)) = -337.55863329992007, SE s/sqrt(n) = 0.092522441786736256
            // and s/sqrt(2n) = 0.065423245999338797 (n = 200).
            var fit = Fit(NearNormal);
            Assert.Equal(StudentTFamily.DegreesOfFreedomCap, fit.Parameters[2].Value);
            Assert.Null(fit.Parameters[2].StandardError);
            Assert.False(fit.Parameters[2].Fixed);
            Assert.True(fit.Converged);
            Assert.Contains("Normal limit", fit.Method);
            LocationScaleChecks.AssertFit(
                fit,
                Values(("Location", 2.802058), ("Scale", 1.3084649199867759)),
                Values(("Location", 0.092522441786736256), ("Scale", 0.065423245999338797)),
                -337.55863329992007,
                "Normal limit");
            Assert.True(-337.55863329992007 - fit.LogLikelihood < 1e-9, "within 1e-9 of the Normal log-likelihood");
            Assert.True(double.IsNaN(fit.Covariance[2, 2]) && double.IsNaN(fit.Covariance[0, 2]));
            Assert.InRange(fit.Iterations, 1, 30);
        }

        [Fact]
        public void Degrees_of_freedom_fixed_at_the_cap_give_the_same_location_and_scale()
        {
            var fit = Fit(NearNormal, new double?[] { null, null, 1e6 });
            LocationScaleChecks.AssertFit(
                fit,
                Values(("Location", 2.802058046172954), ("Scale", 1.3084637271686015)),
                Values(("Location", 0.0925224499639894), ("Scale", 0.0654232787108301)),
                -337.5586421382098,
                "fdf=1e6");
            Assert.DoesNotContain("Normal limit", fit.Method);
        }

        [Fact]
        public void Two_values_with_fixed_degrees_of_freedom()
        {
            // scipy/mpmath t.fit([1.5, 4], fdf=4): Location 2.75, Scale 1.25, SE 1.141088661469096 and
            // 0.6987712429686843, log L -3.523663365222921. (Hand: for two values ±d about the
            // midpoint the Scale score vanishes at z² = 1 for every ν, so Scale = d = 1.25.)
            var fit = Fit(new[] { 1.5, 4.0 }, new double?[] { null, null, 4.0 });
            LocationScaleChecks.AssertFit(
                fit,
                Values(("Location", 2.75), ("Scale", 1.25)),
                Values(("Location", 1.141088661469096), ("Scale", 0.6987712429686843)),
                -3.523663365222921,
                "two values");
        }

        [Fact]
        public void Two_values_with_free_degrees_of_freedom_reach_the_normal_limit()
        {
            // Hand: Scale = d = 1.25 for every ν (see above) and the likelihood grows with ν
            // toward the Normal limit, so the fit stops at the cap (the Normal fit to rounding).
            var fit = Fit(new[] { 1.5, 4.0 });
            Tolerance.Relative(2.75, fit.Parameters[0].Value, 1e-12, "Location");
            Tolerance.Relative(1.25, fit.Parameters[1].Value, 1e-9, "Scale");
            Assert.Equal(StudentTFamily.DegreesOfFreedomCap, fit.Parameters[2].Value);
            Assert.True(fit.Converged);
        }

        [Fact]
        public void Tied_values_fit()
        {
            // The data rounded to one decimal (numpy.round(x * 10) / 10): scipy/mpmath Location
            // 0.9658859483716404, Scale 0.7757049655371313, DegreesOfFreedom 3.7186419763158414,
            // SE 0.07487355589625723, 0.10029899695863335, 1.5444457693462599, log L -217.26985211827568.
            var fit = Fit(Data.Select(x => Math.Round(x * 10) / 10));
            LocationScaleChecks.AssertFit(
                fit,
                Values(("Location", 0.9658859483716404), ("Scale", 0.7757049655371313), ("DegreesOfFreedom", 3.7186419763158414)),
                Values(("Location", 0.07487355589625723), ("Scale", 0.10029899695863335), ("DegreesOfFreedom", 1.5444457693462599)),
                -217.26985211827568,
                "ties");
        }

        [Fact]
        public void A_far_outlier_lowers_the_degrees_of_freedom()
        {
            // The first 30 values and 1e15: scipy t.fit → (0.36954079830957554, 0.9038638958124311,
            // 0.37100425323337816), polished: Location 0.9038292838495315, Scale 0.3710060165348673,
            // DegreesOfFreedom 0.36953365287833895, SE 0.11842974760527011, 0.14323544688713147,
            // 0.08247320648447853, log L -107.35254431679624.
            var fit = Fit(Data.Take(30).Concat(new[] { 1e15 }));
            LocationScaleChecks.AssertFit(
                fit,
                Values(("Location", 0.9038292838495315), ("Scale", 0.3710060165348673), ("DegreesOfFreedom", 0.36953365287833895)),
                Values(("Location", 0.11842974760527011), ("Scale", 0.14323544688713147), ("DegreesOfFreedom", 0.08247320648447853)),
                -107.35254431679624,
                "outlier");
        }

        [Fact]
        public void A_huge_offset_shifts_the_location_only()
        {
            // Location-scale equivariance (hand): the free fit above, shifted by 1e9 (the data at 1e9
            // are rounded to 1.2e-7, which moves the estimates by about that much).
            var fit = Fit(Data.Select(x => x + 1e9));
            Tolerance.Absolute(0.9684515304454451, fit.Parameters[0].Value - 1e9, 1e-6, "Location - 1e9");
            Tolerance.Relative(0.7622453574013792, fit.Parameters[1].Value, 1e-6, "Scale");
            Tolerance.Relative(3.5541123433040807, fit.Parameters[2].Value, 1e-6, "DegreesOfFreedom");
            Assert.True(fit.Converged);
        }

        [Theory]
        [InlineData(new[] { 5.0, 5.0, 5.0 }, null, "ZeroVariance")]
        [InlineData(new[] { 5.0 }, null, "ZeroVariance")]
        [InlineData(new[] { 5.0, 5.0, 5.0 }, 4.0, "ZeroVariance")]
        [InlineData(new[] { 0.0, 0.0, 1.0, 2.0 }, 1.0, "UnboundedLikelihood")] // ν = 1 is the Cauchy: half the sample tied
        [InlineData(new[] { 5.0, 5.0, 5.0, 5.0, 5.0, 6.0 }, 4.0, "UnboundedLikelihood")] // 5 tied ≥ ν·1 others
        public void Samples_without_an_interior_maximum_are_clear_errors(double[] data, double? degreesOfFreedom, string id)
        {
            var e = Assert.Throws<EstimationException>(() => Fit(data, new double?[] { null, null, degreesOfFreedom }));
            Assert.Equal(id, e.ErrorId);
            Assert.Contains("-Fixed", e.Message);
        }

        [Theory]
        [InlineData(0.3, -2.8357062083553535, 2.0801879044705145, -9.351717814973924, 1e-12)]
        [InlineData(3.0, -1.9977921348312575, 0.04776379149509969, -0.03006878325241505, 1e-12)]
        [InlineData(19.99, -1.8704929355196476, 0.0011693443855588935, -0.00011629665005844976, 1e-10)]
        [InlineData(20.01, -1.870469571868162, 0.0011670219170388223, -0.00011595043128382437, 1e-10)]
        [InlineData(1000.0, -1.847455771165224, 4.724502187817114e-07, -9.448005525521891e-10, 1e-8)]
        [InlineData(1000000.0, -1.8469837435948757, 4.725498811040389e-13, -9.450996625690223e-19, 1e-7)]
        [InlineData(10000000000.0, -1.8469832710921998, 4.725499807330073e-21, -9.450999614556985e-31, 1e-5)]
        public void Log_density_and_its_nu_derivatives_match_mpmath(double nu, double logDensity, double dNu, double d2Nu, double derivativeTolerance)
        {
            // mpmath 1.3 at 40 digits: log f(1.7 | Location 0.2, Scale 1.3, ν) from lnΓ, and its first and
            // second ν-derivatives by mpmath.diff. Below and above ν = 20 (the switch to the series)
            // and at ν where lnΓ((ν+1)/2) - lnΓ(ν/2) loses every digit in doubles.
            var family = new StudentTFamily();
            var theta = new[] { 0.2, 1.3, nu };
            Tolerance.Relative(logDensity, family.LogDensity(1.7, theta), 1e-13, "log f");
            var score = new double[3];
            var hessian = new double[3, 3];
            family.AddScore(1.7, 1.0, theta, score);
            family.AddHessian(1.7, 1.0, theta, hessian);
            Tolerance.Relative(dNu, score[2], derivativeTolerance, "∂/∂ν");
            Tolerance.Relative(d2Nu, hessian[2, 2], derivativeTolerance, "∂²/∂ν²");
        }

        [Theory]
        [InlineData(0.001, 1000001.6425331959)]
        [InlineData(0.5, 4.934802200544679)]
        [InlineData(1.0, 1.6449340668482264)]
        [InlineData(9.99, 0.10527695014824179)]
        [InlineData(10.0, 0.10516633568168575)]
        [InlineData(12.5, 0.08328522460157838)]
        [InlineData(100.0, 0.010050166663333571)]
        public void Trigamma_matches_mpmath(double x, double expected)
        {
            // mpmath.psi(1, x) at 40 digits.
            Tolerance.Relative(expected, SpecialMath.Trigamma(x), 2e-15, $"ψ'({x})");
        }

        [Fact]
        public void Analytic_derivatives_match_finite_differences()
        {
            var family = new StudentTFamily();
            FiniteDifferences.AssertDerivatives(family, new[] { -1.2, 0.3, 2.5, 7.0 }, new[] { 0.7, 1.9, 3.0 });
            FiniteDifferences.AssertDerivatives(family, new[] { -30.0, 45.0, 0.5 }, new[] { 0.5, 0.8, 0.7 });
            FiniteDifferences.AssertDerivatives(family, new[] { -3.0, 1.0, 2.5 }, new[] { 0.1, 1.2, 45.0 });
            FiniteDifferences.AssertDerivatives(family, Data, new[] { 1.0, 0.75, 3.5 });
        }

        [Theory]
        [InlineData(0.0, 1.0, 1.5)]
        [InlineData(-3.0, 0.25, 4.0)]
        [InlineData(100.0, 7.5, 30.0)]
        [InlineData(1.0, 2.0, 2000.0)]
        public void Expected_information_matches_quadrature(double location, double scale, double nu)
        {
            // Lange, Little and Taylor (1989) closed form against -E[Hessian] by numerical integration.
            LocationScaleChecks.AssertExpectedInformation(new StudentTFamily(), new[] { location, scale, nu }, 1e-8);
        }

        [Fact]
        public void Weights_equal_repeated_values()
        {
            var family = new StudentTFamily();
            var weighted = family.CreateAccumulator();
            foreach (var (x, w) in new[] { (1.0, 3.0), (4.0, 2.0), (2.5, 1.0), (-1.0, 1.0), (9.0, 1.0) })
            {
                weighted.Add(x, w);
            }

            var fixedNu = new double?[] { null, null, 3.0 };
            var a = new MaximumLikelihoodEstimator(family, 0.95).Fit(weighted, fixedNu, CancellationToken.None);
            var b = Fit(new[] { 1.0, 1, 1, 4, 4, 2.5, -1, 9 }, fixedNu);
            Tolerance.Relative(b.Parameters[0].Value, a.Parameters[0].Value, 1e-12, "Location");
            Tolerance.Relative(b.Parameters[1].Value, a.Parameters[1].Value, 1e-12, "Scale");
            Tolerance.Relative(b.LogLikelihood, a.LogLikelihood, 1e-13, "LogLikelihood");
        }
    }
}
