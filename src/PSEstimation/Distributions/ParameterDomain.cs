namespace PSEstimation.Distributions
{
    /// <summary>
    /// Where a parameter lives. The domain decides how a value is validated and on which
    /// unconstrained scale the optimiser moves it (identity, log or logit).
    /// </summary>
    internal enum ParameterDomain
    {
        /// <summary>Any finite real number.</summary>
        Real,
        /// <summary>A finite number greater than zero; optimised on the log scale.</summary>
        Positive,
        /// <summary>A probability strictly between 0 and 1 for fitting; optimised on the logit scale.
        /// Evaluating a likelihood also accepts the closed interval [0, 1].</summary>
        Probability,
    }
}
