using System;
using System.Collections.Specialized;
using System.Globalization;
using System.Linq;

namespace PSEstimation
{
    /// <summary>
    /// A distribution over a model's parameters, as Get-MAPEstimate reports a prior or a
    /// conjugate posterior: its name, its hyperparameters, and the parameters it is about.
    /// </summary>
    public sealed class ParameterDistribution
    {
        internal ParameterDistribution(string name, OrderedDictionary parameters, string[] target)
        {
            Name = name;
            Parameters = parameters;
            Target = target;
        }

        /// <summary>The distribution's name: Normal, Beta, Gamma, InverseGamma, NormalInverseGamma, Dirichlet, LogNormal, Exponential, Uniform or Flat.</summary>
        public string Name { get; }

        /// <summary>
        /// Hyperparameter name → value, in the order of the distribution's string form (Beta:
        /// Alpha, Beta; Gamma: Shape, Rate; Dirichlet: one concentration per category).
        /// Case-insensitive, so <c>$r.Posterior.Parameters.alpha</c> works.
        /// </summary>
        public OrderedDictionary Parameters { get; }

        /// <summary>The model parameters it is a distribution of, e.g. P, or Mean and Variance.</summary>
        public string[] Target { get; }

        /// <summary>"Beta(7.5, 3.5)"; "Flat" for the flat prior. Numbers with 10 significant digits.</summary>
        public override string ToString() => ToString("G10");

        /// <summary>The same with the numbers in <paramref name="format"/> (a .NET numeric format such as "G6"), invariant culture.</summary>
        public string ToString(string format)
        {
            if (Parameters.Count == 0)
            {
                return Name;
            }

            var values = Parameters.Values.Cast<object>().Select(v => Convert.ToDouble(v, CultureInfo.InvariantCulture).ToString(format, CultureInfo.InvariantCulture));
            return Name + "(" + string.Join(", ", values) + ")";
        }
    }
}
