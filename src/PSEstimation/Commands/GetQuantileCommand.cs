using System.Globalization;
using System.Management.Automation;
using PSEstimation.Estimation;

namespace PSEstimation.Commands
{
    /// <summary>
    /// Get-Quantile: quantiles (the inverse CDF) of a fit or a given distribution, at lower-tail
    /// probabilities (-Probability) or upper-tail ones (-ExceedanceProbability, solved from the
    /// survival function so that 1e-15 keeps its digits), with delta-method intervals from a fit.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "Quantile", DefaultParameterSetName = ByEstimateSet)]
    [OutputType(typeof(Quantile))]
    public sealed class GetQuantileCommand : IntervalQueryCommand
    {
        /// <summary>Lower-tail probabilities in [0, 1]: the quantile x has P(X &lt;= x) = p (0.5 is the median, 0.99 the p99).</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public double[]? Probability { get; set; }

        /// <summary>Upper-tail probabilities in [0, 1]: the quantile x has P(X &gt; x) = q, computed from the survival function.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public double[]? ExceedanceProbability { get; set; }

        /// <inheritdoc/>
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if ((Probability is null) == (ExceedanceProbability is null))
            {
                Terminate(ErrorIds.MissingParameter, "Give the probabilities as -Probability (lower tail, e.g. 0.5, 0.99) or as -ExceedanceProbability (upper tail, e.g. 1e-6), one of the two.");
            }

            foreach (double p in Probability ?? ExceedanceProbability!)
            {
                if (!(p >= 0 && p <= 1))
                {
                    Terminate(ErrorIds.InvalidProbability, $"{(Probability is null ? "-ExceedanceProbability" : "-Probability")} {p.ToString("R", CultureInfo.InvariantCulture)} is not a probability: expected numbers from 0 to 1.", target: p);
                }
            }
        }

        internal override void Answer(FittedDistribution distribution)
        {
            if (distribution.Model is null)
            {
                Terminate(ErrorIds.NoQuantile, $"{distribution.Name} has no quantiles: its categories have no order. Use Get-Probability for the probability of each category.", ErrorCategory.InvalidOperation);
                return;
            }

            bool upper = Probability is null;
            var intervals = IntervalsFor(distribution);
            foreach (double p in Probability ?? ExceedanceProbability!)
            {
                IntervalEstimate estimate;
                try
                {
                    if (intervals.Quantile(p, upper, ConfidenceLevel) is not IntervalEstimate found)
                    {
                        return;
                    }

                    estimate = found;
                }
                catch (System.OperationCanceledException)
                {
                    return;
                }

                bool hasInterval = estimate.Lower is not null;
                WriteResult(new Quantile(
                    distribution.Name.ToString(),
                    upper ? 1 - p : p,
                    upper ? p : 1 - p,
                    estimate.Value,
                    estimate.StandardError,
                    estimate.Lower,
                    estimate.Upper,
                    hasInterval ? ConfidenceLevel : (double?)null,
                    hasInterval ? intervals.MethodName : null)
                {
                    Property = distribution.Property,
                    Group = distribution.Group,
                }, distribution.Group);
            }
        }
    }
}
