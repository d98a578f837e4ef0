using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using System.Threading;
using PSEstimation.Distributions;
using PSEstimation.Estimation;

namespace PSEstimation.Bayesian
{
    /// <summary>
    /// Turns a family, a sample and a prior into a complete <see cref="MAPEstimate"/>: the
    /// conjugate posterior in closed form where the pair has one (<see cref="ConjugatePairs"/>),
    /// otherwise the mode of the log-posterior by Newton-Raphson with a Laplace approximation at
    /// the mode; and beside it the MLE of the same data.
    /// </summary>
    /// <remarks>
    /// A free parameter without a prior gets a flat prior on its own scale: the log-posterior
    /// is then the log-likelihood in that parameter. With no proper prior on any estimated
    /// parameter the mode is the MLE and the Laplace approximation is the observed information,
    /// so the MLE's numbers are reported. A parameter in which the likelihood is not smooth
    /// (<see cref="DistributionFamily.IsSmoothIn"/>) and that has no prior is held at its MLE,
    /// which is its mode under a flat prior whatever the other parameters.
    /// </remarks>
    internal sealed class MapEstimator
    {
        private const string NumericalMethod =
            "Numerical: Newton-Raphson on the log-posterior (log-likelihood plus the log prior densities, each taken on the parameter's own scale); " +
            "standard deviations and credible intervals from the Laplace approximation at the mode (a Normal with the inverse negative Hessian as covariance, so PosteriorMean is the mode)";

        public MapEstimator(DistributionFamily family, double confidenceLevel)
        {
            Family = family;
            ConfidenceLevel = confidenceLevel;
        }

        public DistributionFamily Family { get; }

        public double ConfidenceLevel { get; }

        /// <summary>Receives the optimiser's trace (the cmdlet passes WriteVerbose).</summary>
        public Action<string>? Trace { get; set; }

        /// <summary>Receives caveats (the cmdlet passes WriteWarning).</summary>
        public Action<string>? Warn { get; set; }

        public MAPEstimate Fit(SampleAccumulator sample, ConjugateStatistics statistics, double?[] fixedValues, PriorSpecification prior, CancellationToken cancellation)
        {
            if (sample.TotalWeight <= 0)
            {
                throw new EstimationException(ErrorIds.NoUsableInput, $"No usable values to fit a {Family.Name} distribution to.");
            }

            MLEstimate? mle = FitMle(sample, fixedValues, cancellation);
            var update = ConjugatePairs.Find(Family, fixedValues, prior);
            return update is not null
                ? FromConjugate(update.Update(statistics, ConfidenceLevel), sample, fixedValues, prior, mle)
                : FromNumerical(sample, fixedValues, prior, mle, cancellation);
        }

        /// <summary>Categorical with a symmetric Dirichlet prior.</summary>
        public static MAPEstimate FitCategorical(CategoricalCounts counts, DirichletPrior prior, double confidenceLevel)
        {
            if (counts.TotalWeight <= 0)
            {
                throw new EstimationException(ErrorIds.NoUsableInput, "No usable values to fit a Categorical distribution to.");
            }

            var mle = CategoricalEstimator.Fit(counts, confidenceLevel);
            var result = DirichletUpdate.Update(prior, counts, confidenceLevel);
            int k = counts.CategoryCount;
            var estimate = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
            var parameters = new MAPParameterEstimate[k];
            double logLikelihood = 0;
            for (int i = 0; i < k; i++)
            {
                var m = result.Marginals[i];
                string name = CategoricalCounts.NameOf(counts.Categories[i]);
                parameters[i] = new MAPParameterEstimate(name, m.Mode, m.Mean, m.StandardDeviation, m.Lower, m.Upper, mle.Parameters[i].Value, isFixed: false);
                if (!estimate.Contains(name))
                {
                    estimate.Add(name, m.Mode);
                }

                logLikelihood += counts.Counts[i] * Math.Log(m.Mode);
            }

            var priorDistribution = ConjugateResult.Distribution("Dirichlet", result.Posterior.Target, ("Alpha", prior.Alpha));
            return new MAPEstimate(
                DistributionName.Categorical.ToString(),
                counts.TotalWeight,
                new[] { priorDistribution },
                parameters,
                estimate,
                result.Posterior,
                logLikelihood + result.LogPriorAtMode,
                logLikelihood,
                mle,
                result.Covariance,
                confidenceLevel,
                result.Method,
                0,
                true);
        }

        private MLEstimate? FitMle(SampleAccumulator sample, double?[] fixedValues, CancellationToken cancellation)
        {
            var estimator = new MaximumLikelihoodEstimator(Family, ConfidenceLevel)
            {
                Trace = Trace,
                Warn = message => Warn?.Invoke("MLEstimate: " + message),
            };

            try
            {
                return estimator.Fit(sample, fixedValues, cancellation);
            }
            catch (EstimationException e)
            {
                Warn?.Invoke($"These data have no maximum-likelihood estimate, so MLEstimate is null: {e.Message}");
                return null;
            }
        }

        private MAPEstimate FromConjugate(ConjugateResult result, SampleAccumulator sample, double?[] fixedValues, PriorSpecification prior, MLEstimate? mle)
        {
            int p = Family.Parameters.Count;
            var theta = new double[p];
            var marginals = new PosteriorMarginal?[p];
            var covariance = new double[p, p];
            for (int i = 0; i < p; i++)
            {
                theta[i] = fixedValues[i] ?? double.NaN;
            }

            for (int a = 0; a < result.Indices.Length; a++)
            {
                int i = result.Indices[a];
                marginals[i] = result.Marginals[a];
                theta[i] = result.Marginals[a].Mode;
                for (int b = 0; b < result.Indices.Length; b++)
                {
                    covariance[i, result.Indices[b]] = result.Covariance[a, b];
                }
            }

            if (theta.Any(double.IsNaN))
            {
                Warn?.Invoke($"The {result.Posterior} posterior has no single mode (its density is unbounded at both ends); Value is NaN.");
            }

            var parameters = new MAPParameterEstimate[p];
            for (int i = 0; i < p; i++)
            {
                string name = Family.Parameters[i].Name;
                double? mleValue = mle?.Parameters[i].Value;
                parameters[i] = marginals[i] is PosteriorMarginal m
                    ? new MAPParameterEstimate(name, m.Mode, m.Mean, m.StandardDeviation, m.Lower, m.Upper, mleValue, isFixed: false)
                    : new MAPParameterEstimate(name, theta[i], theta[i], 0, theta[i], theta[i], mleValue, isFixed: true);
            }

            double logLikelihood = Family.LogLikelihood(sample, theta);
            return new MAPEstimate(
                Family.Name.ToString(),
                sample.TotalWeight,
                PriorList(fixedValues, prior),
                parameters,
                MaximumLikelihoodEstimator.EstimateDictionary(Family, theta),
                result.Posterior,
                logLikelihood + result.LogPriorAtMode,
                logLikelihood,
                mle,
                covariance,
                ConfidenceLevel,
                result.Method,
                0,
                true);
        }

        private MAPEstimate FromNumerical(SampleAccumulator sample, double?[] fixedValues, PriorSpecification prior, MLEstimate? mle, CancellationToken cancellation)
        {
            int p = Family.Parameters.Count;
            var priors = new UnivariatePrior?[p];
            var held = new bool[p];
            var optimised = (double?[])fixedValues.Clone();
            var notes = new List<string>();
            for (int i = 0; i < p; i++)
            {
                if (fixedValues[i] is not null)
                {
                    continue;
                }

                var given = prior.Priors[i];
                priors[i] = given is null || given.IsFlat ? null : given;
                if (priors[i] is null && !Family.IsSmoothIn(i))
                {
                    held[i] = true;
                }
            }

            var free = Enumerable.Range(0, p).Where(i => optimised[i] is null && !held[i]).ToList();
            var flat = free.Where(i => priors[i] is null).Select(i => Family.Parameters[i].Name).ToList();
            if (!free.Any(i => priors[i] is not null))
            {
                return FromMle(sample, fixedValues, prior, mle);
            }

            if (held.Any(h => h))
            {
                double[] heldValues = HeldValues(sample, fixedValues, priors, held, mle);
                for (int i = 0; i < p; i++)
                {
                    if (held[i])
                    {
                        optimised[i] = heldValues[i];
                    }
                }

                notes.Add(string.Join(" and ", Enumerable.Range(0, p).Where(i => held[i]).Select(i => Family.Parameters[i].Name)) +
                    " held at the maximum-likelihood value (the likelihood is not smooth there; it is the mode under a flat prior whatever the other parameters)");
            }

            if (flat.Count > 0)
            {
                notes.Add("flat prior on " + string.Join(" and ", flat));
            }

            var objective = new LogPosteriorObjective(Family, sample, priors);
            var best = PosteriorModeSearch.Best(objective, Family.Parameters, Starts(sample, optimised, priors, free, mle), optimised, cancellation, Trace);

            if (best is null)
            {
                throw new EstimationException(ErrorIds.NoFiniteStart, $"The log-posterior of {Family.Name} is not finite at any starting point (the MLE, the prior centres); the data and the prior cannot be combined.");
            }

            double[] theta = best.Theta;
            if (!best.Converged)
            {
                Warn?.Invoke($"The search for the posterior mode did not converge in {best.Iterations} iterations; the best point found is reported (Converged = False).");
            }

            double z = -MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, (1 - ConfidenceLevel) / 2);
            var covariance = Covariances.InvertFree(Covariances.Negate(objective.Hessian(theta)), optimised);
            if (covariance is null)
            {
                Warn?.Invoke($"The log-posterior of {Family.Name} is not strictly concave at the mode found, so the Laplace approximation gives no standard deviations or credible intervals.");
            }

            foreach (int i in free)
            {
                if (priors[i] is UniformPrior uniform && (theta[i] <= uniform.Lower + 1e-9 * Math.Abs(uniform.Upper - uniform.Lower) || theta[i] >= uniform.Upper - 1e-9 * Math.Abs(uniform.Upper - uniform.Lower)))
                {
                    string name = Family.Parameters[i].Name;
                    Warn?.Invoke($"The mode of {name} is at the edge of its prior {uniform}; the posterior is cut off there, so its Laplace approximation (standard deviation and interval) is not reliable.");
                    notes.Add($"the mode of {name} is at the edge of its Uniform prior");
                }
            }

            var parameters = new MAPParameterEstimate[p];
            var fullCovariance = new double[p, p];
            for (int i = 0; i < p; i++)
            {
                string name = Family.Parameters[i].Name;
                double? mleValue = mle?.Parameters[i].Value;
                for (int j = 0; j < p; j++)
                {
                    fullCovariance[i, j] = held[i] || held[j] || (covariance is null && free.Contains(i) && free.Contains(j))
                        ? double.NaN
                        : covariance?[i, j] ?? 0;
                }

                if (fixedValues[i] is double fixedValue)
                {
                    parameters[i] = new MAPParameterEstimate(name, fixedValue, fixedValue, 0, fixedValue, fixedValue, mleValue, isFixed: true);
                }
                else if (held[i] || covariance is null || !(covariance[i, i] >= 0))
                {
                    parameters[i] = new MAPParameterEstimate(name, theta[i], held[i] ? null : theta[i], null, null, null, mleValue, isFixed: false);
                }
                else
                {
                    double sd = Math.Sqrt(covariance[i, i]);
                    parameters[i] = new MAPParameterEstimate(name, theta[i], theta[i], sd, theta[i] - z * sd, theta[i] + z * sd, mleValue, isFixed: false);
                }
            }

            return new MAPEstimate(
                Family.Name.ToString(),
                sample.TotalWeight,
                PriorList(fixedValues, prior),
                parameters,
                MaximumLikelihoodEstimator.EstimateDictionary(Family, theta),
                null,
                objective.Value(theta),
                Family.LogLikelihood(sample, theta),
                mle,
                fullCovariance,
                ConfidenceLevel,
                NumericalMethod + (notes.Count > 0 ? "; " + string.Join("; ", notes) : string.Empty),
                best.Iterations,
                best.Converged);
        }

        /// <summary>No proper prior on any estimated parameter: the mode is the MLE, and the Laplace approximation the observed information.</summary>
        private MAPEstimate FromMle(SampleAccumulator sample, double?[] fixedValues, PriorSpecification prior, MLEstimate? mle)
        {
            if (mle is null)
            {
                throw new EstimationException(
                    ErrorIds.NoPosteriorMode,
                    $"No estimated parameter of {Family.Name} has a proper prior, so the posterior mode is the MLE, and these data have none. Give a prior, e.g. -Prior @{{ {Family.Parameters[Array.FindIndex(fixedValues, v => v is null)].Name} = '...' }}.");
            }

            var parameters = mle.Parameters
                .Select(e => new MAPParameterEstimate(e.Name, e.Value, e.Fixed || e.StandardError is not null ? e.Value : (double?)null, e.StandardError, e.Lower, e.Upper, e.Value, e.Fixed))
                .ToArray();
            return new MAPEstimate(
                Family.Name.ToString(),
                sample.TotalWeight,
                PriorList(fixedValues, prior),
                parameters,
                MaximumLikelihoodEstimator.EstimateDictionary(Family, mle.Parameters.Select(e => e.Value).ToArray()),
                null,
                mle.LogLikelihood,
                mle.LogLikelihood,
                mle,
                mle.Covariance,
                ConfidenceLevel,
                "No proper prior on any estimated parameter (flat priors): the posterior mode is the MLE, and the Laplace approximation is the MLE's observed information (" + mle.Method + ")",
                mle.Iterations,
                mle.Converged);
        }

        /// <summary>The values of held parameters: their MLEs, or when no MLE exists, the closed form with the priored parameters at their prior centres.</summary>
        private double[] HeldValues(SampleAccumulator sample, double?[] fixedValues, UnivariatePrior?[] priors, bool[] held, MLEstimate? mle)
        {
            if (mle is not null)
            {
                return mle.Parameters.Select(e => e.Value).ToArray();
            }

            var given = (double?[])fixedValues.Clone();
            for (int i = 0; i < given.Length; i++)
            {
                if (given[i] is null && priors[i] is UnivariatePrior prior)
                {
                    given[i] = prior.Center;
                }
            }

            return Family.ClosedForm(sample, given)
                ?? throw new EstimationException(ErrorIds.NoPosteriorMode, $"The {Family.Name} likelihood is not smooth in {string.Join(" and ", Enumerable.Range(0, held.Length).Where(i => held[i]).Select(i => Family.Parameters[i].Name))} and these data have no maximum-likelihood value for it; fix it with -Fixed.");
        }

        /// <summary>
        /// Starting points: the MLE (values on the edge of a domain or outside a prior's
        /// support replaced by the prior's centre), and the prior centres with the other free
        /// parameters at their conditional closed form where the family has one.
        /// </summary>
        private IEnumerable<double[]> Starts(SampleAccumulator sample, double?[] optimised, UnivariatePrior?[] priors, List<int> free, MLEstimate? mle)
        {
            double[] baseline = Baseline(sample, optimised, priors, mle);
            var fromMle = Sanitised(baseline, optimised, priors, free);
            yield return fromMle;

            var centres = (double[])fromMle.Clone();
            var given = (double?[])optimised.Clone();
            foreach (int i in free)
            {
                if (priors[i] is UnivariatePrior prior)
                {
                    centres[i] = prior.Center;
                    given[i] = prior.Center;
                }
            }

            double[]? conditional = TryClosedForm(sample, given);
            if (conditional is not null)
            {
                foreach (int i in free)
                {
                    if (priors[i] is null && IsInterior(Family.Parameters[i], conditional[i]))
                    {
                        centres[i] = conditional[i];
                    }
                }
            }

            if (!centres.SequenceEqual(fromMle))
            {
                yield return centres;
            }
        }

        private double[] Baseline(SampleAccumulator sample, double?[] optimised, UnivariatePrior?[] priors, MLEstimate? mle)
        {
            var theta = new double[optimised.Length];
            double[]? guess = mle?.Parameters.Select(e => e.Value).ToArray();
            if (guess is null)
            {
                try
                {
                    guess = Family.InitialEstimate(sample, optimised);
                }
                catch (Exception e) when (e is NotSupportedException || e is EstimationException)
                {
                    var given = (double?[])optimised.Clone();
                    for (int i = 0; i < given.Length; i++)
                    {
                        if (given[i] is null && priors[i] is UnivariatePrior prior)
                        {
                            given[i] = prior.Center;
                        }
                    }

                    guess = TryClosedForm(sample, given);
                }
            }

            for (int i = 0; i < theta.Length; i++)
            {
                theta[i] = optimised[i] ?? guess?[i] ?? double.NaN;
            }

            return theta;
        }

        private double[]? TryClosedForm(SampleAccumulator sample, double?[] given)
        {
            try
            {
                return Family.ClosedForm(sample, given);
            }
            catch (EstimationException)
            {
                return null;
            }
        }

        private double[] Sanitised(double[] theta, double?[] optimised, UnivariatePrior?[] priors, List<int> free)
        {
            var result = (double[])theta.Clone();
            foreach (int i in free)
            {
                var spec = Family.Parameters[i];
                var prior = priors[i];
                bool inPrior = prior is null || (result[i] > prior.SupportLower && result[i] < prior.SupportUpper);
                if (!IsInterior(spec, result[i]) || !inPrior)
                {
                    result[i] = prior is not null ? prior.Center : spec.Domain switch
                    {
                        ParameterDomain.Positive => 1,
                        ParameterDomain.Probability => 0.5,
                        _ => 0,
                    };
                }
            }

            return result;
        }

        private static bool IsInterior(ParameterSpec spec, double value)
            => !double.IsNaN(value) && !double.IsInfinity(spec.ToUnconstrained(value)) && !double.IsNaN(spec.ToUnconstrained(value));

        private ParameterDistribution[] PriorList(double?[] fixedValues, PriorSpecification prior)
        {
            if (prior.Joint is NormalInverseGammaPrior nig)
            {
                return new[]
                {
                    ConjugateResult.Distribution("NormalInverseGamma", new[] { "Mean", "Variance" }, ("Mean0", nig.Mean), ("Lambda", nig.Lambda), ("Shape", nig.Shape), ("Scale", nig.Scale)),
                };
            }

            var list = new List<ParameterDistribution>();
            for (int i = 0; i < fixedValues.Length; i++)
            {
                if (fixedValues[i] is null)
                {
                    var given = prior.Priors[i] ?? FlatPrior.Instance;
                    list.Add(ConjugateResult.Distribution(given.Name, new[] { Family.Parameters[i].Name }, given.Hyperparameters.ToArray()));
                }
            }

            return list.ToArray();
        }
    }
}
