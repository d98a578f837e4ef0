using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using PSEstimation.Models;
using PSEstimation.Tests.Hosting;
using Xunit;

namespace PSEstimation.Tests.Models
{
    /// <summary>
    /// The location-scale models against tests/reference/models/{Normal,Laplace,Logistic,Cauchy}.json
    /// (mpmath at 50 digits, tests/reference/models/make_locationscale.py): every point's density,
    /// CDF, survival and their logs, every quantile and inverse survival, at the file's RelTol
    /// (1e-12). A local check until the shared conformance theory reads the same files; every
    /// mismatch of a family is listed at once.
    /// </summary>
    public class LocationScaleReferenceTests
    {
        internal static DistributionModel ModelFor(string name) => name switch
        {
            "Normal" => new NormalModel(),
            "Laplace" => new LaplaceModel(),
            "Logistic" => new LogisticModel(),
            "Cauchy" => new CauchyModel(),
            _ => throw new ArgumentException(name),
        };

        [Theory]
        [InlineData("Normal")]
        [InlineData("Laplace")]
        [InlineData("Logistic")]
        [InlineData("Cauchy")]
        public void Model_matches_its_reference_file(string name)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Reference, "models", name + ".json")));
            var root = document.RootElement;
            Assert.Equal(name, root.GetProperty("Distribution").GetString());
            double tol = root.GetProperty("RelTol").GetDouble();
            var model = ModelFor(name);
            var failures = new List<string>();
            int checks = 0;
            foreach (var testCase in root.GetProperty("Cases").EnumerateArray())
            {
                var parameter = testCase.GetProperty("Parameter");
                var theta = model.Parameters.Select(p => parameter.GetProperty(p.Name).GetDouble()).ToArray();
                string at = string.Join(", ", theta.Select(t => t.ToString("R", CultureInfo.InvariantCulture)));
                foreach (var point in testCase.GetProperty("Points").EnumerateArray())
                {
                    double x = point.GetProperty("Value").GetDouble();
                    string where = $"{name}({at}) at x = {x.ToString("R", CultureInfo.InvariantCulture)}";
                    Probability(failures, where + " Density", point, "Density", model.Density(x, theta), tol);
                    Probability(failures, where + " Cdf", point, "Cdf", model.Cdf(x, theta), tol);
                    Probability(failures, where + " Survival", point, "Survival", model.Survival(x, theta), tol);
                    Log(failures, where + " LogDensity", point, "LogDensity", model.LogDensity(x, theta), tol);
                    Log(failures, where + " LogCdf", point, "LogCdf", model.LogCdf(x, theta), tol);
                    Log(failures, where + " LogSurvival", point, "LogSurvival", model.LogSurvival(x, theta), tol);
                    checks += 6;
                }

                foreach (var quantile in testCase.GetProperty("Quantiles").EnumerateArray())
                {
                    double p = quantile.GetProperty("Probability").GetDouble();
                    Close(failures, $"{name}({at}) Quantile({p.ToString("R", CultureInfo.InvariantCulture)})", quantile.GetProperty("Value").GetDouble(), model.Quantile(p, theta), tol);
                    checks++;
                }

                foreach (var quantile in testCase.GetProperty("InverseSurvival").EnumerateArray())
                {
                    double q = quantile.GetProperty("ExceedanceProbability").GetDouble();
                    Close(failures, $"{name}({at}) InverseSurvival({q.ToString("R", CultureInfo.InvariantCulture)})", quantile.GetProperty("Value").GetDouble(), model.InverseSurvival(q, theta), tol);
                    checks++;
                }
            }

            Assert.True(checks > 100, $"only {checks} checks read");
            Assert.True(failures.Count == 0, $"{failures.Count} of {checks} checks failed:\n" + string.Join("\n", failures));
        }

        /// <summary>A probability: relative error where the reference is at least 1e-300, else at most 1e-300 itself.</summary>
        private static void Probability(List<string> failures, string what, JsonElement point, string property, double actual, double tol)
        {
            double expected = point.GetProperty(property).GetDouble();
            bool ok = expected >= 1e-300 ? Math.Abs(actual - expected) <= tol * expected : actual >= 0 && actual < 2e-300;
            if (!ok)
            {
                failures.Add(Describe(what, expected, actual));
            }
        }

        /// <summary>A logarithm: null is -Infinity; else relative error, absolute (1e-12) near 0.</summary>
        private static void Log(List<string> failures, string what, JsonElement point, string property, double actual, double tol)
        {
            var element = point.GetProperty(property);
            if (element.ValueKind == JsonValueKind.Null)
            {
                if (!double.IsNegativeInfinity(actual))
                {
                    failures.Add(what + ": expected -Infinity, got " + actual.ToString("R", CultureInfo.InvariantCulture));
                }

                return;
            }

            double expected = element.GetDouble();
            if (!(Math.Abs(actual - expected) <= tol * Math.Max(Math.Abs(expected), 1)))
            {
                failures.Add(Describe(what, expected, actual));
            }
        }

        private static void Close(List<string> failures, string what, double expected, double actual, double tol)
        {
            if (!(Math.Abs(actual - expected) <= tol * Math.Abs(expected)))
            {
                failures.Add(Describe(what, expected, actual));
            }
        }

        private static string Describe(string what, double expected, double actual)
            => string.Format(CultureInfo.InvariantCulture, "{0}: expected {1:R}, got {2:R} (relative {3:E2})", what, expected, actual, Math.Abs(actual - expected) / Math.Abs(expected));
    }
}
