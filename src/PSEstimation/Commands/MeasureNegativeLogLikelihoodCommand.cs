using System;
using System.Collections;
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
    public sealed class MeasureNegativeLogLikelihoodCommand : NumericInputCommand
    {
        private const string ByParameterSet = "ByParameter";
        private const string ByEstimateSet = "ByEstimate";

        private DistributionFamily? family;
        private NegativeLogLikelihoodEvaluator[] evaluators = new NegativeLogLikelihoodEvaluator[0];
        private CategoricalLikelihood[]? categorical;

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

        internal override bool AllowBoolean => family?.AcceptsBooleans ?? false;

        internal override bool AcceptsAnyScalar => categorical is not null;

        /// <inheritdoc/>
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            double[] theta = new double[0];
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
                    categorical = new CategoricalLikelihood[SlotCount];
                    for (int slot = 0; slot < categorical.Length; slot++)
                    {
                        categorical[slot] = CategoricalLikelihood.FromTable(table, source);
                    }

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

            evaluators = new NegativeLogLikelihoodEvaluator[SlotCount];
            for (int slot = 0; slot < evaluators.Length; slot++)
            {
                evaluators[slot] = new NegativeLogLikelihoodEvaluator(family!, theta, computeGradient: !PerObservation);
            }
        }

        internal override void AcceptScalar(int slot, object value, double weight, long index)
        {
            double nll = categorical![slot].Add(value, index);
            if (PerObservation)
            {
                WriteObject(new ObservationNegativeLogLikelihood(index, value, nll, Property?[slot]));
            }
        }

        internal override void AcceptValue(int slot, double value, double weight, long index, object original)
        {
            double nll;
            try
            {
                nll = evaluators[slot].Add(value, index);
            }
            catch (EstimationException e)
            {
                Terminate(e.ErrorId, e.Message + SlotSuffix(slot), ErrorCategory.InvalidResult, original);
                return;
            }

            if (PerObservation)
            {
                WriteObject(new ObservationNegativeLogLikelihood(index, value, nll, Property?[slot]));
            }
        }

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            if (categorical is not null)
            {
                EndCategorical(categorical);
                return;
            }

            for (int slot = 0; slot < evaluators.Length; slot++)
            {
                var evaluator = evaluators[slot];
                if (evaluator.Count == 0)
                {
                    Terminate(
                        ErrorIds.NoUsableInput,
                        $"No usable values{SlotSuffix(slot)} to evaluate the {family!.Name} likelihood at ({SkippedCounts[slot]} skipped). Expected numbers; the support is {family.SupportDescription}.",
                        ErrorCategory.InvalidData);
                }

                if (evaluator.ZeroLikelihoodCount > 0)
                {
                    WriteWarning(ZeroLikelihoodWarning(evaluator, slot));
                }

                if (!PerObservation)
                {
                    WriteObject(evaluator.ToResult(Property?[slot], SkippedCounts[slot]));
                }
            }
        }

        private void EndCategorical(CategoricalLikelihood[] slots)
        {
            for (int slot = 0; slot < slots.Length; slot++)
            {
                var likelihood = slots[slot];
                if (likelihood.Count == 0)
                {
                    Terminate(ErrorIds.NoUsableInput, $"No values{SlotSuffix(slot)} to evaluate the Categorical likelihood at.", ErrorCategory.InvalidData);
                }

                if (likelihood.ZeroLikelihoodCount > 0)
                {
                    string indices = string.Join(", ", likelihood.FirstZeroLikelihoodIndices.Select(i => i.ToString(CultureInfo.InvariantCulture)));
                    WriteWarning($"{likelihood.ZeroLikelihoodCount} of {likelihood.Count} values{SlotSuffix(slot)} (at indices {indices}{(likelihood.ZeroLikelihoodCount > likelihood.FirstZeroLikelihoodIndices.Count ? " and more" : string.Empty)}) are categories with no probability in the table: their NLL is +Infinity.{(PerObservation ? string.Empty : " The total NLL is +Infinity and its gradient NaN.")}");
                }

                if (!PerObservation)
                {
                    WriteObject(likelihood.ToResult(Property?[slot], SkippedCounts[slot]));
                }
            }
        }

        private string ZeroLikelihoodWarning(NegativeLogLikelihoodEvaluator evaluator, int slot)
        {
            long count = evaluator.ZeroLikelihoodCount, outside = evaluator.OutsideSupportCount;
            bool one = count == 1;
            string model = $"{family!.Name}({NegativeLogLikelihoodEvaluator.DescribeParameters(family, evaluator.Theta)})";
            string indices = string.Join(", ", evaluator.FirstZeroLikelihoodIndices.Select(i => i.ToString(CultureInfo.InvariantCulture)));
            long more = count - evaluator.FirstZeroLikelihoodIndices.Count;
            string who = one
                ? $"The value at index {indices}{SlotSuffix(slot)} has zero likelihood under {model}"
                : $"{count} of {evaluator.Count} values{SlotSuffix(slot)} have zero likelihood under {model}, at indices {indices}{(more > 0 ? $" and {more} more" : string.Empty)}";
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
