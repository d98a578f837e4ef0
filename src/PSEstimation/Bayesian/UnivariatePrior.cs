using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PSEstimation.Distributions;

namespace PSEstimation.Bayesian
{
    /// <summary>
    /// A prior for one parameter: its log-density with first and second derivatives, all taken
    /// on the parameter's own scale (the density is with respect to the parameter itself, not
    /// to its logarithm or logit). Its hyperparameters use the same parameterization as the
    /// family of the same name in the distribution table (Normal: mean, variance; Gamma: shape,
    /// rate), plus InverseGamma (shape, scale) and Flat.
    /// </summary>
    internal abstract class UnivariatePrior
    {
        protected UnivariatePrior(string name, params (string Name, double Value)[] hyperparameters)
        {
            Name = name;
            Hyperparameters = hyperparameters;
        }

        /// <summary>The prior family's name as the user writes it (Normal, Gamma ...).</summary>
        public string Name { get; }

        /// <summary>Hyperparameter names and values, in the order of the prior string.</summary>
        public IReadOnlyList<(string Name, double Value)> Hyperparameters { get; }

        /// <summary>Whether the prior is improper (Flat): it adds nothing to the log-posterior.</summary>
        public virtual bool IsFlat => false;

        /// <summary>The smallest value with positive density (inclusive or not), -Infinity if none.</summary>
        public virtual double SupportLower => double.NegativeInfinity;

        /// <summary>The largest value with positive density, +Infinity if none.</summary>
        public virtual double SupportUpper => double.PositiveInfinity;

        /// <summary>
        /// A point well inside the support (the mean or median), where a numerical search may
        /// start; NaN for a flat prior, which has none.
        /// </summary>
        public abstract double Center { get; }

        /// <summary>log p(θ), normalised; -Infinity outside the support.</summary>
        public abstract double LogDensity(double theta);

        /// <summary>d log p(θ) / dθ.</summary>
        public abstract double Gradient(double theta);

        /// <summary>d² log p(θ) / dθ².</summary>
        public abstract double SecondDerivative(double theta);

        /// <summary>Whether the prior's support lies within <paramref name="domain"/> and covers it
        /// (a Uniform prior only needs to lie within it).</summary>
        public abstract bool Suits(ParameterDomain domain);

        /// <summary>"Normal(2, 0.5)".</summary>
        public override string ToString()
            => IsFlat ? Name : Name + "(" + string.Join(", ", Hyperparameters.Select(h => Format(h.Value))) + ")";

        internal static string Format(double value) => value.ToString("G10", CultureInfo.InvariantCulture);
    }

    /// <summary>Normal(Mean, Variance) on the real line.</summary>
    internal sealed class NormalPrior : UnivariatePrior
    {
        private const double LogTwoPi = 1.8378770664093454835606594728112;

        public NormalPrior(double mean, double variance)
            : base("Normal", ("Mean", mean), ("Variance", variance))
        {
            Mean = mean;
            Variance = variance;
        }

        public double Mean { get; }

        public double Variance { get; }

        public override double Center => Mean;

        public override double LogDensity(double theta)
        {
            double d = theta - Mean;
            return -0.5 * (LogTwoPi + Math.Log(Variance)) - d * d / (2 * Variance);
        }

        public override double Gradient(double theta) => -(theta - Mean) / Variance;

        public override double SecondDerivative(double theta) => -1 / Variance;

        public override bool Suits(ParameterDomain domain) => domain == ParameterDomain.Real;
    }

    /// <summary>LogNormal(MeanLog, SdLog) on x &gt; 0: log x ~ Normal(MeanLog, SdLog²).</summary>
    internal sealed class LogNormalPrior : UnivariatePrior
    {
        private const double HalfLogTwoPi = 0.91893853320467274178032973640562;

        public LogNormalPrior(double meanLog, double sdLog)
            : base("LogNormal", ("MeanLog", meanLog), ("SdLog", sdLog))
        {
            MeanLog = meanLog;
            SdLog = sdLog;
        }

        public double MeanLog { get; }

        public double SdLog { get; }

        public override double SupportLower => 0;

        /// <summary>The median, exp(MeanLog).</summary>
        public override double Center => Math.Exp(MeanLog);

        public override double LogDensity(double theta)
        {
            if (!(theta > 0))
            {
                return double.NegativeInfinity;
            }

            double z = (Math.Log(theta) - MeanLog) / SdLog;
            return -Math.Log(theta) - Math.Log(SdLog) - HalfLogTwoPi - 0.5 * z * z;
        }

        /// <summary>-1/θ - (log θ - m)/(s² θ).</summary>
        public override double Gradient(double theta)
            => (-1 - (Math.Log(theta) - MeanLog) / (SdLog * SdLog)) / theta;

        /// <summary>[1 + (log θ - m - 1)/s²] / θ².</summary>
        public override double SecondDerivative(double theta)
            => (1 + (Math.Log(theta) - MeanLog - 1) / (SdLog * SdLog)) / (theta * theta);

        public override bool Suits(ParameterDomain domain) => domain == ParameterDomain.Positive;
    }

    /// <summary>Gamma(Shape, Rate) on x &gt; 0: density ∝ x^(Shape-1) e^(-Rate x).</summary>
    internal sealed class GammaPrior : UnivariatePrior
    {
        public GammaPrior(double shape, double rate)
            : base("Gamma", ("Shape", shape), ("Rate", rate))
        {
            Shape = shape;
            Rate = rate;
        }

        public double Shape { get; }

        public double Rate { get; }

        public override double SupportLower => 0;

        public override double Center => Shape / Rate;

        public override double LogDensity(double theta)
        {
            if (!(theta >= 0))
            {
                return double.NegativeInfinity;
            }

            // At θ = 0 the density is infinite for Shape < 1, Rate for Shape = 1 and 0 for Shape > 1.
            double power = Shape == 1 ? 0 : (Shape - 1) * Math.Log(theta);
            return Shape * Math.Log(Rate) - MathNet.Numerics.SpecialFunctions.GammaLn(Shape) + power - Rate * theta;
        }

        public override double Gradient(double theta) => (Shape - 1) / theta - Rate;

        public override double SecondDerivative(double theta) => -(Shape - 1) / (theta * theta);

        public override bool Suits(ParameterDomain domain) => domain == ParameterDomain.Positive;
    }

    /// <summary>InverseGamma(Shape, Scale) on x &gt; 0: density ∝ x^(-Shape-1) e^(-Scale/x).</summary>
    internal sealed class InverseGammaPrior : UnivariatePrior
    {
        public InverseGammaPrior(double shape, double scale)
            : base("InverseGamma", ("Shape", shape), ("Scale", scale))
        {
            Shape = shape;
            Scale = scale;
        }

        public double Shape { get; }

        public double Scale { get; }

        public override double SupportLower => 0;

        /// <summary>The mean Scale/(Shape - 1) where it exists, else the mode Scale/(Shape + 1).</summary>
        public override double Center => Shape > 1 ? Scale / (Shape - 1) : Scale / (Shape + 1);

        public override double LogDensity(double theta)
        {
            if (!(theta > 0))
            {
                return double.NegativeInfinity;
            }

            return Shape * Math.Log(Scale) - MathNet.Numerics.SpecialFunctions.GammaLn(Shape) - (Shape + 1) * Math.Log(theta) - Scale / theta;
        }

        public override double Gradient(double theta) => (-(Shape + 1) + Scale / theta) / theta;

        public override double SecondDerivative(double theta) => ((Shape + 1) - 2 * Scale / theta) / (theta * theta);

        public override bool Suits(ParameterDomain domain) => domain == ParameterDomain.Positive;
    }

    /// <summary>Exponential(Rate) on x &gt;= 0.</summary>
    internal sealed class ExponentialPrior : UnivariatePrior
    {
        public ExponentialPrior(double rate)
            : base("Exponential", ("Rate", rate))
        {
            Rate = rate;
        }

        public double Rate { get; }

        public override double SupportLower => 0;

        public override double Center => 1 / Rate;

        public override double LogDensity(double theta)
            => theta >= 0 ? Math.Log(Rate) - Rate * theta : double.NegativeInfinity;

        public override double Gradient(double theta) => -Rate;

        public override double SecondDerivative(double theta) => 0;

        public override bool Suits(ParameterDomain domain) => domain == ParameterDomain.Positive;
    }

    /// <summary>Beta(Alpha, Beta) on 0 &lt; x &lt; 1.</summary>
    internal sealed class BetaPrior : UnivariatePrior
    {
        public BetaPrior(double alpha, double beta)
            : base("Beta", ("Alpha", alpha), ("Beta", beta))
        {
            Alpha = alpha;
            Beta = beta;
        }

        public double Alpha { get; }

        public double Beta { get; }

        public override double SupportLower => 0;

        public override double SupportUpper => 1;

        public override double Center => Alpha / (Alpha + Beta);

        public override double LogDensity(double theta)
        {
            if (!(theta >= 0 && theta <= 1))
            {
                return double.NegativeInfinity;
            }

            // (a - 1) log θ with a = 1 at θ = 0 is 0, not NaN.
            double left = Alpha == 1 ? 0 : (Alpha - 1) * Math.Log(theta);
            double right = Beta == 1 ? 0 : (Beta - 1) * MathNet.Numerics.SpecialFunctions.Log1p(-theta);
            return left + right - MathNet.Numerics.SpecialFunctions.BetaLn(Alpha, Beta);
        }

        public override double Gradient(double theta) => (Alpha - 1) / theta - (Beta - 1) / (1 - theta);

        public override double SecondDerivative(double theta)
            => -(Alpha - 1) / (theta * theta) - (Beta - 1) / ((1 - theta) * (1 - theta));

        public override bool Suits(ParameterDomain domain) => domain == ParameterDomain.Probability;
    }

    /// <summary>Uniform(Lower, Upper): constant density on [Lower, Upper], zero outside.</summary>
    internal sealed class UniformPrior : UnivariatePrior
    {
        public UniformPrior(double lower, double upper)
            : base("Uniform", ("Lower", lower), ("Upper", upper))
        {
            Lower = lower;
            Upper = upper;
        }

        public double Lower { get; }

        public double Upper { get; }

        public override double SupportLower => Lower;

        public override double SupportUpper => Upper;

        public override double Center => Lower / 2 + Upper / 2;

        public override double LogDensity(double theta)
            => theta >= Lower && theta <= Upper ? -Math.Log(Upper - Lower) : double.NegativeInfinity;

        public override double Gradient(double theta) => 0;

        public override double SecondDerivative(double theta) => 0;

        public override bool Suits(ParameterDomain domain) => domain switch
        {
            ParameterDomain.Positive => Lower >= 0,
            ParameterDomain.Probability => Lower >= 0 && Upper <= 1,
            _ => true,
        };
    }

    /// <summary>
    /// Flat: a constant (improper) density on the parameter's own scale. It adds nothing to the
    /// log-posterior, so that parameter is estimated as by maximum likelihood given the others.
    /// </summary>
    internal sealed class FlatPrior : UnivariatePrior
    {
        public static readonly FlatPrior Instance = new FlatPrior();

        private FlatPrior()
            : base("Flat")
        {
        }

        public override bool IsFlat => true;

        public override double Center => double.NaN;

        public override double LogDensity(double theta) => 0;

        public override double Gradient(double theta) => 0;

        public override double SecondDerivative(double theta) => 0;

        public override bool Suits(ParameterDomain domain) => true;
    }
}
