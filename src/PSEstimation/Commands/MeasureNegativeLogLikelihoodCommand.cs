using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using PSEstimation.Distributions;
using PSEstimation.Estimation;
using PSEstimation.Input;

namespace PSEstimation.Commands
{
    /// <summary>
    /// Measure-NegativeLogLikelihood: the NLL of the values from the pipeline at given
    /// parameters (-Parameter, or a fit's -Estimate), with its gradient and the expected Fisher
    /// information; with -PerObservation, each value's NLL as it arrives. Streams: keeps
    /// compensated sums only, never the values.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Measure, "NegativeLogLikelihood", DefaultParameterSetName = ByParameterSet)]
    [OutputType(typeof(NegativeLogLikelihood), typeof(ObservationNegativeLogLikelihood))]
    public sealed partial class MeasureNegativeLogLikelihoodCommand : NumericInputCommand, IInputSink
    {
        private const string ByParameterSet = "ByParameter";
        private const string ByEstimateSet = "ByEstimate";

        private readonly List<NegativeLogLikelihoodEvaluator> evaluators = new List<NegativeLogLikelihoodEvaluator>();
        private DistributionFamily? family;
        private double[] theta = new double[0];
        private List<CategoricalLikelihood>? categorical;
        private IDictionary? categoricalTable;
        private string categoricalSource = string.Empty;

        /// <summary>
        /// The distribution family whose likelihood is evaluated. With -Estimate it may be given
        /// too (as after Get-MLEstimate Normal), and must then be the fit's own distribution.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByParameterSet)]
        [Parameter(Position = 0, ParameterSetName = ByEstimateSet)]
        // Each name once, the alias Gaussian too: for an enum parameter the engine completes only
        // a ValidateSet (an ArgumentCompleter is never asked), and from the enum's values it lists
        // Normal twice. Every value's name is in the set, so validation never rejects a bound value.
        [ValidateSet(nameof(DistributionName.Normal), nameof(DistributionName.Gaussian), nameof(DistributionName.LogNormal), nameof(DistributionName.Exponential), nameof(DistributionName.Gamma), nameof(DistributionName.Weibull), nameof(DistributionName.Beta), nameof(DistributionName.Laplace), nameof(DistributionName.Logistic), nameof(DistributionName.Cauchy), nameof(DistributionName.StudentT), nameof(DistributionName.Uniform), nameof(DistributionName.Pareto), nameof(DistributionName.Rayleigh), nameof(DistributionName.Poisson), nameof(DistributionName.Bernoulli), nameof(DistributionName.Binomial), nameof(DistributionName.Geometric), nameof(DistributionName.NegativeBinomial), nameof(DistributionName.Categorical))]
        public DistributionName Distribution { get; set; }

        /// <summary>
        /// Every parameter's value by name, e.g. @{ Mean = 2; Variance = 1 } (Binomial also
        /// needs Trials). A fit's Estimate ($fit.Estimate) is accepted as it is, also after a
        /// round trip (Import-Clixml, or ConvertFrom-Json, whose tables are objects).
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = ByParameterSet)]
        [ParameterTableTransformation]
        public IDictionary? Parameter { get; set; }

        /// <summary>
        /// A fit result (MLEstimate, MAPEstimate, or any object with Distribution and Estimate
        /// properties: a deserialized fit from Import-Clixml or Receive-Job, or one from
        /// ConvertFrom-Json) whose distribution and parameter values are used.
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = ByEstimateSet)]
        public PSObject? Estimate { get; set; }

        /// <summary>Write one object per value (Index, Value, NegativeLogLikelihood) as it arrives, instead of the summary.</summary>
        [Parameter]
        public SwitchParameter PerObservation { get; set; }

        /// <inheritdoc/>
        protected override void BeginProcessing()
        {
            ReadModel();
            BeginCensoring();
            StartReading(
                new InputOptions
                {
                    LowerProperty = LowerProperty,
                    UpperProperty = UpperProperty,
                    // A fit read from objects knows its property: objects that have it are read through it.
                    ImpliedProperty = ParameterSetName == ByEstimateSet ? Estimate?.Properties["Property"]?.Value as string : null,
                    AllowBoolean = family?.AcceptsBooleans ?? false,
                    AcceptsAnyScalar = categorical is not null,
                },
                this);
        }

        private void ReadModel()
        {
            try
            {
                DistributionName name;
                IDictionary? table;
                string source;
                if (ParameterSetName == ByEstimateSet)
                {
                    var fit = EstimateReader.Read(Estimate);
                    (name, table) = (fit.Distribution, fit.Values);
                    source = nameof(Estimate);
                    if (MyInvocation.BoundParameters.ContainsKey(nameof(Distribution)) && Distribution != name
                        && !(Distribution == DistributionName.Gaussian && name == DistributionName.Normal))
                    {
                        throw new EstimationException(
                            ErrorIds.InvalidEstimate,
                            $"-Distribution {Distribution} disagrees with -Estimate, a {name} fit. Drop -Distribution (the fit carries its distribution) or pass a {Distribution} fit.");
                    }
                }
                else
                {
                    name = Distribution;
                    table = Parameter;
                    source = nameof(Parameter);
                }

                if (name == DistributionName.Categorical)
                {
                    // Read once here, so that a bad table is an error before any input; again per slot.
                    CategoricalLikelihood.FromTable(table, source);
                    categorical = new List<CategoricalLikelihood>();
                    categoricalTable = table;
                    categoricalSource = source;
                    return;
                }

                // An unimplemented family says so before its parameter names are checked.
                DistributionFamilies.CreateForDescription(name);
                var values = ParameterTable.Read(table, name, source);
                family = DistributionFamilies.Create(name, ParameterTable.Constants(values, name));
                theta = ParameterTable.FullVector(family, values, source);
                if (family.ParameterConstraintViolation(theta) is string problem)
                {
                    throw new EstimationException(
                        ErrorIds.InvalidParameterValue,
                        $"-{source} gives {NegativeLogLikelihoodEvaluator.DescribeParameters(family, theta)}: {problem} Expected: {ParameterTable.Expected(name)}.");
                }
            }
            catch (EstimationException e)
            {
                Terminate(e.ErrorId, e.Message);
            }
        }

        /// <inheritdoc/>
        void IInputSink.AddSlot(InputSlot slot)
        {
            if (categorical is not null)
            {
                categorical.Add(CategoricalLikelihood.FromTable(categoricalTable, categoricalSource));
                return;
            }

            evaluators.Add(new NegativeLogLikelihoodEvaluator(family!, theta, computeGradient: !PerObservation));
        }

        /// <inheritdoc/>
        void IInputSink.AcceptScalar(InputSlot slot, object value, double weight, long index)
        {
            double nll = categorical![slot.Index].Add(value, index);
            if (PerObservation)
            {
                WriteObject(new ObservationNegativeLogLikelihood(index, value, nll, slot.Property));
            }
        }

        /// <inheritdoc/>
        void IInputSink.AcceptValue(InputSlot slot, double value, double weight, long index, object original)
        {
            double nll;
            try
            {
                nll = Censoring is not null && Censoring.TryCensor(value, 1.0, out var censored)
                    ? evaluators[slot.Index].AddCensored(censored, index)
                    : evaluators[slot.Index].Add(value, index);
            }
            catch (EstimationException e)
            {
                Terminate(e.ErrorId, e.Message + slot.Suffix, ErrorCategory.InvalidResult, original);
                return;
            }

            if (PerObservation)
            {
                WriteObject(new ObservationNegativeLogLikelihood(index, value, nll, slot.Property));
            }
        }

        /// <inheritdoc/>
        bool IInputSink.TryAcceptBulk(InputSlot slot, double[] values, long firstIndex) => false;

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            Reader.Finish();
            if (GroupBy is not null && Reader.Slots.TrueForAll(slot => SlotCount(slot) == 0))
            {
                Terminate(
                    ErrorIds.NoUsableInput,
                    $"No usable values in any group to evaluate the {(family is null ? "Categorical" : family.Name.ToString())} likelihood at ({Reader.Skips.Count} skipped).",
                    ErrorCategory.InvalidData);
            }

            if (categorical is not null)
            {
                EndCategorical(categorical);
                return;
            }

            foreach (var slot in Reader.Slots)
            {
                var evaluator = evaluators[slot.Index];
                if (evaluator.Count == 0)
                {
                    FailSlot(
                        slot,
                        ErrorIds.NoUsableInput,
                        $"No usable values{slot.Suffix} to evaluate the {family!.Name} likelihood at ({slot.SkippedCount} skipped). Expected numbers; the support is {family.SupportDescription}.",
                        ErrorCategory.InvalidData);
                    continue;
                }

                if (evaluator.ZeroLikelihoodCount > 0)
                {
                    WriteWarning(ZeroLikelihoodWarning(evaluator, slot));
                }

                if (!PerObservation)
                {
                    var result = evaluator.ToResult(slot.Property, slot.SkippedCount);
                    result.Group = slot.Group.Value;
                    result.CensoredCount = evaluator.CensoredCount;
                    WriteResult(slot, result);
                }
            }
        }

        private long SlotCount(InputSlot slot) => categorical is not null ? categorical[slot.Index].Count : evaluators[slot.Index].Count;

        private void EndCategorical(List<CategoricalLikelihood> slots)
        {
            foreach (var slot in Reader.Slots)
            {
                var likelihood = slots[slot.Index];
                if (likelihood.Count == 0)
                {
                    FailSlot(slot, ErrorIds.NoUsableInput, $"No values{slot.Suffix} to evaluate the Categorical likelihood at.", ErrorCategory.InvalidData);
                    continue;
                }

                if (likelihood.ZeroLikelihoodCount > 0)
                {
                    string indices = string.Join(", ", likelihood.FirstZeroLikelihoodIndices.Select(i => i.ToString(CultureInfo.InvariantCulture)));
                    WriteWarning($"{likelihood.ZeroLikelihoodCount} of {likelihood.Count} values{slot.Suffix} (at indices {indices}{(likelihood.ZeroLikelihoodCount > likelihood.FirstZeroLikelihoodIndices.Count ? " and more" : string.Empty)}) are categories with no probability in the table: their NLL is +Infinity.{(PerObservation ? string.Empty : " The total NLL is +Infinity and its gradient NaN.")}");
                }

                if (!PerObservation)
                {
                    var result = likelihood.ToResult(slot.Property, slot.SkippedCount);
                    result.Group = slot.Group.Value;
                    WriteResult(slot, result);
                }
            }
        }

        private string ZeroLikelihoodWarning(NegativeLogLikelihoodEvaluator evaluator, InputSlot slot)
        {
            long count = evaluator.ZeroLikelihoodCount, outside = evaluator.OutsideSupportCount;
            bool one = count == 1;
            string model = $"{family!.Name}({NegativeLogLikelihoodEvaluator.DescribeParameters(family, evaluator.Theta)})";
            string indices = string.Join(", ", evaluator.FirstZeroLikelihoodIndices.Select(i => i.ToString(CultureInfo.InvariantCulture)));
            long more = count - evaluator.FirstZeroLikelihoodIndices.Count;
            string who = one
                ? $"The value at index {indices}{slot.Suffix} has zero likelihood under {model}"
                : $"{count} of {evaluator.Count} values{slot.Suffix} have zero likelihood under {model}, at indices {indices}{(more > 0 ? $" and {more} more" : string.Empty)}";
            string outsideText = $"outside the support ({family.SupportDescription}) at these parameters";
            string infiniteText = "a log-density of -Infinity (a probability of exactly 0, or a density too small for its logarithm to be a double)";
            string why = outside == count
                ? (one ? "it is " : "they are ") + outsideText
                : outside == 0
                    ? (one ? "it has " : "they have ") + infiniteText
                    : $"{outside} {outsideText}, {count - outside} with {infiniteText}";
            string total = PerObservation ? string.Empty : " The total NLL is +Infinity and its gradient NaN.";
            return $"{who}: {why}. {(one ? "Its" : "Their")} NLL is +Infinity.{total}";
        }
    }
}
