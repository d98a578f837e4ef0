using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using PSEstimation.Distributions;
using PSEstimation.Estimation;
using PSEstimation.Models;

namespace PSEstimation.Bench
{
    /// <summary>
    /// Issue 18's figures: the time of the profile intervals of a Gamma fit of 10^5 values (both
    /// parameters, and its p99), and of a 999-sample parametric bootstrap of the same fit and of
    /// a fit of 100 values. Usage: dotnet run -c Release --project bench -- --intervals
    /// </summary>
    public static class IntervalTimings
    {
        public static void Run(Report report)
        {
            foreach (int n in new[] { 100, 100_000 })
            {
                var family = DistributionFamilies.Create(DistributionName.Gamma, new Dictionary<string, double>());
                var values = new double[n];
                family.Model!.Sample(new RandomSource(1), new[] { 2.0, 1.0 }, values);
                var sample = family.CreateAccumulator();
                sample.AddRange(values);
                var fixedValues = new double?[2];
                var fit = new MaximumLikelihoodEstimator(family, 0.95).Fit(sample, fixedValues, CancellationToken.None);
                var theta = new[] { fit.Parameters[0].Value, fit.Parameters[1].Value };
                var problem = new FitProblem(family, sample, fixedValues, theta, fit.LogLikelihood);

                var watch = Stopwatch.StartNew();
                int evaluations = 0;
                for (int i = 0; i < 2; i++)
                {
                    evaluations += ProfileLikelihood.Parameter(problem, i, 0.95, fit.Parameters[i].StandardError, CancellationToken.None).Evaluations;
                }

                report.Info($"profile intervals of Shape and Rate, Gamma fit of {n} values", $"{watch.Elapsed.TotalSeconds:F3} s ({evaluations} constrained re-fits)");
                watch.Restart();
                var q = AlternativeIntervals.ProfileQuantile(problem, 0.99, false, 0.95, CancellationToken.None);
                report.Info($"profile interval of the p99, Gamma fit of {n} values", $"{watch.Elapsed.TotalSeconds:F3} s ({q.Evaluations} profile points)");
                watch.Restart();
                var reps = ParametricBootstrap.Run(problem, 999, new RandomSource(2), -1, CancellationToken.None);
                report.Info($"999-sample bootstrap, Gamma fit of {n} values, {Environment.ProcessorCount} cores", $"{watch.Elapsed.TotalSeconds:F3} s ({reps.Failures} failures)");
            }
        }
    }
}
