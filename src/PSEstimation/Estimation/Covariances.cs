using System;

namespace PSEstimation.Estimation
{
    /// <summary>Covariance from an information matrix, over the estimated parameters only.</summary>
    internal static class Covariances
    {
        /// <summary>
        /// Inverts the information restricted to the free parameters and embeds the result in a
        /// full-size matrix (zeros in the rows and columns of fixed parameters). Returns null
        /// when that information is not positive definite (no standard errors exist there).
        /// </summary>
        public static double[,]? InvertFree(double[,] information, double?[] fixedValues)
        {
            int p = fixedValues.Length;
            var free = new System.Collections.Generic.List<int>();
            for (int i = 0; i < p; i++)
            {
                if (fixedValues[i] is null)
                {
                    free.Add(i);
                }
            }

            var full = new double[p, p];
            if (free.Count == 0)
            {
                return full;
            }

            int q = free.Count;
            var factor = new double[q * q];
            for (int b = 0; b < q; b++)
            {
                for (int a = 0; a < q; a++)
                {
                    factor[(b * q) + a] = information[free[a], free[b]];
                }
            }

            if (!CholeskyFactor(factor, q))
            {
                return null;
            }

            var column = new double[q];
            for (int b = 0; b < q; b++)
            {
                System.Array.Clear(column, 0, q);
                column[b] = 1;
                CholeskySolve(factor, q, column);
                for (int a = 0; a < q; a++)
                {
                    double v = column[a];
                    if (double.IsNaN(v) || double.IsInfinity(v))
                    {
                        return null;
                    }

                    full[free[a], free[b]] = v;
                }
            }

            return full;
        }

        /// <summary>
        /// The Cholesky factor L of a column-major <paramref name="order"/>² matrix, in place (its
        /// lower triangle; the upper set to 0); false when the matrix is not positive definite (a
        /// pivot that is not > 0, NaN included). The operations, and their order, are those of
        /// MathNet's managed provider (DenseCholesky), so the covariances are the same to the last
        /// bit; MathNet's own call costs 10 µs at order 2 (its solve runs the columns through
        /// Parallel.For), most of a small fit's time.
        /// </summary>
        internal static bool CholeskyFactor(double[] a, int order)
        {
            for (int j = 0; j < order; j++)
            {
                double pivot = a[(j * order) + j];
                if (!(pivot > 0.0))
                {
                    return false;
                }

                pivot = Math.Sqrt(pivot);
                a[(j * order) + j] = pivot;
                for (int i = j + 1; i < order; i++)
                {
                    a[(j * order) + i] /= pivot;
                }

                for (int k = j + 1; k < order; k++)
                {
                    double multiplier = a[(j * order) + k];
                    for (int i = k; i < order; i++)
                    {
                        a[(k * order) + i] -= a[(j * order) + i] * multiplier;
                    }
                }

                for (int i = j + 1; i < order; i++)
                {
                    a[(i * order) + j] = 0.0;
                }
            }

            return true;
        }

        /// <summary>Solves L·Lᵀ·x = b in place, L from <see cref="CholeskyFactor"/>: forward, then backward substitution.</summary>
        internal static void CholeskySolve(double[] factor, int order, double[] b)
        {
            for (int i = 0; i < order; i++)
            {
                double sum = b[i];
                for (int k = i - 1; k >= 0; k--)
                {
                    sum -= factor[(k * order) + i] * b[k];
                }

                b[i] = sum / factor[(i * order) + i];
            }

            for (int i = order - 1; i >= 0; i--)
            {
                double sum = b[i];
                for (int k = i + 1; k < order; k++)
                {
                    sum -= factor[(i * order) + k] * b[k];
                }

                b[i] = sum / factor[(i * order) + i];
            }
        }

        public static double[,] Negate(double[,] m)
        {
            var r = (double[,])m.Clone();
            for (int i = 0; i < r.GetLength(0); i++)
            {
                for (int j = 0; j < r.GetLength(1); j++)
                {
                    r[i, j] = -r[i, j];
                }
            }

            return r;
        }

        public static double[,] Scale(double[,] m, double factor)
        {
            var r = (double[,])m.Clone();
            for (int i = 0; i < r.GetLength(0); i++)
            {
                for (int j = 0; j < r.GetLength(1); j++)
                {
                    r[i, j] *= factor;
                }
            }

            return r;
        }
    }
}
