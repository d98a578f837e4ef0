using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PSEstimation.Input;
using PSEstimation.Models;
using PSEstimation.Regression;

namespace PSEstimation.Diagnostics
{
    /// <summary>
    /// The residuals of a regression model at rows read by <see cref="RegressionRowReader"/>:
    /// each row's design vector from the model's columns (numeric predictors, indicators of
    /// levels), its fitted value (<see cref="RegressionPredictor.Predict"/>, Add-Prediction's
    /// Predicted) and response - fitted. A censored row's residual is that of its known bound
    /// (the lower one when right-censored, the upper when left-censored, the midpoint of an
    /// interval), marked as censored.
    /// </summary>
    internal static class RegressionResiduals
    {
        /// <summary>
        /// The rows' points, in row order. A row whose predictor does not fit the model (text for
        /// a numeric predictor, a level the model was not fitted on) is reported to
        /// <paramref name="skip"/> (error id, message, the offending value) and left out.
        /// </summary>
        public static List<ResidualPoint> Of(RegressionPredictor predictor, RegressionRows rows, IReadOnlyDictionary<string, HashSet<string>>? levels, Action<string, string, object?> skip)
        {
            var columns = predictor.Columns;
            var source = columns.Select(c => c.IsIntercept ? -1 : rows.Columns.FindIndex(p => string.Equals(p.Name, c.Predictor, StringComparison.OrdinalIgnoreCase))).ToArray();
            var x = new double[columns.Length];
            var points = new List<ResidualPoint>(rows.Observations.Count);
            foreach (var observation in rows.Observations)
            {
                if (!TryRow(rows, columns, source, observation.Row, levels, x, skip))
                {
                    continue;
                }

                double fitted = predictor.Predict(x);
                double y = observation.Kind switch
                {
                    ObservationKind.Exact => observation.Lower,
                    ObservationKind.RightCensored => observation.Lower,
                    ObservationKind.LeftCensored => observation.Upper,
                    _ => (observation.Lower + observation.Upper) / 2,
                };
                points.Add(new ResidualPoint(fitted, y - fitted, observation.Kind != ObservationKind.Exact));
            }

            return points;
        }

        private static bool TryRow(RegressionRows rows, DesignColumn[] columns, int[] source, int row, IReadOnlyDictionary<string, HashSet<string>>? levels, double[] x, Action<string, string, object?> skip)
        {
            string suffix = rows.Slot.Suffix;
            for (int j = 0; j < columns.Length; j++)
            {
                var column = columns[j];
                if (column.IsIntercept)
                {
                    x[j] = 1;
                    continue;
                }

                var values = rows.Columns[source[j]];
                if (column.Level is null)
                {
                    x[j] = values.Number(row);
                    if (double.IsNaN(x[j]))
                    {
                        skip(ErrorIds.NotANumber, $"Row {row + 1}{suffix}: the predictor {column.Predictor} = '{values.Text(row)}' is not a number, and the model's {column.Predictor} is numeric; the row was not drawn.", values.Text(row));
                        return false;
                    }

                    continue;
                }

                string text = values.IsCategorical ? values.Text(row) : values.Number(row).ToString("R", CultureInfo.InvariantCulture);
                if (levels is not null && levels.TryGetValue(column.Predictor!, out var known) && !known.Contains(text))
                {
                    skip(ErrorIds.UnknownLevel, $"Row {row + 1}{suffix}: the predictor {column.Predictor} = '{text}' is a level the model was not fitted on ({string.Join(", ", known.OrderBy(l => l, StringComparer.Ordinal))}); the row was not drawn.", text);
                    return false;
                }

                x[j] = string.Equals(text, column.Level, StringComparison.Ordinal) ? 1 : 0;
            }

            return true;
        }
    }
}
