using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using PSEstimation.Models;
using PSEstimation.Tests.Hosting;
using PSEstimation.Tests.Reference;
using Xunit;
using Xunit.Abstractions;

namespace PSEstimation.Tests.Models
{
    /// <summary>
    /// The models of Beta, Uniform, Poisson, Bernoulli, Binomial, Geometric and NegativeBinomial
    /// against tests/reference/models/&lt;Family&gt;.json (mpmath at 50 digits,
    /// tests/reference/models/make_bounded_discrete.py) and the same families' cases of
    /// tests/reference/quantile.json (mpmath, checked with R), plus their edge cases.
    /// </summary>
    public class BoundedDiscreteModelTests
    {
        private static readonly string[] Families = { "Beta", "Uniform", "Poisson", "Bernoulli", "Binomial", "Geometric", "NegativeBinomial" };

        private readonly ITestOutputHelper output;

        public BoundedDiscreteModelTests(ITestOutputHelper output)
        {
            this.output = output;
        }

        public static IEnumerable<object[]> FamilyNames => Families.Select(f => new object[] { f });

        internal static DistributionModel Create(string family, IReadOnlyDictionary<string, double> parameter) => family switch
        {
            "Beta" => new BetaModel(),
            "Uniform" => new UniformModel(),
            "Poisson" => new PoissonModel(),
            "Bernoulli" => new BernoulliModel(),
            "Binomial" => new BinomialModel(parameter["Trials"]),
            "Geometric" => new GeometricModel(),
            "NegativeBinomial" => new NegativeBinomialModel(),
            _ => throw new ArgumentException(family),
        };

        private static JsonElement Load(string family)
        {
            string path = Path.Combine(RepositoryPaths.Reference, "models", family + ".json");
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.Clone();
        }

        private static (DistributionModel Model, double[] Theta) ModelOf(string family, JsonElement parameterElement)
        {
            var parameter = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
            foreach (var p in parameterElement.EnumerateObject())
            {
                parameter[p.Name] = p.Value.GetDouble();
            }

            var model = Create(family, parameter);
            return (model, model.Parameters.Select(s => parameter[s.Name]).ToArray());
        }

        /// <summary>A probability to the family's tolerance wherever it is at least 1e-300; below that only that the model is tiny too.</summary>
        private static void Probability(double expected, double actual, double tol, string what)
        {
            if (expected >= 1e-300)
            {
                Tolerance.Relative(expected, actual, tol, what);
            }
            else
            {
                Assert.True(actual < 1e-290, $"{what}: expected {expected:R} (underflow), got {actual:R}");
            }
        }

        /// <summary>A log probability to 1e-12 relative, 1e-12 absolute near 0; null in the file is -Infinity.</summary>
        private static void LogProbability(JsonElement expected, double actual, string what)
        {
            if (expected.ValueKind == JsonValueKind.Null)
            {
                Assert.True(double.IsNegativeInfinity(actual), $"{what}: expected -Infinity, got {actual:R}");
                return;
            }

            double e = expected.GetDouble();
            Assert.True(Math.Abs(actual - e) <= 1e-12 * Math.Max(1, Math.Abs(e)), $"{what}: expected {e:R}, got {actual:R} (error {Math.Abs(actual - e):G3})");
        }

        private static void Quantile(bool discrete, double expected, double actual, double tol, string what)
        {
            if (!discrete && Math.Abs(expected) < 1e-300)
            {
                // Below the normal range only "tiny" is asked (the issue's accuracy starts at 1e-300).
                Assert.True(Math.Abs(actual) < 1e-300, $"{what}: expected {expected:R} (underflow), got {actual:R}");
            }
            else if (discrete || double.IsInfinity(expected))
            {
                Assert.True(expected == actual, $"{what}: expected {expected:R}, got {actual:R}");
            }
            else
            {
                Tolerance.Relative(expected, actual, tol, what);
            }
        }

        [Theory]
        [MemberData(nameof(FamilyNames))]
        public void Matches_the_mpmath_reference(string family)
        {
            var root = Load(family);
            double tol = root.GetProperty("RelTol").GetDouble();
            foreach (var c in root.GetProperty("Cases").EnumerateArray())
            {
                var (model, theta) = ModelOf(family, c.GetProperty("Parameter"));
                string at = family + "(" + string.Join(", ", theta.Select(t => t.ToString("R"))) + ")";
                foreach (var point in c.GetProperty("Points").EnumerateArray())
                {
                    double x = point.GetProperty("Value").GetDouble();
                    string where = $"{at} at {x:R}";
                    LogProbability(point.GetProperty("LogDensity"), model.LogDensity(x, theta), "LogDensity " + where);
                    Probability(point.GetProperty("Density").GetDouble(), model.Density(x, theta), tol, "Density " + where);
                    LogProbability(point.GetProperty("LogCdf"), model.LogCdf(x, theta), "LogCdf " + where);
                    Probability(point.GetProperty("Cdf").GetDouble(), model.Cdf(x, theta), tol, "Cdf " + where);
                    LogProbability(point.GetProperty("LogSurvival"), model.LogSurvival(x, theta), "LogSurvival " + where);
                    Probability(point.GetProperty("Survival").GetDouble(), model.Survival(x, theta), tol, "Survival " + where);
                }

                foreach (var q in c.GetProperty("Quantiles").EnumerateArray())
                {
                    double p = q.GetProperty("Probability").GetDouble();
                    Quantile(model.IsDiscrete, q.GetProperty("Value").GetDouble(), model.Quantile(p, theta), tol, $"Quantile {at} at {p:R}");
                }

                foreach (var q in c.GetProperty("InverseSurvival").EnumerateArray())
                {
                    double e = q.GetProperty("ExceedanceProbability").GetDouble();
                    Quantile(model.IsDiscrete, q.GetProperty("Value").GetDouble(), model.InverseSurvival(e, theta), tol, $"InverseSurvival {at} at {e:R}");
                }
            }
        }

        public static IEnumerable<object[]> QuantileCases
            => ReferenceData.Ids("quantile", c => Families.Contains(c.GetProperty("Distribution").GetString()));

        /// <summary>tests/reference/quantile.json (mpmath at 50 digits, cross-checked with R 4.2's q/p/d functions).</summary>
        [Theory]
        [MemberData(nameof(QuantileCases))]
        public void Matches_the_acceptance_quantile_cases(string id)
        {
            var c = ReferenceData.Case("quantile", id);
            string family = c.GetProperty("Distribution").GetString()!;
            var (model, theta) = ModelOf(family, c.GetProperty("Parameter"));
            double tol = c.GetProperty("RelTol").GetDouble();
            foreach (var q in c.GetProperty("Quantiles").EnumerateArray())
            {
                double p = q.GetProperty("Probability").GetDouble();
                Quantile(model.IsDiscrete, q.GetProperty("Value").GetDouble(), model.Quantile(p, theta), tol, $"{id} Quantile at {p:R}");
            }

            foreach (var q in c.GetProperty("ExceedanceQuantiles").EnumerateArray())
            {
                double e = q.GetProperty("ExceedanceProbability").GetDouble();
                Quantile(model.IsDiscrete, q.GetProperty("Value").GetDouble(), model.InverseSurvival(e, theta), tol, $"{id} InverseSurvival at {e:R}");
            }

            foreach (var point in c.GetProperty("Probabilities").EnumerateArray())
            {
                double x = point.GetProperty("Value").GetDouble();
                LogProbability(point.GetProperty("LogDensity"), model.LogDensity(x, theta), $"{id} LogDensity at {x:R}");
                Probability(point.GetProperty("Density").GetDouble(), model.Density(x, theta), tol, $"{id} Density at {x:R}");
                Probability(point.GetProperty("Cumulative").GetDouble(), model.Cdf(x, theta), tol, $"{id} Cdf at {x:R}");
                Probability(point.GetProperty("Survival").GetDouble(), model.Survival(x, theta), tol, $"{id} Survival at {x:R}");
                LogProbability(point.GetProperty("LogSurvival"), model.LogSurvival(x, theta), $"{id} LogSurvival at {x:R}");
            }
        }

        /// <summary>
        /// MathNet 5.0's BetaRegularized against the mpmath Beta cases: measured, printed, and the
        /// model required to be at least as accurate everywhere (the model does not call it).
        /// </summary>
        [Fact]
        public void MathNet_BetaRegularized_is_measured_against_mpmath()
        {
            var root = Load("Beta");
            double worstMathNet = 0, worstModel = 0;
            foreach (var c in root.GetProperty("Cases").EnumerateArray())
            {
                var (model, theta) = ModelOf("Beta", c.GetProperty("Parameter"));
                foreach (var point in c.GetProperty("Points").EnumerateArray())
                {
                    double x = point.GetProperty("Value").GetDouble();
                    foreach (var (name, value, mathNet) in new[]
                    {
                        ("Cdf", point.GetProperty("Cdf").GetDouble(), Safe(() => MathNet.Numerics.SpecialFunctions.BetaRegularized(theta[0], theta[1], x))),
                        ("Survival", point.GetProperty("Survival").GetDouble(), Safe(() => 1 - MathNet.Numerics.SpecialFunctions.BetaRegularized(theta[0], theta[1], x))),
                    })
                    {
                        if (!(value >= 1e-300) || !(x > 0 && x < 1))
                        {
                            continue;
                        }

                        double own = name == "Cdf" ? model.Cdf(x, theta) : model.Survival(x, theta);
                        double e1 = Math.Abs(mathNet - value) / value, e2 = Math.Abs(own - value) / value;
                        if (double.IsNaN(e1) || e1 > 1e-12)
                        {
                            output.WriteLine($"Beta({theta[0]}, {theta[1]}) {name} at {x:R}: mpmath {value:R}, MathNet {mathNet:R} (rel {e1:G3}), model {own:R} (rel {e2:G3})");
                        }

                        worstMathNet = Math.Max(worstMathNet, double.IsNaN(e1) ? double.PositiveInfinity : e1);
                        worstModel = Math.Max(worstModel, e2);
                    }
                }
            }

            output.WriteLine($"worst relative error: MathNet {worstMathNet:G3}, model {worstModel:G3}");
            Assert.True(worstModel <= 1e-10);
            Assert.True(worstModel <= worstMathNet);
        }

        private static double Safe(Func<double> f)
        {
            try
            {
                return f();
            }
            catch (Exception)
            {
                return double.NaN;
            }
        }

        public static IEnumerable<object[]> AnalyticDerivativeCases => new[]
        {
            new object[] { "Poisson", new[] { 3.7 }, new double[] { 0, 1, 3, 8, 20 }, 0.0 },
            new object[] { "Geometric", new[] { 0.3 }, new double[] { 0, 1, 4, 15 }, 0.0 },
            new object[] { "Binomial", new[] { 0.35 }, new double[] { 0, 2, 5, 9 }, 12.0 },
            new object[] { "Bernoulli", new[] { 0.35 }, new double[] { 0 }, 0.0 },
            new object[] { "Uniform", new[] { -1.5, 4.0 }, new double[] { -1, 0, 3.5 }, 0.0 },
        };

        /// <summary>The analytic log F and log S derivatives agree with the numerical default (central differences with Richardson).</summary>
        [Theory]
        [MemberData(nameof(AnalyticDerivativeCases))]
        public void Analytic_log_cdf_and_survival_derivatives_match_numerical_ones(string family, double[] theta, double[] xs, double trials)
        {
            var model = Create(family, new Dictionary<string, double> { ["Trials"] = trials });
            int k = theta.Length;
            foreach (double x in xs)
            {
                foreach (bool cdf in new[] { true, false })
                {
                    var g = new double[k];
                    var h = new double[k, k];
                    var gn = new double[k];
                    var hn = new double[k, k];
                    if (cdf)
                    {
                        model.AddLogCdfDerivatives(x, 2.0, theta, g, h);
                        NumericalDerivatives.Add(model, t => model.LogCdf(x, t), 2.0, theta, gn, hn);
                    }
                    else
                    {
                        model.AddLogSurvivalDerivatives(x, 2.0, theta, g, h);
                        NumericalDerivatives.Add(model, t => model.LogSurvival(x, t), 2.0, theta, gn, hn);
                    }

                    for (int i = 0; i < k; i++)
                    {
                        Tolerance.Absolute(gn[i], g[i], 1e-8 * Math.Max(1, Math.Abs(gn[i])), $"{family} {(cdf ? "log F" : "log S")} gradient[{i}] at {x}");
                        for (int j = 0; j < k; j++)
                        {
                            Tolerance.Absolute(hn[i, j], h[i, j], 1e-5 * Math.Max(1, Math.Abs(hn[i, j])), $"{family} {(cdf ? "log F" : "log S")} hessian[{i},{j}] at {x}");
                        }
                    }
                }
            }
        }

        [Theory]
        [MemberData(nameof(FamilyNames))]
        public void Probabilities_zero_and_one_give_the_ends_of_the_support_and_NaN_stays_NaN(string family)
        {
            var (model, theta) = family switch
            {
                "Beta" => ((DistributionModel)new BetaModel(), new[] { 2.0, 3.0 }),
                "Uniform" => (new UniformModel(), new[] { -1.0, 2.0 }),
                "Poisson" => (new PoissonModel(), new[] { 4.0 }),
                "Bernoulli" => (new BernoulliModel(), new[] { 0.4 }),
                "Binomial" => (new BinomialModel(7), new[] { 0.4 }),
                "Geometric" => (new GeometricModel(), new[] { 0.4 }),
                _ => (new NegativeBinomialModel(), new[] { 2.0, 0.4 }),
            };
            double lowest = family == "Beta" ? 0 : family == "Uniform" ? -1 : 0;
            double highest = family switch { "Beta" => 1, "Uniform" => 2, "Bernoulli" => 1, "Binomial" => 7, _ => double.PositiveInfinity };
            Assert.Equal(lowest, model.Quantile(0, theta));
            Assert.Equal(highest, model.Quantile(1, theta));
            Assert.Equal(highest, model.InverseSurvival(0, theta));
            Assert.Equal(lowest, model.InverseSurvival(1, theta));
            Assert.True(double.IsNaN(model.Quantile(double.NaN, theta)));
            Assert.True(double.IsNaN(model.Quantile(1.5, theta)));
            Assert.True(double.IsNaN(model.InverseSurvival(-0.1, theta)));
            Assert.True(double.IsNaN(model.Cdf(double.NaN, theta)));
            Assert.True(double.IsNaN(model.LogSurvival(double.NaN, theta)));
            Assert.Equal(0.0, model.Cdf(lowest - 1, theta));
            Assert.Equal(1.0, model.Survival(lowest - 1, theta));
            Assert.Equal(double.NegativeInfinity, model.LogCdf(lowest - 1, theta));
            if (!double.IsInfinity(highest))
            {
                Assert.Equal(1.0, model.Cdf(highest, theta));
                Assert.Equal(0.0, model.Survival(highest, theta));
                Assert.Equal(double.NegativeInfinity, model.LogSurvival(highest, theta));
            }

            if (model.IsDiscrete)
            {
                // P(X <= floor(x)): a point between counts has the CDF of the count below it.
                Assert.Equal(model.Cdf(1, theta), model.Cdf(1.75, theta));
                Assert.Equal(model.LogSurvival(0, theta), model.LogSurvival(0.5, theta));
            }
        }

        /// <summary>
        /// Every discrete quantile is the smallest support point with F(k) >= p: F(k) >= p > F(k - 1),
        /// checked on a grid of p, also where F(k) is exactly a probability that the search must not step over.
        /// </summary>
        [Theory]
        [InlineData("Poisson", 2.5, 0.0)]
        [InlineData("Geometric", 0.5, 0.0)]
        [InlineData("Binomial", 0.5, 10.0)]
        public void Discrete_quantiles_are_the_smallest_count_with_enough_probability(string family, double parameter, double trials)
        {
            var model = Create(family, new Dictionary<string, double> { ["Trials"] = trials });
            var theta = new[] { parameter };
            foreach (double p in new[] { 1e-300, 1e-20, 0.001, 0.1, 0.25, 0.5, 0.75, 0.9, 0.999, 1 - 1e-12 })
            {
                double k = model.Quantile(p, theta);
                Assert.True(model.Cdf(k, theta) >= p * (1 - 1e-13), $"{family} F({k}) >= {p}");
                Assert.True(k == 0 || model.Cdf(k - 1, theta) < p, $"{family} F({k - 1}) < {p}");
                double j = model.InverseSurvival(p, theta);
                Assert.True(model.Survival(j, theta) <= p * (1 + 1e-13), $"{family} S({j}) <= {p}");
                Assert.True(j == 0 || model.Survival(j - 1, theta) > p, $"{family} S({j - 1}) > {p}");
            }

            // Geometric(1/2): F(k) = 1 - 2^-(k+1) exactly, so p = 0.75 is F(1) itself and the quantile is 1.
            if (family == "Geometric")
            {
                Assert.Equal(1.0, model.Quantile(0.75, theta));
                Assert.Equal(1.0, model.InverseSurvival(0.25, theta));
            }
        }

        [Fact]
        public void Beta_quantiles_keep_their_digits_next_to_0_and_1()
        {
            var model = new BetaModel();
            var theta = new[] { 0.5, 0.5 };
            // Beta(½, ½): F(x) = (2/π) asin √x, so x = sin²(πp/2) ≈ (πp/2)² for tiny p; S symmetric.
            foreach (double p in new[] { 1e-300, 1e-100, 1e-20, 0.3 })
            {
                double expected = Math.Pow(Math.Sin(Math.PI * p / 2), 2);
                Tolerance.Relative(expected, model.Quantile(p, theta), 1e-12, $"Quantile({p})");
                Tolerance.Relative(1 - expected, model.InverseSurvival(p, theta), 1e-12, $"InverseSurvival({p})");
            }

            // Beta(2, 1): F(x) = x², S(x) = 1 - x²: InverseSurvival(q) = √(1 - q) keeps q = 1e-15's digits.
            Tolerance.Relative(Math.Sqrt(1 - 1e-15), new BetaModel().InverseSurvival(1e-15, new[] { 2.0, 1.0 }), 1e-15, "InverseSurvival(1e-15)");
            Tolerance.Relative(1e-150, new BetaModel().Quantile(1e-300, new[] { 2.0, 1.0 }), 1e-13, "Quantile(1e-300)");
        }

        /// <summary>
        /// Beta(0.01, 0.02) puts mass within 1e-100 of 0 and of 1 (so many draws round to 0 or 1 and a
        /// KS check on the doubles means nothing): the draws are never NaN (no 0/0 of two underflowed
        /// Gammas) and the share below 1e-100 and above 1 - 1e-10 matches F and S there.
        /// </summary>
        [Fact]
        public void Beta_samples_with_tiny_shapes_are_finite_and_put_the_right_mass_in_the_tails()
        {
            var model = new BetaModel();
            var theta = new[] { 0.01, 0.02 };
            var draws = new double[20000];
            model.Sample(new RandomSource(7), theta, draws);
            Assert.All(draws, x => Assert.True(x >= 0 && x <= 1));
            double low = draws.Count(x => x < 1e-100) / (double)draws.Length;
            double high = draws.Count(x => x > 1 - 1e-10) / (double)draws.Length;
            double sd = Math.Sqrt(0.25 / draws.Length);
            Assert.True(Math.Abs(low - model.Cdf(1e-100, theta)) < 4 * sd, $"share below 1e-100: {low} vs {model.Cdf(1e-100, theta)}");
            Assert.True(Math.Abs(high - model.Survival(1 - 1e-10, theta)) < 4 * sd, $"share above 1 - 1e-10: {high} vs {model.Survival(1 - 1e-10, theta)}");
        }

        [Fact]
        public void Uniform_with_bounds_near_the_double_range_has_finite_distribution_functions()
        {
            var model = new UniformModel();
            var theta = new[] { -1.5e308, 1.5e308 };
            Tolerance.Relative(0.5, model.Cdf(0, theta), 1e-15, "Cdf(0)");
            Tolerance.Relative(Math.Log(0.5), model.LogSurvival(0, theta), 1e-15, "LogSurvival(0)");
            Tolerance.Relative(1.5e308, model.InverseSurvival(0, theta), 1e-15, "InverseSurvival(0)");
            Tolerance.Relative(-0.75e308, model.Quantile(0.25, theta), 1e-15, "Quantile(0.25)");
        }

        /// <summary>Samples against the CDF by the Kolmogorov-Smirnov statistic, at a fixed seed (the bound is the 0.1% critical value).</summary>
        [Theory]
        [InlineData("Beta", 0.7, 2.5, 0.0)]
        [InlineData("Beta", 0.2, 0.3, 0.0)]
        [InlineData("Uniform", -3.0, 8.0, 0.0)]
        [InlineData("Geometric", 0.05, double.NaN, 0.0)]
        [InlineData("Geometric", 1e-6, double.NaN, 0.0)]
        [InlineData("NegativeBinomial", 2.5, 0.3, 0.0)]
        [InlineData("Poisson", 3.5, double.NaN, 0.0)]
        [InlineData("Binomial", 0.3, double.NaN, 20.0)]
        [InlineData("Bernoulli", 0.3, double.NaN, 0.0)]
        public void Samples_follow_the_distribution(string family, double first, double second, double trials)
        {
            var model = Create(family, new Dictionary<string, double> { ["Trials"] = trials });
            var theta = double.IsNaN(second) ? new[] { first } : new[] { first, second };
            var random = new RandomSource(20261201);
            var draws = new double[4000];
            model.Sample(random, theta, draws);
            Array.Sort(draws);
            double n = draws.Length, d = 0;
            for (int i = 0; i < draws.Length; i++)
            {
                // For a discrete law compare the empirical CDF at each distinct value with F there.
                int j = i;
                while (j + 1 < draws.Length && draws[j + 1] == draws[i])
                {
                    j++;
                }

                double f = model.Cdf(draws[i], theta);
                double below = model.IsDiscrete ? model.Cdf(draws[i] - 1, theta) : f;
                d = Math.Max(d, Math.Max(Math.Abs((j + 1) / n - f), Math.Abs(i / n - below)));
                i = j;
            }

            Assert.True(d < 1.95 / Math.Sqrt(n), $"{family} KS distance {d:G3}");
        }
    }
}
