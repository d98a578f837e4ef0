using System;

namespace PSEstimation.Distributions
{
    /// <summary>A parameter of a family: its contract name and its domain.</summary>
    internal sealed class ParameterSpec
    {
        public ParameterSpec(string name, ParameterDomain domain)
        {
            Name = name;
            Domain = domain;
        }

        public string Name { get; }

        public ParameterDomain Domain { get; }

        /// <summary>Text for error messages: "Variance (> 0)".</summary>
        public string Describe() => Domain switch
        {
            ParameterDomain.Positive => Name + " (> 0)",
            ParameterDomain.Probability => Name + " (0 <= P <= 1)",
            _ => Name + " (finite)",
        };

        /// <summary>Whether <paramref name="value"/> is a valid value for evaluating a likelihood.</summary>
        public bool Accepts(double value) => Domain switch
        {
            ParameterDomain.Positive => value > 0 && !double.IsInfinity(value),
            ParameterDomain.Probability => value >= 0 && value <= 1,
            _ => !double.IsNaN(value) && !double.IsInfinity(value),
        };

        /// <summary>Maps a parameter value to the optimiser's unconstrained scale.</summary>
        public double ToUnconstrained(double value) => Domain switch
        {
            ParameterDomain.Positive => Math.Log(value),
            ParameterDomain.Probability => Math.Log(value / (1 - value)),
            _ => value,
        };

        /// <summary>Maps an unconstrained value back to the parameter's scale.</summary>
        public double FromUnconstrained(double eta) => Domain switch
        {
            ParameterDomain.Positive => Math.Exp(eta),
            ParameterDomain.Probability => 1 / (1 + Math.Exp(-eta)),
            _ => eta,
        };

        /// <summary>First derivative of <see cref="FromUnconstrained"/>, as a function of the parameter value.</summary>
        public double Jacobian(double value) => Domain switch
        {
            ParameterDomain.Positive => value,
            ParameterDomain.Probability => value * (1 - value),
            _ => 1,
        };

        /// <summary>Second derivative of <see cref="FromUnconstrained"/>, as a function of the parameter value.</summary>
        public double Curvature(double value) => Domain switch
        {
            ParameterDomain.Positive => value,
            ParameterDomain.Probability => value * (1 - value) * (1 - 2 * value),
            _ => 0,
        };
    }
}
