using System.Collections.Generic;
using System.Management.Automation;
using PSEstimation.Distributions;
using PSEstimation.Estimation;
using PSEstimation.Input;

namespace PSEstimation.Commands
{
    /// <summary>
    /// The censored-data part of the fitting cmdlets (issue #15): -CensoredAbove, -CensoredBelow
    /// and the interval form -LowerProperty/-UpperProperty; with any of them, each slot keeps a
    /// <see cref="CensoredSample"/> (the family's accumulator for the exact values, the censored
    /// observations beside it) and is fitted by <see cref="CensoredEstimator"/>.
    /// </summary>
    public abstract partial class FamilyFitCommand : IIntervalSink
    {
        /// <summary>
        /// Right-censoring limit: a value at or above it is only known to be at least this (a
        /// timeout recorded as the timeout).
        /// </summary>
        [Parameter]
        public double? CensoredAbove { get; set; }

        /// <summary>
        /// Left-censoring limit: a value at or below it is only known to be at most this (a
        /// detection limit recorded as the limit).
        /// </summary>
        [Parameter]
        public double? CensoredBelow { get; set; }

        /// <summary>
        /// The interval form (fitdistrplus::fitdistcens): the property holding each observation's
        /// lower bound; empty (null or '') when it is only known to be at most the upper bound.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? LowerProperty { get; set; }

        /// <summary>
        /// The interval form: the property holding each observation's upper bound; empty when it
        /// is only known to be at least the lower bound. Equal bounds are an exact value.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? UpperProperty { get; set; }

        /// <summary>The limits, when -CensoredAbove, -CensoredBelow or the interval form is given.</summary>
        internal CensoringRule? Censoring { get; private set; }

        /// <summary>Whether the fit is a censored one (any censoring parameter given).</summary>
        internal bool IsCensoring => Censoring is not null;

        /// <summary>Per slot, the censored sample (only when <see cref="IsCensoring"/>); its Exact is the slot's entry of Samples.</summary>
        internal List<CensoredSample> CensoredSamples { get; } = new List<CensoredSample>();

        /// <summary>Checks the censoring parameters against each other and the family; terminating errors.</summary>
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

            try
            {
                CensoredEstimator.RequireSupported(Family, FixedValues, Distribution);
                Censoring = CensoringRule.Create(Family!, FixedValues, CensoredAbove, CensoredBelow);
            }
            catch (EstimationException e)
            {
                Terminate(e.ErrorId, e.Message);
            }
        }

        /// <summary>
        /// The censoring of a regression's response: the same checks as for one quantity, and a
        /// clear refusal for Laplace, whose regression is least absolute deviations (a linear
        /// programme with no censored form, and a likelihood with kinks for the Newton search).
        /// </summary>
        private void BeginRegressionCensoring()
        {
            bool any = CensoredAbove is not null || CensoredBelow is not null || LowerProperty is not null || UpperProperty is not null;
            if (any && Distribution == DistributionName.Laplace)
            {
                Terminate(ErrorIds.CensoringNotSupported, "A Laplace regression (least absolute deviations) cannot take censored responses: its likelihood is not smooth in the location the linear predictor sets. Use Normal, Logistic or StudentT for a censored linear model, or Weibull, LogNormal, Exponential, Gamma for survival times.");
            }

            BeginCensoring();
        }

        private void AddCensoredSlot()
        {
            if (IsCensoring)
            {
                int slot = Samples.Count - 1;
                CensoredSamples.Add(new CensoredSample(Samples[slot], Family!.CreateAccumulator()));
            }
        }

        /// <inheritdoc/>
        void IIntervalSink.AcceptInterval(InputSlot slot, double lower, double upper, double weight, long index, object original)
        {
            if (Censoring!.FromBounds(lower, upper, weight, out string? outside) is not Models.Observation observation)
            {
                Reader.Skip(slot, SkipReason.OutsideSupport, ErrorIds.CensoringOutsideSupport, $"The input at index {index}{slot.Suffix}: {outside}; it was skipped.", original);
                return;
            }

            CensoredSamples[slot.Index].AddCensored(observation);
        }

        /// <summary>
        /// The bulk path with -CensoredAbove/-CensoredBelow: the values a limit censors become one
        /// observation ("at least Above" or "at most Below") with their count as its weight, which
        /// is what adding them one by one merges to; the exact values go through the family's bulk check.
        /// </summary>
        private bool TryAcceptCensoredBulk(InputSlot slot, double[] values)
        {
            var rule = Censoring!;
            if (!rule.TrySplit(values, out double[] exactValues, out int atLeast, out int atMost, out bool aboveFirst))
            {
                return false;
            }

            Samples[slot.Index].Cancellation = Cancellation;
            if (!Family!.TryAddRange(Samples[slot.Index], exactValues, FixedValues))
            {
                return false;
            }

            var sample = CensoredSamples[slot.Index];
            sample.AddExactRangeToStart(exactValues);
            if (aboveFirst && atLeast > 0)
            {
                sample.AddCensored(rule.AtLeastAbove(atLeast));
            }

            if (atMost > 0)
            {
                sample.AddCensored(rule.AtMostBelow(atMost));
            }

            if (!aboveFirst && atLeast > 0)
            {
                sample.AddCensored(rule.AtLeastAbove(atLeast));
            }

            return true;
        }
    }
}
