using System;
using System.Collections.Generic;
using System.Linq;
using MathNet.Numerics.Distributions;
using PSEstimation.Host;

namespace PSEstimation.Bench
{
    /// <summary>
    /// Targets 1 and 2 of the second performance round: each family's fit of 10^6 values from a
    /// [double[]] through the cmdlet (-InputObject, in the hosted engine, the call included)
    /// against scipy's fit of the same model on the same values (floc=0 where ours has no
    /// location, fscale=1 for Beta), with scipy's default .fit (every parameter free: another
    /// model) beside it; and each one-pass family against the one-pass floor, a C# loop in this
    /// process that reads every value and adds its log.
    /// </summary>
    public static class SameModelFits
    {
        /// <param name="Iterative">our fit solves for the estimate numerically (target 0.5x scipy rather than 1x).</param>
        /// <param name="OnePass">the fit reads the data once into sufficient statistics (target 2: at most 2x the floor).</param>
        /// <param name="ScipySameModel">scipy's fit of exactly our model, or null when scipy has none to compare.</param>
        /// <param name="ScipyDefault">scipy's default .fit where it fits another model (loc free), else null.</param>
        private sealed record Case(string Family, Func<Random, double> Draw, bool Iterative, bool OnePass, string? ScipySameModel, string? ScipyDefault);

        private static readonly Case[] Cases =
        {
            new("Normal", r => Normal.Sample(r, 5, 2), false, true, "stats.norm.fit(x)", null),
            new("Exponential", r => Exponential.Sample(r, 1.5), false, true, "stats.expon.fit(x, floc=0)", "stats.expon.fit(x)"),
            new("Gamma", r => Gamma.Sample(r, 2.5, 1.5), true, true, "stats.gamma.fit(x, floc=0)", "stats.gamma.fit(x)"),
            new("LogNormal", r => LogNormal.Sample(r, 1, 0.5), false, true, "stats.lognorm.fit(x, floc=0)", "stats.lognorm.fit(x)"),
            new("Beta", r => Beta.Sample(r, 2.0, 5.0), true, true, "stats.beta.fit(x, floc=0, fscale=1)", "stats.beta.fit(x)"),
            new("Laplace", r => Laplace.Sample(r, 3, 2), false, false, "stats.laplace.fit(x)", null),
            new("Logistic", r => Logistic(r), true, false, "stats.logistic.fit(x)", null),
            new("Cauchy", r => Cauchy.Sample(r, 0, 1), true, false, "stats.cauchy.fit(x)", null),
            new("Weibull", r => Weibull.Sample(r, 1.5, 2.0), true, false, "stats.weibull_min.fit(x, floc=0)", "stats.weibull_min.fit(x)"),
            new("StudentT", r => 5 + 2 * StudentT.Sample(r, 0, 1, 4), true, false, "stats.t.fit(x)", null),
            new("Rayleigh", r => Rayleigh.Sample(r, 2), false, true, null, null),
            new("Pareto", r => Pareto.Sample(r, 1, 3), false, true, null, null),
            new("Poisson", r => Poisson.Sample(r, 4), false, true, null, null),
            new("Geometric", r => Geometric.Sample(r, 0.3) - 1, false, true, null, null),
        };

        /// <summary>The families whose fits to measure, or every one when null.</summary>
        public static void Run(ModuleRunspace session, Report report, int count, bool compareWithScipy, ISet<string>? only = null)
        {
            // The floor: one pass over 10^6 positive values taking each one's log. Timed in
            // alternation with each one-pass fit (a shared machine's load moves both alike).
            var positive = Draw(count, r => Gamma.Sample(r, 2.5, 1.5));
            double sink = 0;
            Action floorPass = () => sink += SumOfLogs(positive);
            double floor = Measure.Median(Enumerable.Range(0, 15).Select(_ => Measure.Seconds(floorPass)));
            report.Info($"one-pass floor: Σ log x over double[{Count(count)}] in C#", $"{count / floor / 1e6:F0} M values/s ({floor * 1000:F2} ms)");

            foreach (var c in Cases)
            {
                if (only is not null && !only.Contains(c.Family))
                {
                    continue;
                }

                var data = Draw(count, c.Draw);
                session.Invoke("$global:benchFit = $args[0]", (object)data);
                string script = $"$null = Get-MLEstimate {c.Family} -InputObject $global:benchFit";
                Check(session, script);

                Func<double> call = () => TimedInScript(session, script);
                double ours;
                string oursText;
                if (c.OnePass)
                {
                    var paired = Measure.Paired(call, () => Measure.Seconds(floorPass), 7);
                    ours = paired.MedianA;
                    oursText = $"ours {ours * 1000:F1} ms";
                    report.Add($"{c.Family}, {Count(count)} values (ours / one-pass floor)", paired.Ratio, 2.0, "x floor",
                        $"{oursText}, floor {paired.MedianB * 1000:F2} ms ({count / paired.MedianB / 1e6:F0} M values/s) in alternation");
                }
                else
                {
                    ours = Measure.Median(Enumerable.Range(0, 7).Select(_ => call()));
                    oursText = $"ours {ours * 1000:F1} ms";
                }

                if (!compareWithScipy || c.ScipySameModel is null)
                {
                    if (c.OnePass)
                    {
                        continue;
                    }

                    report.Info($"{c.Family}, {Count(count)} values from double[]", oursText);
                    continue;
                }

                string defaultText = string.Empty;
                if (c.ScipyDefault is not null && Scipy.Time(data, c.ScipyDefault) is double d)
                {
                    defaultText = $"; scipy default .fit ({c.ScipyDefault}, another model) {d * 1000:F1} ms, ours {ours / d:F3}x that";
                }

                string? failure = null;
                using var scipy = ScipyFitSession.Start(data, c.ScipySameModel, error => failure = error.Trim());
                if (scipy is null)
                {
                    report.Info($"{c.Family}, {Count(count)} values from double[]", oursText + (failure is null ? "; scipy not available" : $"; {c.ScipySameModel} failed: {failure}"));
                    continue;
                }

                // Ours and scipy's in alternation, pair by pair, as the floor above: this machine's
                // speed moves within a minute, and a ratio of figures taken apart moves with it.
                // A scipy fit of over half a second (Cauchy, Weibull, Student t) is timed once, its
                // first run, against the median of ours: those ratios are far from their targets,
                // and a first call's own set-up is milliseconds of those seconds.
                double ratio, theirs;
                string pairing;
                if (scipy.FirstSeconds < 0.5)
                {
                    var paired = Measure.Paired(call, scipy.TimeOnce, 7);
                    (ratio, ours, theirs) = paired;
                    pairing = "medians of 7 runs each in alternation";
                }
                else
                {
                    theirs = scipy.FirstSeconds;
                    ratio = ours / theirs;
                    pairing = "scipy run once";
                }

                report.Add(
                    $"{c.Family}, {Count(count)} values (ours / scipy same model)",
                    ratio,
                    c.Iterative ? 0.5 : 1.0,
                    "x scipy",
                    $"ours {ours * 1000:F1} ms; {c.ScipySameModel} {theirs * 1000:F1} ms ({pairing}){defaultText}");
            }

            session.Invoke("$global:benchFit = $null");
            GC.KeepAlive(sink);
        }

        /// <summary>
        /// Target 5 for the bulk path: the cost per value of our fit against the one-pass floor's,
        /// decade by decade from 10^4 to 10^7 values (10^6 with --quick), for the one-pass
        /// families; max/min of that ratio over the decades at most 1.5. A decade's cost per value
        /// is the time on 10n values less the time on n, over 9n: the call's fixed cost cancels
        /// (at 10^4 values it is most of the call), so what is compared is how the cost grows.
        /// </summary>
        public static void RatioScaling(ModuleRunspace session, Report report, bool quick)
        {
            int[] sizes = quick ? new[] { 10_000, 100_000, 1_000_000 } : new[] { 10_000, 100_000, 1_000_000, 10_000_000 };
            var all = Draw(sizes[sizes.Length - 1], r => Gamma.Sample(r, 2.5, 1.5));
            var prefixes = sizes.Select(n => n == all.Length ? all : all.Take(n).ToArray()).ToArray();
            double sink = 0;
            foreach (string family in new[] { "Normal", "Exponential", "Gamma", "LogNormal" })
            {
                string smallScript = $"$null = Get-MLEstimate {family} -InputObject $global:benchSmaller";
                string largeScript = $"$null = Get-MLEstimate {family} -InputObject $global:benchFit";
                var decades = new List<(int From, int To, double Ratio, double Ours, double Floor)>();
                for (int k = 0; k + 1 < sizes.Length; k++)
                {
                    double[] small = prefixes[k], large = prefixes[k + 1];
                    session.Invoke("$global:benchSmaller = $args[0]; $global:benchFit = $args[1]", small, large);
                    Check(session, smallScript);
                    Check(session, largeScript);

                    // The four timings of a decade in the same rounds (the machine's speed moves
                    // within minutes here), more rounds where the calls are short.
                    int rounds = large.Length >= 10_000_000 ? 5 : large.Length >= 1_000_000 ? 11 : 31;
                    var medians = Measure.Interleaved(
                        new Func<double>[]
                        {
                            () => TimedInScript(session, smallScript),
                            () => TimedInScript(session, largeScript),
                            () => Measure.Seconds(() => sink += SumOfLogs(small)),
                            () => Measure.Seconds(() => sink += SumOfLogs(large)),
                        },
                        rounds);
                    double added = large.Length - small.Length;
                    // A difference lost in the noise (at most zero) counts as a tiny cost, so that
                    // it shows as a miss rather than as a negative ratio under the target.
                    double ours = Math.Max(medians[1] - medians[0], 1e-12) / added, floor = Math.Max(medians[3] - medians[2], 1e-12) / added;
                    decades.Add((small.Length, large.Length, ours / floor, ours, floor));
                }

                double max = decades.Max(d => d.Ratio), min = decades.Min(d => d.Ratio);
                report.Add($"{family} -InputObject, ours/floor per value, 10^4 .. 10^{Math.Log10(sizes[sizes.Length - 1]):F0} (max/min)", max / min, 1.5, "x",
                    string.Join(", ", decades.Select(d => $"{Count(d.From)}..{Count(d.To)}: {d.Ratio:F2}x ({d.Ours * 1e9:F2} vs {d.Floor * 1e9:F2} ns per value)")));
            }

            session.Invoke("$global:benchFit = $global:benchSmaller = $null");
            GC.KeepAlive(sink);
        }

        /// <summary>
        /// The seconds of one run of <paramref name="script"/> as Measure-Command sees them: the
        /// script reads its own stopwatch, so the host's cost of starting a pipeline (2 to 4 ms
        /// on this machine, more than some fits of 10^6 values) stays out of the figure.
        /// </summary>
        private static double TimedInScript(ModuleRunspace session, string script)
            => (double)session.Invoke("$benchWatch = [Diagnostics.Stopwatch]::StartNew(); " + script + "; $benchWatch.Elapsed.TotalSeconds").Output[0].BaseObject;

        private static double SumOfLogs(double[] values)
        {
            double s = 0;
            foreach (double x in values)
            {
                s += Math.Log(x);
            }

            return s;
        }

        private static double[] Draw(int count, Func<Random, double> draw)
        {
            var random = new Random(20261202);
            var data = new double[count];
            for (int i = 0; i < count; i++)
            {
                data[i] = draw(random);
            }

            return data;
        }

        private static void Check(ModuleRunspace session, string script)
        {
            var result = session.Invoke(script);
            if (result.TerminatingError is not null || result.Errors.Count > 0)
            {
                throw new InvalidOperationException($"'{script}' failed: {result.TerminatingError ?? result.Errors[0]}");
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
