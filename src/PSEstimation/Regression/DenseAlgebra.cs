using System;

namespace PSEstimation.Regression
{
    /// <summary>
    /// The small dense linear algebra of a regression fit (p x p systems, p the number of
    /// coefficients and parameters): Cholesky factorisation, solves and inverses of symmetric
    /// positive-definite matrices. Null, never a matrix of garbage, when the matrix is not
    /// positive definite to working precision.
    /// </summary>
    internal static class DenseAlgebra
    {
        /// <summary>The lower Cholesky factor of <paramref name="a"/>, or null when it is not positive definite.</summary>
        public static double[,]? Cholesky(double[,] a)
        {
            int n = a.GetLength(0);
            var l = new double[n, n];
            double maxDiagonal = 0;
            for (int i = 0; i < n; i++)
            {
                maxDiagonal = Math.Max(maxDiagonal, Math.Abs(a[i, i]));
            }

            for (int j = 0; j < n; j++)
            {
                double d = a[j, j];
                for (int k = 0; k < j; k++)
                {
                    d -= l[j, k] * l[j, k];
                }

                if (!(d > 1e-14 * Math.Abs(a[j, j])) || !(d > 0) || double.IsInfinity(d))
                {
                    return null;
                }

                l[j, j] = Math.Sqrt(d);
                for (int i = j + 1; i < n; i++)
                {
                    double s = a[i, j];
                    for (int k = 0; k < j; k++)
                    {
                        s -= l[i, k] * l[j, k];
                    }

                    l[i, j] = s / l[j, j];
                }
            }

            return l;
        }

        /// <summary>Solves L L' x = b.</summary>
        public static double[] CholeskySolve(double[,] l, double[] b)
        {
            int n = b.Length;
            var y = new double[n];
            for (int i = 0; i < n; i++)
            {
                double s = b[i];
                for (int k = 0; k < i; k++)
                {
                    s -= l[i, k] * y[k];
                }

                y[i] = s / l[i, i];
            }

            var x = new double[n];
            for (int i = n - 1; i >= 0; i--)
            {
                double s = y[i];
                for (int k = i + 1; k < n; k++)
                {
                    s -= l[k, i] * x[k];
                }

                x[i] = s / l[i, i];
            }

            return x;
        }

        /// <summary>Solves A x = b for symmetric positive-definite A, or null.</summary>
        public static double[]? SolveSymmetric(double[,] a, double[] b)
        {
            var l = Cholesky(a);
            return l is null ? null : CholeskySolve(l, b);
        }

        /// <summary>The inverse of a symmetric positive-definite matrix, or null.</summary>
        public static double[,]? InverseSymmetric(double[,] a)
        {
            int n = a.GetLength(0);
            var l = Cholesky(a);
            if (l is null)
            {
                return null;
            }

            var inverse = new double[n, n];
            var e = new double[n];
            for (int j = 0; j < n; j++)
            {
                Array.Clear(e, 0, n);
                e[j] = 1;
                double[] column = CholeskySolve(l, e);
                for (int i = 0; i < n; i++)
                {
                    inverse[i, j] = column[i];
                }
            }

            // Exactly symmetric, so that a covariance reads the same from either side.
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < i; j++)
                {
                    double m = 0.5 * (inverse[i, j] + inverse[j, i]);
                    inverse[i, j] = inverse[j, i] = m;
                }
            }

            return inverse;
        }

        /// <summary>
        /// Weighted least squares of z on the rows of x (row-major, p columns), with QR-grade
        /// accuracy by one step of iterative refinement of the normal equations; null when X'WX
        /// is singular.
        /// </summary>
        public static double[]? WeightedLeastSquares(double[] x, int rows, int p, double[] z, double[] w)
        {
            var gram = new double[p, p];
            var rhs = new double[p];
            for (int i = 0; i < rows; i++)
            {
                double wi = w[i];
                if (wi == 0)
                {
                    continue;
                }

                int o = i * p;
                for (int a = 0; a < p; a++)
                {
                    double xa = wi * x[o + a];
                    rhs[a] += xa * z[i];
                    for (int b = 0; b <= a; b++)
                    {
                        gram[a, b] += xa * x[o + b];
                    }
                }
            }

            for (int a = 0; a < p; a++)
            {
                for (int b = 0; b < a; b++)
                {
                    gram[b, a] = gram[a, b];
                }
            }

            var l = Cholesky(gram);
            if (l is null)
            {
                return null;
            }

            double[] beta = CholeskySolve(l, rhs);

            // Refinement: solve for the correction from the residuals' own normal equations.
            for (int pass = 0; pass < 2; pass++)
            {
                var correction = new double[p];
                for (int i = 0; i < rows; i++)
                {
                    double wi = w[i];
                    if (wi == 0)
                    {
                        continue;
                    }

                    int o = i * p;
                    double r = z[i];
                    for (int a = 0; a < p; a++)
                    {
                        r -= x[o + a] * beta[a];
                    }

                    for (int a = 0; a < p; a++)
                    {
                        correction[a] += wi * x[o + a] * r;
                    }
                }

                double[] delta = CholeskySolve(l, correction);
                for (int a = 0; a < p; a++)
                {
                    beta[a] += delta[a];
                }
            }

            return beta;
        }
    }
}
