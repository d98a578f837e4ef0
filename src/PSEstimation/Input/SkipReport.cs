using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;

namespace PSEstimation.Input
{
    /// <summary>
    /// The error model for unusable input values of one command: each is a non-terminating
    /// error (the PowerShell way: -ErrorAction SilentlyContinue silences them, -ErrorVariable
    /// collects them), but only the first <see cref="ErrorLimit"/>; the rest are only counted.
    /// At the end one warning (when more than one was skipped) sums up what was skipped and why ("60 values skipped: 38 'timeout',
    /// 15 'n/a', 7 empty"), so a column of bad cells is one line to read, not sixty.
    /// </summary>
    internal sealed class SkipReport
    {
        /// <summary>Per-value errors written before the rest are only counted.</summary>
        public const int ErrorLimit = 20;

        // Distinct reasons kept apart in the summary; beyond them (a column of distinct words),
        // the rest are counted as "other", so the tally's memory stays bounded.
        private const int ReasonLimit = 100;

        private const int ReasonsShown = 6;
        private const string OtherReason = "other";

        private readonly Cmdlet cmdlet;
        private readonly Dictionary<string, long> reasons = new Dictionary<string, long>();
        private readonly List<string> reasonOrder = new List<string>();
        private bool capped;

        public SkipReport(Cmdlet cmdlet, string unit = "value")
        {
            this.cmdlet = cmdlet;
            Unit = unit;
        }

        /// <summary>What is skipped: "value", or "pair" for Measure-RegressionLoss.</summary>
        public string Unit { get; }

        /// <summary>How many values this command skipped in all.</summary>
        public long Count { get; private set; }

        /// <summary>How many of them were reported as errors.</summary>
        public long Reported { get; private set; }

        /// <summary>
        /// Counts one skipped value under <paramref name="reason"/> (see <see cref="SkipReason"/>)
        /// and writes its error while fewer than <see cref="ErrorLimit"/> have been written
        /// (<paramref name="report"/> false: only counted, as further objects after the -Property hint).
        /// </summary>
        public void Skip(string reason, string errorId, string message, object? target, bool report = true)
        {
            Count++;
            Tally(reason);
            if (!report)
            {
                return;
            }

            if (Reported >= ErrorLimit)
            {
                capped = true;
                return;
            }

            Reported++;
            if (Reported == ErrorLimit)
            {
                message += $" This is the {ErrorLimit}th unusable {Unit}: further ones are not reported one by one, only counted in a warning at the end.";
            }

            cmdlet.WriteError(new ErrorRecord(new System.ArgumentException(message), errorId, ErrorCategory.InvalidData, target));
        }

        /// <summary>The warning that sums up the skipped values, when more than one was skipped (or one was only counted).</summary>
        public void WriteSummary()
        {
            // One value that was reported needs no sum: its error says it all (and a doc example
            // with one bad cell stays two lines). Only counted ones always need the warning.
            if (Count == 0 || (Count == 1 && Reported == 1))
            {
                return;
            }

            var ordered = reasonOrder
                .Select((reason, order) => (Reason: reason, Count: reasons[reason], Order: reason == OtherReason ? int.MaxValue : order))
                .OrderByDescending(r => r.Count).ThenBy(r => r.Order)
                .ToList();
            var shown = ordered.Take(ordered.Count > ReasonsShown ? ReasonsShown - 1 : ReasonsShown).Select(r => Show(r.Count, r.Reason)).ToList();
            if (ordered.Count > shown.Count)
            {
                long rest = ordered.Skip(shown.Count).Sum(r => r.Count);
                shown.Add(Show(rest, OtherReason));
            }

            string unreported = capped
                ? $" Only the first {Reported} were reported as errors{(Reported == 0 ? string.Empty : " (-ErrorVariable holds them)")}; the others are counted here."
                : string.Empty;
            cmdlet.WriteWarning($"{Count.ToString(CultureInfo.InvariantCulture)} {Unit}{(Count == 1 ? string.Empty : "s")} skipped: {string.Join(", ", shown)}.{unreported}");
        }

        private static string Show(long count, string reason) => count.ToString(CultureInfo.InvariantCulture) + " " + reason;

        private void Tally(string reason)
        {
            if (reasons.TryGetValue(reason, out long count))
            {
                reasons[reason] = count + 1;
                return;
            }

            if (reasons.Count >= ReasonLimit)
            {
                reason = OtherReason;
                if (reasons.TryGetValue(reason, out count))
                {
                    reasons[reason] = count + 1;
                    return;
                }
            }

            reasons[reason] = 1;
            reasonOrder.Add(reason);
        }
    }
}
