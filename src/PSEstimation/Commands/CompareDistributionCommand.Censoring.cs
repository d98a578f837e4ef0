using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PSEstimation.Distributions;
using PSEstimation.Estimation;
using PSEstimation.FitTests;
using PSEstimation.Input;

namespace PSEstimation.Commands
{
    /// <summary>
    /// Censored observations in Compare-Distribution (issue #15): -CensoredAbove, -CensoredBelow
    /// and -LowerProperty/-UpperProperty. Each candidate is fitted by <see cref="CensoredEstimator"/>
    /// to the same observations and ranked by AIC; the EDF and chi-squared statistics, defined
    /// for fully observed samples, are left null, and a family the censored fit cannot take is
    /// left out with a warning. A slot with no censored observation is compared as without them.
    /// </summary>
    public sealed partial class CompareDistributionCommand : IIntervalSink
    {
        private readonly List<List<(double Lower, double Upper, double Weight)>> bounds = new List<List<(double Lower, double Upper, double Weight)>>();

        /// <summary>Right-censoring limit: a value at or above it is only known to be at least this (a timeout recorded as the timeout).</summary>
        [Parameter]
        public double? CensoredAbove { get; set; }

        /// <summary>Left-censoring limit: a value at or below it is only known to be at most this (a detection limit recorded as the limit).</summary>
        [Parameter]
        public double? CensoredBelow { get; set; }

        /// <summary>The interval form (fitdistrplus::fitdistcens): the property holding each observation's lower bound; empty when it is only known to be at most the upper bound.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? LowerProperty { get; set; }

        /// <summary>The interval form: the property holding each observation's upper bound; empty when it is only known to be at least the lower bound. Equal bounds are an exact value.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? UpperProperty { get; set; }

        private bool IsCensoring => new CensoringParameters(CensoredAbove, CensoredBelow, LowerProperty, UpperProperty).Any;

        /// <summary>Checks the censoring parameters against each other (the family-dependent checks come per candidate); terminating errors.</summary>
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

            if (Simulations > 0)
            {
                Terminate(
                    ErrorIds.CensoringNotSupported,
                    "-Simulations cannot be combined with censoring: the bootstrap p-values are those of the EDF statistics of fully observed values, which do not apply to censored observations. Drop -Simulations (the candidates are still ranked by AIC), or drop the censoring.");
            }

            try
            {
                // The limits' own checks (finite, CensoredBelow below CensoredAbove) on a family
                // whose support is the whole line, so only they can fail here.
                var normal = DistributionFamilies.Create(DistributionName.Normal, new Dictionary<string, double>());
                CensoringRule.Create(normal, new double?[normal.Parameters.Count], CensoredAbove, CensoredBelow);
            }
            catch (EstimationException e)
            {
                Terminate(e.ErrorId, e.Message);
            }
        }

        /// <inheritdoc/>
        void IIntervalSink.AcceptInterval(InputSlot slot, double lower, double upper, double weight, long index, object original)
        {
            if (weight != Math.Floor(weight) || weight > int.MaxValue)
            {
                Reader.Skip(slot, SkipReason.InvalidWeight, ErrorIds.InvalidWeight, $"The weight {weight.ToString("R", CultureInfo.InvariantCulture)} of the observation at index {index}{slot.Suffix} is not a whole number; Compare-Distribution counts observations, so it was skipped.", original);
                return;
            }

            while (bounds.Count <= slot.Index)
            {
                bounds.Add(new List<(double Lower, double Upper, double Weight)>());
            }

            bounds[slot.Index].Add((lower, upper, weight));
        }

        private List<(double Lower, double Upper, double Weight)> BoundsOf(InputSlot slot)
            => slot.Index < bounds.Count ? bounds[slot.Index] : new List<(double Lower, double Upper, double Weight)>();

        /// <summary>Whether any observation of the slot is censored (an interval, or a value at or beyond a limit).</summary>
        private bool HasCensoredObservations(InputSlot slot)
            => IsCensoring && (BoundsOf(slot).Count > 0 || Values[slot.Index].Any(x => x >= CensoredAbove || x <= CensoredBelow));

        private IEnumerable<DistributionComparison> CompareCensoredSlot(InputSlot slot)
        {
            var values = Values[slot.Index].ToArray();
            Values[slot.Index].Clear();
            var intervals = BoundsOf(slot);
            double count = values.Length + intervals.Sum(b => b.Weight);

            // The default candidates from every number known: the values and the finite bounds.
            var known = values.Concat(intervals.SelectMany(b => new[] { b.Lower, b.Upper }).Where(x => !double.IsInfinity(x))).ToArray();
            Array.Sort(known);
            bool named = Distribution is not null;
            var outcomes = new List<Candidate>();
            foreach (var family in Candidates(slot, known, checkSupport: false))
            {
                var outcome = Prepare(slot, family, values, intervals, count, named);
                if (outcome is not null)
                {
                    outcomes.Add(outcome);
                }
            }

            if (FitEach(slot, outcomes.Count, i => FitCensored(outcomes[i]), out _) is not List<DistributionComparison> rows)
            {
                return Array.Empty<DistributionComparison>();
            }

            if (rows.Count == 0)
            {
                FailSlot(slot, ErrorIds.NoCandidate, $"No candidate family could be fitted to the {count.ToString("G10", CultureInfo.InvariantCulture)} censored and exact observations{slot.Suffix}.", ErrorCategory.InvalidData);
                return rows;
            }

            Rank(rows);
            return rows;
        }

        /// <summary>
        /// The candidate with its censored sample, or null (with a warning, or a verbose line for a
        /// default candidate whose support misses the data) when the family cannot take every
        /// observation: every candidate is fitted to the same observations.
        /// </summary>
        private Candidate? Prepare(InputSlot slot, DistributionFamily family, double[] values, List<(double Lower, double Upper, double Weight)> intervals, double count, bool named)
        {
            var none = new double?[family.Parameters.Count];
            try
            {
                CensoredEstimator.RequireSupported(family, none, family.Name);
            }
            catch (EstimationException e)
            {
                // Its message points to -Fixed, which Compare-Distribution does not have.
                WriteWarning(e.ErrorId == ErrorIds.CensoringNotSupported
                    ? $"{family.Name} was left out: its censored likelihood is not smooth in a parameter Compare-Distribution would estimate, and the censored fit is a Newton search; fit it with Get-MLEstimate {family.Name} and -Fixed."
                    : $"{family.Name} was left out: {e.Message}");
                return null;
            }

            string? outside = null;
            CensoredSample? sample = null;
            try
            {
                var rule = CensoringRule.Create(family, none, CensoredAbove, CensoredBelow);
                sample = CensoredSample.Build(rule, none, values.Select(x => (x, 1.0)), intervals, out long skipped);
                if (skipped > 0)
                {
                    outside = $"{skipped} of the {count.ToString("G10", CultureInfo.InvariantCulture)} observations{slot.Suffix} are outside its support ({family.SupportDescription}), and every candidate is fitted to the same observations.";
                }
            }
            catch (EstimationException e)
            {
                outside = e.Message;
            }

            if (outside is not null)
            {
                string message = $"{family.Name} was left out: {outside}";
                if (named)
                {
                    WriteWarning(message);
                }
                else
                {
                    WriteVerbose(message);
                }

                return null;
            }

            return new Candidate { Family = family, Sample = sample };
        }

        private Candidate FitCensored(Candidate outcome)
        {
            var family = outcome.Family;
            var sample = outcome.Sample!;
            var estimator = new CensoredEstimator(family, 0.95) { Warn = outcome.Warnings.Add };
            MLEstimate fit;
            try
            {
                fit = estimator.Fit(sample, new double?[family.Parameters.Count], Cancellation);
            }
            catch (EstimationException e)
            {
                outcome.Warnings.Add($"{family.Name} was left out: {e.Message}");
                return outcome;
            }

            // No EDF or chi-squared statistic: they are defined for fully observed values.
            outcome.Row = new DistributionComparison(family.Name.ToString(), sample.TotalWeight, fit) { CensoredCount = fit.CensoredCount };
            return outcome;
        }
    }
}
