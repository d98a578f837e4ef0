using System;
using PSEstimation.Distributions;

namespace PSEstimation.Models
{
    /// <summary>
    /// Pareto type I (Scale, Shape): f(x) = Shape · Scale^Shape / x^(Shape + 1) for x >= Scale,
    /// S(x) = (Scale/x)^Shape. Everything is taken from r = log(x / Scale) (log1p of the exact
    /// difference near Scale): log S = -Shape·r is the cumulative hazard H, and log F goes
    /// through <see cref="CumulativeHazardTail"/> with u = log Shape + log r.
    /// </summary>
    internal sealed class ParetoModel : DistributionModel
    {
        public ParetoModel()
            : base(DistributionName.Pareto,
                   new ParameterSpec("Scale", ParameterDomain.Positive),
                   new ParameterSpec("Shape", ParameterDomain.Positive))
        {
        }

        public override bool IsDiscrete => false;

        public override string SupportDescription => "x >= Scale (> 0)";

        public override bool IsInSupport(double x, double[] theta) => x >= theta[0];

        public override double LogDensity(double x, double[] theta)
        {
            double scale = theta[0], shape = theta[1];
            return x >= scale
                ? Math.Log(shape) - Math.Log(scale) - (shape + 1) * LogRatio(x, scale)
                : double.NegativeInfinity;
        }

        public override void AddScore(double x, double weight, double[] theta, double[] score)
        {
            double scale = theta[0], shape = theta[1];
            if (!(x >= scale))
            {
                score[0] = score[1] = double.NaN;
                return;
            }

            score[0] += weight * shape / scale;
            score[1] += weight * (1 / shape - LogRatio(x, scale));
        }

        public override void AddHessian(double x, double weight, double[] theta, double[,] hessian)
        {
            double scale = theta[0], shape = theta[1];
            if (!(x >= scale))
            {
                hessian[0, 0] = hessian[0, 1] = hessian[1, 0] = hessian[1, 1] = double.NaN;
                return;
            }

            hessian[0, 0] -= weight * shape / (scale * scale);
            hessian[0, 1] += weight / scale;
            hessian[1, 0] += weight / scale;
            hessian[1, 1] -= weight / (shape * shape);
        }

        /// <summary>
        /// Minus the expected Hessian of log f: [[Shape/Scale², -1/Scale], [-1/Scale, 1/Shape²]]
        /// (the matrix usually quoted for the Pareto). The support depends on Scale, so the
        /// Scale entries are not the variance of a score and give no standard error; the
        /// Shape entry 1/Shape² is a regular Fisher information.
        /// </summary>
        public override double[,] ExpectedInformation(double[] theta)
        {
            double scale = theta[0], shape = theta[1];
            return new[,] { { shape / (scale * scale), -1 / scale }, { -1 / scale, 1 / (shape * shape) } };
        }

        public override double LogCdf(double x, double[] theta)
        {
            if (double.IsNaN(x))
            {
                return double.NaN;
            }

            if (!(x > theta[0]))
            {
                return double.NegativeInfinity;
            }

            double r = AccurateLog.OfRatio(x, theta[0]);
            return CumulativeHazardTail.LogCdf(Math.Log(theta[1]) + Math.Log(r), theta[1] * r);
        }

        public override double LogSurvival(double x, double[] theta)
        {
            if (double.IsNaN(x))
            {
                return double.NaN;
            }

            return x > theta[0] ? -theta[1] * AccurateLog.OfRatio(x, theta[0]) : 0;
        }

        public override double Cdf(double x, double[] theta)
        {
            if (double.IsNaN(x))
            {
                return double.NaN;
            }

            return x > theta[0] ? CumulativeHazardTail.Cdf(theta[1] * AccurateLog.OfRatio(x, theta[0])) : 0;
        }

        public override double Survival(double x, double[] theta) => Math.Exp(LogSurvival(x, theta));

        /// <summary>
        /// u = log Shape + log r, r = log(x/Scale): ∂u/∂Scale = -1/(Scale·r), ∂u/∂Shape = 1/Shape,
        /// ∂²u/∂Scale² = (r - 1)/(Scale²·r²), ∂²u/∂Shape² = -1/Shape², no cross term.
        /// </summary>
        public override void AddLogCdfDerivatives(double x, double weight, double[] theta, double[] gradient, double[,]? hessian)
        {
            if (!(x > theta[0]))
            {
                CumulativeHazardTail.AddUndefined(gradient, hessian);
                return;
            }

            double scale = theta[0], shape = theta[1], r = AccurateLog.OfRatio(x, scale);
            double sr = scale * r;
            CumulativeHazardTail.AddLogCdfDerivatives(
                shape * r,
                new[] { -1 / sr, 1 / shape },
                new[,] { { (r - 1) / (sr * sr), 0 }, { 0, -1 / (shape * shape) } },
                weight,
                gradient,
                hessian);
        }

        /// <summary>log S = -Shape·r: ∇ = (Shape/Scale, -r), ∇² = [[-Shape/Scale², 1/Scale], [1/Scale, 0]]; 0 below Scale, where S = 1.</summary>
        public override void AddLogSurvivalDerivatives(double x, double weight, double[] theta, double[] gradient, double[,]? hessian)
        {
            if (double.IsNaN(x))
            {
                CumulativeHazardTail.AddUndefined(gradient, hessian);
                return;
            }

            double scale = theta[0], shape = theta[1];
            if (!(x > scale))
            {
                return;
            }

            gradient[0] += weight * shape / scale;
            gradient[1] -= weight * AccurateLog.OfRatio(x, scale);
            if (hessian is not null)
            {
                hessian[0, 0] -= weight * shape / (scale * scale);
                hessian[0, 1] += weight / scale;
                hessian[1, 0] += weight / scale;
            }
        }

        /// <summary>Scale · exp(-log(1 - p) / Shape).</summary>
        public override double Quantile(double p, double[] theta)
        {
            if (!(p >= 0 && p <= 1))
            {
                return double.NaN;
            }

            return p == 1 ? double.PositiveInfinity : ScaleTimesExp(theta[0], -LogSpace.Log1p(-p) / theta[1]);
        }

        /// <summary>Scale · exp(-log q / Shape).</summary>
        public override double InverseSurvival(double q, double[] theta)
        {
            if (!(q >= 0 && q <= 1))
            {
                return double.NaN;
            }

            return q == 0 ? double.PositiveInfinity : ScaleTimesExp(theta[0], -Math.Log(q) / theta[1]);
        }

        /// <summary>Scale · e^(E/Shape) with E standard exponential: log(X/Scale) is Exponential(Shape).</summary>
        public override double Sample(RandomSource random, double[] theta)
            => ScaleTimesExpDeterministic(theta[0], Samplers.StandardExponential(random) / theta[1]);

        /// <summary>scale · e^t, through e^(log scale + t) where e^t alone overflows but the product does not.</summary>
        private static double ScaleTimesExp(double scale, double t)
            => t < 700 ? scale * Math.Exp(t) : Math.Exp(Math.Log(scale) + t);

        private static double ScaleTimesExpDeterministic(double scale, double t)
            => t < 700 ? scale * DeterministicMath.Exp(t) : DeterministicMath.Exp(DeterministicMath.Log(scale) + t);

        /// <summary>
        /// log(x / p) for the density and its derivatives (the family's, verbatim). The
        /// distribution functions use <see cref="AccurateLog.OfRatio"/> instead, whose log1p keeps
        /// r's relative digits just above Scale, where log F ≈ log(Shape·r) needs them.
        /// </summary>
        private static double LogRatio(double x, double p)
        {
            double ratio = x / p;
            return ratio > 0.5 && ratio < 2 ? MathNet.Numerics.SpecialFunctions.Log1p((x - p) / p) : Math.Log(x) - Math.Log(p);
        }
    }
}
