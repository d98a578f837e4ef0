using System;
using MathNet.Numerics;
using PSEstimation.Distributions;

namespace PSEstimation.Models
{
    /// <summary>
    /// Gamma(Shape a, Rate b): f(x) = bᵃ xᵃ⁻¹ e^(-bx) / Γ(a), x > 0. The distribution functions
    /// are the regularized incomplete gamma functions at y = b·x (<see cref="IncompleteGamma"/>);
    /// the quantiles are solved by safeguarded Newton steps on log P or log Q in log y.
    /// </summary>
    internal sealed class GammaModel : DistributionModel
    {
        /// <summary>Below this shape log f is the direct sum of its terms; above, Temme's prefix (the direct sum loses a·log a ulps).</summary>
        private const double DirectShapeLimit = 10;

        private const int MaxNewtonSteps = 200;

        /// <summary>log of the smallest positive double, 4.9e-324.</summary>
        private static readonly double LogSmallest = Math.Log(double.Epsilon);

        public GammaModel()
            : base(DistributionName.Gamma,
                   new ParameterSpec("Shape", ParameterDomain.Positive),
                   new ParameterSpec("Rate", ParameterDomain.Positive))
        {
        }

        public override bool IsDiscrete => false;

        public override string SupportDescription => "x > 0";

        public override bool IsInSupport(double x, double[] theta) => x > 0 && !double.IsInfinity(x);

        /// <summary>
        /// The family's formula for shapes below 10 (the fused sample passes sum the same
        /// terms); above, log f = log(y^a e^(-y) / Γ(a)) - log x, y = b·x, whose terms do not
        /// cancel (the direct sum loses 1e-9 of the density at a = 10⁶).
        /// </summary>
        public override double LogDensity(double x, double[] theta)
        {
            if (!IsInSupport(x, theta))
            {
                return double.NegativeInfinity;
            }

            double a = theta[0], b = theta[1];
            if (a >= DirectShapeLimit)
            {
                return IncompleteGamma.LogPrefix(a, b * x) - Math.Log(x);
            }

            return a * Math.Log(b) - SpecialFunctions.GammaLn(a) + (a - 1) * Math.Log(x) - b * x;
        }

        public override void AddScore(double x, double weight, double[] theta, double[] score)
        {
            double a = theta[0], b = theta[1];
            score[0] += weight * (Math.Log(b) - SpecialFunctions.DiGamma(a) + Math.Log(x));
            score[1] += weight * (a / b - x);
        }

        public override void AddHessian(double x, double weight, double[] theta, double[,] hessian)
        {
            double a = theta[0], b = theta[1];
            hessian[0, 0] -= weight * SpecialMath.Trigamma(a);
            hessian[0, 1] += weight / b;
            hessian[1, 0] += weight / b;
            hessian[1, 1] -= weight * a / (b * b);
        }

        public override double[,] ExpectedInformation(double[] theta)
        {
            double a = theta[0], b = theta[1];
            return new[,] { { SpecialMath.Trigamma(a), -1 / b }, { -1 / b, a / (b * b) } };
        }

        public override double LogCdf(double x, double[] theta)
            => double.IsNaN(x) ? double.NaN : x > 0 ? IncompleteGamma.LogLower(theta[0], theta[1] * x) : double.NegativeInfinity;

        public override double LogSurvival(double x, double[] theta)
            => double.IsNaN(x) ? double.NaN : x > 0 ? IncompleteGamma.LogUpper(theta[0], theta[1] * x) : 0;

        // AddLogCdfDerivatives / AddLogSurvivalDerivatives: the default numerical derivatives.
        // The Shape derivative of an incomplete gamma function has no practical closed form (it
        // is a Meijer G function), and numerical differences of log P and log Q, which are
        // accurate to about 1e-15, give it to about 1e-11.

        /// <summary>The x with F(x) = p: for p &gt; ½ the x with S(x) = 1 - p (exact there), solved from Q.</summary>
        public override double Quantile(double p, double[] theta)
        {
            if (!(p >= 0 && p <= 1))
            {
                return double.NaN;
            }

            if (p == 0)
            {
                return 0;
            }

            if (p == 1)
            {
                return double.PositiveInfinity;
            }

            return p > 0.5 ? Solve(Math.Log(1 - p), upper: true, theta) : Solve(Math.Log(p), upper: false, theta);
        }

        /// <summary>The x with S(x) = q, solved from Q itself so that q = 1e-300 keeps its digits.</summary>
        public override double InverseSurvival(double q, double[] theta)
        {
            if (!(q >= 0 && q <= 1))
            {
                return double.NaN;
            }

            if (q == 0)
            {
                return double.PositiveInfinity;
            }

            if (q == 1)
            {
                return 0;
            }

            return q > 0.5 ? Solve(Math.Log(1 - q), upper: false, theta) : Solve(Math.Log(q), upper: true, theta);
        }

        public override double Sample(RandomSource random, double[] theta) => Samplers.Gamma(random, theta[0]) / theta[1];

        /// <summary>
        /// Solves log P(a, y) = target (or log Q(a, y) = target) for s = log y by Newton's method,
        /// d log P / ds = y·f(y)/P = exp(log prefix - log P), kept inside a bracket that every
        /// evaluation narrows (bisection when a step leaves it). In log y, log P is nearly linear
        /// in the lower tail (slope a) and log Q nearly linear in y in the upper, so Newton
        /// converges in a few steps from the Wilson-Hilferty start.
        /// </summary>
        private static double Solve(double target, bool upper, double[] theta)
        {
            double a = theta[0], b = theta[1];
            // Below the smallest double: F(y) >= p already at y = 4.9e-324 (tiny shapes, tiny p).
            if (!upper && IncompleteGamma.LogLower(a, double.Epsilon) >= target)
            {
                return 0;
            }

            double s = StartingLogY(target, upper, a);
            double lo = LogSmallest, hi = double.PositiveInfinity;

            // log P(y) ≤ a log y - log Γ(a + 1), so the root is at or above this.
            if (!upper)
            {
                lo = Math.Max(LogSmallest, (target + SpecialFunctions.GammaLn(a + 1)) / a);
                if (!(s > lo))
                {
                    s = lo + 1e-3;
                }
            }

            for (int step = 0; step < MaxNewtonSteps; step++)
            {
                double y = Math.Exp(s);
                double logProbability = upper ? IncompleteGamma.LogUpper(a, y) : IncompleteGamma.LogLower(a, y);

                // g increases in s in both cases: log P rises, -log Q rises.
                double g = upper ? target - logProbability : logProbability - target;
                if (g == 0)
                {
                    break;
                }

                if (g < 0)
                {
                    lo = s;
                }
                else
                {
                    hi = s;
                }

                double slope = Math.Exp(IncompleteGamma.LogPrefix(a, y) - logProbability);
                double next = s - g / slope;
                if (!(next > lo && next < hi))
                {
                    next = !double.IsInfinity(lo) && !double.IsInfinity(hi)
                        ? 0.5 * (lo + hi)
                        : g < 0 ? s + Math.Max(1, Math.Abs(s)) : s - Math.Max(1, Math.Abs(s));
                }

                bool converged = Math.Abs(next - s) <= 1e-15 * Math.Max(1, Math.Abs(s));
                s = next;
                if (converged || hi - lo <= 4e-16 * Math.Max(1, Math.Abs(s)))
                {
                    break;
                }
            }

            // log y has a granularity of ulp(s): where log P is steep in s (huge shapes: slope
            // about √a·|z|) that costs digits, so the last steps are Newton steps on y itself.
            double root = Math.Exp(s);
            for (int polish = 0; polish < 3 && root > 0 && !double.IsInfinity(root); polish++)
            {
                double logProbability = upper ? IncompleteGamma.LogUpper(a, root) : IncompleteGamma.LogLower(a, root);
                double g = upper ? target - logProbability : logProbability - target;
                double slope = Math.Exp(IncompleteGamma.LogPrefix(a, root) - logProbability);
                double next = root - g * root / slope;
                if (!(next > 0) || double.IsInfinity(next) || Math.Abs(next - root) > 1e-6 * root)
                {
                    break;
                }

                bool done = next == root;
                root = next;
                if (done)
                {
                    break;
                }
            }

            s = Math.Log(root);

            // y / b as exp(s - log b) where y or the quotient would leave the double range.
            double x = root / b;
            return x > 0 && !double.IsInfinity(x) && x >= 1e-300 ? x : Math.Exp(s - Math.Log(b));
        }

        /// <summary>
        /// Wilson and Hilferty: (Y/a)^(1/3) is nearly normal with mean 1 - 1/(9a) and variance
        /// 1/(9a); in the lower tail of a small shape, P ≈ yᵃ / Γ(a + 1) instead.
        /// </summary>
        private static double StartingLogY(double target, bool upper, double a)
        {
            // z = Φ⁻¹(p) from log p (or Φ⁻¹(1 - q) from log q) without forming 1 - q.
            double tail = Math.Exp(target);
            double z = tail > 0 ? StandardNormal.Quantile(tail) : -Math.Sqrt(-2 * target);
            if (upper)
            {
                z = -z;
            }

            double c = 1 / (9 * a);
            double w = 1 - c + z * Math.Sqrt(c);
            double wilsonHilferty = w > 0 ? Math.Log(a) + 3 * Math.Log(w) : double.NaN;
            if (!upper)
            {
                double power = (target + SpecialFunctions.GammaLn(a + 1)) / a;
                if (double.IsNaN(wilsonHilferty) || power < wilsonHilferty && a < 1)
                {
                    return power;
                }
            }
            else if (double.IsNaN(wilsonHilferty) || wilsonHilferty < Math.Log(a))
            {
                return Math.Log(a);
            }

            return wilsonHilferty;
        }
    }
}
