using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using PSEstimation.Distributions;
using PSEstimation.Estimation;

namespace PSEstimation.Bayesian
{
    /// <summary>
    /// The MAP fit of a family to a <see cref="CensoredSample"/>: no prior is conjugate to a
    /// censored likelihood, so the mode of log L(θ) + Σ log pᵢ(θᵢ) is found by Newton-Raphson
    /// (the censored log-likelihood's analytic derivatives plus the priors'), started from the
    /// censored MLE and from the prior centres, with the Laplace approximation at the mode; the
    /// censored MLE of the same data beside it. <see cref="MapEstimator"/> is the uncensored one.
    /// </summary>
    internal sealed class CensoredMapEstimator
    {
        private const string NumericalMethod =
            "Newton-Raphson on the log-posterior (the censored log-likelihood plus the log prior densities, each taken on the parameter's own scale; no prior is conjugate under censoring); " +
            "standard deviations and credible intervals from the Laplace approximation at the mode";

        public CensoredMapEstimator(DistributionFamily family, double confidenceLevel)
        {
            Family = family;
            ConfidenceLevel = confidenceLevel;
        }

        public DistributionFamily Family { get; }

        public double ConfidenceLevel { get; }

        public Action<string>? Trace { get; set; }

        public Action<string>? Warn { get; set; }

        public MAPEstimate Fit(CensoredSample sample, double?[] fixedValues, PriorSpecification prior, CancellationToken cancellation)
        {
            if (prior.Joint is not null)
            {
                throw new EstimationException(
                    ErrorIds.InvalidPrior,
                    $"A joint conjugate prior ({prior.Joint.GetType().Name.Replace("Prior", string.Empty)}) is not conjugate to a censored likelihood; give independent priors by parameter name, e.g. -Prior @{{ {Family.Parameters[0].Name} = '...' }}.");
            }

            MLEstimate? mle = null;
            try
            {
                mle = new CensoredEstimator(Family, ConfidenceLevel) { Trace = Trace, Warn = message => Warn?.Invoke("MLEstimate: " + message) }.Fit(sample, fixedValues, cancellation);
            }
            catch (EstimationException e)
            {
                Warn?.Invoke($"These data have no maximum-likelihood estimate, so MLEstimate is null: {e.Message}");
            }

            int p = Family.Parameters.Count;
            var priors = new UnivariatePrior?[p];
            var free = new List<int>();
            for (int i = 0; i < p; i++)
            {
                if (fixedValues[i] is null)
                {
                    free.Add(i);
                    var given = prior.Priors[i];
                    priors[i] = given is null || given.IsFlat ? null : given;
                }
            }

            string censoring = $"censored likelihood ({sample.Describe()})";
            if (!free.Any(i => priors[i] is not null))
            {
                return FromMle(sample, fixedValues, prior, mle, censoring);
            }

            var likelihood = new CensoredLikelihoodObjective(Family, sample);
            var objective = new PosteriorOfCensored(likelihood, priors);
            var best = PosteriorModeSearch.Best(objective, Family.Parameters, Starts(fixedValues, priors, free, mle), fixedValues, cancellation, Trace);

            if (best is null)
            {
                throw new EstimationException(ErrorIds.NoPosteriorMode, $"The censored log-posterior of {Family.Name} is not finite at any starting point (the MLE, the prior centres); the data and the prior cannot be combined.");
            }

            double[] theta = best.Theta;
            if (!best.Converged)
            {
                Warn?.Invoke($"The search for the posterior mode did not converge in {best.Iterations} iterations; the best point found is reported (Converged = False).");
            }

            double z = -MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, (1 - ConfidenceLevel) / 2);
            var covariance = Covariances.InvertFree(Covariances.Negate(objective.Hessian(theta)), fixedValues);
            if (covariance is null)
            {
                Warn?.Invoke($"The log-posterior of {Family.Name} is not strictly concave at the mode found, so the Laplace approximation gives no standard deviations or credible intervals.");
            }

            var parameters = new MAPParameterEstimate[p];
            var fullCovariance = new double[p, p];
            for (int i = 0; i < p; i++)
            {
                string name = Family.Parameters[i].Name;
                double? mleValue = mle?.Parameters[i].Value;
                for (int j = 0; j < p; j++)
                {
                    fullCovariance[i, j] = covariance is null && fixedValues[i] is null && fixedValues[j] is null ? double.NaN : covariance?[i, j] ?? 0;
                }

                if (fixedValues[i] is double fixedValue)
                {
                    parameters[i] = new MAPParameterEstimate(name, fixedValue, fixedValue, 0, fixedValue, fixedValue, mleValue, isFixed: true);
                }
                else if (covariance is null || !(covariance[i, i] >= 0))
                {
                    parameters[i] = new MAPParameterEstimate(name, theta[i], theta[i], null, null, null, mleValue, isFixed: false);
                }
                else
                {
                    double sd = Math.Sqrt(covariance[i, i]);
                    parameters[i] = new MAPParameterEstimate(name, theta[i], theta[i], sd, theta[i] - z * sd, theta[i] + z * sd, mleValue, isFixed: false);
                }
            }

            var flat = free.Where(i => priors[i] is null).Select(i => Family.Parameters[i].Name).ToList();
            string method = NumericalMethod + "; " + censoring + (flat.Count > 0 ? "; flat prior on " + string.Join(" and ", flat) : string.Empty);
            var fit = new MAPEstimate(
                Family.Name.ToString(),
                sample.TotalWeight,
                PriorList(fixedValues, prior),
                parameters,
                MaximumLikelihoodEstimator.EstimateDictionary(Family, theta),
                null,
                objective.Value(theta),
                likelihood.Value(theta),
                mle,
                fullCovariance,
                ConfidenceLevel,
                method,
                best.Iterations,
                best.Converged);
            fit.CensoredCount = sample.CensoredWeight;
            return fit;
        }

        private MAPEstimate FromMle(CensoredSample sample, double?[] fixedValues, PriorSpecification prior, MLEstimate? mle, string censoring)
        {
            if (mle is null)
            {
                throw new EstimationException(
                    ErrorIds.NoPosteriorMode,
                    $"No estimated parameter of {Family.Name} has a proper prior, so the posterior mode is the MLE, and these censored data have none. Give a prior, e.g. -Prior @{{ {Family.Parameters[Array.FindIndex(fixedValues, v => v is null)].Name} = '...' }}.");
            }

            var parameters = mle.Parameters
                .Select(e => new MAPParameterEstimate(e.Name, e.Value, e.Fixed || e.StandardError is not null ? e.Value : (double?)null, e.StandardError, e.Lower, e.Upper, e.Value, e.Fixed))
                .ToArray();
            var fit = new MAPEstimate(
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
                "No proper prior on any estimated parameter (flat priors): the posterior mode is the MLE of the " + censoring + ", and the Laplace approximation its observed information (" + mle.Method + ")",
                mle.Iterations,
                mle.Converged);
            fit.CensoredCount = sample.CensoredWeight;
            return fit;
        }

        /// <summary>The censored MLE (values outside a prior's support replaced by its centre), then the prior centres.</summary>
        private IEnumerable<double[]> Starts(double?[] fixedValues, UnivariatePrior?[] priors, List<int> free, MLEstimate? mle)
        {
            var fromMle = new double[fixedValues.Length];
            var centres = new double[fixedValues.Length];
            for (int i = 0; i < fixedValues.Length; i++)
            {
                var spec = Family.Parameters[i];
                double neutral = spec.Domain switch { ParameterDomain.Positive => 1, ParameterDomain.Probability => 0.5, _ => 0 };
                double guess = fixedValues[i] ?? mle?.Parameters[i].Value ?? neutral;
                var given = priors[i];
                bool usable = spec.Accepts(guess) && !double.IsInfinity(spec.ToUnconstrained(guess))
                    && (given is null || (guess > given.SupportLower && guess < given.SupportUpper));
                fromMle[i] = usable ? guess : given?.Center ?? neutral;
                centres[i] = fixedValues[i] ?? given?.Center ?? fromMle[i];
            }

            yield return fromMle;
            if (!centres.SequenceEqual(fromMle))
            {
                yield return centres;
            }
        }

        private ParameterDistribution[] PriorList(double?[] fixedValues, PriorSpecification prior)
        {
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

        /// <summary>The censored log-likelihood plus the log prior densities.</summary>
        private sealed class PosteriorOfCensored : ILogObjective
        {
            private readonly ILogObjective likelihood;
            private readonly UnivariatePrior?[] priors;

            public PosteriorOfCensored(ILogObjective likelihood, UnivariatePrior?[] priors)
            {
                this.likelihood = likelihood;
                this.priors = priors;
            }

            public double Value(double[] theta)
            {
                double logPrior = 0;
                for (int i = 0; i < priors.Length; i++)
                {
                    logPrior += priors[i]?.LogDensity(theta[i]) ?? 0;
                }

                return double.IsNegativeInfinity(logPrior) ? logPrior : likelihood.Value(theta) + logPrior;
            }

            public double[] Gradient(double[] theta)
            {
                double[] gradient = likelihood.Gradient(theta);
                for (int i = 0; i < priors.Length; i++)
                {
                    gradient[i] += priors[i]?.Gradient(theta[i]) ?? 0;
                }

                return gradient;
            }

            public double[,] Hessian(double[] theta)
            {
                double[,] hessian = likelihood.Hessian(theta);
                for (int i = 0; i < priors.Length; i++)
                {
                    hessian[i, i] += priors[i]?.SecondDerivative(theta[i]) ?? 0;
                }

                return hessian;
            }
        }
    }
}
