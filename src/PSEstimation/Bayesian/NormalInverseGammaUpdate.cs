using System;

namespace PSEstimation.Bayesian
{
    /// <summary>
    /// Normal data, (Mean, Variance) ~ NormalInverseGamma(μ₀, λ, a, b). The posterior is
    /// NormalInverseGamma(μₙ, λₙ, aₙ, bₙ) with λₙ = λ + n, μₙ = (λμ₀ + n x̄)/λₙ, aₙ = a + n/2,
    /// bₙ = b + ½Σ(x - x̄)² + λn(x̄ - μ₀)²/(2λₙ). Its joint mode is (μₙ, bₙ/(aₙ + 3/2)); the
    /// marginal of Mean is a Student t with 2aₙ degrees of freedom, location μₙ and scale
    /// sqrt(bₙ/(aₙλₙ)), that of Variance is InverseGamma(aₙ, bₙ); the two are uncorrelated.
    /// </summary>
    internal sealed class NormalInverseGammaUpdate : ConjugateUpdate
    {
        private readonly NormalInverseGammaPrior prior;

        public NormalInverseGammaUpdate(NormalInverseGammaPrior prior)
        {
            this.prior = prior;
        }

        public override ConjugateResult Update(ConjugateStatistics s, double level)
        {
            double n = s.TotalWeight;
            double lambda = prior.Lambda + n;
            double d = s.Mean - prior.Mean;
            double mean = s.Mean - prior.Lambda / lambda * d;
            double shape = prior.Shape + n / 2;
            double scale = prior.Scale + s.SumOfSquares / 2 + prior.Lambda * n / lambda * d * d / 2;
            double modeVariance = scale / (shape + 1.5);

            var meanMarginal = PosteriorMarginal.StudentT(mean, Math.Sqrt(scale / (shape * lambda)), 2 * shape, level);
            var varianceMarginal = PosteriorMarginal.InverseGamma(shape, scale, level).WithMode(modeVariance);
            double meanSd = meanMarginal.StandardDeviation, varianceSd = varianceMarginal.StandardDeviation;
            return new ConjugateResult(
                ConjugateResult.Distribution("NormalInverseGamma", new[] { "Mean", "Variance" }, ("Mean0", mean), ("Lambda", lambda), ("Shape", shape), ("Scale", scale)),
                new[] { 0, 1 },
                new[] { meanMarginal, varianceMarginal },
                new[,] { { meanSd * meanSd, 0 }, { 0, varianceSd * varianceSd } },
                prior.LogDensity(mean, modeVariance),
                "Closed form: NormalInverseGamma prior on (Mean, Variance) is conjugate; Value is the joint posterior mode, and each parameter's mean, standard deviation and credible interval are those of its marginal posterior (Student t for Mean, InverseGamma for Variance)");
        }
    }
}
