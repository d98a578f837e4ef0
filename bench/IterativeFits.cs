using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using MathNet.Numerics.Distributions;
using PSEstimation.Distributions;
using PSEstimation.Estimation;

namespace PSEstimation.Bench
{
    /// <summary>
    /// Iterative fits of 10^6 values through the numerical core: time, iterations and passes over
    /// the data, against scipy 1.10's .fit on the same values where python3 with scipy is installed.
    /// </summary>
    public static class IterativeFits
    {
        private sealed record Case(string Family, Func<Random, double> Draw, bool Streams, string? Scipy);

        private static readonly Case[] Cases =
        {
            new("Gamma", r => Gamma.Sample(r, 2.5, 1.5), true, "stats.gamma.fit(x, floc=0)"),
            new("Beta", r => Beta.Sample(r, 2.0, 5.0), true, "stats.beta.fit(x, floc=0, fscale=1)"),
            new("Weibull", r => Weibull.Sample(r, 1.5, 2.0), false, "stats.weibull_min.fit(x, floc=0)"),
            new("StudentT", r => 5 + 2 * StudentT.Sample(r, 0, 1, 4), false, "stats.t.fit(x)"),
            new("NegativeBinomial", r => NegativeBinomial.Sample(r, 5, 0.4), false, "stats.fit(stats.nbinom, x, bounds=[(0.01, 100), (0.001, 0.999)]).params"),
            new("Logistic", r => Logistic(r), false, "stats.logistic.fit(x)"),
            new("Cauchy", r => Cauchy.Sample(r, 0, 1), false, "stats.cauchy.fit(x)"),
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
                SampleAccumulator? sample = null;
                var times = new List<double>();
                for (int run = 0; run < 3; run++)
                {
                    var watch = Stopwatch.StartNew();
                    sample = family.CreateAccumulator();
                    sample.AddRange(data);
                    fit = new MaximumLikelihoodEstimator(family, 0.95).Fit(sample, new double?[family.Parameters.Count], CancellationToken.None);
                    times.Add(watch.Elapsed.TotalSeconds);
                }

                double seconds = Measure.Median(times);

                // Passes over the data: streaming families read it once (sufficient statistics);
                // buffered ones count each pass (BufferedSample.Passes); NegativeBinomial keeps a
                // table of distinct values, built in one pass and iterated over afterwards.
                string passes = sample is BufferedSample buffered
                    ? $"{buffered.Passes} passes over the data"
                    : c.Streams ? "1 pass (sufficient statistics)" : "1 pass (then its table of distinct values)";
                string detail = $"{seconds:F3} s, {fit!.Iterations} iterations, {passes}, converged {fit.Converged}";
                double? scipySeconds = compareWithScipy && c.Scipy is not null ? TimeScipy(data, c.Scipy) : null;
                if (scipySeconds is double s)
                {
                    report.Add($"{c.Family}.fit, {count / 1000000}M values (ours / scipy)", seconds / s, 0.05, "x scipy", detail + $"; scipy {s:F2} s");
                }
                else
                {
                    report.Info($"{c.Family} fit, {count / 1000000}M values", detail + (compareWithScipy ? "; scipy not available" : string.Empty));
                }
            }
        }

        private static double Logistic(Random r)
        {
            double u = r.NextDouble();
            return Math.Log(u / (1 - u));
        }

        /// <summary>Times scipy's fit on the same values (the best of two runs), or null without python3/scipy.</summary>
        private static double? TimeScipy(double[] data, string call)
        {
            string file = Path.Combine(Path.GetTempPath(), $"psestimation-bench-{Guid.NewGuid():N}.f64");
            File.WriteAllBytes(file, data.SelectMany(BitConverter.GetBytes).ToArray());
            try
            {
                string script = "import sys, time, numpy as np\nfrom scipy import stats\n"
                    + $"x = np.fromfile(r'{file}', dtype='<f8')\n"
                    + "best = 1e9\n"
                    + "for _ in range(2):\n"
                    + "    t = time.perf_counter()\n"
                    + $"    {call}\n"
                    + "    best = min(best, time.perf_counter() - t)\n"
                    + "print(best)\n";
                var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                using var process = Process.Start(start);
                if (process is null)
                {
                    return null;
                }

                process.StandardInput.Write(script);
                process.StandardInput.Close();
                string output = process.StandardOutput.ReadToEnd();
                process.StandardError.ReadToEnd();
                if (!process.WaitForExit(600_000) || process.ExitCode != 0)
                {
                    return null;
                }

                return double.Parse(output.Trim(), CultureInfo.InvariantCulture);
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return null;
            }
            finally
            {
                File.Delete(file);
            }
        }
    }
}
