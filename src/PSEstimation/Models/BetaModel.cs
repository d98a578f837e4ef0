using System;
using MathNet.Numerics;
using PSEstimation.Distributions;

namespace PSEstimation.Models
{
    /// <summary>
    /// Beta(Alpha a, Beta b): f(x) = xᵃ⁻¹ (1 - x)ᵇ⁻¹ / B(a, b), 0 &lt; x &lt; 1. The Hessian does not
    /// involve x, so observed and expected information agree.
    /// </summary>
    /// <remarks>
    /// F and S are both tails of the incomplete beta function, each computed directly in logs
    /// (<see cref="IncompleteBetaTails"/>; S(x) = I_{1-x}(b, a)). Quantiles solve log F = log p
    /// (or log S = log q, whichever tail is the target's smaller one) by safeguarded Newton steps
    /// in s = log(x/(1 - x)): x and 1 - x both follow from s without cancellation, so a quantile
    /// at 1e-300 or within 1e-17 of 1 keeps its digits, and in either tail log F is nearly linear
    /// in s (F ≈ x^a/(a B(a, b))), where Newton converges in a step or two.
    /// </remarks>
    internal sealed class BetaModel : DistributionModel
    {
        public BetaModel()
            : base(DistributionName.Beta,
                   new ParameterSpec("Alpha", ParameterDomain.Positive),
                   new ParameterSpec("Beta", ParameterDomain.Positive))
        {
        }

        public override bool IsDiscrete => false;

        public override string SupportDescription => "0 < x < 1";

        public override bool IsInSupport(double x, double[] theta) => x > 0 && x < 1;

        public override double LogDensity(double x, double[] theta)
        {
            if (!(x > 0 && x < 1))
            {
                return double.NegativeInfinity;
            }

            double a = theta[0], b = theta[1];
            return (a - 1) * Math.Log(x) + (b - 1) * SpecialMath.Log1p(-x) - SpecialFunctions.BetaLn(a, b);
        }

        public override void AddScore(double x, double weight, double[] theta, double[] score)
        {
            double a = theta[0], b = theta[1];
            double psiSum = SpecialFunctions.DiGamma(a + b);
            score[0] += weight * (Math.Log(x) - SpecialFunctions.DiGamma(a) + psiSum);
            score[1] += weight * (SpecialMath.Log1p(-x) - SpecialFunctions.DiGamma(b) + psiSum);
        }

        public override void AddHessian(double x, double weight, double[] theta, double[,] hessian)
        {
            var info = ExpectedInformation(theta);
            for (int i = 0; i < 2; i++)
            {
                for (int j = 0; j < 2; j++)
                {
                    hessian[i, j] -= weight * info[i, j];
                }
            }
        }

        public override double[,] ExpectedInformation(double[] theta)
        {
            double a = theta[0], b = theta[1];
            double common = SpecialMath.Trigamma(a + b);
            return new[,]
            {
                { SpecialMath.Trigamma(a) - common, -common },
                { -common, SpecialMath.Trigamma(b) - common },
            };
        }

        public override double LogCdf(double x, double[] theta)
            => double.IsNaN(x) ? double.NaN : x <= 0 ? double.NegativeInfinity : x >= 1 ? 0 : IncompleteBetaTails.LogLower(x, 1 - x, theta[0], theta[1]);

        public override double LogSurvival(double x, double[] theta)
            => double.IsNaN(x) ? double.NaN : x <= 0 ? 0 : x >= 1 ? double.NegativeInfinity : IncompleteBetaTails.LogUpper(x, 1 - x, theta[0], theta[1]);

        /// <summary>f(x) = a · x^a (1-x)^b / (a B(a, b)) / (x (1 - x)), from the prefactor in Loader's form.</summary>
        public override double Density(double x, double[] theta)
        {
            if (!(x > 0 && x < 1))
            {
                return double.IsNaN(x) ? double.NaN : 0;
            }

            return Math.Exp(Math.Log(theta[0]) + IncompleteBetaTails.LogPrefactor(x, 1 - x, theta[0], theta[1]) - Math.Log(x) - LogSpace.Log1p(-x));
        }

        // The derivatives of log F and log S are the default numerical ones: Alpha and Beta are the
        // shapes of the incomplete beta function, for which no practical closed form exists.

        public override double Quantile(double p, double[] theta)
        {
            if (double.IsNaN(p) || p < 0 || p > 1)
            {
                return double.NaN;
            }

            return p == 0 ? 0 : p == 1 ? 1 : p <= 0.5 ? Solve(Math.Log(p), true, theta) : Solve(Math.Log(1 - p), false, theta);
        }

        public override double InverseSurvival(double q, double[] theta)
        {
            if (double.IsNaN(q) || q < 0 || q > 1)
            {
                return double.NaN;
            }

            return q == 0 ? 1 : q == 1 ? 0 : q <= 0.5 ? Solve(Math.Log(q), false, theta) : Solve(Math.Log(1 - q), true, theta);
        }

        /// <summary>X/(X + Y) for X ~ Gamma(a), Y ~ Gamma(b): <see cref="Samplers.Beta"/> (from the Gammas' logarithms when a shape is below 1).</summary>
        public override double Sample(RandomSource random, double[] theta) => Samplers.Beta(random, theta[0], theta[1]);

        /// <summary>
        /// The x with log F(x) = target (<paramref name="lower"/>) or log S(x) = target, target &lt;= log ½,
        /// by Newton in s = logit x inside a bracket that bisection keeps (at most 300 steps).
        /// </summary>
        private static double Solve(double target, bool lower, double[] theta)
        {
            double a = theta[0], b = theta[1];
            double logA = Math.Log(a), logB = Math.Log(b), logBeta = SpecialFunctions.BetaLn(a, b);

            // G(s) = ±(log tail(s) - target), increasing in s; the bracket [lo, hi] has G(lo) < 0 < G(hi).
            double lo = -800, hi = 800;
            double s;
            if (lower)
            {
                double logX = (target + logA + logBeta) / a;  // from F ≈ x^a / (a B(a, b))
                s = logX < -0.7 ? logX - LogSpace.Log1p(-Math.Exp(logX)) : Math.Log(a) - Math.Log(b);
            }
            else
            {
                double logY = (target + logB + logBeta) / b;  // from S ≈ (1 - x)^b / (b B(a, b))
                s = logY < -0.7 ? -(logY - LogSpace.Log1p(-Math.Exp(logY))) : Math.Log(a) - Math.Log(b);
            }

            if (double.IsNaN(s) || double.IsInfinity(s))
            {
                s = 0;
            }

            s = Math.Max(lo, Math.Min(hi, s));
            for (int iteration = 0; iteration < 300; iteration++)
            {
                Point(s, out double x, out double y);
                IncompleteBetaTails.Log(x, y, a, b, out double logF, out double logS);
                double tail = lower ? logF : logS;
                double g = lower ? tail - target : target - tail;
                if (g == 0)
                {
                    return x;
                }

                if (g < 0)
                {
                    lo = s;
                }
                else
                {
                    hi = s;
                }

                // dG/ds = x (1 - x) f(x) / tail = a · prefactor / tail, for either side.
                double slope = double.IsInfinity(tail) || x == 0 || y == 0 ? double.NaN : Math.Exp(logA + IncompleteBetaTails.LogPrefactor(x, y, a, b) - tail);
                double next = s - g / slope;
                if (!(next > lo && next < hi))
                {
                    next = 0.5 * (lo + hi);
                }

                if (Math.Abs(next - s) <= 4e-16 * Math.Max(1, Math.Abs(s)) || hi - lo <= 4e-16 * Math.Max(1, Math.Abs(s)))
                {
                    Point(next, out x, out _);
                    return x;
                }

                s = next;
            }

            Point(s, out double result, out _);
            return result;
        }

        /// <summary>x = 1/(1 + e^-s) and 1 - x = 1/(1 + e^s), each without cancellation.</summary>
        private static void Point(double s, out double x, out double y)
        {
            if (s < 0)
            {
                double e = Math.Exp(s);
                x = e / (1 + e);
                y = 1 / (1 + e);
            }
            else
            {
                double e = Math.Exp(-s);
                x = 1 / (1 + e);
                y = e / (1 + e);
            }
        }
    }
}
