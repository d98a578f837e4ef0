using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using PSEstimation.Distributions;
using PSEstimation.Estimation;
using PSEstimation.Models;
using PSEstimation.Regression;
using PSEstimation.Tests.Hosting;
using Xunit;

namespace PSEstimation.Tests.Regression
{
    /// <summary>
    /// -IntervalMethod Profile and Bootstrap of regression coefficients through the core (issue 18
    /// for the models of issue 17). Profile bounds against tests/reference/regression_intervals.json
    /// (R 4.2.2: uniroot on twice the drop of the profile log-likelihood, inner maxima by glm.fit
    /// with the held coefficient as an offset; tools/make_regression_intervals_reference.R) and,
    /// for Normal least squares, against the closed form derived below.
    /// </summary>
    public class RegressionIntervalTests
    {
        private static readonly Lazy<JsonDocument> Document = new Lazy<JsonDocument>(
            () => JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Reference, "regression_intervals.json"))));

        private static JsonElement Case(string id)
            => Document.Value.RootElement.GetProperty("Cases").EnumerateArray().First(c => c.GetProperty("Id").GetString() == id);

        /// <summary>A case's rows as a problem, read as the regression references are (strings are categorical levels).</summary>
        private static RegressionProblem Problem(JsonElement c) => RegressionReference.Problem(c);

        private static RegressionEstimate Profile(RegressionProblem problem, out RegressionFit fit)
        {
            fit = new RegressionFitter().Fit(problem, null);
            var estimate = RegressionEstimator.Shape(problem, fit, 0.95, "y", Array.Empty<string>());
            RegressionIntervals.ApplyProfile(estimate, problem, fit, null, CancellationToken.None);
            return estimate;
        }

        [Theory]
        [InlineData("dobson_poisson")]
        [InlineData("mtcars_bernoulli")]
        public void Profile_intervals_match_R(string id)
        {
            var c = Case(id);
            var estimate = Profile(Problem(c), out _);
            Assert.Equal("Profile", estimate.IntervalMethod);
            var expected = c.GetProperty("Coefficients").EnumerateArray().ToArray();
            Assert.Equal(expected.Select(e => e.GetProperty("Name").GetString()), estimate.Coefficients.Select(k => k.Name));
            for (int j = 0; j < expected.Length; j++)
            {
                var k = estimate.Coefficients[j];
                // Dobson's treatment coefficients are 0 (R prints 1e-16): compare values on the scale of their standard error.
                Assert.True(Math.Abs(k.Value - expected[j].GetProperty("Value").GetDouble()) <= 1e-8 * Math.Max(Math.Abs(k.Value), k.StandardError!.Value), $"{id} {k.Name} value");
                RegressionReferenceTests.Close(expected[j].GetProperty("ProfileLower").GetDouble(), k.Lower!.Value, 1e-6, $"{id} {k.Name} profile lower");
                RegressionReferenceTests.Close(expected[j].GetProperty("ProfileUpper").GetDouble(), k.Upper!.Value, 1e-6, $"{id} {k.Name} profile upper");

                // R's confint() (MASS: a spline through a grid of the profile) agrees to its own accuracy.
                RegressionReferenceTests.Close(expected[j].GetProperty("ConfintMASSLower").GetDouble(), k.Lower!.Value, 1e-3, $"{id} {k.Name} confint lower");
                RegressionReferenceTests.Close(expected[j].GetProperty("ConfintMASSUpper").GetDouble(), k.Upper!.Value, 1e-3, $"{id} {k.Name} confint upper");
                Assert.Null(k.IntervalNote);
            }

            RegressionReferenceTests.Close(c.GetProperty("LogLikelihood").GetDouble(), estimate.LogLikelihood, 1e-10, id + " log-likelihood");
        }

        /// <summary>
        /// Normal least squares with the variance estimated. With β_j held at b the other
        /// coefficients and the variance are re-fitted, and RSS(b) = RSS + (b - β̂_j)² / [(X'X)⁻¹]_jj,
        /// so ℓp(b) = -n/2 (log(2π RSS(b)/n) + 1) and twice the drop is n log(RSS(b)/RSS). The bounds
        /// are β̂_j ± sqrt(RSS (e^{c/n} - 1) [(X'X)⁻¹]_jj), c = χ²₁(0.95). For the variance, the
        /// profile keeps β̂ and twice the drop is n (log r + 1/r - 1), r = σ²/σ̂²: its two roots by bisection.
        /// Data: stackloss (R datasets) as in regression.json's stackloss case, fitted by least squares here.
        /// </summary>
        [Fact]
        public void Normal_least_squares_profile_intervals_are_the_closed_form()
        {
            var stack = RegressionReference.Case("stackloss_laplace");
            string[] predictors = stack.GetProperty("Predictor").EnumerateArray().Select(e => e.GetString()!).ToArray();
            var rows = stack.GetProperty("Rows").EnumerateArray().ToArray();
            int n = rows.Length, p = predictors.Length + 1;
            var x = Matrix<double>.Build.Dense(n, p, (i, j) => j == 0 ? 1 : rows[i].GetProperty(predictors[j - 1]).GetDouble());
            var y = Vector<double>.Build.Dense(n, i => rows[i].GetProperty(stack.GetProperty("Response").GetString()!).GetDouble());
            var xtxInverse = (x.TransposeThisAndMultiply(x)).Inverse();
            var beta = xtxInverse * x.TransposeThisAndMultiply(y);
            double rss = (y - x * beta).DotProduct(y - x * beta);
            double c = ChiSquared.InvCDF(1, 0.95);

            var problem = RegressionReference.Problem(stack);
            problem = new RegressionProblem(DistributionFamilies.CreateModel(DistributionName.Normal, new Dictionary<string, double>()), LinkedParameter.For(DistributionName.Normal)!, problem.Design, problem.Observations, new double?[2]);
            var estimate = Profile(problem, out _);
            for (int j = 0; j < p; j++)
            {
                double half = Math.Sqrt(rss * (Math.Exp(c / n) - 1) * xtxInverse[j, j]);
                RegressionReferenceTests.Close(beta[j] - half, estimate.Coefficients[j].Lower!.Value, 1e-6, $"coefficient {j} lower");
                RegressionReferenceTests.Close(beta[j] + half, estimate.Coefficients[j].Upper!.Value, 1e-6, $"coefficient {j} upper");
            }

            double sigma2 = rss / n;
            double Root(double lo, double hi)
            {
                double f(double r) => n * (Math.Log(r) + 1 / r - 1) - c;
                for (int i = 0; i < 200; i++)
                {
                    double mid = 0.5 * (lo + hi);
                    if (Math.Sign(f(mid)) == Math.Sign(f(lo)))
                    {
                        lo = mid;
                    }
                    else
                    {
                        hi = mid;
                    }
                }

                return 0.5 * (lo + hi);
            }

            var variance = estimate.Parameters.Single(e => e.Name == "Variance");
            RegressionReferenceTests.Close(sigma2 * Root(1e-3, 1), variance.Lower!.Value, 1e-6, "variance lower");
            RegressionReferenceTests.Close(sigma2 * Root(1, 100), variance.Upper!.Value, 1e-6, "variance upper");
        }

        [Fact]
        public void Profile_of_an_intercept_only_model_holds_everything()
        {
            // Poisson with an intercept only: holding it leaves nothing to fit; the profile of
            // log λ is that of the Poisson mean: n (λ - ȳ log λ) rises by c/2 (root by bisection here).
            var model = DistributionFamilies.CreateModel(DistributionName.Poisson, new Dictionary<string, double>());
            double[] counts = { 2, 5, 3, 0, 4, 1, 6, 3 };
            var column = new List<PredictorColumn>();
            var observations = counts.Select((v, i) => new Observation(v, v, 1, i)).ToArray();
            var problem = new RegressionProblem(model, LinkedParameter.For(DistributionName.Poisson)!, DesignMatrix.Build(column, counts.Length, true), observations, new double?[1]);
            var estimate = Profile(problem, out _);
            double n = counts.Length, mean = counts.Average(), c = ChiSquared.InvCDF(1, 0.95);
            double Drop(double b) => 2 * n * (Math.Exp(b) - mean * b - (mean - mean * Math.Log(mean))) - c;
            double Bisect(double lo, double hi)
            {
                for (int i = 0; i < 200; i++)
                {
                    double mid = 0.5 * (lo + hi);
                    if (Math.Sign(Drop(mid)) == Math.Sign(Drop(lo)))
                    {
                        lo = mid;
                    }
                    else
                    {
                        hi = mid;
                    }
                }

                return 0.5 * (lo + hi);
            }

            RegressionReferenceTests.Close(Bisect(Math.Log(mean) - 3, Math.Log(mean)), estimate.Coefficients[0].Lower!.Value, 1e-8, "lower");
            RegressionReferenceTests.Close(Bisect(Math.Log(mean), Math.Log(mean) + 3), estimate.Coefficients[0].Upper!.Value, 1e-8, "upper");
        }

        /// <summary>A Poisson regression of <paramref name="n"/> rows simulated at a fixed seed: log μ = 0.5 + 0.8 x, x uniform on (0, 1).</summary>
        private static RegressionProblem SimulatedPoisson(int n, long seed)
        {
            var model = DistributionFamilies.CreateModel(DistributionName.Poisson, new Dictionary<string, double>());
            var random = new RandomSource(seed);
            var column = new PredictorColumn("x");
            var observations = new Observation[n];
            for (int i = 0; i < n; i++)
            {
                double x = random.NextDouble();
                column.AddNumber(x, null);
                double y = model.Sample(random, new[] { Math.Exp(0.5 + 0.8 * x) });
                observations[i] = new Observation(y, y, 1, i);
            }

            return new RegressionProblem(model, LinkedParameter.For(DistributionName.Poisson)!, DesignMatrix.Build(new[] { column }, n, true), observations, new double?[1]);
        }

        [Fact]
        public void Bootstrap_is_reproducible_to_the_bit_on_any_core_count()
        {
            var problem = SimulatedPoisson(200, 5);
            var fit = new RegressionFitter().Fit(problem, null);
            var one = RegressionBootstrap.Run(problem, fit.V, null, 60, new RandomSource(42), 1, CancellationToken.None);
            var many = RegressionBootstrap.Run(problem, fit.V, null, 60, new RandomSource(42), -1, CancellationToken.None);
            var other = RegressionBootstrap.Run(problem, fit.V, null, 60, new RandomSource(43), -1, CancellationToken.None);
            Assert.Equal(0, one.Failures);
            for (int b = 0; b < 60; b++)
            {
                Assert.Equal(one.Thetas[b], many.Thetas[b]);
            }

            Assert.NotEqual(one.Thetas[0]![0], other.Thetas[0]![0]);
        }

        [Fact]
        public void Bootstrap_percentiles_agree_with_the_profile_interval_on_a_large_sample()
        {
            // n = 3000: the percentile and profile intervals both approach β̂ ± 1.96 SE; the Monte-Carlo
            // error of a 2.5% point of 999 replicates is about 0.085 SE, so 0.35 SE is four of them.
            var problem = SimulatedPoisson(3000, 9);
            var estimate = Profile(problem, out var fit);
            var replicates = RegressionBootstrap.Run(problem, fit.V, null, 999, new RandomSource(7), -1, CancellationToken.None);
            var boot = RegressionEstimator.Shape(problem, fit, 0.95, "y", Array.Empty<string>());
            RegressionIntervals.ApplyBootstrap(boot, problem, replicates);
            Assert.Equal("Bootstrap", boot.IntervalMethod);
            Assert.Equal(999, boot.Simulations);
            Assert.Equal(0, boot.BootstrapFailures);
            for (int j = 0; j < 2; j++)
            {
                double se = estimate.Coefficients[j].StandardError!.Value;
                Assert.True(Math.Abs(boot.Coefficients[j].Lower!.Value - estimate.Coefficients[j].Lower!.Value) < 0.35 * se, $"lower {j}: {boot.Coefficients[j].Lower} vs {estimate.Coefficients[j].Lower}");
                Assert.True(Math.Abs(boot.Coefficients[j].Upper!.Value - estimate.Coefficients[j].Upper!.Value) < 0.35 * se, $"upper {j}: {boot.Coefficients[j].Upper} vs {estimate.Coefficients[j].Upper}");
            }
        }

        [Fact]
        public void Bootstrap_censors_simulated_responses_by_the_same_limit()
        {
            // Weibull times censored at 2: every replicate's responses at or past 2 become "at least 2",
            // so a replicate's fit sees censored rows (the fitted Shape stays finite and near the data's).
            var model = DistributionFamilies.CreateModel(DistributionName.Weibull, new Dictionary<string, double>());
            var family = DistributionFamilies.Create(DistributionName.Weibull, new Dictionary<string, double>());
            var rule = CensoringRule.Create(family, new double?[2], 2, null);
            var random = new RandomSource(3);
            var column = new PredictorColumn("x");
            var observations = new Observation[150];
            for (int i = 0; i < observations.Length; i++)
            {
                double x = random.NextDouble();
                column.AddNumber(x, null);
                double t = model.Sample(random, new[] { 1.5, Math.Exp(0.2 + 0.5 * x) });
                observations[i] = rule.TryCensor(t, 1, out var censored) ? new Observation(censored.Lower, censored.Upper, 1, i) : new Observation(t, t, 1, i);
            }

            var problem = new RegressionProblem(model, LinkedParameter.For(DistributionName.Weibull)!, DesignMatrix.Build(new[] { column }, observations.Length, true), observations, new double?[2]);
            Assert.True(problem.CensoredCount > 10);
            var fit = new RegressionFitter().Fit(problem, null);
            var replicates = RegressionBootstrap.Run(problem, fit.V, rule, 40, new RandomSource(1), -1, CancellationToken.None);
            Assert.Equal(0, replicates.Failures);
            var interval = replicates.Percentile(v => v[2], 0.9)!.Value;
            Assert.True(interval.Lower < fit.V[2] && fit.V[2] < interval.Upper);

            var bounds = CensoringRule.Create(family, new double?[2], null, null);
            Assert.Throws<EstimationException>(() => RegressionBootstrap.Run(problem, fit.V, bounds, 10, new RandomSource(1), -1, CancellationToken.None));
        }

        [Fact]
        public void Replicate_runner_stores_each_replicate_at_its_index_whatever_the_threads()
        {
            var stream = new RandomSource(123);
            var serial = ReplicateRunner.Run(500, stream, 1, CancellationToken.None, () => 0, (random, _) => random.NextDouble());
            var parallel = ReplicateRunner.Run(500, stream, -1, CancellationToken.None, () => 0, (random, _) => random.NextDouble());
            Assert.Equal(serial, parallel);
            Assert.Equal(stream.ForWorkItem(17).NextDouble(), serial[17]);
        }
    }
}
