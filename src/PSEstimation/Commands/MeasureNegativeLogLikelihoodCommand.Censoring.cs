using System.Management.Automation;
using PSEstimation.Distributions;
using PSEstimation.Estimation;
using PSEstimation.Input;

namespace PSEstimation.Commands
{
    /// <summary>
    /// Censored observations in Measure-NegativeLogLikelihood (issue #15): -CensoredAbove,
    /// -CensoredBelow and -LowerProperty/-UpperProperty, each censored observation contributing
    /// -log S, -log F or -log(F(u) - F(l)) to the NLL, in log space.
    /// </summary>
    public sealed partial class MeasureNegativeLogLikelihoodCommand : IIntervalSink
    {
        /// <summary>Right-censoring limit: a value at or above it is only known to be at least this.</summary>
        [Parameter]
        public double? CensoredAbove { get; set; }

        /// <summary>Left-censoring limit: a value at or below it is only known to be at most this.</summary>
        [Parameter]
        public double? CensoredBelow { get; set; }

        /// <summary>The interval form: the property holding each observation's lower bound (empty: at most the upper bound).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? LowerProperty { get; set; }

        /// <summary>The interval form: the property holding each observation's upper bound (empty: at least the lower bound; equal bounds: exact).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? UpperProperty { get; set; }

        private CensoringRule? Censoring { get; set; }

        private void BeginCensoring()
        {
            var given = new CensoringParameters(CensoredAbove, CensoredBelow, LowerProperty, UpperProperty);
            if (!given.Any)
            {
                return;
            }

            if (given.Conflict(Property is not null) is string conflict)
            {
                Terminate(ErrorIds.InvalidCensoring, conflict);
            }

            if (family?.Model is null)
            {
                Terminate(ErrorIds.CensoringNotSupported, "Categorical observations cannot be censored: a category has no order, so 'at least' and 'at most' mean nothing.");
            }

            try
            {
                var fixedAll = new double?[theta.Length];
                for (int i = 0; i < theta.Length; i++)
                {
                    fixedAll[i] = theta[i];
                }

                Censoring = CensoringRule.Create(family!, fixedAll, CensoredAbove, CensoredBelow);
            }
            catch (EstimationException e)
            {
                Terminate(e.ErrorId, e.Message);
            }
        }

        /// <inheritdoc/>
        void IIntervalSink.AcceptInterval(InputSlot slot, double lower, double upper, double weight, long index, object original)
        {
            if (Censoring!.FromBounds(lower, upper, 1.0, out string? outside) is not Models.Observation observation)
            {
                Reader.Skip(slot, SkipReason.OutsideSupport, ErrorIds.CensoringOutsideSupport, $"The input at index {index}{slot.Suffix}: {outside}; it was skipped.", original);
                return;
            }

            double nll;
            try
            {
                nll = evaluators[slot.Index].AddCensored(observation, index);
            }
            catch (EstimationException e)
            {
                Terminate(e.ErrorId, e.Message + slot.Suffix, ErrorCategory.InvalidResult, original);
                return;
            }

            if (PerObservation)
            {
                double shown = double.IsNegativeInfinity(observation.Lower) ? observation.Upper : lower;
                WriteObject(new ObservationNegativeLogLikelihood(index, shown, nll, slot.Property));
            }
        }
    }
}
