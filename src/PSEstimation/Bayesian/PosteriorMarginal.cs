using System;
using MathNet.Numerics.Distributions;

namespace PSEstimation.Bayesian
{
    /// <summary>
    /// The summary of one parameter's posterior: the mode, the mean and standard deviation
    /// (+Infinity where the posterior's moment diverges), and the equal-tailed credible interval.
    /// The factories compute them for the marginal posteriors of the conjugate updates.
    /// </summary>
    internal sealed class PosteriorMarginal
    {
        public PosteriorMarginal(double mode, double mean, double standardDeviation, double lower, double upper)
        {
            Mode = mode;
            Mean = mean;
            StandardDeviation = standardDeviation;
            Lower = lower;
            Upper = upper;
        }

        public double Mode { get; }

        public double Mean { get; }

        public double StandardDeviation { get; }

        public double Lower { get; }

        public double Upper { get; }

        /// <summary>A copy with another mode (the joint mode of a multivariate posterior).</summary>
        public PosteriorMarginal WithMode(double mode) => new PosteriorMarginal(mode, Mean, StandardDeviation, Lower, Upper);

        /// <summary>Normal(mean, variance).</summary>
        public static PosteriorMarginal Normal(double mean, double variance, double level)
        {
            double sd = Math.Sqrt(variance);
            double z = -MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, (1 - level) / 2);
            return new PosteriorMarginal(
                mean,
                mean,
                sd,
                mean - sd * z,
                mean + sd * z);
        }

        /// <summary>
        /// Beta(a, b): mode (a-1)/(a+b-2) when a, b &gt; 1; on an edge (0 or 1) when the density is
        /// unbounded or monotone there; NaN when it is U-shaped (a, b &lt; 1, two modes).
        /// </summary>
        public static PosteriorMarginal Beta(double a, double b, double level)
        {
            double mode;
            if (a > 1 && b > 1)
            {
                mode = (a - 1) / (a + b - 2);
            }
            else if (a <= 1 && b > 1)
            {
                mode = 0;
            }
            else if (a > 1 && b <= 1)
            {
                mode = 1;
            }
            else if (a == 1 && b == 1)
            {
                mode = 0.5;
            }
            else
            {
                mode = double.NaN;
            }

            double s = a + b;
            double tail = (1 - level) / 2;
            return new PosteriorMarginal(
                mode,
                a / s,
                Math.Sqrt(a * b / (s * s * (s + 1))),
                Quantiles.Beta(a, b, tail),
                Quantiles.Beta(a, b, tail, upper: true));
        }

        /// <summary>Gamma(shape, rate): mode (shape - 1)/rate, or 0 when shape &lt;= 1.</summary>
        public static PosteriorMarginal Gamma(double shape, double rate, double level)
        {
            double tail = (1 - level) / 2;
            return new PosteriorMarginal(
                shape >= 1 ? (shape - 1) / rate : 0,
                shape / rate,
                Math.Sqrt(shape) / rate,
                Quantiles.Gamma(shape, rate, tail),
                Quantiles.Gamma(shape, rate, tail, upper: true));
        }

        /// <summary>InverseGamma(shape, scale): mode scale/(shape + 1); mean and SD diverge for shape &lt;= 1 and &lt;= 2.</summary>
        public static PosteriorMarginal InverseGamma(double shape, double scale, double level)
        {
            double tail = (1 - level) / 2;
            double mean = shape > 1 ? scale / (shape - 1) : double.PositiveInfinity;
            double sd = shape > 2 ? scale / ((shape - 1) * Math.Sqrt(shape - 2)) : double.PositiveInfinity;
            return new PosteriorMarginal(
                scale / (shape + 1),
                mean,
                sd,
                Quantiles.InverseGamma(shape, scale, tail),
                Quantiles.InverseGamma(shape, scale, tail, upper: true));
        }

        /// <summary>
        /// The location-scale Student t (location, scale, degrees of freedom ν): mean = location
        /// for ν &gt; 1, SD = scale·sqrt(ν/(ν - 2)) for ν &gt; 2.
        /// </summary>
        public static PosteriorMarginal StudentT(double location, double scale, double dof, double level)
        {
            double tail = (1 - level) / 2;
            double q = Quantiles.StudentTUpper(dof, tail);
            return new PosteriorMarginal(
                location,
                dof > 1 ? location : double.NaN,
                dof > 2 ? scale * Math.Sqrt(dof / (dof - 2)) : double.PositiveInfinity,
                location - scale * q,
                location + scale * q);
        }
    }
}
