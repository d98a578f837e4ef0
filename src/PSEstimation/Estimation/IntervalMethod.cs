namespace PSEstimation
{
    /// <summary>How the intervals of a fit, or of a quantile or probability from it, are formed (-IntervalMethod).</summary>
    public enum IntervalMethod
    {
        /// <summary>Estimate ± z·standard error (the delta method for quantities derived from the parameters): a large-sample approximation.</summary>
        Wald,

        /// <summary>Profile likelihood: the values whose profile log-likelihood lies within half the chi-squared(1) quantile of the maximum.</summary>
        Profile,

        /// <summary>Parametric bootstrap: percentiles of the estimates re-fitted to samples simulated from the fit.</summary>
        Bootstrap,
    }
}
