namespace PSEstimation.Bayesian
{
    /// <summary>
    /// Normal data with known mean μ, Variance ~ InverseGamma(a, b): the posterior is
    /// InverseGamma(a + n/2, b + Σ(x - μ)²/2), with mode b'/(a' + 1).
    /// </summary>
    internal sealed class NormalVarianceUpdate : ConjugateUpdate
    {
        private readonly InverseGammaPrior prior;
        private readonly double mean;

        public NormalVarianceUpdate(InverseGammaPrior prior, double knownMean)
        {
            this.prior = prior;
            mean = knownMean;
        }

        public override ConjugateResult Update(ConjugateStatistics s, double level)
        {
            double shape = prior.Shape + s.TotalWeight / 2;
            double scale = prior.Scale + s.SumOfSquaresAbout(mean) / 2;
            var marginal = PosteriorMarginal.InverseGamma(shape, scale, level);
            return new ConjugateResult(
                ConjugateResult.Distribution("InverseGamma", new[] { "Variance" }, ("Shape", shape), ("Scale", scale)),
                new[] { 1 },
                new[] { marginal },
                ConjugateResult.Variance(marginal),
                prior.LogDensity(marginal.Mode),
                "Closed form: InverseGamma prior on Variance with Mean fixed is conjugate; InverseGamma posterior, credible interval from its quantiles");
        }
    }
}
