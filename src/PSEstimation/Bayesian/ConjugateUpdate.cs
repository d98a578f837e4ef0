namespace PSEstimation.Bayesian
{
    /// <summary>
    /// A conjugate pair of a family and a prior: the posterior in closed form from the sample's
    /// sufficient statistics. One subclass per pair; <see cref="ConjugatePairs"/> finds it.
    /// </summary>
    internal abstract class ConjugateUpdate
    {
        /// <summary>The posterior and its summaries at credible level <paramref name="level"/>.</summary>
        public abstract ConjugateResult Update(ConjugateStatistics statistics, double level);
    }
}
