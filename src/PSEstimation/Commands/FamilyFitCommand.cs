using System.Collections;
using System.Collections.Generic;
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
    /// slot in EndProcessing, which the subclass supplies. With -GroupBy, one slot per group
    /// and property, each fitted on its own.
    /// </summary>
    public abstract partial class FamilyFitCommand : NumericInputCommand, IInputSink
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
        [ParameterTableTransformation]
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

        /// <summary>
        /// Fit a regression model: the property of each input object that holds the response (an
        /// exact value, which -CensoredAbove/-CensoredBelow may censor), whose distribution's
        /// linked parameter the linear predictor sets (see about_RegressionModels). With
        /// -Predictor, -LowerProperty/-UpperProperty instead give the response as bounds.
        /// </summary>
        // Not Mandatory: the interval form (-LowerProperty/-UpperProperty) replaces it;
        // BeginProcessing requires one of the two forms.
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Response { get; set; }

        /// <summary>The properties that hold the predictors; one whose values are not numbers is categorical.</summary>
        [Parameter]
        [ValidateNotNull]
        public string[]? Predictor { get; set; }

        /// <summary>Leave the intercept out of the regression model.</summary>
        [Parameter]
        public SwitchParameter NoIntercept { get; set; }

        /// <summary>
        /// Whether the cmdlet fits a regression model (-Response, -Predictor or -NoIntercept given).
        /// </summary>
        /// <remarks>
        /// Told apart here rather than by a parameter set of its own: the engine binds each piped
        /// value once per parameter set, so a second set made piping 10^6 values into the
        /// cmdlet about 20 % slower, for no binding it could refuse (every other parameter
        /// belongs to both forms).
        /// </remarks>
        internal bool IsRegression => Response is not null || Predictor is not null || NoIntercept.IsPresent;

        /// <summary>With -Response: the regression's reading and fitting, to which the cmdlet hands over.</summary>
        private RegressionFitting? regression;

        /// <summary>Get-MAPEstimate: the -Prior of a regression; null for Get-MLEstimate.</summary>
        internal virtual object? RegressionPrior => null;

        /// <summary>Whether this cmdlet fits a posterior mode (Get-MAPEstimate).</summary>
        internal virtual bool IsPosteriorFit => false;

        /// <summary>-IntervalMethod and its bootstrap settings for a regression (Get-MLEstimate); Wald otherwise.</summary>
        internal virtual IntervalRequest RegressionIntervals => IntervalRequest.Default;

        /// <summary>Called once the family and the censoring are known, before a regression's rows are read: the subclass checks its own parameters.</summary>
        internal virtual void BeginRegression()
        {
        }

        /// <summary>The family (null for Categorical).</summary>
        internal DistributionFamily? Family { get; private set; }

        /// <summary>-Fixed in parameter order, null where free.</summary>
        internal double?[] FixedValues { get; private set; } = new double?[0];

        /// <summary>Per slot, the family's accumulator.</summary>
        internal List<SampleAccumulator> Samples { get; } = new List<SampleAccumulator>();

        /// <summary>Per slot, the category counts (Categorical only).</summary>
        internal List<CategoricalCounts> CategoricalSamples { get; } = new List<CategoricalCounts>();

        /// <summary>Cancelled by Ctrl+C (StopProcessing).</summary>
        internal CancellationToken Cancellation => cancellation.Token;

        /// <inheritdoc/>
        protected override void BeginProcessing()
        {
            if (!(ConfidenceLevel > 0 && ConfidenceLevel < 1))
            {
                Terminate(ErrorIds.InvalidConfidenceLevel, $"-ConfidenceLevel must be strictly between 0 and 1 (e.g. 0.95); got {ConfidenceLevel.ToString("R", CultureInfo.InvariantCulture)}.", target: ConfidenceLevel);
            }

            if (Weight is not null && WeightProperty is not null)
            {
                Terminate(ErrorIds.InvalidWeight, "Give frequency weights either as -Weight (one per input value) or as -WeightProperty (a property of each input object), not both.");
            }

            if (IsRegression && Distribution == DistributionName.Categorical)
            {
                Terminate(ErrorIds.RegressionNotSupported, "Categorical has no regression model: its probabilities are the relative frequencies of the values.");
            }

            if (Distribution == DistributionName.Categorical)
            {
                if (Fixed is not null && Fixed.Count > 0)
                {
                    Terminate(ErrorIds.UnknownParameter, "Categorical has no parameters to fix: its probabilities are the relative frequencies of the values.");
                }
            }
            else
            {
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
            }

            if (IsRegression)
            {
                if (Response is not null && (LowerProperty is not null || UpperProperty is not null))
                {
                    Terminate(ErrorIds.InvalidCensoring, "Give the response either as -Response (an exact value, which -CensoredAbove/-CensoredBelow may censor) or as bounds (-LowerProperty/-UpperProperty with -Predictor), not both.");
                }

                if (Response is null && (LowerProperty is null || UpperProperty is null))
                {
                    Terminate(ErrorIds.MissingParameter, "A regression needs its response: -Response <property> (an exact value), or -LowerProperty and -UpperProperty (its bounds, an empty bound marking a censored value).");
                }

                BeginRegressionCensoring();
                BeginRegression();
                try
                {
                    regression = new RegressionFitting(this, IsPosteriorFit, RegressionPrior);
                }
                catch (EstimationException e)
                {
                    Terminate(e.ErrorId, e.Message);
                }

                return;
            }

            BeginCensoring();
            BeginFit();
            StartReading(
                new InputOptions
                {
                    LowerProperty = LowerProperty,
                    UpperProperty = UpperProperty,
                    Weights = Weight,
                    WeightProperty = WeightProperty,
                    GroupVerb = "fitted",
                    AllowBoolean = Family?.AcceptsBooleans ?? false,
                    AcceptsAnyScalar = Distribution == DistributionName.Categorical,
                },
                this);
        }

        /// <summary>Called once the family is known, before the first slot is made: the subclass reads its own parameters.</summary>
        internal virtual void BeginFit()
        {
        }

        /// <inheritdoc/>
        void IInputSink.AddSlot(InputSlot slot)
        {
            if (Distribution == DistributionName.Categorical)
            {
                CategoricalSamples.Add(new CategoricalCounts());
            }
            else
            {
                Samples.Add(Family!.CreateAccumulator());
                AddCensoredSlot();
            }

            OnSlotAdded(slot);
        }

        /// <inheritdoc/>
        void IInputSink.AcceptValue(InputSlot slot, double value, double weight, long index, object original)
        {
            if (Censoring is not null && Censoring.TryCensor(value, weight, out var censored))
            {
                CensoredSamples[slot.Index].AddCensored(censored);
                return;
            }

            if (!Family!.CanFit(value, FixedValues))
            {
                Reader.Skip(
                    slot,
                    SkipReason.OutsideSupport,
                    ErrorIds.ValueOutsideSupport,
                    $"Value {NumericConversion.Describe(original)} at index {index}{slot.Suffix} is outside the support of {Family.Name} ({Family.SupportDescription}); it was skipped.",
                    original);
                return;
            }

            if (weight > 0 && IsCensoring)
            {
                CensoredSamples[slot.Index].AddExact(value, weight);
            }
            else if (weight > 0)
            {
                Samples[slot.Index].Add(value, weight);
                OnValueAdded(slot.Index, value, weight);
            }
        }

        /// <inheritdoc/>
        void IInputSink.AcceptScalar(InputSlot slot, object value, double weight, long index)
        {
            if (weight > 0)
            {
                CategoricalSamples[slot.Index].Add(value, weight);
            }
        }

        /// <inheritdoc/>
        bool IInputSink.TryAcceptBulk(InputSlot slot, double[] values, long firstIndex)
        {
            if (Family is not null)
            {
                // The bulk check and copy of 2·10^7 values take a second: let Ctrl+C stop them.
                Samples[slot.Index].Cancellation = Cancellation;
            }

            if (IsCensoring)
            {
                return TryAcceptCensoredBulk(slot, values);
            }

            if (Family is null || !Family.TryAddRange(Samples[slot.Index], values, FixedValues))
            {
                return false;
            }

            OnRangeAdded(slot.Index, values);
            return true;
        }

        /// <summary>Called after a slot's accumulator has been made.</summary>
        internal virtual void OnSlotAdded(InputSlot slot)
        {
        }

        /// <summary>Called after a value has entered slot <paramref name="slot"/>'s sample.</summary>
        internal virtual void OnValueAdded(int slot, double value, double weight)
        {
        }

        /// <summary>Called after a whole array of unit-weight values has entered slot <paramref name="slot"/>'s sample.</summary>
        internal virtual void OnRangeAdded(int slot, double[] values)
        {
        }

        /// <summary>The result for one slot, or null when it has none (cancelled, or a group that could not be fitted).</summary>
        internal abstract object? Complete(InputSlot slot);

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            if (regression is not null)
            {
                regression.Read(InputObject);
                return;
            }

            base.ProcessRecord();
        }

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            if (regression is not null)
            {
                regression.Finish();
                return;
            }

            if (Weight is not null && Weight.Length != Reader.InputCount)
            {
                Terminate(ErrorIds.InvalidWeight, $"-Weight has {Weight.Length} values but the input has {Reader.InputCount}; give one weight per input value.");
            }

            Reader.Finish();
            if (GroupBy is not null)
            {
                RequireSomeValues();
            }

            foreach (var slot in Reader.Slots)
            {
                object? result = Complete(slot);
                if (Cancellation.IsCancellationRequested)
                {
                    return;
                }

                if (result is not null)
                {
                    WriteResult(slot, result);
                }
            }
        }

        /// <inheritdoc/>
        protected override void StopProcessing() => cancellation.Cancel();

        /// <summary>
        /// Reports NoUsableInput when <paramref name="slot"/> has no values and returns false:
        /// terminating without -GroupBy, for that group only with it (see <see cref="NumericInputCommand.FailSlot"/>).
        /// </summary>
        internal bool RequireValues(InputSlot slot)
        {
            double totalWeight = TotalWeight(slot.Index);
            if (double.IsInfinity(totalWeight))
            {
                // Weights that sum beyond the double range (three of 1e308) made n = Infinity: a Normal
                // fit then claimed its variance underflowed, a Categorical one gave every probability 0.
                FailSlot(
                    slot,
                    ErrorIds.InvalidWeight,
                    $"The frequency weights{slot.Suffix} sum to more than the largest double (about 1.8e308), so the sample size is not a number. Divide them by a common factor: the estimates do not change, only the sample size and the standard errors.",
                    ErrorCategory.InvalidData);
                return false;
            }

            if (Distribution == DistributionName.Categorical)
            {
                if (totalWeight <= 0)
                {
                    FailSlot(slot, ErrorIds.NoUsableInput, $"No values{slot.Suffix} to fit a Categorical distribution to.", ErrorCategory.InvalidData);
                    return false;
                }

                return true;
            }

            if (totalWeight <= 0)
            {
                FailSlot(
                    slot,
                    ErrorIds.NoUsableInput,
                    $"No usable values{slot.Suffix} to fit {Family!.Name} to ({slot.SkippedCount} skipped). Expected numbers in its support: {Family.SupportDescription}.",
                    ErrorCategory.InvalidData);
                return false;
            }

            return true;
        }

        /// <summary>With -GroupBy: terminates with NoUsableInput when no group has any usable value (each empty group alone is a non-terminating error).</summary>
        private void RequireSomeValues()
        {
            for (int i = 0; i < Reader.Slots.Count; i++)
            {
                if (TotalWeight(i) > 0)
                {
                    return;
                }
            }

            long skipped = Reader.Skips.Count;
            string what = Family is null ? "a Categorical distribution" : $"{Family.Name}";
            string expected = Family is null ? string.Empty : $" Expected numbers in its support: {Family.SupportDescription}.";
            Terminate(ErrorIds.NoUsableInput, $"No usable values in any group to fit {what} to ({skipped} skipped).{expected}", ErrorCategory.InvalidData);
        }

        private double TotalWeight(int slot)
            => Distribution == DistributionName.Categorical ? CategoricalSamples[slot].TotalWeight
             : IsCensoring ? CensoredSamples[slot].TotalWeight
             : Samples[slot].TotalWeight;
    }
}
