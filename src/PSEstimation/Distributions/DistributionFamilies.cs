using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PSEstimation.Models;

namespace PSEstimation.Distributions
{
    /// <summary>
    /// The registry: one entry per family of <see cref="DistributionName"/>, saying how to make
    /// its fitter (and through it its model) and which constants configure it. Every place that
    /// needs "the family called X" asks here; a new family is one entry, and the conformance
    /// tests run every check on every entry.
    /// </summary>
    internal static class DistributionFamilies
    {
        private static readonly IReadOnlyDictionary<string, double> NoConstants = new Dictionary<string, double>();

        private static readonly FamilyRegistration[] Registrations =
        {
            new FamilyRegistration(DistributionName.Normal, _ => new NormalFamily()),
            new FamilyRegistration(DistributionName.LogNormal, _ => new LogNormalFamily()),
            new FamilyRegistration(DistributionName.Exponential, _ => new ExponentialFamily()),
            new FamilyRegistration(DistributionName.Gamma, _ => new GammaFamily()),
            new FamilyRegistration(DistributionName.Weibull, _ => new WeibullFamily()),
            new FamilyRegistration(DistributionName.Beta, _ => new BetaFamily()),
            new FamilyRegistration(DistributionName.Laplace, _ => new LaplaceFamily()),
            new FamilyRegistration(DistributionName.Logistic, _ => new LogisticFamily()),
            new FamilyRegistration(DistributionName.Cauchy, _ => new CauchyFamily()),
            new FamilyRegistration(DistributionName.StudentT, _ => new StudentTFamily()),
            new FamilyRegistration(DistributionName.Uniform, _ => new UniformFamily()),
            new FamilyRegistration(DistributionName.Pareto, _ => new ParetoFamily()),
            new FamilyRegistration(DistributionName.Rayleigh, _ => new RayleighFamily()),
            new FamilyRegistration(DistributionName.Poisson, _ => new PoissonFamily()),
            new FamilyRegistration(DistributionName.Bernoulli, _ => new BernoulliFamily()),
            new FamilyRegistration(DistributionName.Binomial, BinomialFamily.FromConstants, "Trials"),
            new FamilyRegistration(DistributionName.Geometric, _ => new GeometricFamily()),
            new FamilyRegistration(DistributionName.NegativeBinomial, _ => new NegativeBinomialFamily()),
        };

        /// <summary>Every family with a fixed parameter list (all but Categorical), in enum order.</summary>
        public static IReadOnlyList<FamilyRegistration> All => Registrations;

        /// <summary>
        /// Names of the values that configure a family without being estimated, which the user
        /// passes in -Fixed or -Parameter (Binomial: Trials).
        /// </summary>
        public static IReadOnlyList<string> ConstantNames(DistributionName name)
            => Find(name)?.ConstantNames ?? Array.Empty<string>();

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
            // Categorical's parameters are its categories, known only from the data: it is not a
            // DistributionFamily (see CategoricalCounts, CategoricalEstimator).
            var registration = Find(name) ?? throw new EstimationException(
                ErrorIds.NoParameterList,
                string.Format(CultureInfo.InvariantCulture, "The {0} family has no fixed parameter list; it is handled by its own estimator.", name));
            return registration.CreateFitter(constants ?? NoConstants);
        }

        /// <summary>The model (the mathematics) of <paramref name="name"/> with these constants.</summary>
        public static DistributionModel CreateModel(DistributionName name, IReadOnlyDictionary<string, double> constants)
            => Create(name, constants).Model;

        private static FamilyRegistration? Find(DistributionName name)
            => Registrations.FirstOrDefault(r => r.Name == name);
    }

    /// <summary>One family's entry in <see cref="DistributionFamilies"/>.</summary>
    internal sealed class FamilyRegistration
    {
        public FamilyRegistration(DistributionName name, Func<IReadOnlyDictionary<string, double>, DistributionFamily> createFitter, params string[] constantNames)
        {
            Name = name;
            CreateFitter = createFitter;
            ConstantNames = constantNames;
        }

        public DistributionName Name { get; }

        /// <summary>Makes the fitter from the family's constants (validated there).</summary>
        public Func<IReadOnlyDictionary<string, double>, DistributionFamily> CreateFitter { get; }

        /// <summary>Values that configure the family and are never estimated (Binomial: Trials).</summary>
        public IReadOnlyList<string> ConstantNames { get; }

        public override string ToString() => Name.ToString();
    }
}
