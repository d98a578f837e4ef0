using System;
using System.Threading;
using PSEstimation.Distributions;
using PSEstimation.Estimation;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Numerics
{
    public class LogNormalFamilyTests
    {
        private static readonly double[] Data = { 1.2, 3.4, 1.7, 2.2, 8.9, 1.05, 4.4 };

        private static MLEstimate Fit(double[] data, double?[]? fixedValues = null)
            => CoreFit.Fit(new LogNormalFamily(), data, fixedValues);

        [Fact]
        public void Fit_matches_scipy_and_divides_by_n()
        {
            // scipy 1.10.1: stats.lognorm.fit(Data, floc=0) -> s = 0.7053524466746317 (SdLog),
            // log(scale) = 0.9202326545248931 (MeanLog); sum(lognorm.logpdf) = -13.930794577002281.
            // The SdLog of MathNet's LogNormal.Estimate (divisor n - 1) would be sqrt(7/6) ≈ 8% larger.
            var fit = Fit(Data);
            Tolerance.Relative(0.9202326545248931, fit.Parameters[0].Value, 1e-14, "MeanLog");
            Tolerance.Relative(0.7053524466746317, fit.Parameters[1].Value, 1e-14, "SdLog");
            Tolerance.Relative(-13.930794577002281, fit.LogLikelihood, 1e-13, "LogLikelihood");
            Tolerance.Absolute(0, fit.Score[0], 1e-12, "Score[MeanLog]");
            Tolerance.Absolute(0, fit.Score[1], 1e-12, "Score[SdLog]");
            Assert.Equal("Closed form", fit.Method);

            // Hand: at the MLE the observed information is diag(n/σ², 2n/σ²), so SE = σ/sqrt(n), σ/sqrt(2n).
            double sd = fit.Parameters[1].Value;
            Tolerance.Relative(sd / Math.Sqrt(7), fit.Parameters[0].StandardError!.Value, 1e-12, "SE(MeanLog)");
            Tolerance.Relative(sd / Math.Sqrt(14), fit.Parameters[1].StandardError!.Value, 1e-12, "SE(SdLog)");
            Tolerance.Relative(7 / (sd * sd), fit.FisherInformation[0, 0], 1e-14, "I[0,0]");
            Tolerance.Relative(14 / (sd * sd), fit.FisherInformation[1, 1], 1e-14, "I[1,1]");
            Assert.Equal(0, fit.FisherInformation[0, 1]);
        }

        [Fact]
        public void Fixed_mean_log_fits_the_sd_about_it()
        {
            // scipy 1.10.1: stats.lognorm.fit(Data, floc=0, fscale=exp(0.5)) -> s = 0.8210466234988897;
            // sum(lognorm.logpdf(Data, s, scale=exp(0.5))) = -14.99397063680908.
            var fit = Fit(Data, new double?[] { 0.5, null });
            Assert.True(fit.Parameters[0].Fixed);
            Tolerance.Relative(0.8210466234988897, fit.Parameters[1].Value, 1e-13, "SdLog");
            Tolerance.Relative(-14.99397063680908, fit.LogLikelihood, 1e-12, "LogLikelihood");
            Assert.Equal("Closed form", fit.Method);
        }

        [Fact]
        public void Fixed_sd_log_leaves_the_mean_log_unchanged()
        {
            // Hand: the MeanLog score n(ȳ - μ)/σ² vanishes at ȳ whatever σ; ȳ as in the scipy fit above.
            // log L = -Σy - n/2 log 2π - n log σ - Σ(y - ȳ)²/(2σ²), with Σ(y - ȳ)² = n · 0.7053524466746317².
            var fit = Fit(Data, new double?[] { null, 2.0 });
            Tolerance.Relative(0.9202326545248931, fit.Parameters[0].Value, 1e-14, "MeanLog");
            double s2 = 0.7053524466746317 * 0.7053524466746317;
            double logLik = -7 * 0.9202326545248931 - 3.5 * Math.Log(2 * Math.PI) - 7 * Math.Log(2) - 7 * s2 / 8;
            Tolerance.Relative(logLik, fit.LogLikelihood, 1e-13, "LogLikelihood");
            Tolerance.Relative(2 / Math.Sqrt(7), fit.Parameters[0].StandardError!.Value, 1e-13, "SE(MeanLog)");
        }

        [Fact]
        public void Analytic_derivatives_match_finite_differences()
        {
            FiniteDifferences.AssertDerivatives(new LogNormalFamily(), new[] { 0.3, 1.7, 5.0 }, new[] { 0.2, 0.9 });
            FiniteDifferences.AssertDerivatives(new LogNormalFamily(), new[] { 1e-5, 2e-3 }, new[] { -8.0, 2.5 });
        }

        [Fact]
        public void Expected_information_matches_the_hand_derivation()
        {
            // Hand: log x ~ Normal(μ, σ²) in (μ, σ): -E[∂²] = diag(1/σ², -1/σ² + 3E[(y-μ)²]/σ⁴) = diag(1/σ², 2/σ²).
            var info = new LogNormalFamily().ExpectedInformation(new[] { 1.0, 0.5 });
            Tolerance.Relative(4, info[0, 0], 1e-15, "I[0,0]");
            Tolerance.Relative(8, info[1, 1], 1e-15, "I[1,1]");
            Assert.Equal(0, info[0, 1]);
            Assert.Equal(0, info[1, 0]);
        }

        [Fact]
        public void Streamed_sums_equal_per_observation_sums()
        {
            var family = new LogNormalFamily();
            var theta = new[] { 0.4, 1.3 };
            var sample = family.CreateAccumulator();
            sample.AddRange(Data);
            double logLik = 0;
            var score = new double[2];
            var hessian = new double[2, 2];
            foreach (double x in Data)
            {
                logLik += family.LogDensity(x, theta);
                family.AddScore(x, 1.0, theta, score);
                family.AddHessian(x, 1.0, theta, hessian);
            }

            Tolerance.Relative(logLik, family.LogLikelihood(sample, theta), 1e-14, "LogLikelihood");
            var streamedScore = family.Score(sample, theta);
            var streamedHessian = family.Hessian(sample, theta);
            for (int i = 0; i < 2; i++)
            {
                Tolerance.Relative(score[i], streamedScore[i], 1e-13, $"Score[{i}]");
                for (int j = 0; j < 2; j++)
                {
                    Tolerance.Relative(hessian[i, j], streamedHessian[i, j], 1e-13, $"Hessian[{i},{j}]");
                }
            }
        }

        [Fact]
        public void Constant_sample_and_single_value_are_clear_errors()
        {
            var e = Assert.Throws<EstimationException>(() => Fit(new[] { 5.0, 5.0, 5.0 }));
            Assert.Equal("ZeroVariance", e.ErrorId);
            Assert.Contains("-Fixed", e.Message);
            Assert.Equal("ZeroVariance", Assert.Throws<EstimationException>(() => Fit(new[] { 5.0 })).ErrorId);
            // MeanLog fixed at log 1 = 0 and every log x = 0.
            Assert.Equal("ZeroVariance", Assert.Throws<EstimationException>(() => Fit(new[] { 1.0, 1.0 }, new double?[] { 0, null })).ErrorId);
            // With SdLog fixed a single value is enough: MeanLog = log 5.
            Tolerance.Relative(Math.Log(5), Fit(new[] { 5.0 }, new double?[] { null, 1 }).Parameters[0].Value, 1e-15, "MeanLog (n = 1)");
        }

        [Fact]
        public void Ties_are_fine()
        {
            // Hand: {1, 1, e², e²}: log x = {0, 0, 2, 2}, MeanLog 1, SdLog 1.
            double e2 = Math.Exp(2);
            var fit = Fit(new[] { 1.0, 1.0, e2, e2 });
            Tolerance.Relative(1, fit.Parameters[0].Value, 1e-15, "MeanLog");
            Tolerance.Relative(1, fit.Parameters[1].Value, 1e-15, "SdLog");
        }

        [Fact]
        public void Huge_offset_keeps_the_spread_of_the_logs()
        {
            // 1e9 + {1, 2, 4}: mpmath at 50 digits evaluating the closed form gives
            // MeanLog 20.723265839279744486, SdLog 1.2472191257175122348e-9. log x itself is rounded at
            // 20.7 · 1.1e-16 ≈ 2e-15, which would leave SdLog with 6 digits.
            var fit = Fit(new[] { 1e9 + 1, 1e9 + 2, 1e9 + 4 });
            Tolerance.Relative(20.723265839279744486, fit.Parameters[0].Value, 1e-15, "MeanLog");
            Tolerance.Relative(1.2472191257175122348e-9, fit.Parameters[1].Value, 1e-12, "SdLog");
        }

        [Fact]
        public void Extreme_magnitudes()
        {
            // Hand: {1e-300, 1e300}: log x = ∓300 ln 10, MeanLog 0, SdLog 300 ln 10.
            var fit = Fit(new[] { 1e-300, 1e300 });
            Tolerance.Absolute(0, fit.Parameters[0].Value, 1e-12, "MeanLog");
            Tolerance.Relative(300 * Math.Log(10), fit.Parameters[1].Value, 1e-14, "SdLog");
            Assert.False(double.IsInfinity(fit.LogLikelihood) || double.IsNaN(fit.LogLikelihood));

            // The smallest positive double is in the support.
            var family = new LogNormalFamily();
            Assert.True(family.CanFit(double.Epsilon, new double?[2]));
            Assert.False(double.IsInfinity(family.LogDensity(double.Epsilon, new[] { -744.0, 1.0 })));
        }

        [Fact]
        public void Non_positive_values_are_rejected()
        {
            var family = new LogNormalFamily();
            Assert.False(family.CanFit(0, new double?[2]));
            Assert.False(family.CanFit(-1, new double?[2]));
            Assert.False(family.IsInSupport(0, new[] { 0.0, 1.0 }));
            Assert.Equal(double.NegativeInfinity, family.LogDensity(0, new[] { 0.0, 1.0 }));
        }

        [Fact]
        public void Weights_equal_repeated_rows()
        {
            var family = new LogNormalFamily();
            var weighted = family.CreateAccumulator();
            weighted.Add(1.0, 3);
            weighted.Add(4.0, 2);
            var expanded = family.CreateAccumulator();
            expanded.AddRange(new[] { 1.0, 1, 1, 4, 4 });
            var estimator = new MaximumLikelihoodEstimator(family, 0.95);
            var a = estimator.Fit(weighted, new double?[2], CancellationToken.None);
            var b = estimator.Fit(expanded, new double?[2], CancellationToken.None);
            // Hand: log x = {0, 0, 0, L, L}, L = ln 4: MeanLog 2L/5, SdLog² = 6L²/25.
            double l = Math.Log(4);
            Tolerance.Relative(2 * l / 5, a.Parameters[0].Value, 1e-15, "MeanLog");
            Tolerance.Relative(Math.Sqrt(6) * l / 5, a.Parameters[1].Value, 1e-15, "SdLog");
            Tolerance.Relative(b.LogLikelihood, a.LogLikelihood, 1e-14, "LogLikelihood");
        }
    }
}
