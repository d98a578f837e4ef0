namespace PSEstimation
{
    /// <summary>The goodness-of-fit tests of Test-GoodnessOfFit (-Test).</summary>
    public enum GoodnessOfFitTest
    {
        /// <summary>Kolmogorov-Smirnov: the largest distance between the empirical and the fitted CDF.</summary>
        KolmogorovSmirnov,

        /// <summary>Cramer-von Mises: the integrated squared distance, weighted by the fitted density.</summary>
        CramerVonMises,

        /// <summary>Anderson-Darling: the squared distance weighted towards the tails by 1/(F(1 - F)).</summary>
        AndersonDarling,

        /// <summary>Pearson's chi-squared over cells of the support (discrete families).</summary>
        ChiSquare,
    }
}
