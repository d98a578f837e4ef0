using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSEstimation.Distributions;
using PSEstimation.Estimation;
using PSEstimation.Models;

namespace PSEstimation.Commands
{
    /// <summary>
    /// Runs a parametric bootstrap on worker threads while the pipeline thread reports progress
    /// (Write-Progress may only be called from it), and lets Ctrl+C stop the workers.
    /// </summary>
    internal static class BootstrapRunner
    {
        /// <summary>The stream the replicates derive from: -SetSeed's, or one from the clock.</summary>
        public static RandomSource SeedStream(int? seed) => seed is int s ? new RandomSource(s) : RandomSource.FromEntropy();

        /// <summary>The replicates of a distribution fit, or null when cancelled.</summary>
        public static BootstrapReplicates? Run(Cmdlet cmdlet, FitProblem problem, int simulations, int? seed, CancellationToken cancellation, string activity)
        {
            var replicates = Run(cmdlet, simulations, seed, activity, (stream, progress) => ParametricBootstrap.Run(problem, simulations, stream, -1, cancellation, progress), cancellation);
            double n = problem.TotalWeight;
            if (replicates is not null && Math.Abs(n - Math.Round(n)) > 1e-9 * Math.Max(1, n))
            {
                cmdlet.WriteWarning($"The weights sum to {n.ToString("G10", System.Globalization.CultureInfo.InvariantCulture)}, not a whole number: each simulated sample has {Math.Round(n).ToString(System.Globalization.CultureInfo.InvariantCulture)} values.");
            }

            return replicates;
        }

        /// <summary>
        /// Runs <paramref name="work"/> (replicates from the seed's stream, calling its progress
        /// action after each) on worker threads, reporting progress from the pipeline thread; null when cancelled.
        /// </summary>
        public static BootstrapReplicates? Run(Cmdlet cmdlet, int simulations, int? seed, string activity, Func<RandomSource, Action, BootstrapReplicates> work, CancellationToken cancellation)
        {
            int done = 0;
            var stream = SeedStream(seed);
            var task = Task.Run(() => work(stream, () => Interlocked.Increment(ref done)));
            var record = new ProgressRecord(18, activity, $"0 of {simulations} samples");
            int reported = -1;
            try
            {
                while (!task.Wait(200))
                {
                    int now = Volatile.Read(ref done);
                    if (now != reported)
                    {
                        reported = now;
                        record.PercentComplete = (int)(100L * now / simulations);
                        record.StatusDescription = $"{now} of {simulations} samples";
                        cmdlet.WriteProgress(record);
                    }
                }

                return task.Result;
            }
            catch (AggregateException) when (cancellation.IsCancellationRequested)
            {
                return null;
            }
            catch (AggregateException e) when (e.InnerExceptions.Count == 1 && e.InnerException is EstimationException inner)
            {
                // The work refused before it started (no sampler, a censoring it cannot repeat): the caller reports it.
                throw inner;
            }
            finally
            {
                if (reported >= 0)
                {
                    record.RecordType = ProgressRecordType.Completed;
                    cmdlet.WriteProgress(record);
                }
            }
        }
    }
}
