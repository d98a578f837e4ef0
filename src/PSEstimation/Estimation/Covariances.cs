using System;
using MathNet.Numerics.LinearAlgebra;

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

            var m = Matrix<double>.Build.Dense(free.Count, free.Count, (a, b) => information[free[a], free[b]]);
            Matrix<double> inverse;
            try
            {
                inverse = m.Cholesky().Solve(Matrix<double>.Build.DenseIdentity(free.Count));
            }
            catch (ArgumentException)
            {
                return null;
            }

            for (int a = 0; a < free.Count; a++)
            {
                for (int b = 0; b < free.Count; b++)
                {
                    double v = inverse[a, b];
                    if (double.IsNaN(v) || double.IsInfinity(v))
                    {
                        return null;
                    }

                    full[free[a], free[b]] = v;
                }
            }

            return full;
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
