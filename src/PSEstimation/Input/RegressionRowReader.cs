using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Internal;
using PSEstimation.Distributions;
using PSEstimation.Models;
using PSEstimation.Regression;

namespace PSEstimation.Input
{
    /// <summary>
    /// The rows of a regression from the pipeline (-Response, -Predictor): each object's response
    /// as a number in the family's support, each predictor as a number (numeric strings, as
    /// Import-Csv gives them, count as numbers; $true/$false as 1/0) or as text (a categorical
    /// predictor), its weight (-Weight by position, -WeightProperty) and its -GroupBy group. An
    /// object that cannot be used (a missing property or value, a response outside the support)
    /// is a non-terminating error with a stable id and is left out of its group's rows.
    /// </summary>
    /// <remarks>
    /// Responses become <see cref="Observation"/>s with Row set: an exact value, or, censored by
    /// -CensoredAbove/-CensoredBelow or read in the interval form (-LowerProperty/-UpperProperty,
    /// see <see cref="RegressionResponse"/>), a censored observation through the same
    /// <see cref="Estimation.CensoringRule"/> as a fit of one quantity: the likelihood and fitter take both.
    /// </remarks>
    internal sealed class RegressionRowReader
    {
        private readonly Cmdlet cmdlet;
        private readonly RegressionResponse response;
        private readonly string[] predictors;
        private readonly DistributionFamily family;
        private readonly double?[] fixedValues;
        private readonly double[]? weights;
        private readonly string? weightProperty;
        private readonly GroupTable<RegressionRows>? groups;
        private readonly RegressionRows? single;
        private readonly bool allowBoolean;

        // One row's predictors as read, reused from row to row (a row is copied into its group's columns).
        private readonly double[] numbers;
        private readonly string?[] texts;
        private long index;
        private long objectCount;

        public RegressionRowReader(Cmdlet cmdlet, RegressionResponse response, string[] predictors, DistributionFamily family, double?[] fixedValues, double[]? weights, string? weightProperty, string? groupBy)
        {
            this.cmdlet = cmdlet;
            this.response = response;
            this.predictors = predictors;
            this.family = family;
            this.fixedValues = fixedValues;
            this.weights = weights;
            this.weightProperty = weightProperty;
            allowBoolean = family.AcceptsBooleans;
            numbers = new double[predictors.Length];
            texts = new string?[predictors.Length];
            Skips = new SkipReport(cmdlet, "object");
            if (groupBy is null)
            {
                single = NewRows(null, isNamed: false);
            }
            else
            {
                groups = new GroupTable<RegressionRows>(groupBy, value => NewRows(value, isNamed: true));
            }
        }

        public SkipReport Skips { get; }

        public List<RegressionRows> Groups { get; } = new List<RegressionRows>();

        public long InputCount => index;

        public void Read(object? item)
        {
            if (item == AutomationNull.Value)
            {
                return;
            }

            if (item is null)
            {
                index++;
                return;
            }

            object value = item is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : item;
            if (value is not IDictionary && NumericConversion.IsCollection(value))
            {
                foreach (object? element in (IEnumerable)value)
                {
                    Read(element);
                }

                return;
            }

            long at = index++;
            objectCount++;
            var psObject = PSObject.AsPSObject(item);
            var rows = single ?? groups!.For(psObject, value);
            double weight = 1;
            if (weights is not null)
            {
                if (at >= weights.Length)
                {
                    cmdlet.ThrowTerminatingError(new ErrorRecord(new ArgumentException($"-Weight has {weights.Length} values but the input has more (index {at}); give one weight per input object."), ErrorIds.InvalidWeight, ErrorCategory.InvalidArgument, null));
                }

                weight = weights[at];
            }
            else if (weightProperty is not null)
            {
                if (!PropertyReader.TryRead(psObject, value, weightProperty, out object? raw))
                {
                    Skip(rows, SkipReason.MissingProperty(weightProperty), ErrorIds.PropertyNotFound, $"The input at index {at} has no weight property '{weightProperty}'; it was skipped.", item);
                    return;
                }

                if (raw is null || NumericConversion.TryConvert(raw, allowBoolean: false, out weight) != NumericConversion.Failure.None || weight < 0)
                {
                    Skip(rows, SkipReason.InvalidWeight, ErrorIds.InvalidWeight, $"The weight {NumericConversion.Describe(raw)} (property '{weightProperty}') of the input at index {at} is not a finite number >= 0; it was skipped.", item);
                    return;
                }
            }

            if (!(weight >= 0) || double.IsInfinity(weight))
            {
                Skip(rows, SkipReason.InvalidWeight, ErrorIds.InvalidWeight, $"The weight {NumericConversion.Describe(weight)} of the input at index {at} is not a finite number >= 0; it was skipped.", item);
                return;
            }

            if (!TryReadResponse(psObject, value, at, rows, item, weight, out Observation observation))
            {
                return;
            }

            for (int j = 0; j < predictors.Length; j++)
            {
                if (!PropertyReader.TryRead(psObject, value, predictors[j], out object? raw))
                {
                    Skip(rows, SkipReason.MissingProperty(predictors[j]), ErrorIds.PropertyNotFound, $"The input at index {at} has no predictor property '{predictors[j]}'; the row was skipped.", item);
                    return;
                }

                object? scalar = raw is PSObject ps ? ps.BaseObject : raw;
                if (scalar is null || (scalar is string s0 && s0.Trim().Length == 0))
                {
                    Skip(rows, SkipReason.MissingProperty(predictors[j]), ErrorIds.NotANumber, $"The predictor {predictors[j]} of the input at index {at} is empty; the row was skipped.", item);
                    return;
                }

                switch (NumericConversion.TryConvert(scalar, allowBoolean: true, out double number))
                {
                    case NumericConversion.Failure.None:
                        numbers[j] = number;
                        texts[j] = scalar as string;
                        break;
                    case NumericConversion.Failure.NotFinite:
                        Skip(rows, SkipReason.ForValue(scalar), ErrorIds.NonFiniteValue, $"The predictor {predictors[j]} = {NumericConversion.Describe(scalar)} of the input at index {at} is not finite; the row was skipped.", item);
                        return;
                    default:
                        numbers[j] = double.NaN;
                        texts[j] = Convert.ToString(scalar, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
                        break;
                }
            }

            if (weight == 0)
            {
                return;
            }

            int row = rows.Columns.Count == 0 ? rows.Observations.Count : rows.Columns[0].Count;
            for (int j = 0; j < predictors.Length; j++)
            {
                if (double.IsNaN(numbers[j]))
                {
                    rows.Columns[j].AddText(texts[j]!);
                }
                else
                {
                    rows.Columns[j].AddNumber(numbers[j], texts[j]);
                }
            }

            rows.Observations.Add(new Observation(observation.Lower, observation.Upper, weight, row));
        }

        public void Finish()
        {
            Skips.WriteSummary();
            groups?.Finish(cmdlet, objectCount, "fitted");
        }

        /// <summary>The row's response as an observation (exact or censored), or false when the row was skipped.</summary>
        private bool TryReadResponse(PSObject psObject, object value, long at, RegressionRows rows, object item, double weight, out Observation observation)
        {
            observation = default;
            double y;
            if (response.IsInterval)
            {
                if (!TryReadBound(psObject, value, response.LowerProperty!, double.NegativeInfinity, at, rows, item, out double lower)
                    || !TryReadBound(psObject, value, response.UpperProperty!, double.PositiveInfinity, at, rows, item, out double upper))
                {
                    return false;
                }

                if (double.IsNegativeInfinity(lower) && double.IsPositiveInfinity(upper))
                {
                    Skip(rows, "with both bounds empty", ErrorIds.InvalidInterval, $"The input at index {at}{rows.Slot.Suffix} has neither a lower ('{response.LowerProperty}') nor an upper ('{response.UpperProperty}') bound, so it says nothing about the response; the row was skipped.", item);
                    return false;
                }

                if (lower > upper)
                {
                    Skip(rows, "with reversed bounds", ErrorIds.InvalidInterval, $"The input at index {at}{rows.Slot.Suffix} has lower bound {NumericConversion.Describe(lower)} above its upper bound {NumericConversion.Describe(upper)}; the row was skipped.", item);
                    return false;
                }

                if (lower < upper)
                {
                    if (response.Censoring!.FromBounds(lower, upper, weight, out string? outside) is not Observation censored)
                    {
                        Skip(rows, SkipReason.OutsideSupport, ErrorIds.CensoringOutsideSupport, $"The input at index {at}{rows.Slot.Suffix}: {outside}; the row was skipped.", item);
                        return false;
                    }

                    observation = censored;
                    return true;
                }

                y = lower; // equal bounds: an exact value
            }
            else
            {
                if (!TryReadNumber(psObject, value, response.Property!, at, rows, item, allowBoolean, out y))
                {
                    return false;
                }

                if (response.Censoring is not null && response.Censoring.TryCensor(y, weight, out observation))
                {
                    return true;
                }
            }

            if (!family.CanFit(y, fixedValues))
            {
                Skip(rows, SkipReason.OutsideSupport, ErrorIds.ValueOutsideSupport, $"The response {response.Name} = {NumericConversion.Describe(y)} at index {at}{rows.Slot.Suffix} is outside the support of {family.Name} ({family.SupportDescription}); the row was skipped.", item);
                return false;
            }

            observation = Observation.Exact(y, weight);
            return true;
        }

        /// <summary>One bound of the interval form: null, '' or blank is empty (the open side), as in the input layer.</summary>
        private bool TryReadBound(PSObject psObject, object value, string name, double empty, long at, RegressionRows rows, object item, out double bound)
        {
            bound = empty;
            if (!PropertyReader.TryRead(psObject, value, name, out object? raw))
            {
                Skip(rows, SkipReason.MissingProperty(name), ErrorIds.PropertyNotFound, $"The input at index {at} has no bound property '{name}'; the row was skipped.", item);
                return false;
            }

            var failure = NumericConversion.TryConvertBound(raw, empty, out bound);
            if (failure == NumericConversion.Failure.None)
            {
                return true;
            }

            string what = failure == NumericConversion.Failure.NotFinite ? "is not finite" : "is not a number";
            Skip(rows, SkipReason.ForValue(raw), failure == NumericConversion.Failure.NotFinite ? ErrorIds.NonFiniteValue : ErrorIds.NotANumber, $"The bound '{name}' = {NumericConversion.Describe(raw)} of the input at index {at}{rows.Slot.Suffix} {what}; the row was skipped.", item);
            return false;
        }

        private bool TryReadNumber(PSObject psObject, object value, string name, long at, RegressionRows rows, object item, bool booleans, out double number)
        {
            number = 0;
            if (!PropertyReader.TryRead(psObject, value, name, out object? raw))
            {
                Skip(rows, SkipReason.MissingProperty(name), ErrorIds.PropertyNotFound, $"The input at index {at} has no response property '{name}'; the row was skipped.", item);
                return false;
            }

            object? scalar = raw is PSObject ps ? ps.BaseObject : raw;
            if (scalar is null || (scalar is string s && s.Trim().Length == 0))
            {
                Skip(rows, SkipReason.MissingProperty(name), ErrorIds.NotANumber, $"The response {name} of the input at index {at} is empty; the row was skipped.", item);
                return false;
            }

            switch (NumericConversion.TryConvert(scalar, booleans, out number))
            {
                case NumericConversion.Failure.None:
                    return true;
                case NumericConversion.Failure.NotFinite:
                    Skip(rows, SkipReason.ForValue(scalar), ErrorIds.NonFiniteValue, $"The response {name} = {NumericConversion.Describe(scalar)} of the input at index {at} is not finite; the row was skipped.", item);
                    return false;
                default:
                    Skip(rows, SkipReason.ForValue(scalar), ErrorIds.NotANumber, $"The response {name} = {NumericConversion.Describe(scalar)} of the input at index {at} is not a number; the row was skipped.", item);
                    return false;
            }
        }

        private void Skip(RegressionRows rows, string reason, string errorId, string message, object? target)
        {
            rows.Slot.SkippedCount++;
            Skips.Skip(reason, errorId, message, target);
        }

        private RegressionRows NewRows(object? value, bool isNamed)
        {
            var group = new InputGroup(value, isNamed);
            var slot = new InputSlot(Groups.Count, group, 0, null);
            group.Slots = new[] { slot };
            var rows = new RegressionRows(slot, predictors);
            Groups.Add(rows);
            return rows;
        }
    }

    /// <summary>One group's regression rows as read.</summary>
    internal sealed class RegressionRows
    {
        public RegressionRows(InputSlot slot, string[] predictors)
        {
            Slot = slot;
            foreach (string name in predictors)
            {
                Columns.Add(new PredictorColumn(name));
            }
        }

        public InputSlot Slot { get; }

        public List<PredictorColumn> Columns { get; } = new List<PredictorColumn>();

        public List<Observation> Observations { get; } = new List<Observation>();
    }
}
