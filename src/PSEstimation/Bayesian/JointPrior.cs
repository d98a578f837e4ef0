using System;
using System.Globalization;
using MathNet.Numerics;

namespace PSEstimation.Bayesian
{
    /// <summary>A prior over several parameters at once, given as one string (conjugate only).</summary>
    internal abstract class JointPrior
    {
        /// <summary>"NormalInverseGamma(2, 1, 3, 2)".</summary>
        public abstract override string ToString();
    }

    /// <summary>
    /// NormalInverseGamma(Mean, Lambda, Shape, Scale) for Normal's (Mean, Variance):
    /// Variance ~ InverseGamma(Shape, Scale) and Mean | Variance ~ Normal(Mean, Variance / Lambda).
    /// </summary>
    internal sealed class NormalInverseGammaPrior : JointPrior
    {
        private const double LogTwoPi = 1.8378770664093454835606594728112;

        public NormalInverseGammaPrior(double mean, double lambda, double shape, double scale)
        {
            Mean = mean;
            Lambda = lambda;
            Shape = shape;
            Scale = scale;
        }

        public double Mean { get; }

        public double Lambda { get; }

        public double Shape { get; }

        public double Scale { get; }

        /// <summary>log p(μ, σ²): the Normal log-density of μ plus the InverseGamma log-density of σ².</summary>
        public double LogDensity(double mean, double variance)
        {
            if (!(variance > 0))
            {
                return double.NegativeInfinity;
            }

            double d = mean - Mean;
            double logNormal = -0.5 * (LogTwoPi + Math.Log(variance / Lambda)) - Lambda * d * d / (2 * variance);
            double logInverseGamma = Shape * Math.Log(Scale) - SpecialFunctions.GammaLn(Shape) - (Shape + 1) * Math.Log(variance) - Scale / variance;
            return logNormal + logInverseGamma;
        }

        public override string ToString() => string.Format(
            CultureInfo.InvariantCulture,
            "NormalInverseGamma({0}, {1}, {2}, {3})",
            UnivariatePrior.Format(Mean),
            UnivariatePrior.Format(Lambda),
            UnivariatePrior.Format(Shape),
            UnivariatePrior.Format(Scale));
    }

    /// <summary>
    /// The symmetric Dirichlet(Alpha) over the probabilities of the categories seen in the data.
    /// Dirichlet(1) is uniform on the simplex: its posterior mean is Laplace's add-one rule.
    /// </summary>
    internal sealed class DirichletPrior : JointPrior
    {
        public DirichletPrior(double alpha)
        {
            Alpha = alpha;
        }

        public double Alpha { get; }

        public override string ToString() => "Dirichlet(" + UnivariatePrior.Format(Alpha) + ")";
    }
}
