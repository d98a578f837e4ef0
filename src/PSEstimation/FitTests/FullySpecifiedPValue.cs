using System;

namespace PSEstimation.FitTests
{
    /// <summary>
    /// p-values of the EDF tests when the hypothesis is fully specified (no parameter estimated
    /// from the data), with the sentence that says how each was found (the result's Method).
    /// </summary>
    internal static class FullySpecifiedPValue
    {
        public static (double PValue, string Method) Of(GoodnessOfFitTest test, double statistic, int n)
        {
            switch (test)
            {
                case GoodnessOfFitTest.KolmogorovSmirnov:
                    var (p, exact) = KolmogorovDistribution.UpperTail(n, statistic);
                    return (p, exact
                        ? "Exact (Marsaglia-Tsang-Wang 2003), fully specified"
                        : $"Asymptotic (Kolmogorov's limit law of sqrt(n) D; exact law used up to n = {KolmogorovDistribution.ExactMaximumSampleSize} when P >= 1e-8), fully specified");
                case GoodnessOfFitTest.CramerVonMises:
                    return (CramerVonMisesDistribution.UpperTail(statistic, n), "Finite-sample law (Csorgo-Faraway 1996), fully specified");
                case GoodnessOfFitTest.AndersonDarling:
                    return (AndersonDarlingDistribution.UpperTail(statistic, n), "Finite-sample law (Marsaglia-Marsaglia 2004), fully specified");
                default:
                    throw new ArgumentOutOfRangeException(nameof(test));
            }
        }
    }
}
