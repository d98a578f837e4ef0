using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using PSEstimation.Bayesian;
using PSEstimation.Distributions;
using PSEstimation.Estimation;
using PSEstimation.Input;
using PSEstimation.Models;
using PSEstimation.Regression;

namespace PSEstimation.Commands
{
    /// <summary>
    /// Get-MLEstimate / Get-MAPEstimate with -Response: reads the rows (<see cref="RegressionRowReader"/>),
    /// builds each group's design matrix and <see cref="RegressionProblem"/>, reads the prior (MAP)
    /// and turns the fit into a <see cref="RegressionEstimate"/>, failures into ErrorRecords.
    /// </summary>
    internal sealed class RegressionFitting
    {
        private const string CoefficientsKey = "Coefficients";

        private static readonly Regex LaplaceForm = new Regex(@"^\s*Laplace\s*\(\s*(?<m>[^,()]+)\s*,\s*(?<b>[^,()]+)\s*\)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private readonly FamilyFitCommand command;
        private readonly DistributionModel model;
        private readonly LinkedParameter link;
        private readonly RegressionRowReader reader;
        private readonly string responseName;
        private readonly object? priorValue;
        private readonly bool isMap;

        public RegressionFitting(FamilyFitCommand command, bool isMap, object? prior)
        {
            this.command = command;
            this.isMap = isMap;
            priorValue = prior;
            var family = command.Family!;
            model = family.Model!;
            link = LinkedParameter.For(command.Distribution)
                ?? throw new EstimationException(ErrorIds.RegressionNotSupported, $"{command.Distribution} has no regression model: the linear predictor can set the location of Normal, Laplace, Logistic, Cauchy, StudentT, LogNormal; the mean of Poisson, NegativeBinomial, Exponential, Gamma; Weibull's Scale; Bernoulli's and Binomial's P.");
            if (command.FixedValues[link.Index] is not null)
            {
                throw new EstimationException(ErrorIds.LinkedParameterFixed, $"-Fixed holds {model.Parameters[link.Index].Name}, which the linear predictor sets in a {model.Name} regression ({link.Describes}); fix only the family's other parameters.");
            }

            if (command.Property is not null)
            {
                throw new EstimationException(ErrorIds.InvalidParameterValue, "-Property reads a sample of one quantity; with -Response and -Predictor the rows are the input objects themselves. Leave out -Property.");
            }

            string[] predictors = command.Predictor ?? Array.Empty<string>();
            var duplicate = predictors.GroupBy(p => p, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw DesignMatrix.Collinear(new List<(string, string[])> { (duplicate.Key, new[] { duplicate.Key }) });
            }

            var response = command.Response is string exact
                ? RegressionResponse.Exact(exact, command.Censoring)
                : RegressionResponse.Interval(command.LowerProperty!, command.UpperProperty!, command.Censoring!);
            responseName = response.Name;
            reader = new RegressionRowReader(command, response, predictors, family, command.FixedValues, command.Weight, command.WeightProperty, command.GroupBy);
        }

        public void Read(object? input) => reader.Read(input);

        public void Finish()
        {
            if (command.Weight is not null && command.Weight.Length != reader.InputCount)
            {
                command.Terminate(ErrorIds.InvalidWeight, $"-Weight has {command.Weight.Length} values but the input has {reader.InputCount}; give one weight per input object.");
            }

            reader.Finish();
            bool any = reader.Groups.Any(g => g.Observations.Count > 0);
            if (!any && command.GroupBy is not null)
            {
                command.Terminate(ErrorIds.NoUsableInput, $"No usable rows in any group to fit a {model.Name} regression to ({reader.Skips.Count} skipped).", ErrorCategory.InvalidData);
            }

            foreach (var rows in reader.Groups)
            {
                var result = Fit(rows);
                if (command.Cancellation.IsCancellationRequested)
                {
                    return;
                }

                if (result is not null)
                {
                    command.WriteResult(rows.Slot, result);
                }
            }
        }

        private RegressionEstimate? Fit(RegressionRows rows)
        {
            var slot = rows.Slot;
            if (rows.Observations.Count == 0)
            {
                command.FailSlot(slot, ErrorIds.NoUsableInput, $"No usable rows{slot.Suffix} to fit a {model.Name} regression of {responseName} to ({slot.SkippedCount} skipped).", ErrorCategory.InvalidData);
                return null;
            }

            try
            {
                RequireInformative(rows.Observations);
                var design = DesignMatrix.Build(rows.Columns, rows.Observations.Count, !command.NoIntercept.IsPresent);
                if (design.ColumnCount == 0)
                {
                    throw new EstimationException(ErrorIds.TooFewObservations, "The model has no coefficients: give -Predictor, or leave out -NoIntercept.");
                }

                var problem = new RegressionProblem(model, link, design, rows.Observations.ToArray(), command.FixedValues);
                var prior = isMap ? ReadPrior(problem) : null;
                var fitter = new RegressionFitter { Trace = command.WriteVerbose, Cancellation = command.Cancellation };
                Action<string> warn = slot.Group.IsNamed ? message => command.WriteWarning(message + slot.Suffix) : command.WriteWarning;
                var fit = fitter.Fit(problem, prior);
                foreach (string warning in fit.Warnings)
                {
                    warn(warning);
                }

                var estimate = RegressionEstimator.Shape(problem, fit, command.ConfidenceLevel, responseName, command.Predictor ?? Array.Empty<string>());
                estimate.SkippedCount = slot.SkippedCount;
                estimate.Group = slot.Group.Value;
                if (isMap)
                {
                    estimate.Prior = DescribePrior(priorValue);
                    estimate.IntervalMethod = "PosteriorWald";
                }
                else if (!ApplyIntervalMethod(estimate, problem, fit, slot, warn))
                {
                    return null;
                }

                return estimate;
            }
            catch (EstimationException e)
            {
                command.FailSlot(slot, e.ErrorId, e.Message + slot.Suffix, ErrorCategory.InvalidData);
                return null;
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }

        /// <summary>-IntervalMethod Profile or Bootstrap in place of the Wald intervals; false when cancelled.</summary>
        private bool ApplyIntervalMethod(RegressionEstimate estimate, RegressionProblem problem, RegressionFit fit, InputSlot slot, Action<string> warn)
        {
            var request = command.RegressionIntervals;
            switch (request.Method)
            {
                case IntervalMethod.Profile:
                    RegressionIntervals.ApplyProfile(estimate, problem, fit, warn, command.Cancellation);
                    return !command.Cancellation.IsCancellationRequested;
                case IntervalMethod.Bootstrap:
                    if (RegressionBootstrap.HasFractionalWeights(problem))
                    {
                        warn("Some weights are not whole numbers: the bootstrap simulates each row as many times as its weight rounded to a whole number.");
                    }

                    var replicates = BootstrapRunner.Run(
                        command,
                        request.Simulations,
                        request.Seed,
                        $"Bootstrapping the {model.Name} regression of {responseName}{slot.Suffix}",
                        (stream, progress) => RegressionBootstrap.Run(problem, fit.V, command.Censoring, request.Simulations, stream, -1, command.Cancellation, progress),
                        command.Cancellation);
                    if (replicates is null)
                    {
                        return false;
                    }

                    RegressionIntervals.ApplyBootstrap(estimate, problem, replicates);
                    if (AlternativeIntervals.FailureNote(replicates, model.Name + " regression") is string note)
                    {
                        warn(note);
                    }

                    return true;
                default:
                    return true;
            }
        }

        /// <summary>
        /// Refuses rows whose every response is censored on the same side: the likelihood then keeps
        /// growing as the fitted distribution moves past the limits (no estimate). Censored on both
        /// sides is kept: with predictors that is a binary regression (censored at one limit, a
        /// probit- or logit-like model), which the fitter's own checks handle.
        /// </summary>
        private void RequireInformative(List<Observation> observations)
        {
            bool left = false, right = false;
            foreach (var o in observations)
            {
                switch (o.Kind)
                {
                    case ObservationKind.LeftCensored:
                        left = true;
                        break;
                    case ObservationKind.RightCensored:
                        right = true;
                        break;
                    default:
                        return;
                }
            }

            if (left != right)
            {
                string side = right ? "right-censored (known only to be at least a limit)" : "left-censored (known only to be at most a limit)";
                throw new EstimationException(ErrorIds.EveryObservationCensored, $"Every response is {side}, and none is exact: the {model.Name} likelihood keeps growing as the fitted distribution moves past the limits, so there is no estimate. Give some exact responses, or intervals (-LowerProperty/-UpperProperty).");
            }
        }

        /// <summary>
        /// -Prior of a regression: a hashtable with Coefficients = 'Normal(mean, variance)' (ridge)
        /// or 'Laplace(location, scale)' (lasso) for every coefficient but the intercept, and
        /// priors on the family's other estimated parameters by name; anything without one is flat.
        /// </summary>
        private RegressionPrior ReadPrior(RegressionProblem problem)
        {
            var prior = new RegressionPrior();
            if (priorValue is not IDictionary table)
            {
                throw new EstimationException(ErrorIds.InvalidPrior, "-Prior of a regression is a hashtable: @{ Coefficients = 'Normal(0, 10)' } (ridge: every coefficient but the intercept Normal with mean 0 and variance 10) or @{ Coefficients = 'Laplace(0, 1)' } (the lasso: location, scale), with priors on the family's other parameters by name, e.g. @{ Variance = 'InverseGamma(3, 2)' }.");
            }

            int p = problem.CoefficientCount;
            foreach (DictionaryEntry entry in table)
            {
                string key = Convert.ToString(entry.Key is PSObject k ? k.BaseObject : entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                object? raw = entry.Value is PSObject v ? v.BaseObject : entry.Value;
                string text = Convert.ToString(raw, CultureInfo.InvariantCulture) ?? string.Empty;
                if (string.Equals(key, CoefficientsKey, StringComparison.OrdinalIgnoreCase))
                {
                    var slopes = Enumerable.Range(0, p).Where(j => !problem.Design.Columns[j].IsIntercept).ToList();
                    var laplace = LaplaceForm.Match(text);
                    if (laplace.Success)
                    {
                        double m = ParseNumber(laplace.Groups["m"].Value, text);
                        double b = ParseNumber(laplace.Groups["b"].Value, text);
                        if (!(b > 0) || double.IsInfinity(b) || double.IsInfinity(m))
                        {
                            throw new EstimationException(ErrorIds.InvalidParameterValue, $"-Prior Coefficients is '{text}': the Laplace prior's scale must be a finite number > 0 (Laplace(location, scale)).");
                        }

                        prior.LaplaceLocation = m;
                        prior.LaplaceScale = b;
                        prior.LaplaceIndices.AddRange(slopes);
                        continue;
                    }

                    var parsed = PriorParser.Parse(text, "-Prior Coefficients");
                    if (parsed is FlatPrior)
                    {
                        continue;
                    }

                    if (parsed is not NormalPrior normal)
                    {
                        throw new EstimationException(ErrorIds.InvalidPrior, $"-Prior Coefficients is '{text}': the coefficients take 'Normal(mean, variance)' (ridge), 'Laplace(location, scale)' (the lasso) or 'Flat'.");
                    }

                    foreach (int j in slopes)
                    {
                        prior.Smooth[j] = normal;
                    }

                    continue;
                }

                int a = model.IndexOf(key);
                int position = a < 0 ? -1 : Array.IndexOf(problem.FreeParameters, a);
                if (position < 0)
                {
                    string others = string.Join(", ", problem.FreeParameters.Select(problem.ParameterName));
                    string why = a == link.Index ? $" ({key} is set by the linear predictor: put priors on the Coefficients)"
                        : a >= 0 ? " (it is fixed)" : string.Empty;
                    throw new EstimationException(ErrorIds.UnknownParameter, $"-Prior names '{key}'{why}; a {model.Name} regression takes priors on Coefficients{(others.Length > 0 ? " and " + others : string.Empty)}.");
                }

                var parameterPrior = PriorParser.Parse(text, "-Prior " + key) as UnivariatePrior
                    ?? throw new EstimationException(ErrorIds.InvalidPrior, $"-Prior {key} is '{text}', a joint prior; a regression takes one prior per parameter.");
                if (!parameterPrior.IsFlat && !parameterPrior.Suits(model.Parameters[a].Domain))
                {
                    throw new EstimationException(ErrorIds.InvalidPrior, $"-Prior {key} is '{text}', whose support does not match {model.Parameters[a].Describe()}.");
                }

                if (!parameterPrior.IsFlat)
                {
                    prior.Smooth[p + position] = parameterPrior;
                }
            }

            return prior;
        }

        private static double ParseNumber(string text, string prior)
        {
            if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                throw new EstimationException(ErrorIds.InvalidPrior, $"-Prior Coefficients is '{prior}': '{text.Trim()}' is not a number (invariant culture: 0.5, not 0,5).");
            }

            return value;
        }

        private static string? DescribePrior(object? prior)
        {
            if (prior is IDictionary table)
            {
                return string.Join("; ", table.Cast<DictionaryEntry>().Select(e => $"{e.Key} = {e.Value}"));
            }

            return prior?.ToString();
        }
    }
}
