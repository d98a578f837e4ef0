using System;
using PSEstimation.Distributions;

namespace PSEstimation.Models
{
    /// <summary>
    /// Uniform(Lower, Upper): f(x) = 1 / (Upper - Lower) for Lower &lt;= x &lt;= Upper. Non-regular:
    /// the support moves with both parameters, so there is no Fisher information. The width is
    /// taken as 2 · (Upper/2 - Lower/2) where Upper - Lower would overflow (bounds of opposite
    /// sign near 1e308), and so are the distances in F and S.
    /// </summary>
    internal sealed class UniformModel : DistributionModel
    {
        private const double Ln2 = 0.69314718055994530941723212145818;

        public UniformModel()
            : base(DistributionName.Uniform,
                   new ParameterSpec("Lower", ParameterDomain.Real),
                   new ParameterSpec("Upper", ParameterDomain.Real))
        {
        }

        public override bool IsDiscrete => false;

        public override string SupportDescription => "Lower <= x <= Upper";

        public override bool IsInSupport(double x, double[] theta) => theta[0] < theta[1] && x >= theta[0] && x <= theta[1];

        public override double LogDensity(double x, double[] theta)
            => IsInSupport(x, theta) ? -LogWidth(theta) : double.NegativeInfinity;

        /// <summary>∂/∂Lower = 1/(Upper - Lower), ∂/∂Upper = -1/(Upper - Lower) inside the support.</summary>
        public override void AddScore(double x, double weight, double[] theta, double[] score)
        {
            if (!IsInSupport(x, theta))
            {
                score[0] = score[1] = double.NaN;
                return;
            }

            double inverseWidth = InverseWidth(theta);
            score[0] += weight * inverseWidth;
            score[1] -= weight * inverseWidth;
        }

        /// <summary>(1/(Upper - Lower)²) · [[1, -1], [-1, 1]] inside the support.</summary>
        public override void AddHessian(double x, double weight, double[] theta, double[,] hessian)
        {
            if (!IsInSupport(x, theta))
            {
                hessian[0, 0] = hessian[0, 1] = hessian[1, 0] = hessian[1, 1] = double.NaN;
                return;
            }

            double inverseWidth = InverseWidth(theta);
            double h = weight * inverseWidth * inverseWidth;
            hessian[0, 0] += h;
            hessian[0, 1] -= h;
            hessian[1, 0] -= h;
            hessian[1, 1] += h;
        }

        /// <summary>
        /// NaN: the support depends on both parameters and the likelihood is maximised on its
        /// boundary, so the Fisher information does not exist (tests/reference/mle.json says
        /// the same of its Uniform case).
        /// </summary>
        public override double[,] ExpectedInformation(double[] theta)
            => new[,] { { double.NaN, double.NaN }, { double.NaN, double.NaN } };

        /// <summary>F(x) = (x - Lower)/(Upper - Lower), 0 below and 1 above the support.</summary>
        public override double Cdf(double x, double[] theta)
            => double.IsNaN(x) ? double.NaN : x <= theta[0] ? 0 : x >= theta[1] ? 1 : Math.Min(1, Distance(x, theta[0]) * InverseWidth(theta));

        /// <summary>S(x) = (Upper - x)/(Upper - Lower), computed from the upper bound (no 1 - F).</summary>
        public override double Survival(double x, double[] theta)
            => double.IsNaN(x) ? double.NaN : x <= theta[0] ? 1 : x >= theta[1] ? 0 : Math.Min(1, Distance(theta[1], x) * InverseWidth(theta));

        public override double LogCdf(double x, double[] theta)
            => double.IsNaN(x) ? double.NaN : x <= theta[0] ? double.NegativeInfinity : x >= theta[1] ? 0 : Math.Min(0, LogRatio(x, theta[0], theta));

        public override double LogSurvival(double x, double[] theta)
            => double.IsNaN(x) ? double.NaN : x <= theta[0] ? 0 : x >= theta[1] ? double.NegativeInfinity : Math.Min(0, LogRatio(theta[1], x, theta));

        /// <summary>
        /// log F = log(x - L) - log(U - L) inside: ∂L = 1/w - 1/(x - L), ∂U = -1/w;
        /// ∂²L = 1/w² - 1/(x - L)², ∂L∂U = -1/w², ∂²U = 1/w². 0 above the support, NaN below (log F = -∞).
        /// </summary>
        public override void AddLogCdfDerivatives(double x, double weight, double[] theta, double[] gradient, double[,]? hessian)
        {
            if (!(x > theta[0]))
            {
                gradient[0] = gradient[1] = double.NaN;
                return;
            }

            if (x >= theta[1])
            {
                return;
            }

            double iw = InverseWidth(theta), id = 1 / Distance(x, theta[0]);
            gradient[0] += weight * (iw - id);
            gradient[1] -= weight * iw;
            if (hessian is not null)
            {
                double w2 = iw * iw;
                hessian[0, 0] += weight * (w2 - id * id);
                hessian[0, 1] -= weight * w2;
                hessian[1, 0] -= weight * w2;
                hessian[1, 1] += weight * w2;
            }
        }

        /// <summary>
        /// log S = log(U - x) - log(U - L) inside: ∂L = 1/w, ∂U = 1/(U - x) - 1/w;
        /// ∂²L = 1/w², ∂L∂U = -1/w², ∂²U = 1/w² - 1/(U - x)². 0 below the support, NaN above.
        /// </summary>
        public override void AddLogSurvivalDerivatives(double x, double weight, double[] theta, double[] gradient, double[,]? hessian)
        {
            if (!(x < theta[1]))
            {
                gradient[0] = gradient[1] = double.NaN;
                return;
            }

            if (x <= theta[0])
            {
                return;
            }

            double iw = InverseWidth(theta), id = 1 / Distance(theta[1], x);
            gradient[0] += weight * iw;
            gradient[1] += weight * (id - iw);
            if (hessian is not null)
            {
                double w2 = iw * iw;
                hessian[0, 0] += weight * w2;
                hessian[0, 1] -= weight * w2;
                hessian[1, 0] -= weight * w2;
                hessian[1, 1] += weight * (w2 - id * id);
            }
        }

        /// <summary>Lower + p (Upper - Lower), from the nearer bound so that p near 1 lands on Upper exactly.</summary>
        public override double Quantile(double p, double[] theta)
        {
            if (double.IsNaN(p) || p < 0 || p > 1)
            {
                return double.NaN;
            }

            return p <= 0.5 ? Along(theta, p, fromLower: true) : Along(theta, 1 - p, fromLower: false);
        }

        /// <summary>Upper - q (Upper - Lower), directly from q.</summary>
        public override double InverseSurvival(double q, double[] theta)
        {
            if (double.IsNaN(q) || q < 0 || q > 1)
            {
                return double.NaN;
            }

            return q <= 0.5 ? Along(theta, q, fromLower: false) : Along(theta, 1 - q, fromLower: true);
        }

        public override double Sample(RandomSource random, double[] theta) => Along(theta, random.NextDouble(), fromLower: true);

        internal static double LogWidth(double[] theta)
        {
            double width = theta[1] - theta[0];
            return double.IsInfinity(width) ? Math.Log(theta[1] / 2 - theta[0] / 2) + Ln2 : Math.Log(width);
        }

        internal static double InverseWidth(double[] theta)
        {
            double width = theta[1] - theta[0];
            return double.IsInfinity(width) ? 0.5 / (theta[1] / 2 - theta[0] / 2) : 1 / width;
        }

        /// <summary>Lower + t·width (or Upper - t·width), without overflowing the width, clamped into the support.</summary>
        private static double Along(double[] theta, double t, bool fromLower)
        {
            double lower = theta[0], upper = theta[1], width = upper - lower;
            double value;
            if (double.IsInfinity(width))
            {
                double half = upper / 2 - lower / 2;
                value = fromLower ? 2 * (lower / 2 + t * half) : 2 * (upper / 2 - t * half);
            }
            else
            {
                value = fromLower ? lower + t * width : upper - t * width;
            }

            return Math.Max(lower, Math.Min(upper, value));
        }

        /// <summary>a - b for a &gt; b, as 2 (a/2 - b/2) where the difference overflows.</summary>
        private static double Distance(double a, double b)
        {
            double d = a - b;
            return double.IsInfinity(d) ? 2 * (a / 2 - b / 2) : d;
        }

        /// <summary>log((a - b)/width): the log of the ratio while it is a normal double, the difference of logs below (where it would underflow).</summary>
        private static double LogRatio(double a, double b, double[] theta)
        {
            double ratio = Distance(a, b) * InverseWidth(theta);
            return ratio >= 1e-300 ? Math.Log(ratio) : LogDistance(a, b) - LogWidth(theta);
        }

        private static double LogDistance(double a, double b)
        {
            double d = a - b;
            return double.IsInfinity(d) ? Math.Log(a / 2 - b / 2) + Ln2 : Math.Log(d);
        }
    }
}
