using System.Linq;
using PSEstimation.Distributions;

namespace PSEstimation.Bayesian
{
    /// <summary>
    /// Which family and prior combinations have a closed-form posterior, and their update:
    /// Normal Mean (Variance fixed) with a Normal prior; Normal Variance (Mean fixed) with an
    /// InverseGamma prior; Normal (Mean, Variance) with a NormalInverseGamma prior; the P of
    /// Bernoulli, Binomial, Geometric and NegativeBinomial (Size fixed) with a Beta prior;
    /// Poisson Lambda and Exponential Rate with a Gamma prior. (Categorical with Dirichlet is
    /// <see cref="DirichletUpdate"/>.) Anything else is fitted numerically.
    /// </summary>
    internal static class ConjugatePairs
    {
        /// <summary>The conjugate update for this combination, or null when there is none.</summary>
        public static ConjugateUpdate? Find(DistributionFamily family, double?[] fixedValues, PriorSpecification prior)
        {
            if (prior.Joint is NormalInverseGammaPrior joint)
            {
                return family.Name == DistributionName.Normal ? new NormalInverseGammaUpdate(joint) : null;
            }

            // Every free parameter needs a (non-flat) prior of the conjugate kind.
            var free = Enumerable.Range(0, fixedValues.Length).Where(i => fixedValues[i] is null).ToArray();
            if (free.Length != 1 || prior.Priors[free[0]] is not UnivariatePrior given || given.IsFlat)
            {
                return null;
            }

            int index = free[0];
            string name = family.Parameters[index].Name;
            switch (family.Name)
            {
                case DistributionName.Normal when index == 0 && given is NormalPrior normal:
                    return new NormalMeanUpdate(normal, fixedValues[1]!.Value);
                case DistributionName.Normal when index == 1 && given is InverseGammaPrior inverseGamma:
                    return new NormalVarianceUpdate(inverseGamma, fixedValues[0]!.Value);
                case DistributionName.Bernoulli when given is BetaPrior beta:
                    return new BetaProportionUpdate(beta, index, name, s => (s.Sum, s.TotalWeight - s.Sum));
                case DistributionName.Binomial when given is BetaPrior beta:
                {
                    double trials = family.Constants["Trials"];
                    return new BetaProportionUpdate(beta, index, name, s => (s.Sum, s.TotalWeight * trials - s.Sum));
                }

                case DistributionName.Geometric when given is BetaPrior beta:
                    return new BetaProportionUpdate(beta, index, name, s => (s.TotalWeight, s.Sum));
                case DistributionName.NegativeBinomial when given is BetaPrior beta && name == "P":
                {
                    double size = fixedValues[family.IndexOf("Size")]!.Value;
                    return new BetaProportionUpdate(beta, index, name, s => (s.TotalWeight * size, s.Sum));
                }

                case DistributionName.Poisson when given is GammaPrior gamma:
                    return new GammaRateUpdate(gamma, index, name, s => (s.Sum, s.TotalWeight));
                case DistributionName.Exponential when given is GammaPrior gamma:
                    return new GammaRateUpdate(gamma, index, name, s => (s.TotalWeight, s.Sum));
                default:
                    return null;
            }
        }
    }
}
