using System.Collections;
using System.Collections.Generic;
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

        /// <summary>The distribution family to fit.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        public DistributionName Distribution { get; set; }

        /// <summary>Parameters held fixed during the fit, by name, e.g. @{ Variance = 1 } or @{ Trials = 10 }.</summary>
        [Parameter]
        public Hashtable? Fixed { get; set; }

        /// <summary>The level of the Wald intervals, strictly between 0 and 1 (default 0.95).</summary>
        [Parameter]
        public double ConfidenceLevel { get; set; } = 0.95;

        /// <inheritdoc/>
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (!(ConfidenceLevel > 0 && ConfidenceLevel < 1))
            {
                Terminate(ErrorIds.InvalidConfidenceLevel, $"-ConfidenceLevel must be strictly between 0 and 1 (e.g. 0.95); got {ConfidenceLevel.ToString("R", CultureInfo.InvariantCulture)}.", target: ConfidenceLevel);
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

        internal override bool AllowBoolean => family?.AcceptsBooleans ?? false;

        internal override void AcceptValue(int slot, double value, long index, object original)
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

            samples[slot].Add(value, 1.0);
        }

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            var estimator = new MaximumLikelihoodEstimator(family!, ConfidenceLevel)
            {
                Trace = WriteVerbose,
                Warn = WriteWarning,
            };

            for (int slot = 0; slot < samples.Length; slot++)
            {
                var sample = samples[slot];
                if (sample.TotalWeight <= 0)
                {
                    Terminate(
                        ErrorIds.NoUsableInput,
                        $"No usable values{SlotSuffix(slot)} to fit {family!.Name} to ({SkippedCounts[slot]} skipped). Expected numbers in its support: {family.SupportDescription}.",
                        ErrorCategory.InvalidData);
                }

                MLEstimate fit;
                try
                {
                    fit = estimator.Fit(sample, fixedValues, cancellation.Token);
                }
                catch (EstimationException e)
                {
                    Terminate(e.ErrorId, e.Message + SlotSuffix(slot), ErrorCategory.InvalidData);
                    return;
                }
                catch (System.OperationCanceledException)
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
    }
}
