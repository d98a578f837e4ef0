using System;
using System.Collections.Specialized;

namespace PSEstimation.Bayesian
{
    /// <summary>What a conjugate update gives: the posterior, and a summary of each parameter it covers.</summary>
    internal sealed class ConjugateResult
    {
        public ConjugateResult(ParameterDistribution posterior, int[] indices, PosteriorMarginal[] marginals, double[,] covariance, double logPriorAtMode, string method)
        {
            Posterior = posterior;
            Indices = indices;
            Marginals = marginals;
            Covariance = covariance;
            LogPriorAtMode = logPriorAtMode;
            Method = method;
        }

        /// <summary>The posterior distribution, with its hyperparameters.</summary>
        public ParameterDistribution Posterior { get; }

        /// <summary>The model parameters (indices in the family's order) the posterior is about.</summary>
        public int[] Indices { get; }

        /// <summary>One summary per index; Mode is the joint posterior mode.</summary>
        public PosteriorMarginal[] Marginals { get; }

        /// <summary>The posterior covariance over <see cref="Indices"/>.</summary>
        public double[,] Covariance { get; }

        /// <summary>The prior's log-density at the mode (for LogPosterior).</summary>
        public double LogPriorAtMode { get; }

        /// <summary>The result's Method text.</summary>
        public string Method { get; }

        /// <summary>A distribution description with case-insensitive hyperparameter names.</summary>
        public static ParameterDistribution Distribution(string name, string[] target, params (string Name, double Value)[] hyperparameters)
        {
            var parameters = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in hyperparameters)
            {
                if (!parameters.Contains(key))
                {
                    parameters.Add(key, value);
                }
            }

            return new ParameterDistribution(name, parameters, target);
        }

        /// <summary>A 1×1 covariance.</summary>
        public static double[,] Variance(PosteriorMarginal marginal)
            => new[,] { { marginal.StandardDeviation * marginal.StandardDeviation } };
    }
}
