using System;
using System.Collections.Generic;
using System.Threading;
using PSEstimation.Distributions;
using PSEstimation.Estimation;
using PSEstimation.Models;

namespace PSEstimation.Regression
{
    /// <summary>
    /// The parametric bootstrap of a regression model (Davison and Hinkley 1997, §7.2, "model-based
    /// resampling" of a GLM): responses simulated from the fitted model at the observed predictors,
    /// row by row through the family's sampler with that row's parameters; censored by the same
    /// -CensoredAbove/-CensoredBelow limits as the data; each replicate refitted with the same
    /// parameters held. Replicates run through <see cref="ReplicateRunner"/>, so the result depends
    /// on the seed only. A row with frequency weight w stands for w observations with its
    /// predictors, so it is simulated w times (rounded to a whole number).
    /// </summary>
    internal static class RegressionBootstrap
    {
        /// <summary>Whether some weight is not a whole number (the bootstrap rounds it).</summary>
        public static bool HasFractionalWeights(RegressionProblem problem)
        {
            foreach (var o in problem.Observations)
            {
                if (Math.Abs(o.Weight - Math.Round(o.Weight)) > 1e-9 * Math.Max(1, o.Weight))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Runs <paramref name="simulations"/> replicates of the fit <paramref name="v"/> of
        /// <paramref name="problem"/>; the estimates are in the fitter's coordinates (coefficients,
        /// then free parameters), null for a replicate whose fit failed or did not converge.
        /// </summary>
        public static BootstrapReplicates Run(RegressionProblem problem, double[] v, CensoringRule? censoring, int simulations, RandomSource seedStream, int maxDegreeOfParallelism, CancellationToken cancellation, Action? progress = null)
        {
            if (FitProblem.BootstrapRefusalFor(censoring) is string refusal)
            {
                throw new EstimationException(ErrorIds.IntervalMethodNotApplicable, refusal);
            }

            var expanded = Unweighted(problem);
            int n = expanded.Design.Rows;
            if (n < 1)
            {
                throw new EstimationException(ErrorIds.IntervalMethodNotApplicable, "A bootstrap needs at least one observation of whole weight; every weight rounds to 0.");
            }

            // Each row's parameters at the fit: the sampler draws row i's response from them.
            var rowTheta = new double[n][];
            for (int i = 0; i < n; i++)
            {
                rowTheta[i] = expanded.RowTheta(i, v);
            }

            var model = problem.Model;
            var thetas = ReplicateRunner.Run(
                simulations,
                seedStream,
                maxDegreeOfParallelism,
                cancellation,
                () => new Observation[n],
                (random, observations) =>
                {
                    for (int i = 0; i < n; i++)
                    {
                        double y = model.Sample(random, rowTheta[i]);
                        if (double.IsNaN(y) || double.IsInfinity(y))
                        {
                            return null;
                        }

                        observations[i] = censoring is not null && censoring.TryCensor(y, 1, out var censored)
                            ? new Observation(censored.Lower, censored.Upper, 1, i)
                            : new Observation(y, y, 1, i);
                    }

                    return Refit(expanded.WithObservations(observations), v, cancellation);
                },
                progress);
            return new BootstrapReplicates(thetas, BootstrapReplicates.CountFailures(thetas));
        }

        /// <summary>A replicate's estimate, or null when the fit failed, did not converge or is not finite.</summary>
        private static double[]? Refit(RegressionProblem replicate, double[] start, CancellationToken cancellation)
        {
            try
            {
                // From the fit the responses were simulated from (the replicate's estimate is near it), estimate only.
                var fit = new RegressionFitter { Cancellation = cancellation, Start = start, EstimateOnly = true }.Fit(replicate, null);
                if (!fit.Converged)
                {
                    return null;
                }

                foreach (double x in fit.V)
                {
                    if (double.IsNaN(x) || double.IsInfinity(x))
                    {
                        return null;
                    }
                }

                return fit.V;
            }
            catch (EstimationException)
            {
                return null;
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                // Any other failure of one replicate's fit is a failed replicate: counted, reported, left out.
                return null;
            }
        }

        /// <summary>The problem with every row repeated round(weight) times at weight 1 (itself when every weight is 1).</summary>
        private static RegressionProblem Unweighted(RegressionProblem problem)
        {
            bool unit = true;
            foreach (var o in problem.Observations)
            {
                unit &= o.Weight == 1;
            }

            if (unit)
            {
                return problem;
            }

            int p = problem.CoefficientCount;
            var values = new List<double>();
            var offset = problem.Offset is null ? null : new List<double>();
            var observations = new List<Observation>();
            foreach (var o in problem.Observations)
            {
                long copies = (long)Math.Round(o.Weight);
                for (long c = 0; c < copies; c++)
                {
                    for (int j = 0; j < p; j++)
                    {
                        values.Add(problem.Design.Values[o.Row * p + j]);
                    }

                    offset?.Add(problem.Offset![o.Row]);
                    observations.Add(new Observation(o.Lower, o.Upper, 1, observations.Count));
                }
            }

            var design = new DesignMatrix(problem.Design.Columns, values.ToArray(), observations.Count);
            return new RegressionProblem(problem.Model, problem.Link, design, observations.ToArray(), problem.FixedValues, offset?.ToArray());
        }
    }
}
