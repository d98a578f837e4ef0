using System;

namespace PSEstimation.Models
{
    /// <summary>
    /// log F, log S and their derivatives for a distribution whose survival function is
    /// S = exp(-H) with cumulative hazard H = e^u: Exponential (u = log(Rate·x)), Weibull
    /// (u = Shape·log(x/Scale)), Rayleigh (u = 2 log(x/Scale) - log 2) and Pareto
    /// (u = log Shape + log log(x/Scale)). Each model supplies u with its gradient and Hessian in
    /// the parameters; the chain rule through H is shared here. u is passed besides H because H
    /// underflows (x near the lower end) long before log F ≈ u does.
    /// </summary>
    internal static class CumulativeHazardTail
    {
        /// <summary>log F = log(1 - e^(-H)), H = e^u; ≈ u - H/2 where H is tiny, so it stays exact when H underflows.</summary>
        public static double LogCdf(double u, double h)
        {
            if (double.IsNaN(u) || double.IsNaN(h))
            {
                return double.NaN;
            }

            if (h < 1e-5)
            {
                // log((1 - e^(-H)) / H) = -H/2 + H²/24 - H⁴/2880 + ...
                return u + h * (-0.5 + h / 24);
            }

            return AccurateExp.Log1MinusExp(-h);
        }

        /// <summary>F = 1 - e^(-H), without cancellation for small H.</summary>
        public static double Cdf(double h) => -AccurateExp.Expm1(-h);

        /// <summary>
        /// Adds weight · ∇ log F and weight · ∇² log F from ∇u and ∇²u: log F = φ(u) with
        /// φ'(u) = H / (e^H - 1) and φ''(u) = φ'(u) · (1 - H / (1 - e^(-H))).
        /// </summary>
        public static void AddLogCdfDerivatives(double h, double[] gradU, double[,] hessU, double weight, double[] gradient, double[,]? hessian)
        {
            double first, second;
            if (h < 1e-8)
            {
                first = 1 - 0.5 * h;
                second = -0.5 * h;
            }
            else if (double.IsPositiveInfinity(h))
            {
                first = 0;
                second = 0;
            }
            else
            {
                first = h / AccurateExp.Expm1(h);
                second = first * (1 - h / -AccurateExp.Expm1(-h));
            }

            Add(first, second, gradU, hessU, weight, gradient, hessian);
        }

        /// <summary>Adds weight · ∇ log S and weight · ∇² log S: log S = -e^u, so ∇ = -H ∇u and ∇² = -H (∇u ∇uᵀ + ∇²u).</summary>
        public static void AddLogSurvivalDerivatives(double h, double[] gradU, double[,] hessU, double weight, double[] gradient, double[,]? hessian)
            => Add(-h, -h, gradU, hessU, weight, gradient, hessian);

        /// <summary>Adds NaN to every entry: log F = -Infinity (x at or below the lower end of the support) has no derivative.</summary>
        public static void AddUndefined(double[] gradient, double[,]? hessian)
        {
            for (int i = 0; i < gradient.Length; i++)
            {
                gradient[i] = double.NaN;
                if (hessian is not null)
                {
                    for (int j = 0; j < gradient.Length; j++)
                    {
                        hessian[i, j] = double.NaN;
                    }
                }
            }
        }

        private static void Add(double first, double second, double[] gradU, double[,] hessU, double weight, double[] gradient, double[,]? hessian)
        {
            int k = gradU.Length;
            for (int i = 0; i < k; i++)
            {
                gradient[i] += weight * first * gradU[i];
                if (hessian is null)
                {
                    continue;
                }

                for (int j = 0; j < k; j++)
                {
                    hessian[i, j] += weight * (second * gradU[i] * gradU[j] + first * hessU[i, j]);
                }
            }
        }
    }
}
