using PSEstimation.Distributions;
using PSEstimation.Models;

namespace PSEstimation.Estimation
{
    /// <summary>
    /// The log-likelihood of a <see cref="CensoredSample"/> as an objective: the family's fused
    /// sample-level terms for the exact values plus, for each censored observation, weight · log F,
    /// log S or log(F(u) - F(l)) with the model's analytic derivatives (<see cref="ObservationLikelihood"/>).
    /// </summary>
    internal sealed class CensoredLikelihoodObjective : ILogObjective
    {
        private readonly DistributionFamily family;
        private readonly DistributionModel model;
        private readonly CensoredSample sample;

        public CensoredLikelihoodObjective(DistributionFamily family, CensoredSample sample)
        {
            this.family = family;
            model = family.Model!;
            this.sample = sample;
        }

        private bool HasExact => sample.Exact.TotalWeight > 0;

        public double Value(double[] theta)
        {
            double sum = HasExact ? family.LogLikelihood(sample.Exact, theta) : 0;
            var censored = sample.Censored;
            for (int i = 0; i < censored.Count; i++)
            {
                sum += ObservationLikelihood.LogLikelihood(model, censored[i], theta);
            }

            return sum;
        }

        public double[] Gradient(double[] theta)
        {
            double[] score = HasExact ? family.Score(sample.Exact, theta) : new double[theta.Length];
            var censored = sample.Censored;
            for (int i = 0; i < censored.Count; i++)
            {
                ObservationLikelihood.AddDerivatives(model, censored[i], theta, score, null);
            }

            return score;
        }

        public double[,] Hessian(double[] theta)
        {
            double[,] hessian = HasExact ? family.Hessian(sample.Exact, theta) : new double[theta.Length, theta.Length];
            var scratch = new double[theta.Length];
            var censored = sample.Censored;
            for (int i = 0; i < censored.Count; i++)
            {
                ObservationLikelihood.AddDerivatives(model, censored[i], theta, scratch, hessian);
            }

            return hessian;
        }
    }
}
