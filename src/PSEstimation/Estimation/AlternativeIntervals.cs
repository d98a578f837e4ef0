using System;
using System.Collections.Generic;
using System.Threading;
using PSEstimation.Distributions;
using PSEstimation.Models;

namespace PSEstimation.Estimation
{
    /// <summary>
    /// Replaces a fit's Wald intervals by profile-likelihood or bootstrap ones, and forms the same
    /// intervals for a quantile or a survival probability of the fit. The Wald standard errors stay:
    /// they are the curvature of the likelihood at the estimate whatever the interval.
    /// </summary>
    internal static class AlternativeIntervals
    {
        /// <summary>Profile intervals of every free parameter of <paramref name="fit"/>; notes about unbounded sides go to <paramref name="warn"/>.</summary>
        public static void ApplyProfile(MLEstimate fit, FitProblem problem, Action<string>? warn, CancellationToken cancellation)
        {
            foreach (int i in problem.FreeIndices())
            {
                var old = fit.Parameters[i];
                var interval = ProfileLikelihood.Parameter(problem, i, fit.ConfidenceLevel, old.StandardError, cancellation);
                fit.Parameters[i] = new ParameterEstimate(old.Name, old.Value, old.StandardError, interval.Lower, interval.Upper, isFixed: false) { IntervalNote = interval.Note };
                if (interval.Note is not null)
                {
                    fit.IntervalNote = fit.IntervalNote is null ? interval.Note : fit.IntervalNote + " " + interval.Note;
                    warn?.Invoke(interval.Note);
                }
            }

            fit.IntervalMethod = nameof(IntervalMethod.Profile);
        }

        /// <summary>Percentile intervals of every free parameter from <paramref name="replicates"/>.</summary>
        public static void ApplyBootstrap(MLEstimate fit, FitProblem problem, BootstrapReplicates replicates, Action<string>? warn = null)
        {
            foreach (int i in problem.FreeIndices())
            {
                var old = fit.Parameters[i];
                if (!problem.Family.IsSmoothIn(i) && problem.Family.Name != DistributionName.Laplace)
                {
                    // The estimate is a sample extreme (Uniform's bounds, Pareto's Scale): every replicate's
                    // lies on one side of it, and the percentile interval misses the true value as often as not.
                    warn?.Invoke($"The percentile bootstrap is not valid for {old.Name}: its estimate is a sample extreme, which every simulated sample's estimate lies inside of. Use -IntervalMethod Profile for it.");
                }

                int index = i;
                var interval = replicates.Percentile(theta => theta[index], fit.ConfidenceLevel);
                fit.Parameters[i] = new ParameterEstimate(old.Name, old.Value, old.StandardError, interval?.Lower, interval?.Upper, isFixed: false);
            }

            fit.IntervalMethod = nameof(IntervalMethod.Bootstrap);
            fit.Simulations = replicates.Simulations;
            fit.BootstrapFailures = replicates.Failures;
        }

        /// <summary>A warning when replicates failed, or null.</summary>
        public static string? FailureNote(BootstrapReplicates replicates, string distribution)
            => replicates.Failures == 0
                ? null
                : $"{replicates.Failures} of {replicates.Simulations} bootstrap replicates of the {distribution} fit failed or did not converge; the percentiles are of the other {replicates.Simulations - replicates.Failures}, which can narrow the interval if the failures are the extreme samples.";

        /// <summary>The quantile at <paramref name="probability"/> (an exceedance probability when <paramref name="upperTail"/>) as a function of θ.</summary>
        public static Func<double[], double> QuantileFunction(DistributionModel model, double probability, bool upperTail)
            => upperTail ? theta => model.InverseSurvival(probability, theta) : theta => model.Quantile(probability, theta);

        /// <summary>
        /// The profile interval of a quantile: on the log scale when the support is positive (so it
        /// stays positive), else as it is. Discrete quantiles are step functions of the parameters
        /// and have no profile likelihood to speak of.
        /// </summary>
        public static ProfileInterval ProfileQuantile(FitProblem problem, double probability, bool upperTail, double level, CancellationToken cancellation)
        {
            var model = problem.Family.Model!;
            if (model.IsDiscrete)
            {
                throw new EstimationException(
                    "IntervalMethodNotApplicable",
                    $"{model.Name} is discrete: its quantiles are whole numbers that jump with the parameters, so they have no profile likelihood. Use -IntervalMethod Wald (which inverts the interval of the CDF) or Bootstrap.");
            }

            var q = QuantileFunction(model, probability, upperTail);
            double value = q(problem.Theta);
            bool positive = model.Quantile(0, problem.Theta) >= 0 && value > 0;
            string name = upperTail ? $"the quantile at exceedance probability {Format(probability)}" : $"the {Format(probability)} quantile";
            return positive
                ? ProfileLikelihood.Derived(problem, theta => Math.Log(q(theta)), Math.Exp, 0, double.PositiveInfinity, level, name, cancellation)
                : ProfileLikelihood.Derived(problem, q, v => v, double.NegativeInfinity, double.PositiveInfinity, level, name, cancellation);
        }

        /// <summary>The profile interval of S(x) = P(X &gt; x), searched on the logit scale (log S - log F, from the logs so a tiny S keeps its digits).</summary>
        public static ProfileInterval ProfileSurvival(FitProblem problem, double x, double level, CancellationToken cancellation)
        {
            var model = problem.Family.Model!;
            double Logit(double[] theta) => model.LogSurvival(x, theta) - model.LogCdf(x, theta);
            double FromLogit(double eta) => eta > 0 ? 1 / (1 + Math.Exp(-eta)) : Math.Exp(eta) / (1 + Math.Exp(eta));
            return ProfileLikelihood.Derived(problem, Logit, FromLogit, 0, 1, level, $"the survival probability at {Format(x)}", cancellation);
        }

        private static string Format(double value) => value.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);
    }
}
