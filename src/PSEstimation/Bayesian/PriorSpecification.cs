using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PSEstimation.Distributions;

namespace PSEstimation.Bayesian
{
    /// <summary>
    /// The -Prior of Get-MAPEstimate read against a family: a prior per parameter (null where
    /// none was given: a fixed parameter, or a free one that gets a flat prior), or one joint
    /// prior. Rejects unknown parameter names (UnknownParameter), text that is not a prior
    /// (InvalidPrior), hyperparameters outside their domain (InvalidParameterValue), a prior
    /// whose support does not match its parameter's domain (InvalidPrior) and a prior on a
    /// parameter in which the likelihood is not smooth (NonSmoothParameter).
    /// </summary>
    internal sealed class PriorSpecification
    {
        private PriorSpecification(UnivariatePrior?[] priors, JointPrior? joint)
        {
            Priors = priors;
            Joint = joint;
        }

        /// <summary>Per parameter, in the family's order; null where no prior was given.</summary>
        public UnivariatePrior?[] Priors { get; }

        /// <summary>The joint prior given as one string (NormalInverseGamma), or null.</summary>
        public JointPrior? Joint { get; }

        /// <summary>
        /// Reads <paramref name="prior"/>: a string or a dictionary of strings by parameter name
        /// (PowerShell wrappers already removed).
        /// </summary>
        public static PriorSpecification ForFamily(object? prior, DistributionFamily family, double?[] fixedValues)
        {
            int count = family.Parameters.Count;
            var priors = new UnivariatePrior?[count];
            var free = Enumerable.Range(0, count).Where(i => fixedValues[i] is null).ToList();
            switch (prior)
            {
                case string text:
                {
                    object parsed = PriorParser.Parse(text, "-Prior");
                    if (parsed is JointPrior joint)
                    {
                        CheckJoint(joint, family, fixedValues);
                        return new PriorSpecification(priors, joint);
                    }

                    if (free.Count != 1)
                    {
                        throw new EstimationException(
                            ErrorIds.InvalidPrior,
                            $"-Prior is the single prior '{text}', but {family.Name} estimates {Names(family, free)} here; give a hashtable of priors by parameter name, e.g. -Prior @{{ {family.Parameters[free.Count > 0 ? free[0] : 0].Name} = '{text}' }}. {PriorParser.AcceptedForms}");
                    }

                    priors[free[0]] = Check((UnivariatePrior)parsed, family, free[0], text);
                    return new PriorSpecification(priors, null);
                }

                case IDictionary table:
                {
                    foreach (DictionaryEntry entry in table)
                    {
                        string key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                        int index = family.IndexOf(key);
                        if (index < 0)
                        {
                            string what = family.Constants.Keys.Any(c => string.Equals(c, key, StringComparison.OrdinalIgnoreCase))
                                ? $"'{key}', a constant of {family.Name} (it is given in -Fixed and takes no prior)"
                                : $"'{key}', which is not a parameter of {family.Name}";
                            throw new EstimationException(
                                ErrorIds.UnknownParameter,
                                $"-Prior names {what}. Expected priors for: {string.Join(", ", family.Parameters.Select(p => p.Name))}.");
                        }

                        string name = family.Parameters[index].Name;
                        if (priors[index] is not null)
                        {
                            throw new EstimationException(ErrorIds.InvalidPrior, $"-Prior gives {name} twice; give one prior per parameter.");
                        }

                        if (entry.Value is not string text)
                        {
                            throw new EstimationException(
                                ErrorIds.InvalidPrior,
                                $"-Prior gives {name} = {Describe(entry.Value)}; a prior is a string such as 'Normal(2, 0.5)'. {PriorParser.AcceptedForms}");
                        }

                        if (fixedValues[index] is not null)
                        {
                            throw new EstimationException(
                                ErrorIds.InvalidPrior,
                                $"-Prior gives {name} the prior '{text}', but -Fixed holds {name} fixed; a fixed parameter takes no prior.");
                        }

                        object parsed = PriorParser.Parse(text, "-Prior " + name);
                        if (parsed is JointPrior)
                        {
                            throw new EstimationException(
                                ErrorIds.InvalidPrior,
                                $"-Prior {name} is '{text}', a joint prior: give it as the whole -Prior string, not in the hashtable. {PriorParser.AcceptedForms}");
                        }

                        priors[index] = Check((UnivariatePrior)parsed, family, index, text);
                    }

                    return new PriorSpecification(priors, null);
                }

                default:
                    throw new EstimationException(
                        ErrorIds.InvalidPrior,
                        $"-Prior is {Describe(prior)}. {PriorParser.AcceptedForms}");
            }
        }

        /// <summary>Categorical's prior: the string 'Dirichlet(alpha)'.</summary>
        public static DirichletPrior ForCategorical(object? prior)
        {
            const string Expected = "Categorical takes one prior string, the symmetric 'Dirichlet(alpha)' with alpha > 0 for every category seen (Dirichlet(1) is uniform on the probabilities).";
            if (prior is not string text)
            {
                throw new EstimationException(ErrorIds.InvalidPrior, $"-Prior is {Describe(prior)}. {Expected}");
            }

            object parsed = PriorParser.Parse(text, "-Prior");
            return parsed as DirichletPrior
                ?? throw new EstimationException(ErrorIds.InvalidPrior, $"-Prior is '{text}'. {Expected}");
        }

        /// <summary>The priors that suit a parameter domain, for messages.</summary>
        public static string Suitable(ParameterDomain domain) => domain switch
        {
            ParameterDomain.Positive => "Gamma(shape, rate), InverseGamma(shape, scale), LogNormal(meanlog, sdlog), Exponential(rate), Uniform(lower, upper) with lower >= 0, or Flat",
            ParameterDomain.Probability => "Beta(alpha, beta), Uniform(lower, upper) within [0, 1], or Flat",
            _ => "Normal(mean, variance), Uniform(lower, upper), or Flat",
        };

        private static UnivariatePrior Check(UnivariatePrior prior, DistributionFamily family, int index, string text)
        {
            var spec = family.Parameters[index];
            if (!prior.Suits(spec.Domain))
            {
                if (prior is UniformPrior)
                {
                    throw new EstimationException(
                        ErrorIds.InvalidParameterValue,
                        $"-Prior {spec.Name} is '{text}', which reaches outside the domain of {spec.Describe()}. Expected a Uniform(lower, upper) within it.");
                }

                throw new EstimationException(
                    ErrorIds.InvalidPrior,
                    $"-Prior {spec.Name} is '{text}', whose support does not match {spec.Describe()}. Priors for {spec.Name}: {Suitable(spec.Domain)}.");
            }

            if (!prior.IsFlat && !family.IsSmoothIn(index))
            {
                throw new EstimationException(
                    ErrorIds.NonSmoothParameter,
                    $"-Prior gives {spec.Name} the prior '{text}', but the {family.Name} likelihood is not smooth in {spec.Name} (it has a kink there, or the support moves with it), so its posterior mode cannot be found by Newton's method nor summarised by a Laplace approximation. Fix {spec.Name} with -Fixed, or give it no prior: it then stays at its maximum-likelihood value, which is its mode under a flat prior whatever the other parameters.");
            }

            return prior;
        }

        private static void CheckJoint(JointPrior joint, DistributionFamily family, double?[] fixedValues)
        {
            if (joint is not NormalInverseGammaPrior)
            {
                throw new EstimationException(
                    ErrorIds.InvalidPrior,
                    $"-Prior is '{joint}', the prior of Categorical; {family.Name} takes a hashtable of priors by parameter name. {PriorParser.AcceptedForms}");
            }

            if (family.Name != DistributionName.Normal)
            {
                throw new EstimationException(
                    ErrorIds.InvalidPrior,
                    $"-Prior is '{joint}', a joint prior for the Normal's Mean and Variance, not for {family.Name}. {PriorParser.AcceptedForms}");
            }

            if (fixedValues.Any(v => v is not null))
            {
                throw new EstimationException(
                    ErrorIds.InvalidPrior,
                    $"-Prior is '{joint}', a joint prior for Mean and Variance, but -Fixed holds one of them fixed. With Variance known use -Prior @{{ Mean = 'Normal(mean, variance)' }}; with Mean known, -Prior @{{ Variance = 'InverseGamma(shape, scale)' }}.");
            }
        }

        private static string Names(DistributionFamily family, List<int> indices)
            => indices.Count == 0 ? "no parameter" : string.Join(" and ", indices.Select(i => family.Parameters[i].Name));

        private static string Describe(object? value) => value switch
        {
            null => "$null",
            string s => "'" + s + "'",
            IDictionary => "a hashtable",
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) + " (" + value.GetType().Name + ")",
        };
    }
}
