using System.Collections.Generic;
using System.Threading;
using PSEstimation.Distributions;
using PSEstimation.Estimation;

namespace PSEstimation.Tests.Intervals
{
    /// <summary>A fit and its <see cref="FitProblem"/>, made as Get-MLEstimate makes them.</summary>
    internal static class IntervalProblems
    {
        public static (MLEstimate Fit, FitProblem Problem) Fit(DistributionName name, IEnumerable<double> data, double?[]? fixedValues = null, IEnumerable<double>? weights = null)
        {
            var family = DistributionFamilies.Create(name, new Dictionary<string, double>());
            fixedValues ??= new double?[family.Parameters.Count];
            var sample = family.CreateAccumulator();
            using var w = weights?.GetEnumerator();
            foreach (double x in data)
            {
                double weight = 1;
                if (w is not null && w.MoveNext())
                {
                    weight = w.Current;
                }

                sample.Add(x, weight);
            }

            var fit = new MaximumLikelihoodEstimator(family, 0.95).Fit(sample, fixedValues, CancellationToken.None);
            var theta = new double[fit.Parameters.Length];
            for (int i = 0; i < theta.Length; i++)
            {
                theta[i] = fit.Parameters[i].Value;
            }

            return (fit, new FitProblem(family, sample, fixedValues, theta, fit.LogLikelihood));
        }
    }
}
