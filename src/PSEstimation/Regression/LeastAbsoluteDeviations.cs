using System;
using System.Collections.Generic;
using System.Linq;

namespace PSEstimation.Regression
{
    /// <summary>
    /// Laplace noise: the coefficients minimise sum w_i |y_i - x_i'beta| (least absolute
    /// deviations, the median regression of quantreg::rq(tau = 0.5)), and Scale is then the
    /// weighted mean absolute residual. The objective is piecewise linear, so an optimum sits at
    /// a vertex where p residuals are 0: iteratively reweighted least squares comes close, then
    /// an exact descent from vertex to vertex (the simplex method of Barrodale and Roberts in
    /// its direct form: leave the vertex along the edge that lowers the objective, go to the
    /// best breakpoint on it) ends on a vertex no edge improves, which is the exact minimiser.
    /// Standard errors from the expected information, since the likelihood has kinks:
    /// SE(beta) = Scale sqrt(diag((X'WX)^-1)), SE(Scale) = Scale / sqrt(n).
    /// </summary>
    internal static class LeastAbsoluteDeviations
    {
        public static RegressionFit Fit(RegressionProblem problem)
        {
            var obs = problem.Observations;
            int n = obs.Length, p = problem.CoefficientCount;
            double[] x = problem.Design.Values;
            var y = new double[n];
            var w = new double[n];
            var rows = new double[n * p];
            for (int i = 0; i < n; i++)
            {
                // Identity link: a held coefficient's offset comes off the response.
                y[i] = obs[i].Lower - (problem.Offset is null ? 0 : problem.Offset[obs[i].Row]);
                w[i] = obs[i].Weight;
                Array.Copy(x, obs[i].Row * p, rows, i * p, p);
            }

            double[] beta = p == 0 ? new double[0] : Irls(rows, y, w, n, p);
            bool optimal = true;
            int steps = p == 0 ? 0 : Vertex(rows, y, w, n, p, ref beta, out optimal);

            double total = w.Sum(), absolute = 0;
            for (int i = 0; i < n; i++)
            {
                absolute += w[i] * Math.Abs(y[i] - Dot(rows, i, p, beta));
            }

            double scale = absolute / total;
            var v = new double[problem.Dimension];
            Array.Copy(beta, v, p);
            int scaleIndex = Array.IndexOf(problem.FreeParameters, 1);
            if (scaleIndex >= 0)
            {
                v[p + scaleIndex] = scale;
            }
            else
            {
                scale = problem.FixedValues[1]!.Value;
            }

            var fit = new RegressionFit(problem, v)
            {
                Method = "least absolute deviations (exact simplex vertex); SE: expected information",
                Iterations = steps,
                Converged = optimal,
            };
            fit.LogLikelihood = RegressionLikelihood.Evaluate(problem, v, null, null);

            var gram = new double[p, p];
            for (int i = 0; i < n; i++)
            {
                for (int a = 0; a < p; a++)
                {
                    for (int b = 0; b < p; b++)
                    {
                        gram[a, b] += w[i] * rows[i * p + a] * rows[i * p + b];
                    }
                }
            }

            var inverse = DenseAlgebra.InverseSymmetric(gram);
            int d = problem.Dimension;
            var covariance = new double[d, d];
            for (int a = 0; a < p; a++)
            {
                for (int b = 0; b < p; b++)
                {
                    covariance[a, b] = inverse is null ? double.NaN : scale * scale * inverse[a, b];
                }
            }

            if (scaleIndex >= 0)
            {
                covariance[p + scaleIndex, p + scaleIndex] = scale * scale / total;
            }

            fit.Covariance = covariance;
            if (!optimal)
            {
                fit.Warnings.Add("The least-absolute-deviations search stopped at its step cap before proving its vertex optimal; the coefficients are the best vertex found.");
            }

            return fit;
        }

        private static double Dot(double[] rows, int i, int p, double[] beta)
        {
            double s = 0;
            for (int j = 0; j < p; j++)
            {
                s += rows[i * p + j] * beta[j];
            }

            return s;
        }

        private static double[] Irls(double[] rows, double[] y, double[] w, int n, int p)
        {
            double[] beta = DenseAlgebra.WeightedLeastSquares(rows, n, p, y, w) ?? new double[p];
            var weights = new double[n];
            for (int pass = 0; pass < 50; pass++)
            {
                double spread = 0;
                for (int i = 0; i < n; i++)
                {
                    spread += Math.Abs(y[i] - Dot(rows, i, p, beta));
                }

                double floor = Math.Max(1e-10 * spread / n, 1e-300);
                for (int i = 0; i < n; i++)
                {
                    weights[i] = w[i] / Math.Max(Math.Abs(y[i] - Dot(rows, i, p, beta)), floor);
                }

                double[]? next = DenseAlgebra.WeightedLeastSquares(rows, n, p, y, weights);
                if (next is null)
                {
                    break;
                }

                beta = next;
            }

            return beta;
        }

        /// <summary>Moves to the nearest vertex and descends edge by edge; the count of steps.</summary>
        private static int Vertex(double[] rows, double[] y, double[] w, int n, int p, ref double[] beta, out bool optimal)
        {
            optimal = false;
            double[] b0 = beta;
            var order = Enumerable.Range(0, n).OrderBy(i => Math.Abs(y[i] - Dot(rows, i, p, b0))).ToArray();
            var basis = new List<int>();
            foreach (int i in order)
            {
                if (w[i] <= 0)
                {
                    continue;
                }

                basis.Add(i);
                if (BasisInverse(rows, p, basis, basis.Count) is null)
                {
                    basis.RemoveAt(basis.Count - 1);
                }

                if (basis.Count == p)
                {
                    break;
                }
            }

            if (basis.Count < p)
            {
                return 0;
            }

            int maxSteps = 50 * (n + p);
            var r = new double[n];
            var c = new double[n];
            var inBasis = new bool[n];
            for (int step = 0; step < maxSteps; step++)
            {
                double[,] inverse = BasisInverse(rows, p, basis, p)!;
                var yb = basis.Select(i => y[i]).ToArray();
                var next = new double[p];
                for (int a = 0; a < p; a++)
                {
                    for (int k = 0; k < p; k++)
                    {
                        next[a] += inverse[a, k] * yb[k];
                    }
                }

                beta = next;
                Array.Clear(inBasis, 0, n);
                foreach (int i in basis)
                {
                    inBasis[i] = true;
                }

                double scaleY = 0;
                for (int i = 0; i < n; i++)
                {
                    r[i] = y[i] - Dot(rows, i, p, beta);
                    scaleY = Math.Max(scaleY, Math.Abs(y[i]));
                }

                double zero = 1e-12 * (scaleY + 1);

                // The best edge: leave basis element k with its residual moving to sigma t.
                int bestK = -1;
                double bestSlope = -1e-12, bestSigma = 0;
                for (int k = 0; k < p; k++)
                {
                    double a = 0, z = 0;
                    for (int i = 0; i < n; i++)
                    {
                        if (inBasis[i])
                        {
                            continue;
                        }

                        double ci = 0;
                        for (int j = 0; j < p; j++)
                        {
                            ci += rows[i * p + j] * inverse[j, k];
                        }

                        if (Math.Abs(r[i]) <= zero)
                        {
                            z += w[i] * Math.Abs(ci);
                        }
                        else
                        {
                            a += w[i] * Math.Sign(r[i]) * ci;
                        }
                    }

                    // Directional derivative along sigma: w_k + sigma a + z.
                    double wk = w[basis[k]];
                    double slope = wk + z - Math.Abs(a);
                    if (slope < bestSlope * (1 + 1e-12) && slope < -1e-12 * (wk + z + Math.Abs(a)))
                    {
                        bestSlope = slope;
                        bestK = k;
                        bestSigma = a > 0 ? -1 : 1;
                    }
                }

                if (bestK < 0)
                {
                    optimal = true;
                    return step;
                }

                // Along the edge residual i is r_i + sigma t c_i (c the chosen column of X B^-1).
                var breaks = new List<(double T, int I, double Weight)>();
                for (int i = 0; i < n; i++)
                {
                    c[i] = 0;
                    if (inBasis[i])
                    {
                        continue;
                    }

                    for (int j = 0; j < p; j++)
                    {
                        c[i] += rows[i * p + j] * inverse[j, bestK];
                    }

                    double rate = bestSigma * c[i];
                    if (rate == 0 || Math.Abs(r[i]) <= zero)
                    {
                        continue;
                    }

                    // A zero residual's slope is already in bestSlope; the others turn at their root.
                    double t = -r[i] / rate;
                    if (t > 0)
                    {
                        breaks.Add((t, i, 2 * w[i] * Math.Abs(c[i])));
                    }
                }

                breaks.Sort((u, v) => u.T.CompareTo(v.T));
                double running = bestSlope;
                int entering = -1;
                foreach (var (_, i, weight) in breaks)
                {
                    running += weight;
                    if (running >= 0)
                    {
                        entering = i;
                        break;
                    }
                }

                if (entering < 0)
                {
                    // Unbounded descent cannot happen for a proper design; stop where we are.
                    return step;
                }

                basis[bestK] = entering;
                if (BasisInverse(rows, p, basis, p) is null)
                {
                    return step;
                }
            }

            return maxSteps;
        }

        /// <summary>The inverse of the square matrix of the basis rows (first count rows' Gram check when count &lt; p), or null if singular.</summary>
        private static double[,]? BasisInverse(double[] rows, int p, List<int> basis, int count)
        {
            if (count < p)
            {
                // Rank check of the chosen rows by their Gram matrix.
                var gram = new double[count, count];
                for (int a = 0; a < count; a++)
                {
                    for (int b = 0; b < count; b++)
                    {
                        double s = 0, na = 0, nb = 0;
                        for (int j = 0; j < p; j++)
                        {
                            s += rows[basis[a] * p + j] * rows[basis[b] * p + j];
                            na += rows[basis[a] * p + j] * rows[basis[a] * p + j];
                            nb += rows[basis[b] * p + j] * rows[basis[b] * p + j];
                        }

                        gram[a, b] = s / Math.Sqrt(na * nb);
                    }
                }

                return DenseAlgebra.Cholesky(gram) is null ? null : new double[0, 0];
            }

            // Gauss-Jordan with partial pivoting.
            var m = new double[p, 2 * p];
            for (int a = 0; a < p; a++)
            {
                for (int j = 0; j < p; j++)
                {
                    m[a, j] = rows[basis[a] * p + j];
                }

                m[a, p + a] = 1;
            }

            double norm = 0;
            for (int a = 0; a < p; a++)
            {
                for (int j = 0; j < p; j++)
                {
                    norm = Math.Max(norm, Math.Abs(m[a, j]));
                }
            }

            for (int col = 0; col < p; col++)
            {
                int pivot = col;
                for (int a = col + 1; a < p; a++)
                {
                    if (Math.Abs(m[a, col]) > Math.Abs(m[pivot, col]))
                    {
                        pivot = a;
                    }
                }

                if (Math.Abs(m[pivot, col]) <= 1e-12 * norm)
                {
                    return null;
                }

                for (int j = 0; j < 2 * p; j++)
                {
                    (m[col, j], m[pivot, j]) = (m[pivot, j], m[col, j]);
                }

                double d = m[col, col];
                for (int j = 0; j < 2 * p; j++)
                {
                    m[col, j] /= d;
                }

                for (int a = 0; a < p; a++)
                {
                    if (a == col || m[a, col] == 0)
                    {
                        continue;
                    }

                    double f = m[a, col];
                    for (int j = 0; j < 2 * p; j++)
                    {
                        m[a, j] -= f * m[col, j];
                    }
                }
            }

            // Column k of the result maps basis element k: (B^-1)[j, k] with B rows = basis rows.
            var inverse = new double[p, p];
            for (int a = 0; a < p; a++)
            {
                for (int j = 0; j < p; j++)
                {
                    inverse[a, j] = m[a, p + j];
                }
            }

            return inverse;
        }
    }
}
