namespace PSEstimation.Plotting
{
    /// <summary>
    /// What Out-Plot can draw (-Kind). Every kind is a panel of <see cref="PlotPanel"/> built from
    /// data and fits; the renderers know nothing of kinds beyond their names.
    /// </summary>
    public enum PlotKind
    {
        /// <summary>Histogram of the data with the fitted density; bar proportions with the fitted mass for discrete data.</summary>
        Histogram,

        /// <summary>Quantile-quantile plot: sorted data against the fit's quantiles, with a pointwise 95% band.</summary>
        QQ,

        /// <summary>Probability-probability plot: the fit's CDF at the sorted data against plotting positions, with a pointwise 95% band.</summary>
        PP,

        /// <summary>The empirical CDF (a step function) against the fit's CDF.</summary>
        CDF,

        /// <summary>Profile log-likelihood of each parameter with the profile interval's cut line and ends (a re-fit per point, so it needs a live fit).</summary>
        Profile,

        /// <summary>Prior, scaled likelihood and posterior of each estimated parameter of a MAPEstimate.</summary>
        Posterior,

        /// <summary>Residuals of a regression model against its fitted values, and a Q-Q plot of the standardised residuals for location families.</summary>
        Residuals,
    }
}
