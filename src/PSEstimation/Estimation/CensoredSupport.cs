using System;
using PSEstimation.Distributions;
using PSEstimation.Models;

namespace PSEstimation.Estimation
{
    /// <summary>
    /// Where censoring bounds may lie: the ends of a family's support, when they do not move with
    /// the parameters (every family but Uniform and Pareto with a free boundary), and whether an
    /// observation's interval meets the support at all.
    /// </summary>
    internal static class CensoredSupport
    {
        /// <summary>
        /// The ends of the support (either may be infinite), or null when they depend on a free
        /// parameter. Taken from the model's quantiles at 0 and 1 at a representative parameter vector.
        /// </summary>
        public static (double Lower, double Upper)? Bounds(DistributionFamily family, double?[] fixedValues)
        {
            var model = family.Model;
            if (model is null)
            {
                return null;
            }

            for (int i = 0; i < fixedValues.Length; i++)
            {
                if (fixedValues[i] is null && !family.IsSmoothIn(i) && (family.Name == DistributionName.Uniform || family.Name == DistributionName.Pareto))
                {
                    return null;
                }
            }

            double[] theta = Representative(family, fixedValues);
            if (model.ParameterConstraintViolation(theta) is not null)
            {
                return null;
            }

            return (model.Quantile(0, theta), model.Quantile(1, theta));
        }

        /// <summary>Whether P(lower &lt; X &lt;= upper) can be positive: the interval reaches into the support.</summary>
        public static bool Meets(in Observation observation, (double Lower, double Upper) support, bool discrete)
        {
            // A continuous support's lower end carries no probability: "at most 0" is impossible for x > 0.
            // A discrete one's does: "at most 0" is P(X = 0).
            bool belowAll = discrete ? observation.Upper < support.Lower : observation.Upper <= support.Lower;
            bool aboveAll = observation.Lower >= support.Upper;
            return !belowAll && !aboveAll;
        }

        /// <summary>A parameter vector inside every domain, with the fixed values in place (for support questions only).</summary>
        public static double[] Representative(DistributionFamily family, double?[] fixedValues)
        {
            var theta = new double[fixedValues.Length];
            for (int i = 0; i < theta.Length; i++)
            {
                theta[i] = fixedValues[i] ?? family.Parameters[i].Domain switch
                {
                    ParameterDomain.Positive => 1,
                    ParameterDomain.Probability => 0.5,
                    _ => 0,
                };
            }

            if (family.Name == DistributionName.Uniform && fixedValues[0] is null && fixedValues[1] is null)
            {
                theta[1] = 1;
            }

            return theta;
        }

        /// <summary>A point of the support inside the observation's interval, for a starting sample; NaN when none fits.</summary>
        public static double RepresentativeValue(DistributionFamily family, in Observation observation, double?[] fixedValues)
        {
            double lower = observation.Lower, upper = observation.Upper;
            double[] candidates = double.IsNegativeInfinity(lower) ? new[] { upper, upper / 2 }
                : double.IsPositiveInfinity(upper) ? new[] { lower, lower * 2, lower + 1 }
                : new[] { lower / 2 + upper / 2, upper, lower };
            foreach (double x in candidates)
            {
                if (!double.IsNaN(x) && !double.IsInfinity(x) && family.CanFit(x, fixedValues))
                {
                    return x;
                }
            }

            return double.NaN;
        }
    }
}
