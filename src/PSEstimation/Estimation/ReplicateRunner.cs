using System;
using System.Threading;
using System.Threading.Tasks;
using PSEstimation.Models;

namespace PSEstimation.Estimation
{
    /// <summary>
    /// The one runner of seeded Monte-Carlo replicates (the interval bootstrap of a distribution
    /// and of a regression, the goodness-of-fit bootstrap): replicate b draws from its own stream,
    /// <see cref="RandomSource.ForWorkItem"/>(b) of the seed's stream, and its result is stored at
    /// index b, so the results depend on the seed only, never on the number of threads or the
    /// order they run in. Work runs in parallel with a per-thread state (a buffer), stops on
    /// cancellation, and reports each finished replicate for progress.
    /// </summary>
    internal static class ReplicateRunner
    {
        /// <summary>
        /// Runs <paramref name="replicate"/> for b = 0 .. <paramref name="simulations"/> - 1 with
        /// b's stream and the calling thread's state (from <paramref name="localState"/>).
        /// <paramref name="progress"/> is called from worker threads after each replicate;
        /// <paramref name="maxDegreeOfParallelism"/> -1 uses every core.
        /// </summary>
        public static T[] Run<TState, T>(
            int simulations,
            RandomSource seedStream,
            int maxDegreeOfParallelism,
            CancellationToken cancellation,
            Func<TState> localState,
            Func<RandomSource, TState, T> replicate,
            Action? progress = null)
        {
            var results = new T[simulations];
            var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellation };
            Parallel.For(
                0,
                simulations,
                options,
                localState,
                (b, _, state) =>
                {
                    results[b] = replicate(seedStream.ForWorkItem(b), state);
                    progress?.Invoke();
                    return state;
                },
                _ => { });
            return results;
        }
    }
}
