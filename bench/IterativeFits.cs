using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using MathNet.Numerics.Distributions;
using PSEstimation.Distributions;
using PSEstimation.Estimation;

namespace PSEstimation.Bench
{
    /// <summary>
    /// Iterative fits of 10^6 values through the numerical core alone (no cmdlet): time,
    /// iterations and convergence, for the record. The comparison with scipy on the same model
    /// is <see cref="SameModelFits"/>'s; only the negative binomial (not in its table) is compared
    /// here, with scipy's generic stats.fit of the same two-parameter model.
    /// </summary>
    public static class IterativeFits
    {
        /// <param name="ScipySameModel">scipy's fit of our model, or null when <see cref="SameModelFits"/> compares it.</param>
        private sealed record Case(string Family, Func<Random, double> Draw, string? ScipySameModel);

        private static readonly Case[] Cases =
        {
            new("Gamma", r => Gamma.Sample(r, 2.5, 1.5), null),
            new("Beta", r => Beta.Sample(r, 2.0, 5.0), null),
            new("Weibull", r => Weibull.Sample(r, 1.5, 2.0), null),
            new("StudentT", r => 5 + 2 * StudentT.Sample(r, 0, 1, 4), null),
            new("NegativeBinomial", r => NegativeBinomial.Sample(r, 5, 0.4), "stats.fit(stats.nbinom, x, bounds=[(0.01, 100), (0.001, 0.999)]).params"),
            new("Logistic", r => Logistic(r), null),
            new("Cauchy", r => Cauchy.Sample(r, 0, 1), null),
        };

        public static void Run(Report report, int count, bool compareWithScipy)
        {
            foreach (var c in Cases)
            {
                var random = new Random(20261124);
                var data = new double[count];
                for (int i = 0; i < count; i++)
                {
                    data[i] = c.Draw(random);
                }

                var family = DistributionFamilies.Create((DistributionName)Enum.Parse(typeof(DistributionName), c.Family), new Dictionary<string, double>());
                MLEstimate? fit = null;
                var times = new List<double>();
                for (int run = 0; run < 3; run++)
                {
                    var watch = Stopwatch.StartNew();
                    var sample = family.CreateAccumulator();
                    sample.AddRange(data);
                    fit = new MaximumLikelihoodEstimator(family, 0.95).Fit(sample, new double?[family.Parameters.Count], CancellationToken.None);
                    times.Add(watch.Elapsed.TotalSeconds);
                }

                double seconds = Measure.Median(times);
                string detail = $"{seconds * 1000:F1} ms, {fit!.Iterations} iterations, converged {fit.Converged}";
                if (compareWithScipy && c.ScipySameModel is not null && Scipy.Time(data, c.ScipySameModel) is double s)
                {
                    report.Add($"{c.Family}.fit core, {Count(count)} values (ours / scipy same model)", seconds / s, 0.5, "x scipy", detail + $"; {c.ScipySameModel} {s:F2} s");
                }
                else
                {
                    report.Info($"{c.Family} fit core (no cmdlet), {Count(count)} values", detail);
                }
            }
        }

        private static string Count(int n) => n % 1000000 == 0 ? $"{n / 1000000}M" : $"{n / 1000}k";

        private static double Logistic(Random r)
        {
            double u = r.NextDouble();
            return Math.Log(u / (1 - u));
        }
    }
}
