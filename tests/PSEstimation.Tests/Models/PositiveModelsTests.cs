using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using MathNet.Numerics;
using PSEstimation.Models;
using PSEstimation.Tests.Hosting;
using PSEstimation.Tests.Reference;
using Xunit;
using Xunit.Abstractions;

namespace PSEstimation.Tests.Models
{
    /// <summary>
    /// The positive-support models (LogNormal, Exponential, Gamma, Weibull, Rayleigh, Pareto)
    /// against tests/reference/models/&lt;Family&gt;.json (mpmath at 50 digits,
    /// tests/reference/models/make_positive.py) and the Weibull, Pareto and Rayleigh cases of
    /// tests/reference/quantile.json (mpmath, checked with R); plus the edge cases the shared
    /// conformance theory does not cover.
    /// </summary>
    public sealed class PositiveModelsTests
    {
        private readonly ITestOutputHelper output;

        public PositiveModelsTests(ITestOutputHelper output) => this.output = output;

        public static IEnumerable<object[]> Families()
            => new[] { "LogNormal", "Exponential", "Gamma", "Weibull", "Rayleigh", "Pareto" }.Select(f => new object[] { f });

        internal static DistributionModel ModelFor(string name) => name switch
        {
            "LogNormal" => new LogNormalModel(),
            "Exponential" => new ExponentialModel(),
            "Gamma" => new GammaModel(),
            "Weibull" => new WeibullModel(),
            "Rayleigh" => new RayleighModel(),
            "Pareto" => new ParetoModel(),
            _ => throw new ArgumentException(name),
        };

        private static double[] Theta(DistributionModel model, JsonElement parameter)
        {
            var values = ReferenceData.Numbers(parameter, "Parameter");
            return model.Parameters.Select(p => values[p.Name]).ToArray();
        }

        private static JsonElement ModelFile(string family)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Reference, "models", family + ".json")));
            return document.RootElement.Clone();
        }

        /// <summary>A probability (or density): relative where the reference is at least 1e-300, else below 1e-300.</summary>
        private static void Probability(double expected, double actual, double tolerance, string what)
        {
            if (expected >= 1e-300)
            {
                Tolerance.Relative(expected, actual, tolerance, what);
            }
            else
            {
                Assert.True(actual >= 0 && actual < 1.0001e-300, $"{what}: expected {expected:R} (underflow), got {actual:R}");
            }
        }

        /// <summary>A log probability: null is -Infinity; relative error, absolute 1e-12·tolerance/1e-12 near 0.</summary>
        private static void LogProbability(JsonElement expected, double actual, double tolerance, string what)
        {
            if (expected.ValueKind == JsonValueKind.Null)
            {
                Assert.True(double.IsNegativeInfinity(actual), $"{what}: expected -Infinity, got {actual:R}");
                return;
            }

            Tolerance.Relative(expected.GetDouble(), actual, tolerance, what, floor: 1);
        }

        [Theory]
        [MemberData(nameof(Families))]
        public void MatchesMpmathReference(string family)
        {
            var model = ModelFor(family);
            var file = ModelFile(family);
            Assert.Equal(family, file.GetProperty("Distribution").GetString());
            double tol = file.GetProperty("RelTol").GetDouble();
            int checkedValues = 0;
            foreach (var c in file.GetProperty("Cases").EnumerateArray())
            {
                double[] theta = Theta(model, c);
                string at = family + "(" + string.Join(", ", theta.Select(t => t.ToString("R"))) + ")";
                foreach (var p in c.GetProperty("Points").EnumerateArray())
                {
                    double x = p.GetProperty("Value").GetDouble();
                    string here = $"{at} at x = {x:R}";
                    LogProbability(p.GetProperty("LogDensity"), model.LogDensity(x, theta), tol, "LogDensity " + here);
                    LogProbability(p.GetProperty("LogCdf"), model.LogCdf(x, theta), tol, "LogCdf " + here);
                    LogProbability(p.GetProperty("LogSurvival"), model.LogSurvival(x, theta), tol, "LogSurvival " + here);
                    Probability(p.GetProperty("Density").GetDouble(), model.Density(x, theta), tol, "Density " + here);
                    Probability(p.GetProperty("Cdf").GetDouble(), model.Cdf(x, theta), tol, "Cdf " + here);
                    Probability(p.GetProperty("Survival").GetDouble(), model.Survival(x, theta), tol, "Survival " + here);
                    checkedValues += 6;
                }

                foreach (var q in c.GetProperty("Quantiles").EnumerateArray())
                {
                    double p = q.GetProperty("Probability").GetDouble();
                    Tolerance.Relative(q.GetProperty("Value").GetDouble(), model.Quantile(p, theta), tol, $"Quantile({p:R}) of {at}");
                    checkedValues++;
                }

                foreach (var q in c.GetProperty("InverseSurvival").EnumerateArray())
                {
                    double e = q.GetProperty("ExceedanceProbability").GetDouble();
                    Tolerance.Relative(q.GetProperty("Value").GetDouble(), model.InverseSurvival(e, theta), tol, $"InverseSurvival({e:R}) of {at}");
                    checkedValues++;
                }
            }

            Assert.True(checkedValues > 100, "too few reference values: " + checkedValues);
        }

        public static IEnumerable<object[]> QuantileCases()
            => ReferenceData.Ids("quantile", c => c.GetProperty("Distribution").GetString() is "Weibull" or "Pareto" or "Rayleigh" or "Gamma" or "LogNormal" or "Exponential");

        [Theory]
        [MemberData(nameof(QuantileCases))]
        public void MatchesAcceptanceQuantileCases(string id)
        {
            var c = ReferenceData.Case("quantile", id);
            var model = ModelFor(c.GetProperty("Distribution").GetString()!);
            double[] theta = Theta(model, c);
            double tol = c.GetProperty("RelTol").GetDouble();
            foreach (var q in c.GetProperty("Quantiles").EnumerateArray())
            {
                double p = q.GetProperty("Probability").GetDouble();
                Tolerance.Relative(q.GetProperty("Value").GetDouble(), model.Quantile(p, theta), tol, $"{id} Quantile({p:R})");
            }

            foreach (var q in c.GetProperty("ExceedanceQuantiles").EnumerateArray())
            {
                double e = q.GetProperty("ExceedanceProbability").GetDouble();
                Tolerance.Relative(q.GetProperty("Value").GetDouble(), model.InverseSurvival(e, theta), tol, $"{id} InverseSurvival({e:R})");
            }

            foreach (var p in c.GetProperty("Probabilities").EnumerateArray())
            {
                double x = p.GetProperty("Value").GetDouble();
                LogProbability(p.GetProperty("LogDensity"), model.LogDensity(x, theta), tol, $"{id} LogDensity({x:R})");
                LogProbability(p.GetProperty("LogSurvival"), model.LogSurvival(x, theta), tol, $"{id} LogSurvival({x:R})");
                Probability(p.GetProperty("Density").GetDouble(), model.Density(x, theta), tol, $"{id} Density({x:R})");
                Probability(p.GetProperty("Cumulative").GetDouble(), model.Cdf(x, theta), tol, $"{id} Cdf({x:R})");
                Probability(p.GetProperty("Survival").GetDouble(), model.Survival(x, theta), tol, $"{id} Survival({x:R})");
            }
        }

        public static IEnumerable<object[]> TypicalParameters() => new[]
        {
            new object[] { "LogNormal", new[] { 0.3, 1.2 } },
            new object[] { "Exponential", new[] { 0.7 } },
            new object[] { "Gamma", new[] { 2.5, 0.5 } },
            new object[] { "Weibull", new[] { 1.5, 10.0 } },
            new object[] { "Rayleigh", new[] { 2.0 } },
            new object[] { "Pareto", new[] { 100.0, 3.5 } },
        };

        /// <summary>p = 0 and 1 give the ends of the support; q likewise; NaN and p outside [0, 1] give NaN.</summary>
        [Theory]
        [MemberData(nameof(TypicalParameters))]
        public void QuantileEndsAndInvalidProbabilities(string family, double[] theta)
        {
            var model = ModelFor(family);
            double lowerEnd = family == "Pareto" ? theta[0] : 0;
            Assert.Equal(lowerEnd, model.Quantile(0, theta));
            Assert.Equal(double.PositiveInfinity, model.Quantile(1, theta));
            Assert.Equal(double.PositiveInfinity, model.InverseSurvival(0, theta));
            Assert.Equal(lowerEnd, model.InverseSurvival(1, theta));
            foreach (double bad in new[] { double.NaN, -1e-300, 1.0000000000000002, double.PositiveInfinity })
            {
                Assert.True(double.IsNaN(model.Quantile(bad, theta)), $"Quantile({bad:R})");
                Assert.True(double.IsNaN(model.InverseSurvival(bad, theta)), $"InverseSurvival({bad:R})");
            }
        }

        /// <summary>At and below the lower end of the support F = 0 and S = 1; at +Infinity F = 1 and S = 0; NaN stays NaN.</summary>
        [Theory]
        [MemberData(nameof(TypicalParameters))]
        public void SupportEndsAndNaN(string family, double[] theta)
        {
            var model = ModelFor(family);
            double lowerEnd = family == "Pareto" ? theta[0] : 0;
            foreach (double x in new[] { lowerEnd, lowerEnd - 1, double.NegativeInfinity })
            {
                Assert.Equal(0.0, model.Cdf(x, theta));
                Assert.Equal(double.NegativeInfinity, model.LogCdf(x, theta));
                Assert.Equal(1.0, model.Survival(x, theta));
                Assert.Equal(0.0, model.LogSurvival(x, theta));
            }

            Assert.Equal(1.0, model.Cdf(double.PositiveInfinity, theta));
            Assert.Equal(0.0, model.LogCdf(double.PositiveInfinity, theta));
            Assert.Equal(0.0, model.Survival(double.PositiveInfinity, theta));
            Assert.Equal(double.NegativeInfinity, model.LogSurvival(double.PositiveInfinity, theta));
            Assert.Equal(0.0, model.Density(double.PositiveInfinity, theta));
            Assert.True(double.IsNaN(model.Cdf(double.NaN, theta)));
            Assert.True(double.IsNaN(model.LogCdf(double.NaN, theta)));
            Assert.True(double.IsNaN(model.Survival(double.NaN, theta)));
            Assert.True(double.IsNaN(model.LogSurvival(double.NaN, theta)));
        }

        /// <summary>Quantile(Cdf(x)) = x and InverseSurvival(Survival(x)) = x across both tails.</summary>
        [Theory]
        [MemberData(nameof(TypicalParameters))]
        public void QuantilesInvertTheDistributionFunctions(string family, double[] theta)
        {
            var model = ModelFor(family);
            foreach (double p in new[] { 1e-300, 1e-30, 1e-8, 0.05, 0.5, 0.95 })
            {
                // Allowed: 1e-13 times the condition number x·f(x)/F(x) (the rounding of x itself) plus log F's own ulps.
                double x = model.Quantile(p, theta);
                if (model.Cdf(x, theta) > 0)
                {
                    double condition = Math.Abs(x * model.Density(x, theta) / p);
                    Tolerance.Relative(p, model.Cdf(x, theta), 1e-13 * (condition + Math.Max(1, Math.Abs(Math.Log(p)))), $"{family} Cdf(Quantile({p:R}))");
                }

                double y = model.InverseSurvival(p, theta);
                double upperCondition = Math.Abs(y * model.Density(y, theta) / p);
                Tolerance.Relative(p, model.Survival(y, theta), 1e-13 * (upperCondition + Math.Max(1, Math.Abs(Math.Log(p)))), $"{family} Survival(InverseSurvival({p:R}))");
            }
        }

        /// <summary>The analytic derivatives of log F and log S against central differences of LogCdf and LogSurvival.</summary>
        [Theory]
        [MemberData(nameof(TypicalParameters))]
        public void CensoringDerivativesMatchFiniteDifferences(string family, double[] theta)
        {
            var model = ModelFor(family);
            // Pareto's lowest point stays 1e-3 relative above Scale, beyond the difference step.
            foreach (double p in family == "Pareto" ? new[] { 0.01, 0.2, 0.5, 0.9, 1 - 1e-6 } : new[] { 1e-6, 0.2, 0.5, 0.9, 1 - 1e-6 })
            {
                double x = model.Quantile(p, theta);
                Check((y, t) => model.LogCdf(y, t), (g, h) => model.AddLogCdfDerivatives(x, 1, theta, g, h), "log F");
                Check((y, t) => model.LogSurvival(y, t), (g, h) => model.AddLogSurvivalDerivatives(x, 1, theta, g, h), "log S");

                void Check(Func<double, double[], double> f, Action<double[], double[,]> add, string what)
                {
                    int k = theta.Length;
                    var gradient = new double[k];
                    var hessian = new double[k, k];
                    add(gradient, hessian);
                    for (int i = 0; i < k; i++)
                    {
                        double h = 1e-6 * Math.Abs(theta[i]);
                        double[] plus = (double[])theta.Clone(), minus = (double[])theta.Clone();
                        plus[i] += h;
                        minus[i] -= h;
                        double fd = (f(x, plus) - f(x, minus)) / (2 * h);
                        Tolerance.Relative(fd, gradient[i], 1e-5, $"{family} ∂{what}/∂θ{i} at x = {x:R}", floor: 1e-6 / Math.Abs(theta[i]));
                        var gp = new double[k];
                        var gm = new double[k];
                        AddAt(plus, gp);
                        AddAt(minus, gm);
                        for (int j = 0; j < k; j++)
                        {
                            double fd2 = (gp[j] - gm[j]) / (2 * h);
                            Tolerance.Relative(fd2, hessian[i, j], 1e-4, $"{family} ∂²{what}/∂θ{i}∂θ{j} at x = {x:R}", floor: 1e-6 / (Math.Abs(theta[i]) * Math.Abs(theta[j])));
                        }
                    }

                    void AddAt(double[] t, double[] g)
                    {
                        if (what == "log F")
                        {
                            model.AddLogCdfDerivatives(x, 1, t, g, null);
                        }
                        else
                        {
                            model.AddLogSurvivalDerivatives(x, 1, t, g, null);
                        }
                    }
                }
            }
        }

        /// <summary>Draws at a fixed seed against the CDF: the Kolmogorov-Smirnov statistic of 20000 draws below its 0.1 % point.</summary>
        [Theory]
        [MemberData(nameof(TypicalParameters))]
        public void SamplesFollowTheCdf(string family, double[] theta)
        {
            var model = ModelFor(family);
            var random = new RandomSource(20261201);
            var draws = new double[20000];
            model.Sample(random, theta, draws);
            Array.Sort(draws);
            double d = 0;
            for (int i = 0; i < draws.Length; i++)
            {
                double f = model.Cdf(draws[i], theta);
                d = Math.Max(d, Math.Max((i + 1.0) / draws.Length - f, f - (double)i / draws.Length));
            }

            Assert.True(d < 1.95 / Math.Sqrt(draws.Length), $"{family}: KS statistic {d:G4}");
        }

        /// <summary>Tiny and huge Gamma shapes: the quantile still inverts the CDF in both tails.</summary>
        [Theory]
        [InlineData(1e-3, 1.0)]
        [InlineData(0.05, 2.0)]
        [InlineData(1e3, 3.0)]
        [InlineData(1e7, 1e7)]
        public void GammaQuantileInvertsForExtremeShapes(double shape, double rate)
        {
            var model = new GammaModel();
            double[] theta = { shape, rate };
            foreach (double p in new[] { 1e-300, 1e-50, 1e-10, 0.3, 0.5 })
            {
                double x = model.Quantile(p, theta);
                if (x == 0)
                {
                    // The quantile is below the smallest double: P ≈ yᵃ/Γ(a + 1) gives log y far below -745.
                    Assert.True((Math.Log(p) + SpecialFunctions.GammaLn(shape + 1)) / shape < -744, $"Gamma({shape}, {rate}) Quantile({p:R}) = 0");
                    continue;
                }

                Tolerance.Relative(Math.Log(p), model.LogCdf(x, theta), 1e-12, $"Gamma({shape}, {rate}) log F(Quantile({p:R}))");
                double y = model.InverseSurvival(p, theta);
                Tolerance.Relative(Math.Log(p), model.LogSurvival(y, theta), 1e-12, $"Gamma({shape}, {rate}) log S(InverseSurvival({p:R}))");
            }
        }

        /// <summary>
        /// What MathNet 5.0 gives where the model does not use it: P(a, x) and Q(a, x) at huge
        /// shapes and far tails, and its inverse near 0 and 1, against mpmath 1.2.1 at 50 digits
        /// (mp.gammainc(a, 0, x, regularized=True) and its upper counterpart). The model must meet
        /// 1e-10; MathNet's errors are printed for the record.
        /// </summary>
        [Theory]
        [InlineData(1e5, 1e5, 0.5004205221103651, 0.4995794778896348)]
        [InlineData(1e5, 1.01e5, 0.9991915784870744, 0.0008084215129255907)]
        [InlineData(2.5, 200.0, 1.0, 2.9666446590828848e-84)]
        [InlineData(0.05, 1e-20, 0.10272168652716762, 0.8972783134728324)]
        [InlineData(1e-3, 2.0, 0.999951023082169, 4.897691783098148e-05)]
        public void IncompleteGammaAgainstMpmath(double a, double x, double lower, double upper)
        {
            var model = new GammaModel();
            double[] theta = { a, 1 };
            double ours = model.Cdf(x, theta), oursUpper = model.Survival(x, theta);
            double mathNet = SpecialFunctions.GammaLowerRegularized(a, x), mathNetUpper = SpecialFunctions.GammaUpperRegularized(a, x);
            output.WriteLine($"P({a}, {x}): model rel. error {Math.Abs(ours - lower) / lower:G3}, MathNet {Math.Abs(mathNet - lower) / lower:G3}");
            output.WriteLine($"Q({a}, {x}): model rel. error {Math.Abs(oursUpper - upper) / upper:G3}, MathNet {Math.Abs(mathNetUpper - upper) / upper:G3}");
            Tolerance.Relative(lower, ours, 1e-10, $"P({a}, {x})");
            Tolerance.Relative(upper, oursUpper, 1e-10, $"Q({a}, {x})");
        }
    }
}
