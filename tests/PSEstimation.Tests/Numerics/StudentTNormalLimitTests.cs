using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using PSEstimation.Distributions;
using PSEstimation.Tests.Hosting;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Numerics
{
    /// <summary>
    /// Student t fits whose likelihood rises toward the Normal limit (DegreesOfFreedom → ∞): R's
    /// faithful, precip, Nile, geyser, accdeaths, quakes$depth. The supremum is the Normal fit;
    /// the fit must report a point within 1e-9 of its log-likelihood (at 10^6 it was 3.7e-6 to
    /// 4.0e-4 below). References: StudentTNormalLimit.R beside this file (R 4.2: the Normal MLE, and
    /// the t profile log-likelihood by optim at df = 10^2 … 10^6, increasing on every set), its output
    /// in StudentTNormalLimit.reference.csv and StudentTNormalLimit.values.csv.
    /// </summary>
    public class StudentTNormalLimitTests
    {
        private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "tests", "PSEstimation.Tests", "Numerics");

        private static readonly Lazy<Dictionary<string, Dictionary<string, string>>> References = new(ReadReferences);

        private static readonly Lazy<Dictionary<string, double[]>> Values = new(ReadValues);

        public static TheoryData<string> Sets()
        {
            var data = new TheoryData<string>();
            foreach (string set in new[] { "faithful_eruptions", "faithful_waiting", "precip", "Nile", "geyser_waiting", "geyser_duration", "accdeaths", "quakes_depth" })
            {
                data.Add(set);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Sets))]
        public void R_says_the_profile_increases_toward_the_Normal_fit(string set)
        {
            var r = References.Value[set];
            Assert.Equal("TRUE", r["profile_increasing"]);
            Assert.Equal(int.Parse(r["n"], CultureInfo.InvariantCulture), Values.Value[set].Length);

            // The deficit at df falls as n(3 - κ)/(4 df), not n/df²: R's deficit at 10^6 agrees with it to 1e-5 relative.
            Tolerance.Relative(Number(r, "first_order_deficit_1e6"), Number(r, "deficit_1e6"), 1e-4, set + " deficit at 1e6");
        }

        [Theory]
        [MemberData(nameof(Sets))]
        public void The_fit_is_the_Normal_limit_to_within_1e_9_in_log_likelihood(string set)
        {
            var r = References.Value[set];
            double mean = Number(r, "mean"), sd = Number(r, "sd"), logLik = Number(r, "loglik");
            double n = Values.Value[set].Length;
            var fit = CoreFit.Fit(new StudentTFamily(), Values.Value[set]);

            Assert.True(fit.Converged);
            Assert.Equal(StudentTFamily.DegreesOfFreedomCap, fit.Parameters[2].Value);
            Assert.Contains("Normal limit", fit.Method);
            Assert.True(logLik - fit.LogLikelihood < 1e-9, $"{set}: log-likelihood {fit.LogLikelihood:R}, {logLik - fit.LogLikelihood:G3} below the Normal fit's {logLik:R}");
            Assert.True(fit.LogLikelihood - logLik < 1e-9, $"{set}: log-likelihood {fit.LogLikelihood:R} above the supremum {logLik:R}");
            Tolerance.Relative(mean, fit.Parameters[0].Value, 1e-10, set + " Location = mean");
            Tolerance.Relative(sd, fit.Parameters[1].Value, 1e-10, set + " Scale = sd (n divisor)");
            Tolerance.Relative(2 * 3 - 2 * logLik, fit.AIC, 1e-12, set + " AIC counts DegreesOfFreedom");

            // Location and Scale have the Normal's standard errors (σ/√n, σ/√(2n)); DegreesOfFreedom none.
            Tolerance.Relative(sd / Math.Sqrt(n), fit.Parameters[0].StandardError!.Value, 1e-6, set + " SE Location");
            Tolerance.Relative(sd / Math.Sqrt(2 * n), fit.Parameters[1].StandardError!.Value, 1e-6, set + " SE Scale");
            Assert.Null(fit.Parameters[2].StandardError);
            Assert.True(double.IsNaN(fit.Covariance[2, 2]));
            for (int i = 0; i < 3; i++)
            {
                Assert.False(double.IsNaN(fit.Score[i]) || double.IsInfinity(fit.Score[i]), $"Score[{i}] = {fit.Score[i]}");
                for (int j = 0; j < 3; j++)
                {
                    Assert.False(double.IsNaN(fit.FisherInformation[i, j]) || double.IsInfinity(fit.FisherInformation[i, j]), $"Fisher[{i},{j}]");
                }
            }

            // The Normal's Fisher information per observation: 1/σ² for Location, 2/σ² for Scale.
            Tolerance.Relative(n / (sd * sd), fit.FisherInformation[0, 0], 1e-9, set + " Fisher Location");
            Tolerance.Relative(2 * n / (sd * sd), fit.FisherInformation[1, 1], 1e-9, set + " Fisher Scale");
            Tolerance.Absolute(0, fit.Score[0] * sd / n, 1e-9, set + " Score Location");
            Tolerance.Absolute(0, fit.Score[1] * sd / n, 1e-9, set + " Score Scale");
        }

        [Fact]
        public void The_log_density_at_the_cap_is_the_Normal_one()
        {
            var family = new StudentTFamily();
            foreach (double z in new[] { 0, 0.5, -1.7, 3, 8 })
            {
                double normal = -0.5 * z * z - 0.5 * Math.Log(2 * Math.PI) - Math.Log(2.5);
                Tolerance.Absolute(normal, family.LogDensity(1 + 2.5 * z, new[] { 1, 2.5, StudentTFamily.DegreesOfFreedomCap }), 1e-14, "log density at z = " + z);
            }
        }

        private static double Number(Dictionary<string, string> row, string column) => double.Parse(row[column], CultureInfo.InvariantCulture);

        private static Dictionary<string, Dictionary<string, string>> ReadReferences()
        {
            var lines = File.ReadAllLines(Path.Combine(Folder, "StudentTNormalLimit.reference.csv"));
            var header = lines[0].Split(',');
            return lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
                .ToDictionary(f => f[0], f => header.Zip(f, (h, v) => (h, v)).ToDictionary(p => p.h, p => p.v));
        }

        private static Dictionary<string, double[]> ReadValues()
            => File.ReadAllLines(Path.Combine(Folder, "StudentTNormalLimit.values.csv")).Skip(1).Where(l => l.Length > 0)
                .Select(l => l.Split(','))
                .GroupBy(f => f[0], f => double.Parse(f[1], CultureInfo.InvariantCulture))
                .ToDictionary(g => g.Key, g => g.ToArray());
    }
}
