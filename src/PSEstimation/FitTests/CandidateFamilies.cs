using System;
using System.Collections.Generic;
using System.Linq;

namespace PSEstimation.FitTests
{
    /// <summary>
    /// The families Compare-Distribution tries when none are named: continuous ones for data
    /// with any non-integer value, discrete ones (count families) when every value is a whole
    /// number. Binomial needs its Trials and Categorical has no parameter list, so neither is
    /// tried unless named (Binomial) or at all (Categorical).
    /// </summary>
    internal static class CandidateFamilies
    {
        public static readonly DistributionName[] Continuous =
        {
            DistributionName.Normal, DistributionName.LogNormal, DistributionName.Exponential, DistributionName.Gamma,
            DistributionName.Weibull, DistributionName.Beta, DistributionName.Laplace, DistributionName.Logistic,
            DistributionName.Cauchy, DistributionName.StudentT, DistributionName.Uniform, DistributionName.Pareto,
            DistributionName.Rayleigh,
        };

        public static readonly DistributionName[] Discrete =
        {
            DistributionName.Poisson, DistributionName.Geometric, DistributionName.NegativeBinomial, DistributionName.Bernoulli,
        };

        /// <summary>Whether every value is a whole number (the data are counts).</summary>
        public static bool AreCounts(IReadOnlyList<double> values) => values.All(v => v == Math.Floor(v));

        /// <summary>The default candidates for <paramref name="values"/>.</summary>
        public static IReadOnlyList<DistributionName> For(IReadOnlyList<double> values) => AreCounts(values) ? Discrete : Continuous;
    }
}
