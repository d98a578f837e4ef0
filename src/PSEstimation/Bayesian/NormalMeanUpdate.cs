namespace PSEstimation.Bayesian
{
    /// <summary>
    /// Normal data with known variance σ², Mean ~ Normal(m₀, v₀): the posterior is
    /// Normal(mₙ, vₙ) with 1/vₙ = 1/v₀ + n/σ² and mₙ = x̄ + (vₙ/v₀)(m₀ - x̄), the precision-weighted
    /// average of the prior mean and the sample mean. Mode = mean = mₙ.
    /// </summary>
    internal sealed class NormalMeanUpdate : ConjugateUpdate
    {
        private readonly NormalPrior prior;
        private readonly double variance;

        public NormalMeanUpdate(NormalPrior prior, double knownVariance)
        {
            this.prior = prior;
            variance = knownVariance;
        }

        public override ConjugateResult Update(ConjugateStatistics s, double level)
        {
            double n = s.TotalWeight;
            double posteriorVariance = 1 / (1 / prior.Variance + n / variance);
            double shrinkage = posteriorVariance / prior.Variance;
            double mean = s.Mean + shrinkage * (prior.Mean - s.Mean);
            var marginal = PosteriorMarginal.Normal(mean, posteriorVariance, level);
            return new ConjugateResult(
                ConjugateResult.Distribution("Normal", new[] { "Mean" }, ("Mean", mean), ("Variance", posteriorVariance)),
                new[] { 0 },
                new[] { marginal },
                ConjugateResult.Variance(marginal),
                prior.LogDensity(mean),
                "Closed form: Normal prior on Mean with Variance fixed is conjugate; Normal posterior, credible interval from its quantiles");
        }
    }
}
