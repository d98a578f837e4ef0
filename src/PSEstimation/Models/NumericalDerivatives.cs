using System;
using PSEstimation.Distributions;

namespace PSEstimation.Models
{
    /// <summary>
    /// Derivatives of a smooth function of the parameters by central differences with one
    /// Richardson step (error of order h⁴), for the terms no closed form is practical for: the
    /// derivative of an incomplete gamma or beta function in its shape. Steps are relative to the
    /// parameter and stay inside its domain.
    /// </summary>
    /// <remarks>
    /// With relative step 1e-3 the first derivative is good to about 1e-11 relative and the second
    /// to about 1e-7: ample for a score that Newton drives to zero (the root does not depend on
    /// the error of the curvature) and for standard errors (quoted to 4 digits). A location
    /// parameter's natural step is the scale, which this generic rule cannot know: families
    /// with a location give analytic derivatives instead.
    /// </remarks>
    internal static class NumericalDerivatives
    {
        private const double RelativeStep = 1e-3;

        /// <summary>Adds weight · ∇g(theta) to <paramref name="gradient"/> and, if given, weight · ∇²g(theta) to <paramref name="hessian"/>.</summary>
        public static void Add(DistributionModel model, Func<double[], double> g, double weight, double[] theta, double[] gradient, double[,]? hessian)
        {
            int k = theta.Length;
            var steps = new double[k];
            for (int i = 0; i < k; i++)
            {
                steps[i] = Step(model.Parameters[i], theta[i]);
                gradient[i] += weight * Richardson(h => CentralFirst(g, theta, i, h), steps[i]);
            }

            if (hessian is null)
            {
                return;
            }

            for (int i = 0; i < k; i++)
            {
                for (int j = i; j < k; j++)
                {
                    int a = i, b = j;
                    double value = a == b
                        ? Richardson(h => CentralSecond(g, theta, a, h), steps[a])
                        : Richardson(h => CentralMixed(g, theta, a, b, h, h * steps[b] / steps[a]), steps[a]);
                    hessian[i, j] += weight * value;
                    if (i != j)
                    {
                        hessian[j, i] += weight * value;
                    }
                }
            }
        }

        /// <summary>
        /// A step that keeps theta ± 2h inside the parameter's domain, and for a large positive
        /// parameter small against the square root of it (a Gamma's shape a moves its log CDF on
        /// the scale √a: a relative step of 1e-3 at a = 10^5 erred by 3e-5).
        /// </summary>
        internal static double Step(ParameterSpec spec, double value) => spec.Domain switch
        {
            // A shape of 10^5 moves the distribution on the scale of its square root, not of itself.
            ParameterDomain.Positive => RelativeStep * value / Math.Max(1, Math.Sqrt(value)),
            ParameterDomain.Probability => RelativeStep * Math.Min(value, 1 - value),
            _ => RelativeStep * Math.Max(Math.Abs(value), 1),
        };

        private static double Richardson(Func<double, double> estimate, double h)
            => (4 * estimate(h / 2) - estimate(h)) / 3;

        private static double CentralFirst(Func<double[], double> g, double[] theta, int i, double h)
            => (At(g, theta, i, h) - At(g, theta, i, -h)) / (2 * h);

        private static double CentralSecond(Func<double[], double> g, double[] theta, int i, double h)
            => (At(g, theta, i, h) - 2 * g(theta) + At(g, theta, i, -h)) / (h * h);

        private static double CentralMixed(Func<double[], double> g, double[] theta, int i, int j, double hi, double hj)
        {
            double At2(double di, double dj)
            {
                var t = (double[])theta.Clone();
                t[i] += di;
                t[j] += dj;
                return g(t);
            }

            return (At2(hi, hj) - At2(hi, -hj) - At2(-hi, hj) + At2(-hi, -hj)) / (4 * hi * hj);
        }

        private static double At(Func<double[], double> g, double[] theta, int i, double delta)
        {
            var t = (double[])theta.Clone();
            t[i] += delta;
            return g(t);
        }
    }
}
