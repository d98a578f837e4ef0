using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using PSEstimation.Distributions;

namespace PSEstimation.Bayesian
{
    /// <summary>
    /// Reads one prior string, 'Name(a, b)': the name case-insensitive, the numbers in the
    /// invariant culture. An unknown name, a wrong count of numbers or text that is not of this
    /// form is InvalidPrior (the message lists the accepted forms); a hyperparameter outside
    /// its domain is InvalidParameterValue.
    /// </summary>
    internal static class PriorParser
    {
        /// <summary>The accepted forms, for error messages and help.</summary>
        public const string AcceptedForms =
            "Accepted forms: a hashtable of priors by parameter name, e.g. -Prior @{ Mean = 'Normal(2, 0.5)' }, each one of " +
            "'Normal(mean, variance)', 'LogNormal(meanlog, sdlog)', 'Gamma(shape, rate)', 'InverseGamma(shape, scale)', " +
            "'Exponential(rate)', 'Beta(alpha, beta)', 'Uniform(lower, upper)' or 'Flat'; or one string: the joint prior " +
            "'NormalInverseGamma(mean0, lambda, shape, scale)' (Normal), 'Dirichlet(alpha)' (Categorical), or one of the " +
            "priors above when a single parameter is estimated.";

        private static readonly Regex Form = new Regex(
            @"^\s*(?<name>[A-Za-z][A-Za-z0-9]*)\s*(\(\s*(?<args>[^()]*?)\s*\))?\s*$",
            RegexOptions.CultureInvariant);

        private static readonly Dictionary<string, Entry> Catalog = new Dictionary<string, Entry>(StringComparer.OrdinalIgnoreCase)
        {
            ["Normal"] = new Entry("Normal", new[] { "Mean", "Variance" }, a => Require(a[1] > 0, "Variance", "> 0") ?? (object)new NormalPrior(a[0], a[1])),
            ["LogNormal"] = new Entry("LogNormal", new[] { "MeanLog", "SdLog" }, a => Require(a[1] > 0, "SdLog", "> 0") ?? (object)new LogNormalPrior(a[0], a[1])),
            ["Gamma"] = new Entry("Gamma", new[] { "Shape", "Rate" }, a => Require(a[0] > 0, "Shape", "> 0") ?? Require(a[1] > 0, "Rate", "> 0") ?? (object)new GammaPrior(a[0], a[1])),
            ["InverseGamma"] = new Entry("InverseGamma", new[] { "Shape", "Scale" }, a => Require(a[0] > 0, "Shape", "> 0") ?? Require(a[1] > 0, "Scale", "> 0") ?? (object)new InverseGammaPrior(a[0], a[1])),
            ["Exponential"] = new Entry("Exponential", new[] { "Rate" }, a => Require(a[0] > 0, "Rate", "> 0") ?? (object)new ExponentialPrior(a[0])),
            ["Beta"] = new Entry("Beta", new[] { "Alpha", "Beta" }, a => Require(a[0] > 0, "Alpha", "> 0") ?? Require(a[1] > 0, "Beta", "> 0") ?? (object)new BetaPrior(a[0], a[1])),
            ["Uniform"] = new Entry("Uniform", new[] { "Lower", "Upper" }, a => Require(a[0] < a[1] && !double.IsInfinity(a[1] - a[0]), "Upper", "> Lower") ?? (object)new UniformPrior(a[0], a[1])),
            ["Flat"] = new Entry("Flat", Array.Empty<string>(), a => FlatPrior.Instance),
            ["NormalInverseGamma"] = new Entry("NormalInverseGamma", new[] { "Mean0", "Lambda", "Shape", "Scale" }, a => Require(a[1] > 0, "Lambda", "> 0") ?? Require(a[2] > 0, "Shape", "> 0") ?? Require(a[3] > 0, "Scale", "> 0") ?? (object)new NormalInverseGammaPrior(a[0], a[1], a[2], a[3])),
            ["Dirichlet"] = new Entry("Dirichlet", new[] { "Alpha" }, a => Require(a[0] > 0, "Alpha", "> 0") ?? (object)new DirichletPrior(a[0])),
        };

        /// <summary>
        /// A <see cref="UnivariatePrior"/> or a <see cref="JointPrior"/> from its text.
        /// <paramref name="context"/> says where the text came from ("-Prior Mean").
        /// </summary>
        public static object Parse(string text, string context)
        {
            var match = Form.Match(text);
            if (!match.Success || !Catalog.TryGetValue(match.Groups["name"].Value, out var entry))
            {
                throw Invalid($"{context} is '{text}', which is not a prior this module knows. {AcceptedForms}");
            }

            string argsText = match.Groups["args"].Success ? match.Groups["args"].Value : string.Empty;
            string[] parts = argsText.Length == 0 ? Array.Empty<string>() : argsText.Split(',');
            var values = new double[parts.Length];
            for (int i = 0; i < parts.Length; i++)
            {
                if (!double.TryParse(parts[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
                {
                    throw Invalid($"{context} is '{text}': '{parts[i].Trim()}' is not a number (numbers are read in the invariant culture: 0.5, not 0,5). {AcceptedForms}");
                }
            }

            if (values.Length != entry.Hyperparameters.Length)
            {
                throw Invalid($"{context} is '{text}', but {entry.Signature} takes {Count(entry.Hyperparameters.Length)}. {AcceptedForms}");
            }

            for (int i = 0; i < values.Length; i++)
            {
                if (double.IsNaN(values[i]) || double.IsInfinity(values[i]))
                {
                    throw OutOfDomain(context, text, entry, $"{entry.Hyperparameters[i]} = {parts[i].Trim()} is not finite");
                }
            }

            object result = entry.Create(values);
            if (result is string problem)
            {
                throw OutOfDomain(context, text, entry, problem);
            }

            return result;
        }

        private static string? Require(bool condition, string hyperparameter, string domain)
            => condition ? null : $"{hyperparameter} must be {domain}";

        private static string Count(int n) => n switch
        {
            0 => "no numbers",
            1 => "one number",
            _ => n.ToString(CultureInfo.InvariantCulture) + " numbers",
        };

        private static EstimationException Invalid(string message) => new EstimationException(ErrorIds.InvalidPrior, message);

        private static EstimationException OutOfDomain(string context, string text, Entry entry, string problem)
            => new EstimationException(
                ErrorIds.InvalidParameterValue,
                $"{context} is '{text}': {problem}. Expected {entry.Signature} with {entry.Domains}.");

        private sealed class Entry
        {
            public Entry(string name, string[] hyperparameters, Func<double[], object> create)
            {
                Name = name;
                Hyperparameters = hyperparameters;
                Create = create;
            }

            public string Name { get; }

            public string[] Hyperparameters { get; }

            /// <summary>Returns the prior, or a string saying which hyperparameter is out of its domain.</summary>
            public Func<double[], object> Create { get; }

            public string Signature => Hyperparameters.Length == 0
                ? Name
                : Name + "(" + string.Join(", ", Hyperparameters.Select(h => h.ToLowerInvariant())) + ")";

            public string Domains => Name switch
            {
                "Normal" => "a finite mean and variance > 0",
                "LogNormal" => "a finite meanlog and sdlog > 0",
                "Uniform" => "finite lower < upper",
                "NormalInverseGamma" => "a finite mean0 and lambda, shape, scale > 0",
                _ => string.Join(", ", Hyperparameters.Select(h => h.ToLowerInvariant())) + " > 0",
            };
        }
    }
}
