using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using PSEstimation.Distributions;
using PSEstimation.Estimation;

namespace PSEstimation.Bayesian
{
    /// <summary>
    /// The posterior mode from several starts (the MLE, the prior centres): Newton from each start
    /// where the log-posterior is finite, the highest result kept. The posterior can be multimodal
    /// where prior and data disagree, so one start is not enough.
    /// </summary>
    internal static class PosteriorModeSearch
    {
        /// <summary>The best of the searches, or null when the log-posterior is finite at no start.</summary>
        public static OptimizationResult? Best(ILogObjective objective, IReadOnlyList<ParameterSpec> parameters, IEnumerable<double[]> starts, double?[] fixedValues, CancellationToken cancellation, Action<string>? trace)
        {
            OptimizationResult? best = null;
            foreach (double[] start in starts)
            {
                double value = objective.Value(start);
                if (double.IsNaN(value) || double.IsInfinity(value))
                {
                    continue;
                }

                trace?.Invoke("Starting values: " + string.Join(", ", start.Select(v => v.ToString("G10", System.Globalization.CultureInfo.InvariantCulture))));
                var result = NewtonRaphson.Maximize(objective, parameters, start, fixedValues, cancellation, trace);
                if (best is null || result.LogLikelihood > best.LogLikelihood)
                {
                    best = result;
                }
            }

            return best;
        }
    }
}
