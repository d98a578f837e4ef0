using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using PSEstimation.Host;

namespace PSEstimation.Bench
{
    /// <summary>
    /// Issue 17's figures: Normal and Poisson regressions of 10^6 rows x 5 predictors piped as
    /// objects, the rows' reading (against piping them into a no-op) and the fit after them
    /// (against statsmodels' OLS and Poisson GLM on the same rows, each timed alone), and
    /// Add-Prediction over the rows against a no-op that emits them (target: at most 1.3x), for
    /// rows that already carry Predicted (a second pass), rows seen for the first time, rows
    /// whose numbers are strings (Import-Csv) held in memory, and such rows streamed as Import-Csv
    /// makes them (each read while still in the cache: the case of Import-Csv | Add-Prediction).
    /// </summary>
    internal static class RegressionBench
    {
        private static readonly string[] Predictors = { "x1", "x2", "x3", "x4", "x5" };

        public static void Run(Report report, ModuleRunspace session, int rows, int pairs, bool compareWithStatsmodels = true)
        {
            string size = $"{rows / 1000}k rows";
            long heapBefore = GC.GetTotalMemory(forceFullCollection: true);
            var (x, y, count) = Data(rows);
            var objects = Rows(x, y, count, asText: false);
            long heapRows = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
            report.Info($"{size} x 7 numbers as PSObjects (live)", $"{heapRows / 1e6:F0} MB managed heap, {heapRows / rows} bytes a row; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");

            var statsmodels = compareWithStatsmodels ? Statsmodels.Fit(x, y, count) : null;
            Invoke(session, "$global:benchRows = $args[0]", (object)objects);
            foreach (var (family, response) in new[] { ("Normal", "y"), ("Poisson", "count") })
            {
                Fit(report, session, size, family, response, pairs, statsmodels);
            }

            Invoke(session, "$global:benchModel = $global:benchRows | Get-MLEstimate Poisson -Response count -Predictor x1, x2, x3, x4, x5");
            var (ratio, a, b) = Measure.Paired(
                () => Invoke(session, "$null = $global:benchRows | Add-Prediction -Estimate $global:benchModel"),
                () => Invoke(session, "$null = $global:benchRows | Invoke-BenchNoOp -PassThru"),
                pairs);
            report.Add($"pipe {size} | Add-Prediction (5 predictors, rows with Predicted)", ratio, 1.3, "x no-op", $"{a:F3} s vs {b:F3} s");

            // Rows seen for the first time: Add-Prediction adds the property (the engine's Add is most of the cost).
            (ratio, a, b) = PairedFresh(
                () => Invoke(session, "$null = $global:benchRows | Add-Prediction -Estimate $global:benchModel"),
                () => Invoke(session, "$null = $global:benchRows | Invoke-BenchNoOp -PassThru"),
                () => Strip(objects),
                pairs);
            report.Add($"pipe {size} | Add-Prediction (5 predictors, new rows: adds Predicted)", ratio, 1.3, "x no-op", $"{a:F3} s vs {b:F3} s");

            // As Import-Csv gives them: every number a string, first held in memory, then streamed
            // (each row made just before Add-Prediction reads it, as Import-Csv test.csv | Add-Prediction does).
            Invoke(session, "$global:benchRows = $null");
            objects = null!;
            objects = Rows(x, y, count, asText: true);
            Invoke(session, "$global:benchRows = $args[0]", (object)objects);
            (ratio, a, b) = Measure.Paired(
                () => Invoke(session, "$null = $global:benchRows | Add-Prediction -Estimate $global:benchModel"),
                () => Invoke(session, "$null = $global:benchRows | Invoke-BenchNoOp -PassThru"),
                pairs);
            report.Add($"pipe {size} of strings (held) | Add-Prediction", ratio, 1.3, "x no-op", $"{a:F3} s vs {b:F3} s");
            Invoke(session, "$global:benchRows = $null");
            objects = null!;

            var text = new string[y.Length][];
            for (int i = 0; i < text.Length; i++)
            {
                text[i] = x[i].Select(v => v.ToString("R", CultureInfo.InvariantCulture)).Concat(new[] { y[i].ToString("R", CultureInfo.InvariantCulture), count[i].ToString(CultureInfo.InvariantCulture) }).ToArray();
            }

            InvokeBenchCsvRowsCommand.Table = (Predictors.Concat(new[] { "y", "count" }).ToArray(), text);
            (ratio, a, b) = Measure.Paired(
                () => Invoke(session, "$null = Invoke-BenchCsvRows | Add-Prediction -Estimate $global:benchModel"),
                () => Invoke(session, "$null = Invoke-BenchCsvRows | Invoke-BenchNoOp -PassThru"),
                Math.Min(pairs, 3)); // each run makes 7 million note properties: about 20 s here
            report.Add($"stream {size} of strings (as Import-Csv) | Add-Prediction", ratio, 1.3, "x no-op", $"{a:F3} s vs {b:F3} s");
            InvokeBenchCsvRowsCommand.Table = (Array.Empty<string>(), Array.Empty<string[]>());
            Invoke(session, "$global:benchModel = $null");
        }

        /// <summary>
        /// One family's fit, <paramref name="pairs"/> times (at least 3) alternated with the rows piped
        /// into a no-op: the reading (until the last row is taken) against that floor, and the fit after it.
        /// </summary>
        private static void Fit(Report report, ModuleRunspace session, string size, string family, string response, int pairs, Statsmodels.Result? statsmodels)
        {
            string fitScript = $"Invoke-BenchRows $global:benchRows | Get-MLEstimate {family} -Response {response} -Predictor x1, x2, x3, x4, x5";
            var reads = new List<double>();
            var fits = new List<double>();
            var floors = new List<double>();
            var ratios = new List<double>();
            RegressionEstimateView? estimate = null;
            int runs = Math.Max(3, Math.Min(pairs, 5));
            for (int i = 0; i < runs; i++)
            {
                double floor = 0, read = 0;
                void Floor() => floor = Measure.Seconds(() => Invoke(session, "Invoke-BenchRows $global:benchRows | Invoke-BenchNoOp"));
                void FitOnce()
                {
                    long start = Stopwatch.GetTimestamp();
                    var result = Invoke(session, fitScript);
                    long end = Stopwatch.GetTimestamp();
                    read = (InvokeBenchRowsCommand.LastRowTimestamp - start) / (double)Stopwatch.Frequency;
                    fits.Add((end - InvokeBenchRowsCommand.LastRowTimestamp) / (double)Stopwatch.Frequency);
                    estimate ??= RegressionEstimateView.From(result.Output[0]);
                }

                if (i % 2 == 0)
                {
                    Floor();
                    FitOnce();
                }
                else
                {
                    FitOnce();
                    Floor();
                }

                reads.Add(read);
                floors.Add(floor);
                ratios.Add(read / floor);
            }

            double readMedian = Measure.Median(reads), floorMedian = Measure.Median(floors), fitMedian = Measure.Median(fits);
            report.Add($"Get-MLEstimate {family} -Response: reading {size} x 5 predictors", Measure.Median(ratios), 1.3, "x no-op", $"{readMedian:F2} s vs {floorMedian:F2} s");
            string detail = $"{fitMedian:F2} s after the last row, {estimate!.Iterations} Newton pass(es), {(estimate.Converged ? "converged" : "NOT converged")}";
            if (statsmodels is not null)
            {
                bool normal = family == "Normal";
                double theirs = normal ? statsmodels.OlsSeconds : statsmodels.PoissonSeconds;
                double[] coefficients = normal ? statsmodels.OlsCoefficients : statsmodels.PoissonCoefficients;
                double agreement = estimate.Coefficients.Zip(coefficients, (a, b) => Math.Abs(a - b) / Math.Max(Math.Abs(b), 1e-300)).Max();
                string their = normal ? "OLS" : $"GLM Poisson, {statsmodels.PoissonIterations} IRLS iterations";
                report.Add($"Get-MLEstimate {family} -Response: the fit of {size} x 5 against statsmodels", fitMedian / theirs, 2, "x statsmodels",
                    $"{detail}; statsmodels {their} {theirs:F2} s; coefficients agree to {agreement:E1} (relative); pandas.read_csv of the rows {statsmodels.LoadSeconds:F2} s");
            }
            else
            {
                report.Info($"Get-MLEstimate {family} -Response: the fit of {size} x 5", detail);
            }
        }

        /// <summary>As <see cref="Measure.Paired"/>, with <paramref name="reset"/> (untimed) before every run of A.</summary>
        private static (double Ratio, double MedianA, double MedianB) PairedFresh(Action a, Action b, Action reset, int pairs)
        {
            reset();
            a();
            b();
            var ratios = new List<double>();
            var timesA = new List<double>();
            var timesB = new List<double>();
            for (int i = 0; i < pairs; i++)
            {
                reset();
                double ta, tb;
                if (i % 2 == 0)
                {
                    ta = Measure.Seconds(a);
                    tb = Measure.Seconds(b);
                }
                else
                {
                    tb = Measure.Seconds(b);
                    ta = Measure.Seconds(a);
                }

                timesA.Add(ta);
                timesB.Add(tb);
                ratios.Add(ta / tb);
            }

            return (Measure.Median(ratios), Measure.Median(timesA), Measure.Median(timesB));
        }

        private static void Strip(PSObject[] objects)
        {
            foreach (var o in objects)
            {
                o.Properties.Remove("Predicted");
            }
        }

        /// <summary>x1..x5 uniform, a Normal response and a Poisson count (inversion of its CDF) from the same eta.</summary>
        private static (double[][] X, double[] Y, int[] Count) Data(int rows)
        {
            var random = new Random(17);
            var x = new double[rows][];
            var y = new double[rows];
            var count = new int[rows];
            for (int i = 0; i < rows; i++)
            {
                var r = new double[5];
                double eta = 0.5;
                for (int j = 0; j < 5; j++)
                {
                    r[j] = random.NextDouble();
                    eta += 0.2 * (j + 1) * r[j];
                }

                double u = random.NextDouble(), lambda = Math.Exp(eta), p = Math.Exp(-lambda), cdf = p;
                int k = 0;
                while (u > cdf && k < 1000)
                {
                    k++;
                    p *= lambda / k;
                    cdf += p;
                }

                x[i] = r;
                y[i] = eta + 0.3 * (random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5);
                count[i] = k;
            }

            return (x, y, count);
        }

        private static PSObject[] Rows(double[][] x, double[] y, int[] count, bool asText)
        {
            object Value(double v) => asText ? v.ToString("R", CultureInfo.InvariantCulture) : v;
            var objects = new PSObject[y.Length];
            for (int i = 0; i < objects.Length; i++)
            {
                var o = new PSObject();
                for (int j = 0; j < 5; j++)
                {
                    o.Properties.Add(new PSNoteProperty(Predictors[j], Value(x[i][j])));
                }

                o.Properties.Add(new PSNoteProperty("y", Value(y[i])));
                o.Properties.Add(new PSNoteProperty("count", asText ? count[i].ToString(CultureInfo.InvariantCulture) : count[i]));
                objects[i] = o;
            }

            return objects;
        }

        private static InvocationResult Invoke(ModuleRunspace session, string script, params object?[] args)
        {
            var result = session.Invoke(script, args);
            if (result.TerminatingError is not null || result.Errors.Count > 0)
            {
                throw new InvalidOperationException($"'{script}' failed: {result.TerminatingError ?? result.Errors[0]}");
            }

            return result;
        }

        /// <summary>What the bench reads of a RegressionEstimate (live object).</summary>
        private sealed class RegressionEstimateView
        {
            public int Iterations { get; private set; }

            public bool Converged { get; private set; }

            public double[] Coefficients { get; private set; } = Array.Empty<double>();

            public static RegressionEstimateView From(PSObject result)
            {
                var estimate = (PSEstimation.RegressionEstimate)result.BaseObject;
                return new RegressionEstimateView { Iterations = estimate.Iterations, Converged = estimate.Converged, Coefficients = estimate.Coefficients.Select(c => c.Value).ToArray() };
            }
        }
    }
}
