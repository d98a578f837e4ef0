using System;
using System.Threading;
using PSEstimation.Distributions;
using PSEstimation.Estimation;

namespace PSEstimation.Regression
{
    /// <summary>
    /// -IntervalMethod Profile and Bootstrap for a regression model: replaces the Wald intervals of
    /// every coefficient and free parameter of a <see cref="RegressionEstimate"/>. The standard
    /// errors, z values and p-values stay: they are the curvature at the estimate whatever the
    /// interval. Profile intervals hold one coordinate at a time (a coefficient through the
    /// offset, a parameter through -Fixed: <see cref="RegressionProblem.Holding"/>) and re-fit the
    /// rest, as R's confint of a glm (MASS's profile method) does; the root search is the one the
    /// distribution fits use (<see cref="ProfileLikelihood.Held"/>).
    /// </summary>
    internal static class RegressionIntervals
    {
        /// <summary>Profile intervals of every coordinate of <paramref name="fit"/>; notes about unbounded or missing sides go to <paramref name="warn"/>.</summary>
        public static void ApplyProfile(RegressionEstimate estimate, RegressionProblem problem, RegressionFit fit, Action<string>? warn, CancellationToken cancellation)
        {
            for (int position = 0; position < problem.Dimension; position++)
            {
                var spec = Spec(problem, position);
                double? se = fit.Covariance[position, position] >= 0 ? Math.Sqrt(fit.Covariance[position, position]) : null;
                int held = position;
                var interval = ProfileLikelihood.Held(
                    spec,
                    fit.V[position],
                    se,
                    fit.LogLikelihood,
                    value =>
                    {
                        // From the estimate with the held coordinate taken out: the re-fit's optimum moves continuously from it.
                        var refit = new RegressionFitter { Cancellation = cancellation, Start = Without(fit.V, held), EstimateOnly = true }.Fit(problem.Holding(held, value), null);
                        return refit.Converged || double.IsNegativeInfinity(refit.LogLikelihood) ? refit.LogLikelihood : null;
                    },
                    estimate.ConfidenceLevel,
                    cancellation);
                Replace(estimate, problem, position, interval.Lower, interval.Upper, interval.Note);
                if (interval.Note is not null)
                {
                    estimate.IntervalNote = estimate.IntervalNote is null ? interval.Note : estimate.IntervalNote + " " + interval.Note;
                    warn?.Invoke(interval.Note);
                }
            }

            estimate.IntervalMethod = nameof(IntervalMethod.Profile);
        }

        /// <summary>Percentile intervals of every coordinate from <paramref name="replicates"/> (estimates in the fitter's coordinates).</summary>
        public static void ApplyBootstrap(RegressionEstimate estimate, RegressionProblem problem, BootstrapReplicates replicates)
        {
            for (int position = 0; position < problem.Dimension; position++)
            {
                int index = position;
                var interval = replicates.Percentile(v => v[index], estimate.ConfidenceLevel);
                Replace(estimate, problem, position, interval?.Lower, interval?.Upper, null);
            }

            estimate.IntervalMethod = nameof(IntervalMethod.Bootstrap);
            estimate.Simulations = replicates.Simulations;
            estimate.BootstrapFailures = replicates.Failures;
        }

        private static double[] Without(double[] v, int position)
        {
            var rest = new double[v.Length - 1];
            for (int i = 0, k = 0; i < v.Length; i++)
            {
                if (i != position)
                {
                    rest[k++] = v[i];
                }
            }

            return rest;
        }

        /// <summary>A coordinate's domain and name: a coefficient is any real number; a parameter keeps its family's domain (so a Variance is profiled on the log scale).</summary>
        private static ParameterSpec Spec(RegressionProblem problem, int position)
        {
            int p = problem.CoefficientCount;
            return position < p
                ? new ParameterSpec(problem.Design.Columns[position].Name, ParameterDomain.Real)
                : problem.Spec(problem.FreeParameters[position - p]);
        }

        private static void Replace(RegressionEstimate estimate, RegressionProblem problem, int position, double? lower, double? upper, string? note)
        {
            int p = problem.CoefficientCount;
            if (position < p)
            {
                var old = estimate.Coefficients[position];
                estimate.Coefficients[position] = new CoefficientEstimate(old.Name, old.Value, old.StandardError, lower, upper, old.Note) { IntervalNote = note };
                return;
            }

            string name = problem.ParameterName(problem.FreeParameters[position - p]);
            int k = Array.FindIndex(estimate.Parameters, e => e.Name == name);
            var parameter = estimate.Parameters[k];
            estimate.Parameters[k] = new ParameterEstimate(parameter.Name, parameter.Value, parameter.StandardError, lower, upper, isFixed: false) { IntervalNote = note };
        }
    }
}
