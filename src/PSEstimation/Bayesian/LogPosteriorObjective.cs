using PSEstimation.Distributions;
using PSEstimation.Estimation;

namespace PSEstimation.Bayesian
{
    /// <summary>
    /// The unnormalised log-posterior of a family's sample under independent priors, log L(θ) +
    /// Σ log pᵢ(θᵢ), with its analytic gradient and Hessian on the parameters' own scale, as an
    /// objective for <see cref="NewtonRaphson"/>. The prior densities are taken with respect to
    /// each parameter itself (not its log or logit), so the maximum is the mode of the posterior
    /// density of θ; NewtonRaphson only moves on unconstrained scales, which does not change it.
    /// </summary>
    internal sealed class LogPosteriorObjective : ILogObjective
    {
        private readonly DistributionFamily family;
        private readonly SampleAccumulator sample;
        private readonly UnivariatePrior?[] priors;

        /// <param name="family">The family whose log-likelihood is the first term.</param>
        /// <param name="sample">The sample, in the family's accumulator.</param>
        /// <param name="priors">Per parameter; null for fixed parameters and flat priors.</param>
        public LogPosteriorObjective(DistributionFamily family, SampleAccumulator sample, UnivariatePrior?[] priors)
        {
            this.family = family;
            this.sample = sample;
            this.priors = priors;
        }

        /// <summary>Σ log pᵢ(θᵢ) over the parameters with a prior.</summary>
        public double LogPrior(double[] theta)
        {
            double sum = 0;
            for (int i = 0; i < priors.Length; i++)
            {
                if (priors[i] is UnivariatePrior prior)
                {
                    sum += prior.LogDensity(theta[i]);
                }
            }

            return sum;
        }

        public double Value(double[] theta)
        {
            // Outside a prior's support (a Uniform prior's bounds) the posterior is 0: do not
            // evaluate the likelihood there.
            double logPrior = LogPrior(theta);
            return double.IsNegativeInfinity(logPrior) ? logPrior : family.LogLikelihood(sample, theta) + logPrior;
        }

        public double[] Gradient(double[] theta)
        {
            double[] gradient = family.Score(sample, theta);
            for (int i = 0; i < priors.Length; i++)
            {
                if (priors[i] is UnivariatePrior prior)
                {
                    gradient[i] += prior.Gradient(theta[i]);
                }
            }

            return gradient;
        }

        public double[,] Hessian(double[] theta)
        {
            double[,] hessian = family.Hessian(sample, theta);
            for (int i = 0; i < priors.Length; i++)
            {
                if (priors[i] is UnivariatePrior prior)
                {
                    hessian[i, i] += prior.SecondDerivative(theta[i]);
                }
            }

            return hessian;
        }
    }
}
