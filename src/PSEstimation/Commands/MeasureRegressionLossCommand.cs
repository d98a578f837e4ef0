using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Internal;
using PSEstimation.Distributions;
using PSEstimation.Input;
using PSEstimation.Losses;

namespace PSEstimation.Commands
{
    /// <summary>
    /// Measure-RegressionLoss: regression losses of actual against predicted values, with the
    /// Gaussian and Laplace likelihood view of MSE and MAE. Pairs come from pipeline objects
    /// (properties Actual and Predicted, or -ActualProperty/-PredictedProperty) or from the
    /// -Actual and -Predicted arrays. Collects in ProcessRecord (streaming sums, one buffer of
    /// absolute residuals for the median), computes in EndProcessing, one result per -GroupBy
    /// value; -PerObservation streams one object per pair from ProcessRecord instead.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Measure, "RegressionLoss", DefaultParameterSetName = PipelineSet)]
    [OutputType(typeof(RegressionLoss), typeof(RegressionResidual))]
    public sealed class MeasureRegressionLossCommand : PSCmdlet
    {
        private const string PipelineSet = "Pipeline";
        private const string ArraysSet = "Arrays";

        /// <summary>Added in front of the type names of grouped output, whose views show the Group column.</summary>
        private const string GroupedSuffix = "#Grouped";

        private readonly List<GroupState> groups = new List<GroupState>();
        private GroupTable<GroupState>? groupTable;
        private long nextIndex;
        private long usedPairs;
        private bool weighted;
        private bool warnedZeroActual;
        private string actualRole = "-Actual";
        private string predictedRole = "-Predicted";
        private string weightRole = "-Weight";

        /// <summary>
        /// Objects with an Actual and a Predicted property (or the properties named by
        /// -ActualProperty and -PredictedProperty), or hashtables with those keys; arrays of them
        /// are enumerated.
        /// </summary>
        [Parameter(ParameterSetName = PipelineSet, ValueFromPipeline = true)]
        [AllowNull]
        public object? InputObject { get; set; }

        /// <summary>The property of each input object that holds the actual (observed) value.</summary>
        [Parameter(ParameterSetName = PipelineSet)]
        [ValidateNotNullOrEmpty]
        public string ActualProperty { get; set; } = "Actual";

        /// <summary>The property of each input object that holds the predicted value.</summary>
        [Parameter(ParameterSetName = PipelineSet)]
        [ValidateNotNullOrEmpty]
        public string PredictedProperty { get; set; } = "Predicted";

        /// <summary>The property of each input object that holds its weight (scikit-learn's sample_weight).</summary>
        [Parameter(ParameterSetName = PipelineSet)]
        [ValidateNotNullOrEmpty]
        public string? WeightProperty { get; set; }

        /// <summary>One result per distinct value of this property (a model, a host ...), in order of first appearance.</summary>
        [Parameter(ParameterSetName = PipelineSet)]
        [ValidateNotNullOrEmpty]
        public string? GroupBy { get; set; }

        /// <summary>The actual (observed) values, paired by position with -Predicted (required with it: see BeginProcessing).</summary>
        // Not Mandatory on purpose: a mandatory parameter in any set makes the engine look for
        // missing mandatory parameters again for every piped object, which allocated 72 bytes per
        // object per such parameter (measured: 609 bytes per object against the no-op's 464), and
        // on a heap of a million PSObjects those allocations are the pipeline's cost (its
        // collections take most of the time). BeginProcessing enforces the pair instead.
        [Parameter(Position = 0, ParameterSetName = ArraysSet)]
        [Alias("YTrue", "Observed")]
        [AllowEmptyCollection]
        [AllowNull]
        public object?[] Actual { get; set; } = new object?[0];

        /// <summary>The predicted values, paired by position with -Actual (required with it).</summary>
        [Parameter(Position = 1, ParameterSetName = ArraysSet)]
        [Alias("YPred", "Fitted", "Forecast")]
        [AllowEmptyCollection]
        [AllowNull]
        public object?[] Predicted { get; set; } = new object?[0];

        /// <summary>One weight per pair, finite and ≥ 0 (scikit-learn's sample_weight).</summary>
        [Parameter(ParameterSetName = ArraysSet)]
        [Alias("SampleWeight")]
        [AllowEmptyCollection]
        [AllowNull]
        public object?[]? Weight { get; set; }

        /// <summary>The δ of the Huber loss: quadratic for |residual| ≤ δ, linear beyond. Positive; default 1.</summary>
        [Parameter]
        [Alias("Delta")]
        public double HuberDelta { get; set; } = 1.0;

        /// <summary>The quantile level α of the pinball loss, strictly between 0 and 1; default 0.5.</summary>
        [Parameter]
        [Alias("Alpha")]
        public double Quantile { get; set; } = 0.5;

        /// <summary>Stream one PSEstimation.RegressionResidual per pair instead of the summary.</summary>
        [Parameter]
        public SwitchParameter PerObservation { get; set; }

        private bool IsArraysSet => ParameterSetName == ArraysSet;

        /// <inheritdoc/>
        protected override void BeginProcessing()
        {
            if (!(HuberDelta > 0) || double.IsInfinity(HuberDelta))
            {
                Terminate(ErrorIds.InvalidParameterValue, $"-HuberDelta must be a positive finite number (the residual size where the Huber loss turns from quadratic to linear, default 1); got {Show(HuberDelta)}.", target: HuberDelta);
            }

            if (!(Quantile > 0 && Quantile < 1))
            {
                Terminate(ErrorIds.InvalidParameterValue, $"-Quantile must lie strictly between 0 and 1 (0.5 gives half the mean absolute error, 0.9 penalises under-prediction 9 times more); got {Show(Quantile)}.", target: Quantile);
            }

            if (IsArraysSet)
            {
                bool hasActual = MyInvocation.BoundParameters.ContainsKey(nameof(Actual));
                if (!hasActual || !MyInvocation.BoundParameters.ContainsKey(nameof(Predicted)))
                {
                    string missing = hasActual ? "-Predicted is" : MyInvocation.BoundParameters.ContainsKey(nameof(Predicted)) ? "-Actual is" : "-Actual and -Predicted are";
                    Terminate(
                        ErrorIds.MissingParameter,
                        $"{missing} missing: give the -Actual and -Predicted arrays together (one prediction per actual value), or pipe objects with Actual and Predicted properties.");
                }

                weighted = Weight is not null;
            }
            else
            {
                weighted = WeightProperty is not null;
                actualRole = $"property '{ActualProperty}'";
                predictedRole = $"property '{PredictedProperty}'";
                weightRole = $"property '{WeightProperty}'";
                if (GroupBy is not null)
                {
                    groupTable = new GroupTable<GroupState>(GroupBy, NewGroup);
                }
            }
        }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            if (IsArraysSet)
            {
                ProcessArrays();
                return;
            }

            ProcessItem(InputObject);
        }

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            groupTable?.Finish(this, nextIndex, "measured");

            if (PerObservation)
            {
                if (usedPairs == 0)
                {
                    TerminateNoUsableInput(false);
                }

                return;
            }

            bool anyUsable = false;
            foreach (var group in groups)
            {
                anyUsable |= group.Accumulator!.TotalWeight > 0;
            }

            if (!anyUsable)
            {
                TerminateNoUsableInput(usedPairs > 0);
            }

            foreach (var group in groups)
            {
                string prefix = GroupBy is null ? string.Empty : $"Group {Describe(group.Group)}: ";
                if (!(group.Accumulator!.TotalWeight > 0))
                {
                    string reason = group.Accumulator.PairCount > 0 ? "its weights sum to 0" : $"all its pairs were skipped ({group.Skipped})";
                    WriteError(new ErrorRecord(
                        new ArgumentException($"{prefix}no usable pairs to measure: {reason}."),
                        ErrorIds.NoUsableInput,
                        ErrorCategory.InvalidData,
                        group.Group));
                    continue;
                }

                if (double.IsInfinity(group.Accumulator.TotalWeight))
                {
                    // Three weights of 1e308 gave MSE 0 and R² 1 with a warning about perfect predictions.
                    Terminate(
                        ErrorIds.InvalidWeight,
                        $"{(prefix.Length == 0 ? "The" : prefix + "the")} weights sum to more than the largest double (about 1.8e308). Divide them by a common factor: the losses do not change.",
                        ErrorCategory.InvalidData);
                }

                var warnings = new List<string>();
                RegressionLoss result;
                try
                {
                    result = RegressionLossCalculator.Compute(group.Accumulator, warnings);
                }
                catch (EstimationException e)
                {
                    Terminate(e.ErrorId, prefix + e.Message, ErrorCategory.InvalidData);
                    return;
                }

                result.Group = group.Group;
                result.SkippedCount = group.Skipped;
                foreach (string warning in warnings)
                {
                    WriteWarning(prefix + warning);
                }

                WriteObject(GroupBy is null ? result : Grouped(result));
            }
        }

        private void ProcessArrays()
        {
            // A $null element is a missing value (NotANumber for its pair, as a $null property is);
            // -Actual $null itself binds as no array at all, an empty one here.
            object?[] actual = Actual ?? new object?[0], predicted = Predicted ?? new object?[0];
            if (actual.Length != predicted.Length)
            {
                Terminate(
                    ErrorIds.LengthMismatch,
                    $"-Actual has {actual.Length} value{Plural(actual.Length)} and -Predicted has {predicted.Length}: they must have the same length, one prediction per actual value.",
                    ErrorCategory.InvalidArgument);
            }

            object?[]? weights = Weight;
            if (weights is not null && weights.Length != actual.Length)
            {
                Terminate(
                    ErrorIds.LengthMismatch,
                    $"-Weight has {weights.Length} value{Plural(weights.Length)} and -Actual and -Predicted have {actual.Length}: there must be one weight per pair.",
                    ErrorCategory.InvalidArgument);
            }

            var group = SingleGroup();
            for (int i = 0; i < actual.Length; i++)
            {
                AcceptPair(group, actual[i], predicted[i], weights is null ? 1.0 : weights[i], nextIndex++);
            }
        }

        private void ProcessItem(object? item)
        {
            if (item == AutomationNull.Value)
            {
                return;
            }

            if (item is null)
            {
                // $null is ignored, but keeps its place: Index is the position in the input.
                nextIndex++;
                return;
            }

            var psObject = item as PSObject;
            object baseObject = psObject?.BaseObject ?? item;
            if (NumericConversion.IsCollection(baseObject))
            {
                foreach (object? element in (IEnumerable)baseObject)
                {
                    ProcessItem(element);
                }

                return;
            }

            long index = nextIndex++;
            psObject ??= PSObject.AsPSObject(item);

            GroupState group;
            if (groupTable is null)
            {
                group = SingleGroup();
            }
            else
            {
                group = groupTable.For(psObject, baseObject);
            }

            if (!PropertyReader.TryRead(psObject, baseObject, ActualProperty, out object? actual))
            {
                SkipMissingProperty(group, index, baseObject, ActualProperty, item);
                return;
            }

            if (!PropertyReader.TryRead(psObject, baseObject, PredictedProperty, out object? predicted))
            {
                SkipMissingProperty(group, index, baseObject, PredictedProperty, item);
                return;
            }

            object? weight = 1.0;
            if (WeightProperty is not null && !PropertyReader.TryRead(psObject, baseObject, WeightProperty, out weight))
            {
                SkipMissingProperty(group, index, baseObject, WeightProperty, item);
                return;
            }

            AcceptPair(group, actual, predicted, weight, index);
        }

        private void AcceptPair(GroupState group, object? actualValue, object? predictedValue, object? weightValue, long index)
        {
            if (!TryNumber(group, actualValue, actualRole, index, out double actual)
                || !TryNumber(group, predictedValue, predictedRole, index, out double predicted))
            {
                return;
            }

            double weight = 1.0;
            if (weighted)
            {
                if (!TryNumber(group, weightValue, weightRole, index, out weight))
                {
                    return;
                }

                if (weight < 0)
                {
                    Skip(group, ErrorIds.InvalidWeight, $"Weight {Show(weight)} ({weightRole}) at index {index} is negative; weights must be finite and ≥ 0. The pair was skipped.", weightValue);
                    return;
                }
            }

            double residual = PointwiseLoss.Residual(actual, predicted);
            if (double.IsInfinity(residual))
            {
                Skip(group, ErrorIds.NonFiniteValue, $"The residual at index {index}, actual {Show(actual)} - predicted {Show(predicted)}, overflows the range of a double; the pair was skipped.", actualValue);
                return;
            }

            usedPairs++;
            if (!PerObservation)
            {
                group.Accumulator!.Add(actual, predicted, weight);
                return;
            }

            if (Math.Abs(actual) < PointwiseLoss.PercentageErrorEpsilon && !warnedZeroActual)
            {
                warnedZeroActual = true;
                string what = actual == 0 ? "is 0" : $"({Show(actual)}) is smaller in magnitude than 2.220446049250313e-16";
                WriteWarning($"The actual value at index {index} {what}: its AbsolutePercentageError divides by max(|actual|, 2.220446049250313e-16), as scikit-learn does, so it is huge and not a meaningful fraction.");
            }

            var observation = new RegressionResidual(
                index,
                group.Group,
                actual,
                predicted,
                weight,
                residual,
                PointwiseLoss.Huber(residual, HuberDelta),
                PointwiseLoss.LogCosh(residual),
                PointwiseLoss.Pinball(residual, Quantile),
                PointwiseLoss.AbsolutePercentageError(residual, actual));
            WriteObject(GroupBy is null ? observation : Grouped(observation));
        }

        /// <summary>Converts one element of a pair, or reports it, counts the pair as skipped and returns false.</summary>
        private bool TryNumber(GroupState group, object? raw, string role, long index, out double value)
        {
            if (raw is double d && !double.IsNaN(d) && !double.IsInfinity(d))
            {
                value = d;
                return true;
            }

            value = double.NaN;
            var failure = raw is null ? NumericConversion.Failure.NotANumber : NumericConversion.TryConvert(raw, false, out value);
            if (failure == NumericConversion.Failure.None)
            {
                return true;
            }

            value = double.NaN;
            bool notFinite = failure == NumericConversion.Failure.NotFinite;
            Skip(
                group,
                notFinite ? ErrorIds.NonFiniteValue : ErrorIds.NotANumber,
                $"Value {NumericConversion.Describe(raw)} ({role}) at index {index} is {(notFinite ? "not finite" : "not a number")}; the pair was skipped.",
                raw);
            return false;
        }

        private void SkipMissingProperty(GroupState group, long index, object baseObject, string name, object item)
            => Skip(
                group,
                ErrorIds.PropertyNotFound,
                $"The input at index {index} ({DescribeType(baseObject)}) has no property '{name}'; it was skipped. "
                + $"Pipe objects with '{ActualProperty}' and '{PredictedProperty}' properties (see -ActualProperty and -PredictedProperty), or give the -Actual and -Predicted arrays.",
                item);

        private void Skip(GroupState group, string errorId, string message, object? target)
        {
            group.Skipped++;
            WriteError(new ErrorRecord(new ArgumentException(message), errorId, ErrorCategory.InvalidData, target));
        }

        private void TerminateNoUsableInput(bool zeroWeights)
        {
            long skipped = 0;
            foreach (var group in groups)
            {
                skipped += group.Skipped;
            }

            string expected = IsArraysSet
                ? "Expected -Actual and -Predicted arrays of finite numbers"
                : $"Expected objects with numeric '{ActualProperty}' and '{PredictedProperty}' properties from the pipeline, or the -Actual and -Predicted arrays";
            string what = zeroWeights ? "The weights of the usable pairs sum to 0, so there is nothing to measure" : $"No usable pairs to measure ({skipped} skipped)";
            Terminate(ErrorIds.NoUsableInput, $"{what}. {expected}.", ErrorCategory.InvalidData);
        }

        private void Terminate(string errorId, string message, ErrorCategory category = ErrorCategory.InvalidArgument, object? target = null)
            => ThrowTerminatingError(new ErrorRecord(new ArgumentException(message), errorId, category, target));

        private GroupState SingleGroup()
        {
            if (groups.Count == 0)
            {
                NewGroup(null);
            }

            return groups[0];
        }

        private GroupState NewGroup(object? value)
        {
            var group = new GroupState(value, PerObservation ? null : new RegressionLossAccumulator(HuberDelta, Quantile, weighted));
            groups.Add(group);
            return group;
        }

        private static PSObject Grouped(object result)
        {
            var wrapped = new PSObject(result);
            wrapped.TypeNames.Insert(0, result.GetType().FullName + GroupedSuffix);
            return wrapped;
        }

        private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);

        private static string Plural(int count) => count == 1 ? string.Empty : "s";

        private static string Describe(object? value) => value is null ? "$null" : "'" + RegressionLoss.Format(value) + "'";

        private static string DescribeType(object value) => value is PSCustomObject ? "a PSCustomObject" : "the " + value.GetType().Name + " " + NumericConversion.Describe(value);

        /// <summary>One result's worth of pairs: its -GroupBy value, accumulator and skipped count.</summary>
        private sealed class GroupState
        {
            public GroupState(object? group, RegressionLossAccumulator? accumulator)
            {
                Group = group;
                Accumulator = accumulator;
            }

            public object? Group { get; }

            /// <summary>Null with -PerObservation, which keeps nothing.</summary>
            public RegressionLossAccumulator? Accumulator { get; }

            public long Skipped { get; set; }
        }
    }
}
