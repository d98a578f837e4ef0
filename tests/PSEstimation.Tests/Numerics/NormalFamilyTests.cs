using System;
using System.Linq;
using System.Threading;
using PSEstimation.Distributions;
using PSEstimation.Estimation;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Numerics
{
    public class NormalFamilyTests
    {
        private static MLEstimate Fit(double[] data, double?[]? fixedValues = null)
            => CoreFit.Fit(new NormalFamily(), data, fixedValues);

        [Fact]
        public void Seed_example_gives_the_contract_numbers()
        {
            // CONTRACT.md, worked examples: Mean 2.88, LogLikelihood -3.926523529277739,
            // Score ≈ (0, 0), FisherInformation diagonal 17.75568182, 31.52642368
            // (tests/reference/nll.json seed_normal_at_mle: analytic, checked with R dnorm).
            var fit = Fit(new[] { 2.3, 2.5, 3.1, 3.8, 2.7 });
            Tolerance.Relative(2.88, fit.Parameters[0].Value, 1e-14, "Mean");
            Tolerance.Relative(0.2816, fit.Parameters[1].Value, 1e-12, "Variance");
            Tolerance.Relative(-3.926523529277739, fit.LogLikelihood, 1e-14, "LogLikelihood");
            Tolerance.Absolute(0, fit.Score[0], 1e-12, "Score[Mean]");
            Tolerance.Absolute(0, fit.Score[1], 1e-12, "Score[Variance]");
            Tolerance.Relative(17.75568181818182, fit.FisherInformation[0, 0], 1e-12, "I[0,0]");
            Tolerance.Relative(31.52642368285125, fit.FisherInformation[1, 1], 1e-12, "I[1,1]");
            Assert.Equal(0, fit.FisherInformation[0, 1]);
            Assert.True(fit.Converged);
            Assert.Equal("Closed form", fit.Method);
        }

        [Fact]
        public void Standard_errors_are_from_the_observed_information()
        {
            // At the Normal MLE the observed information is diag(n/v, n/(2v²)) (hand derivation),
            // so SE(Mean) = sqrt(v/n), SE(Variance) = v·sqrt(2/n).
            var fit = Fit(new[] { 2.3, 2.5, 3.1, 3.8, 2.7 });
            Tolerance.Relative(Math.Sqrt(0.2816 / 5), fit.Parameters[0].StandardError!.Value, 1e-12, "SE(Mean)");
            Tolerance.Relative(0.2816 * Math.Sqrt(2.0 / 5), fit.Parameters[1].StandardError!.Value, 1e-12, "SE(Variance)");
            double z = 1.959963984540054; // qnorm(0.975) in R
            Tolerance.Relative(2.88 - z * Math.Sqrt(0.2816 / 5), fit.Parameters[0].Lower!.Value, 1e-12, "Lower(Mean)");
        }

        [Fact]
        public void Huge_offset_keeps_the_variance_exact()
        {
            // 1e9 + {2.3, 2.5, 3.1, 3.8, 2.7}: the variance is still 0.2816 (hand derivation: a shift
            // does not change it). A sum-of-squares formula would lose every digit here.
            var data = new[] { 1e9 + 2.3, 1e9 + 2.5, 1e9 + 3.1, 1e9 + 3.8, 1e9 + 2.7 };
            var fit = Fit(data);
            Tolerance.Relative(0.2816, fit.Parameters[1].Value, 1e-6, "Variance");
        }

        [Fact]
        public void Bulk_arrays_over_many_chunks_keep_the_variance_exact()
        {
            // 1e9 + (i mod 8)/4 for 100003 values: residues 0..7 each 12500 times, and 0, 1, 2 once
            // more. Hand: Σ(i mod 8)/4 = 12500·7 + 0.75 = 87500.75, mean offset 87500.75/100003;
            // Σ((i mod 8)/4)² = 12500·8.75 + 5/16 = 109375.3125, variance = that/n - offset².
            int n = 100003;
            var data = Enumerable.Range(0, n).Select(i => 1e9 + (i % 8) * 0.25).ToArray();
            var family = new NormalFamily();
            var sample = family.CreateAccumulator();
            Assert.True(family.TryAddRange(sample, data, new double?[2]));
            var fit = new MaximumLikelihoodEstimator(family, 0.95).Fit(sample, new double?[2], CancellationToken.None);
            double offset = 87500.75 / n;
            Tolerance.Relative(1e9 + offset, fit.Parameters[0].Value, 2e-16, "Mean");
            Tolerance.Relative(109375.3125 / n - offset * offset, fit.Parameters[1].Value, 1e-13, "Variance");
        }

        [Fact]
        public void Bulk_chunks_that_are_each_constant_still_differ()
        {
            // 8192 zeros then 8192 values of 5e-324: the variance underflows to 0, but the values
            // differ (each chunk of the bulk path is constant on its own).
            var data = Enumerable.Repeat(0.0, 8192).Concat(Enumerable.Repeat(double.Epsilon, 8192)).ToArray();
            var family = new NormalFamily();
            var sample = family.CreateAccumulator();
            Assert.True(family.TryAddRange(sample, data, new double?[2]));
            var e = Assert.Throws<EstimationException>(() => new MaximumLikelihoodEstimator(family, 0.95).Fit(sample, new double?[2], CancellationToken.None));
            Assert.Equal("VarianceUnderflow", e.ErrorId);

            // 1 then 2, 8192 each: variance 1/4 exactly (hand).
            var steps = Enumerable.Repeat(1.0, 8192).Concat(Enumerable.Repeat(2.0, 8192)).ToArray();
            sample = family.CreateAccumulator();
            Assert.True(family.TryAddRange(sample, steps, new double?[2]));
            Assert.Equal(0.25, new MaximumLikelihoodEstimator(family, 0.95).Fit(sample, new double?[2], CancellationToken.None).Parameters[1].Value);
        }

        [Fact]
        public void Fixed_variance_fits_the_mean_only()
        {
            var fit = Fit(new[] { 2.3, 2.5, 3.1, 3.8, 2.7 }, new double?[] { null, 1.0 });
            Tolerance.Relative(2.88, fit.Parameters[0].Value, 1e-14, "Mean");
            Assert.Equal(1.0, fit.Parameters[1].Value);
            Assert.Equal(0.0, fit.Parameters[1].StandardError);
            Assert.True(fit.Parameters[1].Fixed);
            // One free parameter: AIC = 2 - 2 log L, log L = -n/2 log(2π) - Σ(x-x̄)²/2 = -4.594692666… - 0.704.
            double logLik = -2.5 * Math.Log(2 * Math.PI) - 1.408 / 2;
            Tolerance.Relative(logLik, fit.LogLikelihood, 1e-12, "LogLikelihood");
            Tolerance.Relative(2 - 2 * logLik, fit.AIC, 1e-12, "AIC");
            Tolerance.Relative(1 / 5.0, fit.Parameters[0].StandardError!.Value * fit.Parameters[0].StandardError!.Value, 1e-12, "Var(Mean)");
        }

        [Fact]
        public void Fixed_mean_fits_the_variance_about_it()
        {
            // Σ(x - 3)² / 5 = (0.49 + 0.25 + 0.01 + 0.64 + 0.09) / 5 = 0.296.
            var fit = Fit(new[] { 2.3, 2.5, 3.1, 3.8, 2.7 }, new double?[] { 3.0, null });
            Tolerance.Relative(0.296, fit.Parameters[1].Value, 1e-12, "Variance");
        }

        [Fact]
        public void Constant_sample_is_a_clear_error_not_infinity()
        {
            var e = Assert.Throws<EstimationException>(() => Fit(new[] { 5.0, 5.0, 5.0 }));
            Assert.Equal("ZeroVariance", e.ErrorId);
            Assert.Contains("-Fixed", e.Message);
        }

        [Fact]
        public void Extreme_magnitudes_stay_finite()
        {
            // Variance 1.5555…e-300 (hand: mean 7/3e-150, Σ(x - x̄)²/3 = 14/9 e-300).
            var tiny = Fit(new[] { 1e-150, 2e-150, 4e-150 });
            Tolerance.Relative(14.0 / 9 * 1e-300, tiny.Parameters[1].Value, 1e-12, "Variance");
            Assert.False(double.IsInfinity(tiny.LogLikelihood));

            // Values near 1e-300 have a variance near 1e-600, which no double holds: a clear error.
            var e = Assert.Throws<EstimationException>(() => Fit(new[] { 1e-300, 2e-300, 4e-300 }));
            Assert.Equal("VarianceUnderflow", e.ErrorId);
            var large = Fit(new[] { 1e150, 2e150, 4e150 });
            Assert.False(double.IsInfinity(large.Parameters[1].Value) || double.IsNaN(large.LogLikelihood));
        }

        [Fact]
        public void Weights_equal_repeated_rows()
        {
            var family = new NormalFamily();
            var weighted = family.CreateAccumulator();
            weighted.Add(1.0, 3);
            weighted.Add(4.0, 2);
            var expanded = family.CreateAccumulator();
            foreach (double x in new[] { 1.0, 1, 1, 4, 4 })
            {
                expanded.Add(x, 1);
            }

            var estimator = new MaximumLikelihoodEstimator(family, 0.95);
            var a = estimator.Fit(weighted, new double?[2], CancellationToken.None);
            var b = estimator.Fit(expanded, new double?[2], CancellationToken.None);
            Tolerance.Relative(b.Parameters[1].Value, a.Parameters[1].Value, 1e-14, "Variance");
            Tolerance.Relative(b.LogLikelihood, a.LogLikelihood, 1e-14, "LogLikelihood");
        }

        [Fact]
        public void Analytic_derivatives_match_finite_differences()
        {
            var family = new NormalFamily();
            var theta = new[] { 0.7, 1.9 };
            FiniteDifferences.AssertDerivatives(family, new[] { -1.2, 0.3, 2.5 }, theta);
        }
    }
}
