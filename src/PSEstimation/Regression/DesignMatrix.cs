using System;
using System.Collections.Generic;
using System.Linq;
using PSEstimation.Distributions;

namespace PSEstimation.Regression
{
    /// <summary>
    /// The covariates of a regression, row-major (row i is observation i's x), with the columns'
    /// meaning: intercept first unless left out, then each predictor in the order given, a
    /// categorical one as indicators of its levels but the first in ordinal sorted order (the
    /// reference level).
    /// </summary>
    internal sealed class DesignMatrix
    {
        public DesignMatrix(IReadOnlyList<DesignColumn> columns, double[] values, int rows)
        {
            Columns = columns;
            Values = values;
            Rows = rows;
        }

        public IReadOnlyList<DesignColumn> Columns { get; }

        public int ColumnCount => Columns.Count;

        public int Rows { get; }

        /// <summary>Row-major: element (i, j) is Values[i * ColumnCount + j].</summary>
        public double[] Values { get; }

        public string[] Names => Columns.Select(c => c.Name).ToArray();

        /// <summary>The levels of each categorical predictor in sorted order (the first is the reference).</summary>
        public Dictionary<string, string[]> Levels { get; } = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Builds the matrix from the predictors' columns, all of <paramref name="rows"/> values.</summary>
        public static DesignMatrix Build(IReadOnlyList<PredictorColumn> predictors, int rows, bool intercept)
        {
            var columns = new List<DesignColumn>();
            var levels = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
            if (intercept)
            {
                columns.Add(DesignColumn.Intercept());
            }

            var sources = new List<(PredictorColumn Column, Dictionary<string, int>? LevelIndex, int First)>();
            foreach (var predictor in predictors)
            {
                int first = columns.Count;
                if (!predictor.IsCategorical)
                {
                    columns.Add(DesignColumn.Numeric(predictor.Name));
                    sources.Add((predictor, null, first));
                    continue;
                }

                var distinct = new SortedSet<string>(StringComparer.Ordinal);
                for (int i = 0; i < rows; i++)
                {
                    distinct.Add(predictor.Text(i));
                }

                string[] sorted = distinct.ToArray();
                levels[predictor.Name] = sorted;
                var index = new Dictionary<string, int>(StringComparer.Ordinal);
                for (int l = 0; l < sorted.Length; l++)
                {
                    index[sorted[l]] = l - 1;
                    if (l > 0)
                    {
                        columns.Add(DesignColumn.Indicator(predictor.Name, sorted[l]));
                    }
                }

                sources.Add((predictor, index, first));
            }

            int p = columns.Count;
            var values = new double[checked(rows * p)];
            for (int i = 0; i < rows; i++)
            {
                int offset = i * p;
                if (intercept)
                {
                    values[offset] = 1;
                }

                foreach (var (column, levelIndex, first) in sources)
                {
                    if (levelIndex is null)
                    {
                        values[offset + first] = column.Number(i);
                    }
                    else
                    {
                        int l = levelIndex[column.Text(i)];
                        if (l >= 0)
                        {
                            values[offset + first + l] = 1;
                        }
                    }
                }
            }

            var matrix = new DesignMatrix(columns, values, rows);
            foreach (var pair in levels)
            {
                matrix.Levels[pair.Key] = pair.Value;
            }

            return matrix;
        }

        /// <summary>
        /// Each column that is a linear combination of the ones before it (after scaling every
        /// column to unit length), with the earlier columns it combines: the columns that make
        /// X'X singular. Empty when X has full column rank.
        /// </summary>
        public List<(string Column, string[] CombinationOf)> CollinearColumns(double[]? weights)
        {
            int p = ColumnCount, n = Rows;
            var gram = new double[p, p];
            for (int i = 0; i < n; i++)
            {
                double w = weights?[i] ?? 1;
                int offset = i * p;
                for (int a = 0; a < p; a++)
                {
                    double xa = w * Values[offset + a];
                    if (xa == 0)
                    {
                        continue;
                    }

                    for (int b = 0; b <= a; b++)
                    {
                        gram[a, b] += xa * Values[offset + b];
                    }
                }
            }

            var scale = new double[p];
            for (int a = 0; a < p; a++)
            {
                scale[a] = gram[a, a] > 0 ? 1 / Math.Sqrt(gram[a, a]) : 0;
            }

            for (int a = 0; a < p; a++)
            {
                for (int b = 0; b <= a; b++)
                {
                    gram[a, b] *= scale[a] * scale[b];
                    gram[b, a] = gram[a, b];
                }
            }

            var problems = new List<(string, string[])>();
            var independent = new List<int>();
            for (int j = 0; j < p; j++)
            {
                if (gram[j, j] == 0)
                {
                    problems.Add((Columns[j].Name, Array.Empty<string>()));
                    continue;
                }

                if (independent.Count == 0)
                {
                    independent.Add(j);
                    continue;
                }

                // Regress column j on the independent columns so far: residual 1 - g' G^-1 g.
                int k = independent.Count;
                var g = new double[k, k];
                var rhs = new double[k];
                for (int a = 0; a < k; a++)
                {
                    rhs[a] = gram[independent[a], j];
                    for (int b = 0; b < k; b++)
                    {
                        g[a, b] = gram[independent[a], independent[b]];
                    }
                }

                double[]? coefficients = DenseAlgebra.SolveSymmetric(g, rhs);
                double explained = 0;
                if (coefficients is not null)
                {
                    for (int a = 0; a < k; a++)
                    {
                        explained += coefficients[a] * rhs[a];
                    }
                }

                if (coefficients is not null && 1 - explained < 1e-10)
                {
                    var with = new List<string>();
                    for (int a = 0; a < k; a++)
                    {
                        if (Math.Abs(coefficients[a]) > 1e-6)
                        {
                            with.Add(Columns[independent[a]].Name);
                        }
                    }

                    problems.Add((Columns[j].Name, with.ToArray()));
                }
                else
                {
                    independent.Add(j);
                }
            }

            return problems;
        }

        /// <summary>The message for <see cref="CollinearColumns"/>'s findings.</summary>
        public static string DescribeCollinearity(List<(string Column, string[] CombinationOf)> problems)
        {
            var parts = problems.Select(p => p.CombinationOf.Length == 0
                ? $"'{p.Column}' is zero in every row"
                : $"'{p.Column}' is a linear combination of {string.Join(", ", p.CombinationOf.Select(c => "'" + c + "'"))}");
            return "The predictors are collinear, so their coefficients are not identified (X'X is singular): "
                + string.Join("; ", parts)
                + ". Leave out one of each set (or -NoIntercept when a categorical predictor's levels make up the intercept).";
        }

        public static EstimationException Collinear(List<(string Column, string[] CombinationOf)> problems)
            => new EstimationException(ErrorIds.CollinearPredictors, DescribeCollinearity(problems));
    }
}
