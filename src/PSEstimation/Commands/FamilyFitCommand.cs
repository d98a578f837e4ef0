using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using PSEstimation.Distributions;
using PSEstimation.Input;

namespace PSEstimation.Commands
{
    /// <summary>
    /// What the fitting cmdlets (Get-MLEstimate, Get-MAPEstimate) share: -Distribution, -Fixed,
    /// -ConfidenceLevel and frequency weights; the family built from them; one sample
    /// accumulator per input slot (or category counts for Categorical), filled from the input
    /// layer with values outside the family's support reported and skipped; and the fit of each
    /// slot in EndProcessing, which the subclass supplies.
    /// </summary>
    public abstract class FamilyFitCommand : NumericInputCommand
    {
        private readonly CancellationTokenSource cancellation = new CancellationTokenSource();

        /// <summary>The distribution family to fit.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        // Each name once, the alias Gaussian too: for an enum parameter the engine completes only
        // a ValidateSet (an ArgumentCompleter is never asked), and from the enum's values it lists
        // Normal twice. Every value's name is in the set, so validation never rejects a bound value.
        [ValidateSet(nameof(DistributionName.Normal), nameof(DistributionName.Gaussian), nameof(DistributionName.LogNormal), nameof(DistributionName.Exponential), nameof(DistributionName.Gamma), nameof(DistributionName.Weibull), nameof(DistributionName.Beta), nameof(DistributionName.Laplace), nameof(DistributionName.Logistic), nameof(DistributionName.Cauchy), nameof(DistributionName.StudentT), nameof(DistributionName.Uniform), nameof(DistributionName.Pareto), nameof(DistributionName.Rayleigh), nameof(DistributionName.Poisson), nameof(DistributionName.Bernoulli), nameof(DistributionName.Binomial), nameof(DistributionName.Geometric), nameof(DistributionName.NegativeBinomial), nameof(DistributionName.Categorical))]
        public DistributionName Distribution { get; set; }

        /// <summary>Parameters held fixed during the fit, by name, e.g. @{ Variance = 1 } or @{ Trials = 10 }.</summary>
        [Parameter]
        public Hashtable? Fixed { get; set; }

        /// <summary>
        /// The level of the intervals (Wald intervals for Get-MLEstimate, equal-tailed credible
        /// intervals for Get-MAPEstimate), strictly between 0 and 1 (default 0.95).
        /// </summary>
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

        /// <summary>The family (null for Categorical).</summary>
        internal DistributionFamily? Family { get; private set; }

        /// <summary>-Fixed in parameter order, null where free.</summary>
        internal double?[] FixedValues { get; private set; } = new double?[0];

        /// <summary>Per slot, the family's accumulator.</summary>
        internal SampleAccumulator[] Samples { get; private set; } = new SampleAccumulator[0];

        /// <summary>Per slot, the category counts (Categorical only).</summary>
        internal CategoricalCounts[] CategoricalSamples { get; private set; } = new CategoricalCounts[0];

        /// <summary>Cancelled by Ctrl+C (StopProcessing).</summary>
        internal CancellationToken Cancellation => cancellation.Token;

        internal override bool AllowBoolean => Family?.AcceptsBooleans ?? false;

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

                CategoricalSamples = new CategoricalCounts[SlotCount];
                for (int i = 0; i < CategoricalSamples.Length; i++)
                {
                    CategoricalSamples[i] = new CategoricalCounts();
                }

                return;
            }

            try
            {
                var table = ParameterTable.Read(Fixed, Distribution, nameof(Fixed));
                Family = DistributionFamilies.Create(Distribution, ParameterTable.Constants(table, Distribution));
                FixedValues = ParameterTable.FixedVector(Family, table, nameof(Fixed));
            }
            catch (EstimationException e)
            {
                Terminate(e.ErrorId, e.Message);
            }

            Samples = new SampleAccumulator[SlotCount];
            for (int i = 0; i < Samples.Length; i++)
            {
                Samples[i] = Family!.CreateAccumulator();
            }
        }

        internal override void AcceptValue(int slot, double value, double weight, long index, object original)
        {
            if (!Family!.CanFit(value, FixedValues))
            {
                SkipValue(
                    slot,
                    ErrorIds.ValueOutsideSupport,
                    $"Value {NumericConversion.Describe(original)} at index {index}{SlotSuffix(slot)} is outside the support of {Family.Name} ({Family.SupportDescription}); it was skipped.",
                    original);
                return;
            }

            if (weight > 0)
            {
                Samples[slot].Add(value, weight);
                OnValueAdded(slot, value, weight);
            }
        }

        internal override void AcceptScalar(int slot, object value, double weight, long index)
        {
            if (weight > 0)
            {
                CategoricalSamples[slot].Add(value, weight);
            }
        }

        internal override bool TryAcceptBulk(double[] values, long firstIndex)
        {
            if (Family is not null)
            {
                // The bulk check and copy of 2·10^7 values take a second: let Ctrl+C stop them.
                Samples[0].Cancellation = Cancellation;
            }

            if (Family is null || !Family.TryAddRange(Samples[0], values, FixedValues))
            {
                return false;
            }

            OnRangeAdded(values);
            return true;
        }

        /// <summary>Called after a value has entered slot <paramref name="slot"/>'s sample.</summary>
        internal virtual void OnValueAdded(int slot, double value, double weight)
        {
        }

        /// <summary>Called after a whole array of unit-weight values has entered slot 0's sample.</summary>
        internal virtual void OnRangeAdded(double[] values)
        {
        }

        /// <summary>The result for one slot, or null to stop (cancelled).</summary>
        internal abstract object? Complete(int slot);

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            if (Weight is not null && Weight.Length != InputCount)
            {
                Terminate(ErrorIds.InvalidWeight, $"-Weight has {Weight.Length} values but the input has {InputCount}; give one weight per input value.");
            }

            for (int slot = 0; slot < SlotCount; slot++)
            {
                object? result = Complete(slot);
                if (result is null)
                {
                    return;
                }

                WriteObject(result);
            }
        }

        /// <inheritdoc/>
        protected override void StopProcessing() => cancellation.Cancel();

        /// <summary>Terminates with NoUsableInput when slot <paramref name="slot"/> has no values.</summary>
        internal void RequireValues(int slot)
        {
            double totalWeight = Distribution == DistributionName.Categorical ? CategoricalSamples[slot].TotalWeight : Samples[slot].TotalWeight;
            if (double.IsInfinity(totalWeight))
            {
                // Weights that sum beyond the double range (three of 1e308) made n = Infinity: a Normal
                // fit then claimed its variance underflowed, a Categorical one gave every probability 0.
                Terminate(
                    ErrorIds.InvalidWeight,
                    $"The frequency weights{SlotSuffix(slot)} sum to more than the largest double (about 1.8e308), so the sample size is not a number. Divide them by a common factor: the estimates do not change, only the sample size and the standard errors.",
                    ErrorCategory.InvalidData);
            }

            if (Distribution == DistributionName.Categorical)
            {
                if (CategoricalSamples[slot].TotalWeight <= 0)
                {
                    Terminate(ErrorIds.NoUsableInput, $"No values{SlotSuffix(slot)} to fit a Categorical distribution to.", ErrorCategory.InvalidData);
                }

                return;
            }

            if (Samples[slot].TotalWeight <= 0)
            {
                Terminate(
                    ErrorIds.NoUsableInput,
                    $"No usable values{SlotSuffix(slot)} to fit {Family!.Name} to ({SkippedCounts[slot]} skipped). Expected numbers in its support: {Family.SupportDescription}.",
                    ErrorCategory.InvalidData);
            }
        }
    }
}
