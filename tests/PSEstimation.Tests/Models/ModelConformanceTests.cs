using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using PSEstimation.Distributions;
using PSEstimation.Models;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Models
{
    /// <summary>
    /// The checks every registered family's model passes, at every parameter case of its
    /// reference file (tests/reference/models/&lt;Family&gt;.json, mpmath at 40+ digits): the
    /// reference values themselves; finite differences of every analytic derivative; the CDF
    /// against the integrated density (or summed mass); quantile and CDF as inverses; samples
    /// against the CDF; and the fitter's fused passes against per-observation sums. A new family
    /// gets every check by registering a model and committing its reference file.
    /// </summary>
    public class ModelConformanceTests
    {
        private const long Seed = 20261201;

        public static IEnumerable<object[]> Cases() => ModelReference.FamilyCases();

        /// <summary>
        /// The cases whose derivatives, integrals and samples are representable: a spread within
        /// 1e-100..1e100 and resolved at the location (Variance 1e-300 has a curvature of 1e300 per
        /// value, and Normal(-3, 1e-300) draws all round to -3). The reference values of every case,
        /// hostile ones included, are checked by <see cref="Matches_the_reference_values"/>.
        /// </summary>
        public static IEnumerable<object[]> WellScaledCases()
            => Cases().Where(c =>
            {
                var (model, theta, _, _) = ModelReference.Load((string)c[0], (int)c[1]);
                double spread = Math.Abs(model.Quantile(0.75, theta) - model.Quantile(0.25, theta));
                double middle = Math.Abs(model.Quantile(0.5, theta));
                return spread > 1e-100 && spread < 1e100 && spread > 1e-8 * middle && middle < 1e100;
            });

        [Fact]
        public void Every_registered_family_has_a_model_and_reference_values()
        {
            var missing = DistributionFamilies.All
                .Where(r => DistributionFamilies.CreateForDescription(r.Name).Model is null || !ModelReference.Has(r.Name))
                .Select(r => r.Name.ToString())
                .ToList();
            Assert.True(missing.Count == 0, "Without a model or tests/reference/models/<Family>.json: " + string.Join(", ", missing));
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void Matches_the_reference_values(string family, int index)
        {
            var (model, theta, c, tolerance) = ModelReference.Load(family, index);
            foreach (var point in c.GetProperty("Points").EnumerateArray())
            {
                double x = point.GetProperty("Value").GetDouble();
                string at = $"{family} case {index} at x = {x:R}";
                CheckLog(point, "LogDensity", model.LogDensity(x, theta), tolerance, at);
                CheckLog(point, "LogCdf", model.LogCdf(x, theta), tolerance, at);
                CheckLog(point, "LogSurvival", model.LogSurvival(x, theta), tolerance, at);
                CheckProbability(point, "Density", model.Density(x, theta), tolerance, at);
                CheckProbability(point, "Cdf", model.Cdf(x, theta), tolerance, at);
                CheckProbability(point, "Survival", model.Survival(x, theta), tolerance, at);
            }

            if (c.TryGetProperty("Quantiles", out var quantiles))
            {
                foreach (var q in quantiles.EnumerateArray())
                {
                    double p = q.GetProperty("Probability").GetDouble();
                    Tolerance.Relative(q.GetProperty("Value").GetDouble(), model.Quantile(p, theta), tolerance, $"{family} case {index} Quantile({p:R})", floor: 1e-300);
                }
            }

            if (c.TryGetProperty("InverseSurvival", out var inverse))
            {
                foreach (var q in inverse.EnumerateArray())
                {
                    double e = q.GetProperty("ExceedanceProbability").GetDouble();
                    Tolerance.Relative(q.GetProperty("Value").GetDouble(), model.InverseSurvival(e, theta), tolerance, $"{family} case {index} InverseSurvival({e:R})", floor: 1e-300);
                }
            }
        }

        [Theory]
        [MemberData(nameof(WellScaledCases))]
        public void Analytic_derivatives_match_finite_differences(string family, int index)
        {
            var (model, theta, _, _) = ModelReference.Load(family, index);
            double[] steps = Steps(model, theta);
            // Laplace's log density has a kink in its Location at every value: that parameter has no Hessian to check.
            var fitter = DistributionFamilies.Create(model.Name, new Dictionary<string, double>(model.Constants, StringComparer.OrdinalIgnoreCase));
            var smooth = Enumerable.Range(0, theta.Length).Select(fitter.IsSmoothIn).ToArray();
            foreach (double x in InteriorPoints(model, theta))
            {
                string at = $"{family} case {index} at x = {x:R}";
                CheckDerivatives(model, theta, steps, smooth, t => model.LogDensity(x, t),
                    (t, g, h) => { model.AddScore(x, 1, t, g); model.AddHessian(x, 1, t, h); }, at + ", log density");
                CheckDerivatives(model, theta, steps, smooth, t => model.LogCdf(x, t),
                    (t, g, h) => model.AddLogCdfDerivatives(x, 1, t, g, h), at + ", log CDF");
                CheckDerivatives(model, theta, steps, smooth, t => model.LogSurvival(x, t),
                    (t, g, h) => model.AddLogSurvivalDerivatives(x, 1, t, g, h), at + ", log survival");
            }
        }

        [Theory]
        [MemberData(nameof(WellScaledCases))]
        public void The_CDF_is_the_integrated_density(string family, int index)
        {
            var (model, theta, _, _) = ModelReference.Load(family, index);
            // The widest of these central intervals whose ends are doubles inside the support
            // (Beta(0.01, 0.02)'s 0.9 quantile rounds to 1).
            var (a, b) = new[] { (0.1, 0.9), (0.3, 0.7), (0.45, 0.55) }
                .Select(pair => (model.Quantile(pair.Item1, theta), model.Quantile(pair.Item2, theta)))
                .First(pair => model.IsInSupport(pair.Item1, theta) && model.IsInSupport(pair.Item2, theta) && !double.IsInfinity(pair.Item1) && !double.IsInfinity(pair.Item2));
            if (model.IsDiscrete)
            {
                double sum = 0;
                for (double k = model.Quantile(0, theta); k <= b; k++)
                {
                    sum += model.Density(k, theta);
                }

                Tolerance.Relative(model.Cdf(b, theta), sum, 1e-10, $"{family} case {index}: sum of the mass up to {b:R}");
                return;
            }

            // A density with a power singularity at 0 (Gamma shape 0.05, Beta(0.01, 0.02)) or a long
            // tail is integrated in log x (logit x on (0, 1)), where it is smooth.
            double integral;
            if (model.Quantile(0, theta) >= 0 && model.Quantile(1, theta) <= 1)
            {
                double Logit(double x) => Math.Log(x) - LogSpace.Log1p(-x);
                integral = MathNet.Numerics.Integrate.GaussKronrod(u => { double x = 1 / (1 + Math.Exp(-u)); return model.Density(x, theta) * x * (1 - x); }, Logit(a), Logit(b), out _, out _, 1e-13, 25, 61);
            }
            else if (model.Quantile(0, theta) >= 0)
            {
                integral = MathNet.Numerics.Integrate.GaussKronrod(u => { double x = Math.Exp(u); return model.Density(x, theta) * x; }, Math.Log(a), Math.Log(b), out _, out _, 1e-13, 25, 61);
            }
            else
            {
                integral = MathNet.Numerics.Integrate.GaussKronrod(x => model.Density(x, theta), a, b, out _, out _, 1e-13, 20, 61);
            }

            double difference = model.Cdf(b, theta) - model.Cdf(a, theta);
            Tolerance.Relative(difference, integral, 1e-9, $"{family} case {index}: integral of the density from {a:R} to {b:R}");
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void Quantile_and_inverse_survival_invert_the_CDF_and_survival(string family, int index)
        {
            var (model, theta, _, _) = ModelReference.Load(family, index);
            bool IsEnd(double x) => x == model.Quantile(0, theta) || x == model.Quantile(1, theta) || double.IsInfinity(x);
            foreach (double p in new[] { 1e-10, 0.01, 0.3, 0.5, 0.7, 0.99 })
            {
                double x = model.Quantile(p, theta);
                double q = model.InverseSurvival(p, theta);
                if (model.IsDiscrete)
                {
                    Assert.True(model.Cdf(x, theta) >= p * (1 - 1e-12) && (x <= model.Quantile(0, theta) || model.Cdf(x - 1, theta) < p),
                        $"{family} case {index}: Quantile({p:R}) = {x:R} is not the smallest k with F(k) >= p");
                    Assert.True(model.Survival(q, theta) <= p * (1 + 1e-12) && (q <= model.Quantile(0, theta) || model.Survival(q - 1, theta) > p),
                        $"{family} case {index}: InverseSurvival({p:R}) = {q:R} is not the smallest k with S(k) <= q");
                    continue;
                }

                // A quantile too close to a support boundary to be a double (Beta(0.01, 0.02) at
                // p = 1e-10 is about 1e-1000) rounds onto the boundary: no round trip to check.
                if (double.IsInfinity(x) || double.IsInfinity(q) || !model.IsInSupport(x, theta) || !model.IsInSupport(q, theta))
                {
                    Assert.True((model.IsInSupport(x, theta) && !double.IsInfinity(x)) || IsEnd(x), $"{family} case {index}: Quantile({p:R}) = {x:R} is outside the support and not at its end");
                    Assert.True((model.IsInSupport(q, theta) && !double.IsInfinity(q)) || IsEnd(q), $"{family} case {index}: InverseSurvival({p:R}) = {q:R} is outside the support and not at its end");
                    continue;
                }

                // A quantile is a double: rounding it moves F by about f(x)·ulp(x), which at a location
                // of 1e9 is far more than 1e-10 of a small p.
                Tolerance.Relative(p, model.Cdf(x, theta), 1e-10 + model.Density(x, theta) * Ulp(x) / p, $"{family} case {index}: Cdf(Quantile({p:R}))");
                Tolerance.Relative(p, model.Survival(q, theta), 1e-10 + model.Density(q, theta) * Ulp(q) / p, $"{family} case {index}: Survival(InverseSurvival({p:R}))");
            }
        }

        [Theory]
        [MemberData(nameof(WellScaledCases))]
        public void Samples_follow_the_CDF(string family, int index)
        {
            var (model, theta, _, _) = ModelReference.Load(family, index);
            const int n = 20000;
            var sample = new double[n];
            model.Sample(new RandomSource(Seed + index), theta, sample);
            Array.Sort(sample);
            double worst = 0;
            for (int i = 0; i < n; i++)
            {
                // At each distinct value: the empirical CDF just below and at it against F.
                if (i + 1 < n && sample[i + 1] == sample[i])
                {
                    continue;
                }

                int below = Array.BinarySearch(sample, sample[i]);
                while (below > 0 && sample[below - 1] == sample[i])
                {
                    below--;
                }

                // A continuous draw at a support boundary (Beta(0.01, 0.02) puts a third of its mass
                // below 1e-300) stands for every value that rounds to it: compare with F just inside.
                double v = sample[i];
                bool inside = model.IsInSupport(v, theta);
                double f = model.Cdf(model.IsDiscrete || inside ? v : Math.BitIncrement(v), theta);
                double fBelow = model.IsDiscrete ? model.Cdf(v - 1, theta) : inside ? f : model.Cdf(Math.BitDecrement(v), theta);
                worst = Math.Max(worst, Math.Max(Math.Abs((i + 1.0) / n - f), Math.Abs((double)below / n - fBelow)));
            }

            // The Kolmogorov distribution's 0.999 quantile is 1.95: a correct sampler fails this
            // at a given seed with probability 0.001 (less for discrete families).
            Assert.True(worst < 1.95 / Math.Sqrt(n), $"{family} case {index}: KS distance {worst:G4} of {n} samples (seed {Seed + index})");
        }

        [Theory]
        [MemberData(nameof(WellScaledCases))]
        public void Fused_passes_equal_per_observation_sums(string family, int index)
        {
            var (model, theta, c, _) = ModelReference.Load(family, index);
            var name = model.Name;
            var constants = new Dictionary<string, double>(model.Constants, StringComparer.OrdinalIgnoreCase);
            var fitter = DistributionFamilies.Create(name, constants);
            var values = new double[500];
            model.Sample(new RandomSource(Seed - index), theta, values);
            var accumulator = fitter.CreateAccumulator();
            var fixedValues = new double?[theta.Length];
            double logLikelihood = 0;
            int k = theta.Length;
            var score = new double[k];
            var hessian = new double[k, k];
            var absoluteScore = new double[k];
            var absoluteHessian = new double[k, k];
            double absoluteLogLikelihood = 0;
            foreach (double x in values.Where(v => fitter.CanFit(v, fixedValues)))
            {
                accumulator.Add(x, 1.0);
                double term = model.LogDensity(x, theta);
                logLikelihood += term;
                absoluteLogLikelihood += Math.Abs(term);
                var s = new double[k];
                var h = new double[k, k];
                model.AddScore(x, 1.0, theta, s);
                model.AddHessian(x, 1.0, theta, h);
                for (int i = 0; i < k; i++)
                {
                    score[i] += s[i];
                    absoluteScore[i] += Math.Abs(s[i]);
                    for (int j = 0; j < k; j++)
                    {
                        hessian[i, j] += h[i, j];
                        absoluteHessian[i, j] += Math.Abs(h[i, j]);
                    }
                }
            }

            // Sums of terms of both signs cancel: each is compared relative to the sum of the terms'
            // magnitudes, widened by the sample's condition (values of 1e9 with unit spread are
            // known to about 1e-7 of their spread, so per-observation residuals carry that error).
            double condition = values.Max(Math.Abs) / Math.Max(Math.Abs(model.Quantile(0.75, theta) - model.Quantile(0.25, theta)), 1e-300);
            double relative = 1e-10 + 1e-15 * condition;
            Assert.True(accumulator.TotalWeight > 0, $"{family} case {index}: no sampled value can be fitted");
            Tolerance.Absolute(logLikelihood, fitter.LogLikelihood(accumulator, theta), relative * absoluteLogLikelihood, $"{family} case {index} log-likelihood");
            var fusedScore = fitter.Score(accumulator, theta);
            var fusedHessian = fitter.Hessian(accumulator, theta);
            for (int i = 0; i < k; i++)
            {
                Tolerance.Absolute(score[i], fusedScore[i], relative * absoluteScore[i], $"{family} case {index} score[{i}]");
                for (int j = 0; j < k; j++)
                {
                    Tolerance.Absolute(hessian[i, j], fusedHessian[i, j], relative * absoluteHessian[i, j], $"{family} case {index} hessian[{i},{j}]");
                }
            }
        }

        private static double Ulp(double x)
        {
            long bits = BitConverter.DoubleToInt64Bits(Math.Abs(x));
            return BitConverter.Int64BitsToDouble(bits + 1) - Math.Abs(x);
        }

        /// <summary>Points well inside the support, where every function is smooth in the parameters.</summary>
        private static IEnumerable<double> InteriorPoints(DistributionModel model, double[] theta)
            => new[] { 0.05, 0.3, 0.5, 0.7, 0.95 }.Select(p => model.Quantile(p, theta)).Where(x => model.IsInSupport(x, theta)).Distinct();

        /// <summary>Finite-difference steps: relative for positive parameters and probabilities; for a location, relative to the spread.</summary>
        private static double[] Steps(DistributionModel model, double[] theta)
        {
            double spread = Math.Abs(model.Quantile(0.75, theta) - model.Quantile(0.25, theta));
            return theta.Select((t, i) => model.Parameters[i].Domain switch
            {
                ParameterDomain.Positive => 1e-5 * t,
                ParameterDomain.Probability => 1e-5 * Math.Min(t, 1 - t),
                _ => 1e-5 * (spread > 0 ? spread : Math.Max(Math.Abs(t), 1)),
            }).ToArray();
        }

        private static void CheckDerivatives(DistributionModel model, double[] theta, double[] steps, bool[] smooth, Func<double[], double> g, Action<double[], double[], double[,]> analytic, string what)
        {
            int k = theta.Length;
            if (double.IsInfinity(g(theta)))
            {
                return; // log 0: S(x) = 0 at the top of a bounded support has no derivative
            }

            var gradient = new double[k];
            var hessian = new double[k, k];
            analytic(theta, gradient, hessian);

            double[] GradientAt(double[] t)
            {
                var gt = new double[k];
                analytic(t, gt, new double[k, k]);
                return gt;
            }

            // Central differences at h and h/2 with one Richardson step (error of order h⁴): a plain
            // difference's h² error exceeds the tolerance where the third derivative is large
            // (Binomial with 10^6 trials, Poisson with a mean of 10^6).
            double Richardson(Func<double, double> difference, double h) => (4 * difference(h / 2) - difference(h)) / 3;
            for (int i = 0; i < k; i++)
            {
                if (!smooth[i])
                {
                    continue;
                }

                double[] At(double delta)
                {
                    var t = (double[])theta.Clone();
                    t[i] += delta;
                    return t;
                }

                // The step as represented: at a location of 1e9, theta ± h rounds to a multiple of 1.2e-7.
                double Step(double h) => (At(h)[i] - At(-h)[i]) / 2;
                double numeric = Richardson(h => (g(At(h)) - g(At(-h))) / (2 * Step(h)), steps[i]);

                // Below these floors the difference quotient is rounding error (the functions are
                // good to a few tens of ulps: about 1e-14·|g|/h).
                double floor = 1e-9 * Math.Max(1, Math.Abs(g(theta))) / steps[i];
                Tolerance.Relative(numeric, gradient[i], 2e-5, $"{what}: d/d{model.Parameters[i].Name}", floor: floor);
                for (int j = 0; j < k; j++)
                {
                    if (!smooth[j])
                    {
                        continue;
                    }

                    int column = j;
                    double second = Richardson(h => (GradientAt(At(h))[column] - GradientAt(At(-h))[column]) / (2 * Step(h)), steps[i]);
                    // Where the model itself differentiates numerically (shape parameters), its gradient
                    // carries about 1e-11 of noise, which a second difference divides by h.
                    double floorSecond = 1e-6 * Math.Max(1, Math.Abs(gradient[j])) / steps[i];
                    Tolerance.Relative(second, hessian[j, i], 2e-4, $"{what}: d2/d{model.Parameters[j].Name}d{model.Parameters[i].Name}", floor: floorSecond);
                }
            }
        }

        private static void CheckLog(JsonElement point, string property, double actual, double tolerance, string at)
        {
            if (!point.TryGetProperty(property, out var element))
            {
                return;
            }

            double expected = ModelReference.LogValue(element);
            if (double.IsNegativeInfinity(expected))
            {
                Assert.True(double.IsNegativeInfinity(actual), $"{at}: {property} is {actual:R}, expected -Infinity");
                return;
            }

            // A log near 0 (log S of a point far below the median) is checked in absolute terms.
            Tolerance.Relative(expected, actual, tolerance, $"{at}: {property}", floor: 1);
        }

        private static void CheckProbability(JsonElement point, string property, double actual, double tolerance, string at)
        {
            if (!point.TryGetProperty(property, out var element) || element.ValueKind == JsonValueKind.Null)
            {
                return;
            }

            double expected = element.GetDouble();
            if (expected < 1e-300)
            {
                Assert.True(actual < 1e-299, $"{at}: {property} is {actual:R}, expected {expected:R} (below the normal range)");
                return;
            }

            Tolerance.Relative(expected, actual, tolerance, $"{at}: {property}");
        }
    }
}
