using System;
using System.Collections.Generic;
using System.Globalization;

namespace PSEstimation.Distributions
{
    /// <summary>Creates the family object for a <see cref="DistributionName"/>, with its constants.</summary>
    internal static class DistributionFamilies
    {
        /// <summary>
        /// Names of the values that configure a family without being estimated, which the user
        /// passes in -Fixed or -Parameter (Binomial: Trials).
        /// </summary>
        public static IReadOnlyList<string> ConstantNames(DistributionName name) => name switch
        {
            DistributionName.Binomial => new[] { "Trials" },
            _ => Array.Empty<string>(),
        };

        /// <summary>
        /// A family object for describing parameters (names, domains) when its constants are
        /// not known yet: constants take a placeholder value.
        /// </summary>
        public static DistributionFamily CreateForDescription(DistributionName name)
        {
            var placeholders = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
            foreach (string constant in ConstantNames(name))
            {
                placeholders[constant] = 1;
            }

            return Create(name, placeholders);
        }

        /// <summary>
        /// The family for <paramref name="name"/>. <paramref name="constants"/> holds the values
        /// named by <see cref="ConstantNames"/>; a missing or invalid one throws
        /// <see cref="EstimationException"/> with the error id MissingParameter or InvalidParameterValue.
        /// </summary>
        public static DistributionFamily Create(DistributionName name, IReadOnlyDictionary<string, double> constants)
        {
            switch (name)
            {
                case DistributionName.Normal:
                    return new NormalFamily();
                case DistributionName.LogNormal:
                    return new LogNormalFamily();
                case DistributionName.Exponential:
                    return new ExponentialFamily();
                case DistributionName.Gamma:
                    return new GammaFamily();
                case DistributionName.Weibull:
                    return new WeibullFamily();
                case DistributionName.Beta:
                    return new BetaFamily();
                case DistributionName.Laplace:
                    return new LaplaceFamily();
                case DistributionName.Logistic:
                    return new LogisticFamily();
                case DistributionName.Cauchy:
                    return new CauchyFamily();
                case DistributionName.StudentT:
                    return new StudentTFamily();
                case DistributionName.Uniform:
                    return new UniformFamily();
                case DistributionName.Pareto:
                    return new ParetoFamily();
                case DistributionName.Rayleigh:
                    return new RayleighFamily();
                case DistributionName.Poisson:
                    return new PoissonFamily();
                case DistributionName.Bernoulli:
                    return new BernoulliFamily();
                case DistributionName.Binomial:
                    return BinomialFamily.FromConstants(constants);
                case DistributionName.Geometric:
                    return new GeometricFamily();
                case DistributionName.NegativeBinomial:
                    return new NegativeBinomialFamily();

                // Categorical's parameters are its categories, known only from the data: it is
                // not a DistributionFamily (see CategoricalCounts, CategoricalEstimator).
                default:
                    throw new EstimationException(
                        "NoParameterList",
                        string.Format(CultureInfo.InvariantCulture, "The {0} family has no fixed parameter list; it is handled by its own estimator.", name));
            }
        }
    }
}
