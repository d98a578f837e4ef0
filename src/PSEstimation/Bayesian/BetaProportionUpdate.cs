using System;

namespace PSEstimation.Bayesian
{
    /// <summary>
    /// A probability P with a Beta(a, b) prior and a likelihood P^successes (1 - P)^failures:
    /// the posterior is Beta(a + successes, b + failures). Bernoulli: successes Σx, failures
    /// n - Σx; Binomial: Σx and n·Trials - Σx; Geometric: n and Σx; NegativeBinomial with Size
    /// fixed: n·Size and Σx.
    /// </summary>
    internal sealed class BetaProportionUpdate : ConjugateUpdate
    {
        private readonly BetaPrior prior;
        private readonly int index;
        private readonly string parameter;
        private readonly Func<ConjugateStatistics, (double Successes, double Failures)> counts;

        public BetaProportionUpdate(BetaPrior prior, int index, string parameter, Func<ConjugateStatistics, (double, double)> counts)
        {
            this.prior = prior;
            this.index = index;
            this.parameter = parameter;
            this.counts = counts;
        }

        public override ConjugateResult Update(ConjugateStatistics s, double level)
        {
            var (successes, failures) = counts(s);
            double alpha = prior.Alpha + successes;
            double beta = prior.Beta + Math.Max(failures, 0);
            var marginal = PosteriorMarginal.Beta(alpha, beta, level);
            return new ConjugateResult(
                ConjugateResult.Distribution("Beta", new[] { parameter }, ("Alpha", alpha), ("Beta", beta)),
                new[] { index },
                new[] { marginal },
                ConjugateResult.Variance(marginal),
                prior.LogDensity(marginal.Mode),
                $"Closed form: Beta prior on {parameter} is conjugate; Beta posterior, credible interval from its quantiles");
        }
    }
}
