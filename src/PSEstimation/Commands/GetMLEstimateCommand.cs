using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using PSEstimation.Distributions;
using PSEstimation.Estimation;
using PSEstimation.Input;

namespace PSEstimation.Commands
{
    /// <summary>
    /// Get-MLEstimate: the maximum-likelihood fit of a distribution to numbers from the pipeline.
    /// Collects in ProcessRecord (sufficient statistics where the family allows it), fits in
    /// EndProcessing, one result per input slot (per -Property name).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MLEstimate")]
    [OutputType(typeof(MLEstimate))]
    public sealed class GetMLEstimateCommand : NumericInputCommand
    {
        private readonly CancellationTokenSource cancellation = new CancellationTokenSource();
        private DistributionFamily? family;
        private double?[] fixedValues = new double?[0];
        private SampleAccumulator[] samples = new SampleAccumulator[0];
        private CategoricalCounts[] categorical = new CategoricalCounts[0];

        /// <summary>The distribution family to fit.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        public DistributionName Distribution { get; set; }

        /// <summary>Parameters held fixed during the fit, by name, e.g. @{ Variance = 1 } or @{ Trials = 10 }.</summary>
        [Parameter]
        public Hashtable? Fixed { get; set; }

        /// <summary>The level of the Wald intervals, strictly between 0 and 1 (default 0.95).</summary>
        [Parameter]
        public double ConfidenceLevel { get; set; } = 0.95;

        /// <summary>Frequency weights, one per input value in input order: a value with weight 3 counts as three observations.</summary>
        [Parameter]
        [ValidateNotNull]
        public double[]? Weight { get; set; }

        /// <summary>The property of each input object that holds its frequency weight (a count).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? WeightProperty { get; set; }

        internal override bool AllowBoolean => family?.AcceptsBooleans ?? false;

        internal override bool AcceptsAnyScalar => Distribution == DistributionName.Categorical;

        internal override double[]? WeightValues => Weight;

        internal override string? WeightPropertyName => WeightProperty;

        /// <inheritdoc/>
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (!(ConfidenceLevel > 0 && ConfidenceLevel < 1))
            {
                Terminate(ErrorIds.InvalidConfidenceLevel, $"-ConfidenceLevel must be strictly between 0 and 1 (e.g. 0.95); got {ConfidenceLevel.ToString("R", CultureInfo.InvariantCulture)}.", target: ConfidenceLevel);
            }

            if (Weight is not null && WeightProperty is not null)
            {
                Terminate(ErrorIds.InvalidWeight, "Give frequency weights either as -Weight (one per input value) or as -WeightProperty (a property of each input object), not both.");
            }

            if (Distribution == DistributionName.Categorical)
            {
                if (Fixed is not null && Fixed.Count > 0)
                {
                    Terminate(ErrorIds.UnknownParameter, "Categorical has no parameters to fix: its probabilities are the relative frequencies of the values.");
                }

                categorical = new CategoricalCounts[SlotCount];
                for (int i = 0; i < categorical.Length; i++)
                {
                    categorical[i] = new CategoricalCounts();
                }

                return;
            }

            try
            {
                var table = ParameterTable.Read(Fixed, Distribution, nameof(Fixed));
                family = DistributionFamilies.Create(Distribution, ParameterTable.Constants(table, Distribution));
                fixedValues = ParameterTable.FixedVector(family, table, nameof(Fixed));
            }
            catch (EstimationException e)
            {
                Terminate(e.ErrorId, e.Message);
            }

            samples = new SampleAccumulator[SlotCount];
            for (int i = 0; i < samples.Length; i++)
            {
                samples[i] = family!.CreateAccumulator();
            }
        }

        internal override void AcceptValue(int slot, double value, double weight, long index, object original)
        {
            if (!family!.CanFit(value, fixedValues))
            {
                SkipValue(
                    slot,
                    ErrorIds.ValueOutsideSupport,
                    $"Value {NumericConversion.Describe(original)} at index {index}{SlotSuffix(slot)} is outside the support of {family.Name} ({family.SupportDescription}); it was skipped.",
                    original);
                return;
            }

            if (weight > 0)
            {
                samples[slot].Add(value, weight);
            }
        }

        internal override void AcceptScalar(int slot, object value, double weight, long index)
        {
            if (weight > 0)
            {
                categorical[slot].Add(value, weight);
            }
        }

        internal override bool TryAcceptBulk(double[] values, long firstIndex)
            => family is not null && family.TryAddRange(samples[0], values, fixedValues);

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            if (Weight is not null && Weight.Length != InputCount)
            {
                Terminate(ErrorIds.InvalidWeight, $"-Weight has {Weight.Length} values but the input has {InputCount}; give one weight per input value.");
            }

            for (int slot = 0; slot < SlotCount; slot++)
            {
                MLEstimate? fit = Distribution == DistributionName.Categorical ? FitCategorical(slot) : FitFamily(slot);
                if (fit is null)
                {
                    return;
                }

                fit.Property = Property?[slot];
                fit.SkippedCount = SkippedCounts[slot];
                WriteObject(fit);
            }
        }

        /// <inheritdoc/>
        protected override void StopProcessing() => cancellation.Cancel();

        private MLEstimate? FitFamily(int slot)
        {
            var sample = samples[slot];
            if (sample.TotalWeight <= 0)
            {
                Terminate(
                    ErrorIds.NoUsableInput,
                    $"No usable values{SlotSuffix(slot)} to fit {family!.Name} to ({SkippedCounts[slot]} skipped). Expected numbers in its support: {family.SupportDescription}.",
                    ErrorCategory.InvalidData);
            }

            RequireFiniteTotalWeight(sample.TotalWeight, slot);
            var estimator = new MaximumLikelihoodEstimator(family!, ConfidenceLevel)
            {
                Trace = WriteVerbose,
                Warn = WriteWarning,
            };

            try
            {
                return estimator.Fit(sample, fixedValues, cancellation.Token);
            }
            catch (EstimationException e)
            {
                Terminate(e.ErrorId, e.Message + SlotSuffix(slot), ErrorCategory.InvalidData);
                return null;
            }
            catch (System.OperationCanceledException)
            {
                return null;
            }
        }

        private MLEstimate? FitCategorical(int slot)
        {
            if (categorical[slot].TotalWeight <= 0)
            {
                Terminate(ErrorIds.NoUsableInput, $"No values{SlotSuffix(slot)} to fit a Categorical distribution to.", ErrorCategory.InvalidData);
                return null;
            }

            RequireFiniteTotalWeight(categorical[slot].TotalWeight, slot);
            return CategoricalEstimator.Fit(categorical[slot], ConfidenceLevel);
        }

        /// <summary>
        /// Weights that sum beyond the double range (three of 1e308) made n = Infinity: a Normal fit
        /// then claimed its variance underflowed, a Categorical one gave every probability 0.
        /// </summary>
        private void RequireFiniteTotalWeight(double totalWeight, int slot)
        {
            if (double.IsInfinity(totalWeight))
            {
                Terminate(
                    ErrorIds.InvalidWeight,
                    $"The frequency weights{SlotSuffix(slot)} sum to more than the largest double (about 1.8e308), so the sample size is not a number. Divide them by a common factor: the estimates do not change, only the sample size and the standard errors.",
                    ErrorCategory.InvalidData);
            }
        }
    }
}
