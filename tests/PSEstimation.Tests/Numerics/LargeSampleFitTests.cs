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
    /// where the start comes from a systematic subsample and each pass runs in parallel chunks:
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

            Assert.Contains(traces, t => t.Contains("systematic subsample", StringComparison.Ordinal));
        }

        [Fact]
        public void Passes_in_parallel_chunks_sum_to_the_per_value_terms()
        {
            // The fused pass (chunks of 32768 in parallel, summed in order) against the family's
            // per-value LogDensity, AddScore and AddHessian summed one by one.
            double[] data = Draw("Cauchy", 11).Take(3 * FusedLikelihoodFamily.ChunkSize + 123).ToArray();
            foreach (var family in new DistributionFamily[] { new CauchyFamily(), new LogisticFamily() })
            {
                var sample = family.CreateAccumulator();
                sample.AddRange(data);
                double[] theta = { 2.5, 1.7 };
                double logLik = 0;
                var score = new double[2];
                var hessian = new double[2, 2];
                foreach (double x in data)
                {
                    logLik += family.LogDensity(x, theta);
                    family.AddScore(x, 1.0, theta, score);
                    family.AddHessian(x, 1.0, theta, hessian);
                }

                Tolerance.Relative(logLik, family.LogLikelihood(sample, theta), 1e-12, family.Name + " log-likelihood");
                double[] fusedScore = family.Score(sample, theta);
                double[,] fusedHessian = family.Hessian(sample, theta);
                for (int i = 0; i < 2; i++)
                {
                    Tolerance.Absolute(score[i], fusedScore[i], 1e-9 * data.Length, $"{family.Name} score[{i}]");
                    for (int j = 0; j < 2; j++)
                    {
                        Tolerance.Absolute(hessian[i, j], fusedHessian[i, j], 1e-9 * data.Length, $"{family.Name} hessian[{i},{j}]");
                    }
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

            var constant = Assert.Throws<EstimationException>(() => Fit("Logistic", Enumerable.Repeat(2.5, N).ToArray(), null));
            Assert.Equal("ZeroVariance", constant.ErrorId);
        }

        [Fact]
        public void A_far_value_the_subsample_misses_still_sets_the_Logistic_scale()
        {
            // One value at 1e15 among 200000 logistic values: the MLE Scale grows toward the far
            // value's size (as in LogisticFamilyTests' small case). The subsample (every 24th value)
            // misses it; the moment start on every value sees it, and Newton converges from there.
            double[] data = Draw("Logistic", 20261124);
            data[100001] = 1e15;
            var fit = Fit("Logistic", data, null);
            Assert.True(fit.Converged);
            Assert.True(fit.Parameters[1].Value > 1e9, $"Scale {fit.Parameters[1].Value}");

            // The likelihood is nearly flat in Location here (its observed curvature 5e13 times below
            // the expected one), so Newton stops at the rounding floor of its derivatives instead of
            // running to its iteration cap; the same point whatever the order of the values.
            var sorted = Fit("Logistic", data.OrderBy(x => x).ToArray(), null);
            Tolerance.Relative(fit.Parameters[0].Value, sorted.Parameters[0].Value, 1e-6, "Location, sorted input");
            Tolerance.Relative(fit.Parameters[1].Value, sorted.Parameters[1].Value, 1e-6, "Scale, sorted input");
            Tolerance.Relative(fit.LogLikelihood, sorted.LogLikelihood, 1e-14, "LogLikelihood, sorted input");
            Assert.InRange(fit.Iterations, 1, 40);
        }

        private static MLEstimate Fit(string family, double[] values, Action<string>? trace)
        {
            DistributionFamily f = family == "Logistic" ? new LogisticFamily() : new CauchyFamily();
            var sample = f.CreateAccumulator();
            sample.AddRange(values);
            return new MaximumLikelihoodEstimator(f, 0.95) { Trace = trace }.Fit(sample, new double?[2], CancellationToken.None);
        }

        /// <summary>The generator of large_sample_reference.py, value for value.</summary>
        private static double[] Draw(string family, ulong seed)
        {
            var data = new double[N];
            ulong state = seed;
            for (int i = 0; i < N; i++)
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
