using System;
using System.Collections.Generic;
using System.Linq;

namespace PSEstimation.FitTests
{
    /// <summary>
    /// The families Compare-Distribution tries when none are named: discrete ones (count families)
    /// when the data look like counts (every value a whole number of at least 0, and ties common:
    /// at most half as many distinct values as observations), continuous ones otherwise (so whole
    /// milliseconds, all different, are a continuous measurement). Binomial needs its Trials and Categorical has no parameter list, so neither is
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

        /// <summary>Whether the data look like counts (see the class remarks).</summary>
        public static bool AreCounts(IReadOnlyList<double> values)
            => values.All(v => v >= 0 && v == Math.Floor(v)) && values.Distinct().Count() * 2 <= values.Count;

        /// <summary>The default candidates for <paramref name="values"/>.</summary>
        public static IReadOnlyList<DistributionName> For(IReadOnlyList<double> values) => AreCounts(values) ? Discrete : Continuous;
    }
}
