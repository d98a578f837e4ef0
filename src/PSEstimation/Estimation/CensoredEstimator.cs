using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using MathNet.Numerics.Distributions;
using PSEstimation.Distributions;
using PSEstimation.Models;

namespace PSEstimation.Estimation
{
    /// <summary>
    /// The maximum-likelihood fit of a family to a <see cref="CensoredSample"/>: Newton-Raphson
    /// with the analytic derivatives of log f, log F, log S and log(F(u) - F(l)) from the model,
    /// started from the better of the fitter's start on the exact values and its start on the
    /// exact values with each censored observation put at a point of its interval; the closed form
    /// where there is one (Exponential with right-censoring only: events / total time); standard
    /// errors from the observed information. Without any censored observation it is the ordinary
    /// fit of <see cref="MaximumLikelihoodEstimator"/>.
    /// </summary>
    internal sealed class CensoredEstimator
    {
        private EstimationException? firstRefusal;

        public CensoredEstimator(DistributionFamily family, double confidenceLevel)
        {
            Family = family;
            ConfidenceLevel = confidenceLevel;
        }

        public DistributionFamily Family { get; }

        public double ConfidenceLevel { get; }

        /// <summary>Receives the optimiser's trace (the cmdlets pass WriteVerbose).</summary>
        public Action<string>? Trace { get; set; }

        /// <summary>Receives caveats about the result (the cmdlets pass WriteWarning).</summary>
        public Action<string>? Warn { get; set; }

        /// <summary>
        /// Throws <see cref="EstimationException"/> when the family cannot be fitted to censored
        /// data by this estimator (Categorical, or a free parameter in which the likelihood is not
        /// smooth: Uniform's bounds, Pareto's Scale, Laplace's Location).
        /// </summary>
        public static void RequireSupported(DistributionFamily? family, double?[] fixedValues, DistributionName name)
        {
            if (family?.Model is null)
            {
                throw new EstimationException(ErrorIds.CensoringNotSupported, $"{name} cannot be fitted to censored observations: a category has no order, so 'at least' and 'at most' mean nothing.");
            }

            var rough = new List<string>();
            for (int i = 0; i < fixedValues.Length; i++)
            {
                if (fixedValues[i] is null && !family.IsSmoothIn(i))
                {
                    rough.Add(family.Parameters[i].Name);
                }
            }

            if (rough.Count > 0)
            {
                string names = string.Join(" and ", rough);
                throw new EstimationException(
                    ErrorIds.CensoringNotSupported,
                    $"{family.Name} cannot be fitted to censored observations with {names} estimated: its likelihood is not smooth in {names}, and the censored fit is a Newton search. Fix {names} with -Fixed (e.g. -Fixed @{{ {rough[0]} = ... }}) to fit the rest.");
            }
        }

        public MLEstimate Fit(CensoredSample sample, double?[] fixedValues, CancellationToken cancellation)
        {
            if (sample.CensoredWeight <= 0)
            {
                var plain = new MaximumLikelihoodEstimator(Family, ConfidenceLevel) { Trace = Trace, Warn = Warn }.Fit(sample.Exact, fixedValues, cancellation);
                plain.CensoredCount = 0;
                return plain;
            }

            RequireSupported(Family, fixedValues, Family.Name);
            sample.Exact.Cancellation = cancellation;
            int freeCount = 0;
            foreach (var f in fixedValues)
            {
                freeCount += f is null ? 1 : 0;
            }

            RequireIdentifiable(sample, freeCount);
            var objective = new CensoredLikelihoodObjective(Family, sample);
            double?[] covarianceFixed = fixedValues;
            string method;
            int iterations = 0;
            bool converged = true;
            double[] theta;
            if (freeCount == 0)
            {
                theta = Array.ConvertAll(fixedValues, v => v!.Value);
                method = "Every parameter fixed";
            }
            else if (ExponentialClosedForm(sample) is double rate)
            {
                theta = new[] { rate };
                method = "Closed form: Rate = events / total time (exact values plus the censoring values)";
            }
            else if (GeometricClosedForm(sample) is double p)
            {
                theta = new[] { p };
                method = "Closed form: P = successes / (successes + failures), a count known to be at least k counting k failures";
            }
            else
            {
                double[] start = Start(sample, fixedValues, objective);
                Trace?.Invoke("Starting values: " + string.Join(", ", Array.ConvertAll(start, v => v.ToString("G10", CultureInfo.InvariantCulture))));
                var result = NewtonRaphson.Maximize(objective, Family.Parameters, start, fixedValues, cancellation, Trace);
                method = "Newton-Raphson on unconstrained scales with the analytic derivatives of the censored log-likelihood";
                if (AtNormalLimit(result, fixedValues))
                {
                    // Student t whose likelihood keeps rising toward the Normal (ν → ∞): as the
                    // uncensored fit, report ν at the cap and fit Location and Scale there.
                    var held = (double?[])fixedValues.Clone();
                    held[2] = StudentTFamily.DegreesOfFreedomCap;
                    var start2 = (double[])result.Theta.Clone();
                    start2[2] = StudentTFamily.DegreesOfFreedomCap;
                    result = NewtonRaphson.Maximize(objective, Family.Parameters, start2, held, cancellation, Trace);
                    covarianceFixed = held;
                    method += "; the likelihood increases toward the Normal limit, so DegreesOfFreedom is reported at the cap " + StudentTFamily.DegreesOfFreedomCap.ToString("G", CultureInfo.InvariantCulture) + " (no standard error)";
                }

                theta = result.Theta;
                iterations = result.Iterations;
                converged = result.Converged;
                if (!converged)
                {
                    Warn?.Invoke($"The censored {Family.Name} fit did not converge in {iterations} iterations; the best point found is reported (Converged = False).");
                }
            }

            method = $"Censored likelihood ({sample.Describe()}; log F, log S, log(F(u) - F(l)) in log space): {method}";
            double logLik = objective.Value(theta);
            if (double.IsNaN(logLik) || double.IsInfinity(logLik))
            {
                throw new EstimationException(
                    ErrorIds.UndefinedLogLikelihood,
                    $"The censored {Family.Name} log-likelihood at the estimate is not finite ({logLik.ToString(CultureInfo.InvariantCulture)}): the censored observations cannot be explained by any {Family.Name} distribution the search reached. Check the bounds, or rescale the data.");
            }

            if (sample.Exact.TotalWeight == 0 && freeCount > 0 && logLik > -1e-9 * sample.TotalWeight)
            {
                throw new EstimationException(
                    ErrorIds.CensoredNotIdentifiable,
                    $"No observation is exact, and a {Family.Name} distribution concentrated ever more tightly inside the intervals gives every one of them probability 1: the likelihood has no maximum, only a supremum at a degenerate distribution. Give some exact values or wider, differing intervals, or fix a parameter with -Fixed.");
            }

            double[] score = objective.Gradient(theta);
            double[,] observed = Covariances.Negate(objective.Hessian(theta));
            double[,]? covariance = Covariances.InvertFree(observed, covarianceFixed);
            if (covariance is not null && !ReferenceEquals(covarianceFixed, fixedValues))
            {
                for (int i = 0; i < theta.Length; i++)
                {
                    if (fixedValues[i] is null && covarianceFixed[i] is not null)
                    {
                        covariance[i, i] = double.NaN;
                    }
                }
            }
            if (covariance is null)
            {
                Warn?.Invoke($"The observed information of the censored {Family.Name} fit is not positive definite at the estimate (an optimum on the boundary, or too little information in the observations); no standard errors are reported.");
            }

            var estimate = new MLEstimate(
                Family.Name.ToString(),
                sample.TotalWeight,
                WaldEstimates.Parameters(Family.Parameters, theta, fixedValues, covariance, ConfidenceLevel),
                MaximumLikelihoodEstimator.EstimateDictionary(Family, theta),
                logLik,
                freeCount,
                score,
                // Under censoring the expected information depends on the censoring mechanism,
                // which the data do not give: the observed information is reported instead.
                observed,
                covariance ?? WaldEstimates.UnavailableCovariance(theta.Length, fixedValues),
                ConfidenceLevel,
                method,
                iterations,
                converged);
            estimate.CensoredCount = sample.CensoredWeight;
            return estimate;
        }

        /// <summary>
        /// What no likelihood can settle: only censored observations, all on one side (the fit
        /// runs off to infinity); or, for two or more free parameters, censored observations only on
        /// both sides and none exact or interval-censored (a whole curve of parameters fits as well).
        /// </summary>
        private void RequireIdentifiable(CensoredSample sample, int freeCount)
        {
            if (sample.Exact.TotalWeight > 0 || sample.IntervalCensoredWeight > 0)
            {
                return;
            }

            if (sample.LeftCensoredWeight == 0 || sample.RightCensoredWeight == 0)
            {
                string side = sample.LeftCensoredWeight == 0 ? "right-censored (known only to be at least a limit)" : "left-censored (known only to be at most a limit)";
                throw new EstimationException(
                    ErrorIds.EveryObservationCensored,
                    $"Every observation is {side}, and none is exact: the {Family.Name} likelihood keeps growing as the distribution moves past the limits, so there is no estimate. Give some exact values, or intervals (-LowerProperty/-UpperProperty).");
            }

            if (freeCount >= 2)
            {
                throw new EstimationException(
                    ErrorIds.CensoredNotIdentifiable,
                    $"Every observation is censored at a limit (left- or right-censored, none exact or in a finite interval): that fixes at most how much probability lies below and above the limits, not the {freeCount} parameters of {Family.Name}. Give some exact values or intervals, or fix a parameter with -Fixed.");
            }
        }

        /// <summary>A start refused for lack of distinct exact values (the imputed start is there for that), not for their scale.</summary>
        private static bool IsAboutTooFewValues(EstimationException e)
            => e.ErrorId == "ZeroVariance" || e.ErrorId == "ConstantSample" || e.ErrorId == "AllValuesZero" || e.ErrorId == "InsufficientSpread";

        /// <summary>Whether a Student t fit ran toward ν = ∞ (past 10^8, still climbing or stopped by the iteration cap).</summary>
        private bool AtNormalLimit(OptimizationResult result, double?[] fixedValues)
            => Family.Name == DistributionName.StudentT && fixedValues[2] is null && result.Theta[2] > 1e8;

        /// <summary>Exponential with right-censoring only: Rate = events / total time, the exact values plus the censoring values.</summary>
        private double? ExponentialClosedForm(CensoredSample sample)
        {
            if (Family.Name != DistributionName.Exponential || sample.LeftCensoredWeight > 0 || sample.IntervalCensoredWeight > 0 || !(sample.Exact.TotalWeight > 0))
            {
                return null;
            }

            double events = sample.Exact.TotalWeight;
            double exactMean;
            try
            {
                exactMean = 1 / Family.ClosedForm(sample.Exact, new double?[] { null })![0];
            }
            catch (EstimationException)
            {
                exactMean = 0; // every exact value is 0
            }

            // Σ w·c as n̄·mean form, so a sum near 1e308 does not overflow before the division.
            double censoredTime = 0;
            foreach (var observation in sample.Censored)
            {
                censoredTime += observation.Weight / events * observation.Lower;
            }

            double rate = 1 / (exactMean + censoredTime);
            return rate > 0 && !double.IsInfinity(rate) ? rate : (double?)null;
        }

        /// <summary>
        /// Geometric with right-censoring only: a count known to be at least k contributes (1 - P)^k,
        /// so P = n / (n + Σx + Σk), n the exact counts (each ending in a success).
        /// </summary>
        private double? GeometricClosedForm(CensoredSample sample)
        {
            if (Family.Name != DistributionName.Geometric || sample.LeftCensoredWeight > 0 || sample.IntervalCensoredWeight > 0 || !(sample.Exact.TotalWeight > 0))
            {
                return null;
            }

            double n = sample.Exact.TotalWeight;

            // The mean of the exact counts from the family's statistics (else from its closed form P = 1 / (1 + mean)).
            double failuresPerEvent = sample.Exact is CountStatistics counts ? counts.Mean : 1 / Family.ClosedForm(sample.Exact, new double?[] { null })![0] - 1;
            foreach (var observation in sample.Censored)
            {
                // Stored as (k - 1, ∞): at least k failures.
                failuresPerEvent += observation.Weight / n * (observation.Lower + 1);
            }

            double p = 1 / (1 + failuresPerEvent);
            return p > 0 && p <= 1 ? p : (double?)null;
        }

        /// <summary>
        /// The better (by the censored log-likelihood) of: the fitter's start (closed form or
        /// initial estimate) on the exact values, and (with at most <see cref="CensoredSample.StartSampleCapacity"/>
        /// exact values) on the exact values together with one point inside each censored interval;
        /// else neutral values on each parameter's scale.
        /// </summary>
        private double[] Start(CensoredSample sample, double?[] fixedValues, ILogObjective objective)
        {
            var candidates = new List<double[]>();
            if (sample.Exact.TotalWeight > 0)
            {
                AddStart(candidates, sample.Exact, fixedValues);
            }

            if (sample.StartSample is SampleAccumulator imputed && sample.StartSampleComplete)
            {
                if (!sample.StartImputed)
                {
                    sample.StartImputed = true;
                    foreach (var observation in sample.Censored)
                    {
                        double x = CensoredSupport.RepresentativeValue(Family, observation, fixedValues);
                        if (!double.IsNaN(x))
                        {
                            imputed.Add(x, observation.Weight);
                        }
                    }
                }

                AddStart(candidates, imputed, fixedValues);
            }

            if (candidates.Count == 0 && firstRefusal is EstimationException refusal && !IsAboutTooFewValues(refusal))
            {
                // The family's own start refused the data (values beyond what it can fit at this
                // scale): its reason is the answer, not a search from neutral values.
                throw refusal;
            }

            candidates.Add(CensoredSupport.Representative(Family, fixedValues));
            double[]? best = null;
            double bestValue = double.NegativeInfinity;
            foreach (var candidate in candidates)
            {
                double value = objective.Value(candidate);
                if (!double.IsNaN(value) && value > bestValue)
                {
                    best = candidate;
                    bestValue = value;
                }
            }

            if (best is null || double.IsInfinity(bestValue))
            {
                throw new EstimationException(
                    ErrorIds.NoFiniteStart,
                    $"The censored {Family.Name} log-likelihood is not finite at any starting point; the observations cannot be fitted.");
            }

            return best;
        }

        private void AddStart(List<double[]> candidates, SampleAccumulator sample, double?[] fixedValues)
        {

            try
            {
                double[] start = Family.ClosedForm(sample, fixedValues) ?? Family.InitialEstimate(sample, fixedValues);
                for (int i = 0; i < start.Length; i++)
                {
                    if (fixedValues[i] is null && !(Family.Parameters[i].Accepts(start[i])))
                    {
                        return;
                    }
                }

                candidates.Add(start);
            }
            catch (EstimationException e)
            {
                // Too few or too alike exact values for this start: the others remain.
                firstRefusal ??= e;
            }
            catch (Exception e) when (e is NotSupportedException || e is InvalidCastException || e is ArgumentException)
            {
                // No start of this kind for the family: the others remain.
            }
        }
    }
}
