using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;

namespace PSEstimation.Input
{
    /// <summary>
    /// Turns what a matrix (FisherInformation, Covariance) becomes after a round trip back into a
    /// double[,]. CliXml and ConvertTo-Json both enumerate a double[,] into one flat list of its
    /// elements in row-major order (n² numbers for n parameters), so a flat list of a square
    /// number of elements is read as that; a list of equally long rows ([[a, b], [c, d]], as
    /// written by hand or by another tool) is read row by row.
    /// </summary>
    internal static class MatrixShape
    {
        /// <summary>
        /// The matrix, or null when <paramref name="value"/> is null; throws FormatException when
        /// it is neither a double[,], a square flat list of numbers nor a list of equal rows, or
        /// when <paramref name="side"/> is given and the matrix is not side × side.
        /// </summary>
        public static double[,]? Read(object? value, int? side = null)
        {
            value = Unwrap(value);
            if (value is null)
            {
                return null;
            }

            double[,] matrix = value switch
            {
                double[,] live => (double[,])live.Clone(),
                IEnumerable list when !(value is string) => FromList(list),
                _ => throw new FormatException($"a matrix was expected, not a {value.GetType().FullName}"),
            };

            if (side is int n && (matrix.GetLength(0) != n || matrix.GetLength(1) != n))
            {
                throw new FormatException($"a {n} x {n} matrix (one row and column per parameter) was expected, not {matrix.GetLength(0)} x {matrix.GetLength(1)}");
            }

            return matrix;
        }

        private static double[,] FromList(IEnumerable list)
        {
            var items = new List<object?>();
            foreach (object? item in list)
            {
                items.Add(Unwrap(item));
            }

            if (items.Count > 0 && items.TrueForAll(i => i is IEnumerable && !(i is string)))
            {
                var rows = items.ConvertAll(r => Numbers((IEnumerable)r!));
                int columns = rows[0].Count;
                if (rows.Exists(r => r.Count != columns))
                {
                    throw new FormatException("the rows of a matrix must have the same length");
                }

                var nested = new double[rows.Count, columns];
                for (int i = 0; i < rows.Count; i++)
                {
                    for (int j = 0; j < columns; j++)
                    {
                        nested[i, j] = rows[i][j];
                    }
                }

                return nested;
            }

            var flat = Numbers(items);
            int side = (int)Math.Round(Math.Sqrt(flat.Count));
            if (side * side != flat.Count)
            {
                throw new FormatException($"a flat matrix must have a square number of elements (n x n in row-major order), not {flat.Count}");
            }

            var square = new double[side, side];
            for (int k = 0; k < flat.Count; k++)
            {
                square[k / side, k % side] = flat[k];
            }

            return square;
        }

        private static List<double> Numbers(IEnumerable values)
        {
            var numbers = new List<double>();
            foreach (object? item in values)
            {
                numbers.Add(Number(Unwrap(item)));
            }

            return numbers;
        }

        /// <summary>A matrix element: a number, or a string such as "NaN" or "Infinity" (JSON has no literal for them).</summary>
        private static double Number(object? value)
        {
            switch (value)
            {
                case double d:
                    return d;
                case string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed):
                    return parsed;
                case string s:
                    throw new FormatException($"'{s}' is not a number");
                case null:
                    throw new FormatException("a matrix element is null");
                default:
                    return Convert.ToDouble(value, CultureInfo.InvariantCulture);
            }
        }

        internal static object? Unwrap(object? value)
            => value is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : value;
    }
}
