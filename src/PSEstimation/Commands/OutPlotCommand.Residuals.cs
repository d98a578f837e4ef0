using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using PSEstimation.Diagnostics;
using PSEstimation.Distributions;
using PSEstimation.Estimation;
using PSEstimation.Input;
using PSEstimation.Plotting;
using PSEstimation.Regression;

namespace PSEstimation.Commands
{
    /// <summary>
    /// Out-Plot -Kind Residuals: the rows of a regression come from the pipeline and are read by
    /// the fitting cmdlets' <see cref="RegressionRowReader"/> (the same properties, conversions,
    /// censoring and skip errors); <see cref="RegressionResiduals"/> gives each row's fitted value
    /// (Add-Prediction's Predicted) and residual; <see cref="ResidualPanels"/> draws them.
    /// </summary>
    public sealed partial class OutPlotCommand
    {
        private static readonly Regex IntervalResponse = new Regex(@"^\[(?<lower>.+), (?<upper>.+)\]$", RegexOptions.CultureInvariant);

        private RegressionRowReader? regressionRows;
        private List<RegressionModel> regressionFits = new List<RegressionModel>();

        /// <summary>Whether <paramref name="estimate"/> is a regression model (live, deserialized or from JSON).</summary>
        private static bool IsRegression(PSObject estimate)
            => estimate.BaseObject is RegressionEstimate
            || (EstimateReader.ReadMember(estimate, "Coefficients") is not null && EstimateReader.ReadMember(estimate, "Response") is not null);

        /// <summary>Checks the kinds and the estimates, and builds the row reader.</summary>
        private void BeginResiduals()
        {
            var other = Kinds().Where(k => k != PlotKind.Residuals).ToArray();
            if (other.Length > 0)
            {
                Terminate(ErrorIds.PlotKindNotForRegression, $"-Estimate is a regression model, which Out-Plot draws as -Kind Residuals only (the default for a RegressionEstimate); -Kind {string.Join(", ", other)} draws a sample of one quantity against a fitted distribution. Leave out -Kind, or pass a result of Get-MLEstimate without -Response.", ErrorCategory.InvalidArgument, other[0]);
            }

            if (Estimate!.Any(e => !IsRegression(e)))
            {
                Terminate(ErrorIds.InvalidEstimate, "-Estimate mixes regression models with fits of one quantity: Out-Plot draws either the residuals of regression models or data against distributions, not both in one picture.");
            }

            if (Property is not null)
            {
                Terminate(ErrorIds.InvalidParameterValue, "-Property reads a sample of one quantity; a regression's rows are the input objects themselves, read by the model's Response and Predictor. Leave out -Property.");
            }

            if (Estimate!.Length > 1 && GroupBy is null)
            {
                Terminate(ErrorIds.PlotSeveralSamples, $"{Estimate.Length} regression models and one set of rows: give -GroupBy (the property the models were grouped by, Get-MLEstimate -GroupBy) so each group's rows are drawn against its own model, or pass one model.");
            }

            try
            {
                regressionFits = Estimate!.Select(RegressionModelReader.Read).ToList();
                var first = regressionFits[0];
                if (regressionFits.Any(f => f.Family != first.Family || !f.Predictors.SequenceEqual(first.Predictors, StringComparer.OrdinalIgnoreCase) || !string.Equals(f.Response, first.Response, StringComparison.OrdinalIgnoreCase)))
                {
                    Terminate(ErrorIds.InvalidEstimate, "The regression models differ in family, response or predictors; with -GroupBy pass the models of one Get-MLEstimate -GroupBy call.");
                }

                var constants = DistributionFamilies.ConstantNames(first.Family).Where(first.Parameters.ContainsKey).ToDictionary(n => n, n => first.Parameters[n], StringComparer.OrdinalIgnoreCase);
                var family = DistributionFamilies.Create(first.Family, constants);
                var rowFixed = new double?[family.Parameters.Count];
                var match = IntervalResponse.Match(first.Response);
                var response = match.Success
                    ? RegressionResponse.Interval(match.Groups["lower"].Value, match.Groups["upper"].Value, CensoringRule.Create(family, rowFixed, null, null))
                    : RegressionResponse.Exact(first.Response, null);
                regressionRows = new RegressionRowReader(this, response, first.Predictors, family, rowFixed, Weight, WeightProperty, GroupBy);
            }
            catch (EstimationException e)
            {
                Terminate(e.ErrorId, e.Message);
            }
        }

        /// <summary>Fitted values and residuals of every group's rows; the panels; the picture.</summary>
        private void EndResiduals()
        {
            var rows = regressionRows!;
            rows.Finish();
            var panels = new List<PlotPanel>();
            long drawn = 0;
            foreach (var group in rows.Groups)
            {
                var fit = GroupBy is null ? regressionFits[0] : regressionFits.FirstOrDefault(f => SameGroup(f.Group, group.Slot.Group.Value));
                if (fit is null)
                {
                    WriteError(new ErrorRecord(new ArgumentException($"No regression model among -Estimate is for group {group.Slot.Group.Describe()} (their Group values: {string.Join(", ", regressionFits.Select(f => GroupTable<InputGroup>.Describe(f.Group)))}); its rows were not drawn."), ErrorIds.InvalidEstimate, ErrorCategory.InvalidData, group.Slot.Group.Value));
                    continue;
                }

                var points = RegressionResiduals.Of(fit.Predictor, group, fit.Levels, (id, message, target) => WriteError(new ErrorRecord(new ArgumentException(message), id, ErrorCategory.InvalidData, target)));
                if (points.Count == 0)
                {
                    continue;
                }

                if (fit.CensoredCount > 0 && !IntervalResponse.IsMatch(fit.Response))
                {
                    WriteWarning($"The model was fitted with {fit.CensoredCount} censored responses{group.Slot.Suffix}, whose limits (-CensoredAbove, -CensoredBelow) the estimate does not keep: Out-Plot reads every {fit.Response} as exact, so rows at a limit are drawn at it.");
                }

                drawn += points.Count;
                var builder = new ResidualPanels(points, fit.Response);
                var set = new List<PlotPanel> { builder.AgainstFitted() };
                if (Noise(fit) is StandardisedNoise noise && builder.QQ(noise) is PlotPanel qq)
                {
                    set.Add(qq);
                }

                if (group.Slot.Group.IsNamed)
                {
                    set.ForEach(p => p.Title = group.Slot.Group.Describe() + ": " + p.Title);
                }

                panels.AddRange(set);
            }

            if (panels.Count == 0)
            {
                Terminate(ErrorIds.NoUsableInput, $"No usable rows to draw the residuals of (the input needs the model's response {regressionFits[0].Response} and predictors {string.Join(", ", regressionFits[0].Predictors)}; {rows.Skips.Count} skipped).", ErrorCategory.InvalidData);
            }

            string model = regressionFits[0].Family + " regression of " + regressionFits[0].Response;
            Draw(panels, "Out-Plot: residuals of the " + model + ", " + drawn.ToString(CultureInfo.InvariantCulture) + " rows");
        }

        /// <summary>The standardised noise law of a location regression (Normal, Laplace, Logistic, Cauchy, StudentT); null for the others, whose residuals have no common law.</summary>
        private static StandardisedNoise? Noise(RegressionModel fit)
        {
            var family = fit.Family == DistributionName.Gaussian ? DistributionName.Normal : fit.Family;
            string? scaleName = family switch
            {
                DistributionName.Normal => "Variance",
                DistributionName.Laplace or DistributionName.Logistic or DistributionName.Cauchy or DistributionName.StudentT => "Scale",
                _ => null,
            };
            if (scaleName is null || !fit.Parameters.TryGetValue(scaleName, out double spread) || !(spread > 0))
            {
                return null;
            }

            var model = DistributionFamilies.CreateModel(family, new Dictionary<string, double>());
            var theta = new double[model.Parameters.Count];
            for (int j = 1; j < theta.Length; j++)
            {
                theta[j] = fit.Parameters.TryGetValue(model.Parameters[j].Name, out double v) ? v : double.NaN;
            }

            theta[model.IndexOf(scaleName)] = 1;
            if (theta.Any(double.IsNaN) || model.ParameterConstraintViolation(theta) is not null)
            {
                return null;
            }

            return family == DistributionName.Normal
                ? new StandardisedNoise("Normal(0, 1)", model, theta, Math.Sqrt(spread), "sqrt(Variance)")
                : new StandardisedNoise(family == DistributionName.StudentT ? "StudentT(0, 1, " + theta[2].ToString("G4", CultureInfo.InvariantCulture) + ")" : family + "(0, 1)", model, theta, spread, "Scale");
        }

        private static bool SameGroup(object? a, object? b)
            => Equals(a, b) || string.Equals(Convert.ToString(a, CultureInfo.InvariantCulture), Convert.ToString(b, CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase);

    }
}
