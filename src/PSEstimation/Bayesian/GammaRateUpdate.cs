using System;

namespace PSEstimation.Bayesian
{
    /// <summary>
    /// A positive parameter with a Gamma(shape, rate) prior and a likelihood θ^k e^(-θ t): the
    /// posterior is Gamma(shape + k, rate + t). Poisson Lambda: k = Σx, t = n; Exponential Rate:
    /// k = n, t = Σx.
    /// </summary>
    internal sealed class GammaRateUpdate : ConjugateUpdate
    {
        private readonly GammaPrior prior;
        private readonly int index;
        private readonly string parameter;
        private readonly Func<ConjugateStatistics, (double Exponent, double Exposure)> terms;

        public GammaRateUpdate(GammaPrior prior, int index, string parameter, Func<ConjugateStatistics, (double, double)> terms)
        {
            this.prior = prior;
            this.index = index;
            this.parameter = parameter;
            this.terms = terms;
        }

        public override ConjugateResult Update(ConjugateStatistics s, double level)
        {
            var (exponent, exposure) = terms(s);
            double shape = prior.Shape + exponent;
            double rate = prior.Rate + exposure;
            var marginal = PosteriorMarginal.Gamma(shape, rate, level);
            return new ConjugateResult(
                ConjugateResult.Distribution("Gamma", new[] { parameter }, ("Shape", shape), ("Rate", rate)),
                new[] { index },
                new[] { marginal },
                ConjugateResult.Variance(marginal),
                prior.LogDensity(marginal.Mode),
                $"Closed form: Gamma prior on {parameter} is conjugate; Gamma posterior, credible interval from its quantiles");
        }
    }
}
