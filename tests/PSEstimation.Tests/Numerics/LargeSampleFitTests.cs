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
    /// Logistic and Cauchy fits above <see cref="LocationScaleFamily.SubsampleThreshold"/> values,
    /// where the start comes from a stratified subsample and each pass runs in parallel chunks:
    /// the result must still be the MLE of every value, in any order, with the checks on ties
    /// and far values made on every value too.
    /// </summary>
    public class LargeSampleFitTests
    {
        private const int N = 200000;

        /// <summary>
        /// large_sample_reference.py (next to this file): the same values, scipy 1.10.1's .fit polished
        /// by Nelder-Mead (xatol 1e-12, fatol 1e-9) on the log-likelihood summed with math.fsum over scipy's logpdf.
        /// </summary>
        public static TheoryData<string, ulong, double, double, double> ScipyCases() => new TheoryData<string, ulong, double, double, double>
        {
            { "Logistic", 20261124, LogisticLocation, LogisticScale, LogisticLogLikelihood },
            { "Cauchy", 7, CauchyLocation, CauchyScale, CauchyLogLikelihood },
        };

        private const double LogisticLocation = 9.992790373017687;
        private const double LogisticScale = 2.0017586444928654;
        private const double LogisticLogLikelihood = -538812.372877849;
        private const double CauchyLocation = 2.9952680819813686;
        private const double CauchyScale = 1.9908981674701725;
        private const double CauchyLogLikelihood = -644495.1759861924;

        [Theory]
        [MemberData(nameof(ScipyCases))]
        public void Fit_of_200000_values_matches_scipy_in_input_order_and_sorted(string family, ulong seed, double location, double scale, double logLikelihood)
        {
            double[] data = Draw(family, seed);
            Assert.True(data.Length > LocationScaleFamily.SubsampleThreshold);
            var traces = new List<string>();
            foreach (var values in new[] { data, data.OrderBy(x => x).ToArray() })
            {
                var fit = Fit(family, values, traces.Add);
                // Nelder-Mead settles the reference to about 3e-8 (its re-polish moves it that much),
                // hence 1e-6 here; the score check below pins our optimum far closer than that.
                Tolerance.Relative(location, fit.Parameters[0].Value, 1e-6, family + " Location");
                Tolerance.Relative(scale, fit.Parameters[1].Value, 1e-6, family + " Scale");
                Tolerance.Relative(logLikelihood, fit.LogLikelihood, 1e-12, family + " LogLikelihood");
                Assert.True(fit.Converged);

                // At the optimum of every value, not of the subsample: the score against the curvature is ~0.
                for (int i = 0; i < 2; i++)
                {
                    Tolerance.Absolute(0, fit.Score[i] * fit.Parameters[i].StandardError!.Value, 1e-6, $"{family} score[{i}]·SE");
                }
            }

            Assert.Contains(traces, t => t.Contains("stratified subsample", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData("Cauchy", false)]
        [InlineData("Logistic", false)]
        [InlineData("StudentT", false)]
        [InlineData("Weibull", false)]
        [InlineData("Cauchy", true)]
        [InlineData("StudentT", true)]
        [InlineData("Weibull", true)]
        public void Passes_in_parallel_chunks_sum_to_the_per_value_terms(string name, bool weighted)
        {
            // The fused pass (chunks of 32768 in parallel, summed in order) against the family's
            // per-value LogDensity, AddScore and AddHessian summed one by one, each entry within
            // 1e-12 of the sum of its terms' magnitudes.
            double[] data = DrawN("Cauchy", 11, 3 * FusedLikelihoodFamily.ChunkSize + 123);
            DistributionFamily family = name switch
            {
                "Cauchy" => new CauchyFamily(),
                "Logistic" => new LogisticFamily(),
                "StudentT" => new StudentTFamily(),
                _ => new WeibullFamily(),
            };
            double[] theta = name switch
            {
                "StudentT" => new[] { 2.5, 1.7, 3.5 },
                "Weibull" => new[] { 1.3, 2.2 },
                _ => new[] { 2.5, 1.7 },
            };
            int p = theta.Length;
            var sample = family.CreateAccumulator();
            double logLik = 0, logLikMagnitude = 0;
            var score = new double[p];
            var scoreMagnitude = new double[p];
            var hessian = new double[p, p];
            var hessianMagnitude = new double[p, p];
            for (int k = 0; k < data.Length; k++)
            {
                double x = name == "Weibull" ? Math.Abs(data[k]) + 0.1 : data[k];
                double w = weighted ? 0.5 + k % 3 : 1.0;
                sample.Add(x, w);
                double term = w * family.LogDensity(x, theta);
                logLik += term;
                logLikMagnitude += Math.Abs(term);
                var one = new double[p];
                var oneHessian = new double[p, p];
                family.AddScore(x, w, theta, one);
                family.AddHessian(x, w, theta, oneHessian);
                for (int a = 0; a < p; a++)
                {
                    score[a] += one[a];
                    scoreMagnitude[a] += Math.Abs(one[a]);
                    for (int b = 0; b < p; b++)
                    {
                        hessian[a, b] += oneHessian[a, b];
                        hessianMagnitude[a, b] += Math.Abs(oneHessian[a, b]);
                    }
                }
            }

            Tolerance.Absolute(logLik, family.LogLikelihood(sample, theta), 1e-12 * logLikMagnitude, name + " log-likelihood");
            double[] fusedScore = family.Score(sample, theta);
            double[,] fusedHessian = family.Hessian(sample, theta);
            for (int a = 0; a < p; a++)
            {
                Tolerance.Absolute(score[a], fusedScore[a], 1e-12 * scoreMagnitude[a], $"{name} score[{a}]");
                for (int b = 0; b < p; b++)
                {
                    Tolerance.Absolute(hessian[a, b], fusedHessian[a, b], 1e-12 * hessianMagnitude[a, b], $"{name} hessian[{a},{b}]");
                }
            }
        }

        [Fact]
        public void Cauchy_ties_are_found_among_every_value_not_only_the_subsample()
        {
            // 60% of the values at 5 (half or more makes the likelihood unbounded as Scale → 0),
            // interleaved so that a stride could miss or catch them: found by the majority vote.
            double[] spread = Draw("Cauchy", 3);
            double[] data = spread.Select((x, i) => i % 5 < 3 ? 5.0 : x).ToArray();
            var e = Assert.Throws<EstimationException>(() => Fit("Cauchy", data, null));
            Assert.Equal("UnboundedLikelihood", e.ErrorId);
            Assert.Contains("120000 of the 200000 values equal 5", e.Message, StringComparison.Ordinal);

            // Exactly half at 5 (every odd index) among 262144 values: a plain majority vote can miss a
            // value with exactly half the weight; the fit then collapsed onto 5 with Scale 1.9e-9.
            double[] half = DrawN("Cauchy", 5, 262144).Select((x, i) => i % 2 == 1 ? 5.0 : x).ToArray();
            var exactHalf = Assert.Throws<EstimationException>(() => Fit("Cauchy", half, null));
            Assert.Equal("UnboundedLikelihood", exactHalf.ErrorId);
            Assert.Contains("131072 of the 262144 values equal 5", exactHalf.Message, StringComparison.Ordinal);

            var constant = Assert.Throws<EstimationException>(() => Fit("Logistic", Enumerable.Repeat(2.5, N).ToArray(), null));
            Assert.Equal("ZeroVariance", constant.ErrorId);
        }

        [Fact]
        public void Input_that_repeats_with_a_period_gives_the_fit_of_the_sorted_values()
        {
            // 19 of every 32 values near 0, 13 (positions 10 to 22) near 100, Cauchy with Scale fixed at 1
            // (a local maximum in Location at each cluster). A subsample at the fixed stride of 32 saw
            // only position 16, the minority cluster, and the fit stopped at its maximum.
            var random = new Random(3);
            double[] data = Enumerable.Range(0, 262144).Select(i => (i % 32 >= 10 && i % 32 <= 22 ? 100 : 0) + random.NextDouble() - 0.5).ToArray();
            var fixedScale = new double?[] { null, 1.0 };
            var inOrder = Fit("Cauchy", data, null, fixedScale);
            var sorted = Fit("Cauchy", data.OrderBy(x => x).ToArray(), null, fixedScale);
            Assert.InRange(inOrder.Parameters[0].Value, -1, 1);
            Tolerance.Relative(sorted.LogLikelihood, inOrder.LogLikelihood, 1e-12, "LogLikelihood, input order against sorted");
        }

        [Fact]
        public void A_far_value_the_subsample_misses_is_never_a_silent_wrong_fit()
        {
            // One value at 1e15 among 200000 logistic values: the MLE Scale grows toward the far
            // value's size. The subsample (8192 of the values) misses it; the moment start on every
            // value sees it. Newton then climbs, but its Levenberg damping (the observed information is
            // not positive definite out there) crushes the Location step, so the fit may end at its
            // iteration cap. Whatever it reports, Converged = True must mean a maximum: at least the
            // log-likelihood at Location 10, Scale 5e9 (near the Location-fixed optimum).
            double[] data = Draw("Logistic", 20261124);
            data[100001] = 1e15;
            var fit = Fit("Logistic", data, null);
            Assert.True(fit.Parameters[1].Value > 1e9, $"Scale {fit.Parameters[1].Value}");

            var family = new LogisticFamily();
            var sample = family.CreateAccumulator();
            sample.AddRange(data);
            double bound = family.LogLikelihood(sample, new[] { 10.0, 5e9 });
            Assert.True(!fit.Converged || fit.LogLikelihood >= bound, $"Converged at log-likelihood {fit.LogLikelihood:R}, below {bound:R} at Location 10, Scale 5e9");
        }

        private static MLEstimate Fit(string family, double[] values, Action<string>? trace, double?[]? fixedValues = null)
        {
            DistributionFamily f = family == "Logistic" ? new LogisticFamily() : new CauchyFamily();
            var sample = f.CreateAccumulator();
            sample.AddRange(values);
            return new MaximumLikelihoodEstimator(f, 0.95) { Trace = trace }.Fit(sample, fixedValues ?? new double?[2], CancellationToken.None);
        }

        /// <summary>The generator of large_sample_reference.py, value for value.</summary>
        private static double[] Draw(string family, ulong seed) => DrawN(family, seed, N);

        private static double[] DrawN(string family, ulong seed, int n)
        {
            var data = new double[n];
            ulong state = seed;
            for (int i = 0; i < n; i++)
            {
                unchecked
                {
                    state = 6364136223846793005UL * state + 1442695040888963407UL;
                }

                double u = ((state >> 11) + 0.5) / 9007199254740992.0;
                data[i] = family == "Logistic" ? 10 + 2 * Math.Log(u / (1 - u)) : 3 + 2 * Math.Tan(Math.PI * (u - 0.5));
            }

            return data;
        }
    }
}
