using System;
using PSEstimation.Models;

namespace PSEstimation.Regression
{
    /// <summary>
    /// The log-likelihood of a <see cref="RegressionProblem"/> at v, with its gradient and Hessian
    /// in v by the chain rule through the model's own per-observation derivatives: with
    /// theta_L = f(x'beta, theta_c), the gradient in u = (eta, other parameters) is J' g and the
    /// Hessian J' H J + g_L f'', and eta = x'beta spreads the eta row over the coefficients. The
    /// same code serves exact and censored observations (<see cref="ObservationLikelihood"/>).
    /// </summary>
    internal static class RegressionLikelihood
    {
        /// <summary>The log-likelihood at v (-Infinity where an observation is impossible); fills gradient and Hessian when given.</summary>
        public static double Evaluate(RegressionProblem problem, double[] v, double[]? gradient, double[,]? hessian)
        {
            var model = problem.Model;
            var link = problem.Link;
            int p = problem.CoefficientCount, m = problem.FreeParameters.Length, P = model.Parameters.Count;
            int L = link.Index, c = link.Companion;
            double[] x = problem.Design.Values;
            double[]? offset = problem.Offset;
            double[] theta = problem.BaseTheta(v);
            bool derivatives = gradient is not null;
            if (gradient is not null)
            {
                Array.Clear(gradient, 0, gradient.Length);
            }

            if (hessian is not null)
            {
                Array.Clear(hessian, 0, hessian.Length);
            }

            // Model index -> position in v for the free parameters (-1: fixed or linked).
            var position = new int[P];
            for (int a = 0; a < P; a++)
            {
                position[a] = -1;
            }

            for (int k = 0; k < m; k++)
            {
                position[problem.FreeParameters[k]] = p + k;
            }

            var g = new double[P];
            var h = hessian is not null ? new double[P, P] : null;
            var gu = new double[P];
            var hu = new double[P, P];
            double total = 0;
            var observations = problem.Observations;
            for (int i = 0; i < observations.Length; i++)
            {
                ref readonly Observation obs = ref observations[i];
                int o = obs.Row * p;
                double eta = offset is null ? 0 : offset[obs.Row];
                for (int j = 0; j < p; j++)
                {
                    eta += x[o + j] * v[j];
                }

                theta[L] = link.Value(eta, theta);
                double ll = ObservationLikelihood.LogLikelihood(model, obs, theta);
                if (double.IsNaN(ll) || double.IsNegativeInfinity(ll))
                {
                    return double.NegativeInfinity;
                }

                total += ll;
                if (!derivatives)
                {
                    continue;
                }

                Array.Clear(g, 0, P);
                if (h is not null)
                {
                    Array.Clear(h, 0, h.Length);
                }

                ObservationLikelihood.AddDerivatives(model, obs, theta, g, h);
                link.Derivatives(eta, theta, out double fe, out double fee, out double fc, out double fec, out double fcc);

                // u-coordinates: slot L holds eta, the others the model's own parameters.
                for (int a = 0; a < P; a++)
                {
                    gu[a] = g[a];
                }

                gu[L] = g[L] * fe;
                if (c >= 0)
                {
                    gu[c] = g[c] + g[L] * fc;
                }

                for (int j = 0; j < p; j++)
                {
                    gradient![j] += gu[L] * x[o + j];
                }

                for (int a = 0; a < P; a++)
                {
                    if (position[a] >= 0)
                    {
                        gradient![position[a]] += gu[a];
                    }
                }

                if (h is null)
                {
                    continue;
                }

                // H_u = J' H J + g_L S, J the identity but for row L (fe at L, fc at c).
                for (int a = 0; a < P; a++)
                {
                    for (int b = 0; b < P; b++)
                    {
                        hu[a, b] = h[a, b];
                    }
                }

                if (c >= 0)
                {
                    // Columns first (H J), then rows (J' (H J)).
                    for (int a = 0; a < P; a++)
                    {
                        hu[a, c] += hu[a, L] * fc;
                    }

                    for (int a = 0; a < P; a++)
                    {
                        hu[a, L] *= fe;
                    }

                    for (int b = 0; b < P; b++)
                    {
                        hu[c, b] += hu[L, b] * fc;
                    }

                    for (int b = 0; b < P; b++)
                    {
                        hu[L, b] *= fe;
                    }

                    hu[L, L] += g[L] * fee;
                    hu[L, c] += g[L] * fec;
                    hu[c, L] += g[L] * fec;
                    hu[c, c] += g[L] * fcc;
                }
                else
                {
                    for (int a = 0; a < P; a++)
                    {
                        hu[a, L] *= fe;
                    }

                    for (int b = 0; b < P; b++)
                    {
                        hu[L, b] *= fe;
                    }

                    hu[L, L] += g[L] * fee;
                }

                double hee = hu[L, L];
                for (int j = 0; j < p; j++)
                {
                    double xj = x[o + j];
                    if (xj == 0)
                    {
                        continue;
                    }

                    double s = hee * xj;
                    for (int k = 0; k <= j; k++)
                    {
                        hessian![j, k] += s * x[o + k];
                    }

                    for (int a = 0; a < P; a++)
                    {
                        if (position[a] >= 0)
                        {
                            hessian![position[a], j] += hu[a, L] * xj;
                        }
                    }
                }

                for (int a = 0; a < P; a++)
                {
                    if (position[a] < 0)
                    {
                        continue;
                    }

                    for (int b = 0; b < P; b++)
                    {
                        if (position[b] >= 0 && position[b] <= position[a])
                        {
                            hessian![position[a], position[b]] += hu[a, b];
                        }
                    }
                }
            }

            if (hessian is not null)
            {
                int d = problem.Dimension;
                for (int a = 0; a < d; a++)
                {
                    for (int b = 0; b < a; b++)
                    {
                        hessian[b, a] = hessian[a, b];
                    }
                }
            }

            return total;
        }
    }
}
