using System;
using MathNet.Numerics.LinearAlgebra;
using PSEstimation.Estimation;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Numerics
{
    /// <summary>
    /// Covariances.InvertFree: the inverse of the information over the free parameters, by a
    /// Cholesky factorisation written out (MathNet's costs 10 µs at order 2, most of a small fit).
    /// </summary>
    public class CovarianceInversionTests
    {
        [Fact]
        public void Inverts_a_matrix_whose_inverse_is_known_exactly()
        {
            // [[4, 2], [2, 3]]⁻¹ = [[3, -2], [-2, 4]] / 8 (determinant 8); every step is exact in binary.
            var inverse = Covariances.InvertFree(new double[,] { { 4, 2 }, { 2, 3 } }, new double?[2])!;
            Assert.Equal(3.0 / 8, inverse[0, 0], 15);
            Assert.Equal(-2.0 / 8, inverse[0, 1], 15);
            Assert.Equal(-2.0 / 8, inverse[1, 0], 15);
            Assert.Equal(4.0 / 8, inverse[1, 1], 15);
        }

        [Fact]
        public void Inverts_the_free_block_and_leaves_fixed_rows_and_columns_zero()
        {
            // The free block {0, 2} is [[2, 1], [1, 1]], whose inverse is [[1, -1], [-1, 2]].
            var information = new double[,] { { 2, 7, 1 }, { 7, 9, 7 }, { 1, 7, 1 } };
            var inverse = Covariances.InvertFree(information, new double?[] { null, 5.0, null })!;
            var expected = new double[,] { { 1, 0, -1 }, { 0, 0, 0 }, { -1, 0, 2 } };
            for (int i = 0; i < 3; i++)
            {
                for (int j = 0; j < 3; j++)
                {
                    if (i == 1 || j == 1)
                    {
                        Assert.Equal(0.0, inverse[i, j]);
                    }
                    else
                    {
                        // sqrt(2) rounds, so the free entries are exact to a few ulps only.
                        Tolerance.Absolute(expected[i, j], inverse[i, j], 1e-15, $"[{i},{j}]");
                    }
                }
            }
        }

        [Fact]
        public void A_three_by_three_inverse_matches_exact_fractions()
        {
            // [[6, 2, 1], [2, 5, 2], [1, 2, 4]]⁻¹ = [[16, -6, -1], [-6, 23, -10], [-1, -10, 26]] / 83: the
            // adjugate over the determinant 83, computed in exact rationals (Python's fractions.Fraction).
            var inverse = Covariances.InvertFree(new double[,] { { 6, 2, 1 }, { 2, 5, 2 }, { 1, 2, 4 } }, new double?[3])!;
            var expected = new double[,] { { 16, -6, -1 }, { -6, 23, -10 }, { -1, -10, 26 } };
            for (int i = 0; i < 3; i++)
            {
                for (int j = 0; j < 3; j++)
                {
                    Tolerance.Absolute(expected[i, j] / 83, inverse[i, j], 1e-16, $"[{i},{j}]");
                }
            }
        }

        [Theory]
        [InlineData(new double[] { 1, 2, 2, 1 })]                     // indefinite (eigenvalues 3 and -1)
        [InlineData(new double[] { 0, 0, 0, 1 })]                     // singular
        [InlineData(new double[] { double.NaN, 0, 0, 1 })]
        [InlineData(new double[] { -1, 0, 0, 1 })]
        [InlineData(new double[] { 1e-320, 0, 0, 1 })]                // inverse overflows
        public void Returns_null_where_there_is_no_covariance(double[] entries)
        {
            var information = new double[,] { { entries[0], entries[1] }, { entries[2], entries[3] } };
            Assert.Null(Covariances.InvertFree(information, new double?[2]));
        }

        [Fact]
        public void Every_parameter_fixed_gives_zeros()
            => Assert.Equal(new double[2, 2], Covariances.InvertFree(new double[,] { { 1, 0 }, { 0, 1 } }, new double?[] { 1.0, 2.0 }));

        [Fact]
        public void Equals_MathNets_cholesky_solve_to_the_last_bit()
        {
            // The covariances every fit reported before (through MathNet's DenseCholesky) are unchanged:
            // the same operations in the same order, on random positive definite matrices A·Aᵀ + εI.
            var random = new Random(20);
            for (int trial = 0; trial < 500; trial++)
            {
                int p = 1 + (trial % 6);
                var a = Matrix<double>.Build.Dense(p, p, (i, j) => random.NextDouble() * 2 - 1);
                var spd = a * a.Transpose() + Matrix<double>.Build.DenseIdentity(p) * (1e-3 * random.NextDouble());
                double scale = Math.Pow(10, random.Next(-6, 7));
                spd *= scale;
                var expected = spd.Cholesky().Solve(Matrix<double>.Build.DenseIdentity(p));
                var actual = Covariances.InvertFree(spd.ToArray(), new double?[p])!;
                for (int i = 0; i < p; i++)
                {
                    for (int j = 0; j < p; j++)
                    {
                        Assert.True(
                            BitConverter.DoubleToInt64Bits(expected[i, j]) == BitConverter.DoubleToInt64Bits(actual[i, j]),
                            $"trial {trial}, [{i},{j}]: MathNet {expected[i, j]:R}, ours {actual[i, j]:R}");
                    }
                }
            }
        }
    }
}
