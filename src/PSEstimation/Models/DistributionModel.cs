using System;
using System.Collections.Generic;
using PSEstimation.Distributions;

namespace PSEstimation.Models
{
    /// <summary>
    /// One distribution family's mathematics, whole: parameters and support; the log density (log
    /// mass for discrete families), log CDF and log survival, each with its derivatives in the
    /// parameters; quantile and inverse survival; random draws; expected information. Plain C#,
    /// stateless and thread-safe: fitting, censored likelihoods, goodness of fit, quantiles and
    /// plots are consumers of these functions, not methods of the model (R's d/p/q/r design).
    /// </summary>
    /// <remarks>
    /// Parameter vectors (<c>theta</c>) are in the order of <see cref="Parameters"/>, the contract's
    /// order. Every function is defined for every double x: outside the support the density is 0
    /// (log -Infinity) and the CDF is 0 or 1. Discrete families take x as a real number: their CDF
    /// at x is P(X &lt;= floor(x)). Nothing here validates theta: callers check each value against
    /// its <see cref="ParameterSpec"/> and <see cref="ParameterConstraintViolation"/> first.
    /// </remarks>
    internal abstract class DistributionModel
    {
        protected DistributionModel(DistributionName name, params ParameterSpec[] parameters)
        {
            Name = name;
            Parameters = parameters;
        }

        public DistributionName Name { get; }

        /// <summary>The parameters in the contract's order.</summary>
        public IReadOnlyList<ParameterSpec> Parameters { get; }

        /// <summary>
        /// Values that configure the family but are never estimated (Binomial's Trials), by name.
        /// </summary>
        public virtual IReadOnlyDictionary<string, double> Constants { get; } = new Dictionary<string, double>();

        /// <summary>Whether the support is a set of integers (a probability mass function).</summary>
        public abstract bool IsDiscrete { get; }

        /// <summary>The support in words, for messages: "x > 0".</summary>
        public abstract string SupportDescription { get; }

        /// <summary>Whether the density (mass) at <paramref name="x"/> is positive under <paramref name="theta"/>.</summary>
        public abstract bool IsInSupport(double x, double[] theta);

        /// <summary>
        /// Why a parameter vector whose values each lie in their own domain still is not a
        /// distribution (Uniform: Lower must be below Upper), as a sentence; null when it is one.
        /// </summary>
        public virtual string? ParameterConstraintViolation(double[] theta) => null;

        /// <summary>The index of a parameter by contract name (case-insensitive), or -1.</summary>
        public int IndexOf(string parameterName)
        {
            for (int i = 0; i < Parameters.Count; i++)
            {
                if (string.Equals(Parameters[i].Name, parameterName, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }

            return -1;
        }

        // ---- Density -------------------------------------------------------------------------

        /// <summary>log f(x | theta), -Infinity outside the support.</summary>
        public abstract double LogDensity(double x, double[] theta);

        /// <summary>f(x | theta), computed so that it underflows only where f itself is below the double range.</summary>
        public virtual double Density(double x, double[] theta) => Math.Exp(LogDensity(x, theta));

        /// <summary>Adds weight · ∂ log f(x | theta) / ∂ theta to <paramref name="score"/>.</summary>
        public abstract void AddScore(double x, double weight, double[] theta, double[] score);

        /// <summary>Adds weight · ∂² log f(x | theta) / ∂ theta² to <paramref name="hessian"/>.</summary>
        public abstract void AddHessian(double x, double weight, double[] theta, double[,] hessian);

        /// <summary>The expected Fisher information of one observation at <paramref name="theta"/>.</summary>
        public abstract double[,] ExpectedInformation(double[] theta);

        // ---- Distribution functions ----------------------------------------------------------

        /// <summary>log P(X &lt;= x), exact where P(X &lt;= x) itself underflows.</summary>
        public abstract double LogCdf(double x, double[] theta);

        /// <summary>log P(X &gt; x), exact where P(X &gt; x) itself underflows; never log(1 - F).</summary>
        public abstract double LogSurvival(double x, double[] theta);

        /// <summary>P(X &lt;= x).</summary>
        public virtual double Cdf(double x, double[] theta) => Math.Exp(LogCdf(x, theta));

        /// <summary>P(X &gt; x), computed directly (at 10 standard deviations it is 7.6e-24, not 0).</summary>
        public virtual double Survival(double x, double[] theta) => Math.Exp(LogSurvival(x, theta));

        /// <summary>
        /// Adds weight · ∂ log F(x | theta) / ∂ theta to <paramref name="gradient"/> and, when
        /// <paramref name="hessian"/> is not null, weight · ∂² log F / ∂ theta² to it: the terms of
        /// a left-censored observation. The default differentiates <see cref="LogCdf"/> numerically
        /// (<see cref="NumericalDerivatives"/>); families override it with the analytic form where
        /// one is practical.
        /// </summary>
        public virtual void AddLogCdfDerivatives(double x, double weight, double[] theta, double[] gradient, double[,]? hessian)
            => NumericalDerivatives.Add(this, t => LogCdf(x, t), weight, theta, gradient, hessian);

        /// <summary>As <see cref="AddLogCdfDerivatives"/>, for log S: the terms of a right-censored observation.</summary>
        public virtual void AddLogSurvivalDerivatives(double x, double weight, double[] theta, double[] gradient, double[,]? hessian)
            => NumericalDerivatives.Add(this, t => LogSurvival(x, t), weight, theta, gradient, hessian);

        // ---- Quantiles -----------------------------------------------------------------------

        /// <summary>
        /// The quantile at lower-tail probability <paramref name="p"/> in [0, 1]: the x with
        /// F(x) = p; for a discrete family the smallest support point with F(x) &gt;= p (R's q*()).
        /// 0 and 1 give the ends of the support (possibly infinite).
        /// </summary>
        public abstract double Quantile(double p, double[] theta);

        /// <summary>
        /// The quantile at upper-tail probability <paramref name="q"/>: the x with S(x) = q, solved
        /// from the survival function so that q = 1e-15 keeps its digits; for a discrete family the
        /// smallest support point with S(x) &lt;= q.
        /// </summary>
        public abstract double InverseSurvival(double q, double[] theta);

        // ---- Sampling ------------------------------------------------------------------------

        /// <summary>
        /// One random draw. Exact samplers (not inversion where inversion loses a tail), using only
        /// <see cref="RandomSource"/> and <see cref="DeterministicMath"/>, so a seed gives the same
        /// numbers on every machine and runtime.
        /// </summary>
        public abstract double Sample(RandomSource random, double[] theta);

        /// <summary>Fills <paramref name="destination"/> with draws; the same numbers as as many calls of <see cref="Sample(RandomSource, double[])"/>.</summary>
        public virtual void Sample(RandomSource random, double[] theta, double[] destination)
        {
            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] = Sample(random, theta);
            }
        }
    }
}
