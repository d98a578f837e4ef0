using System.Management.Automation;
using PSEstimation.Estimation;

namespace PSEstimation.Commands
{
    /// <summary>
    /// What Get-Quantile and Get-Probability share beyond the distribution: an answer from a fit
    /// comes with an interval at -ConfidenceLevel, formed by -IntervalMethod (Bootstrap with
    /// -Simulations and -SetSeed).
    /// </summary>
    public abstract class IntervalQueryCommand : DistributionQueryCommand
    {
        /// <summary>The level of the intervals from a fit, strictly between 0 and 1 (default 0.95).</summary>
        [Parameter]
        public double ConfidenceLevel { get; set; } = 0.95;

        /// <summary>How the intervals are formed: Wald (delta method, the default), Profile (profile likelihood of the quantity) or Bootstrap (parametric, percentile); Profile and Bootstrap need a live Get-MLEstimate result.</summary>
        [Parameter(ParameterSetName = ByEstimateSet)]
        public IntervalMethod IntervalMethod { get; set; } = IntervalMethod.Wald;

        /// <summary>With -IntervalMethod Bootstrap, the number of simulated samples (default 999).</summary>
        [Parameter(ParameterSetName = ByEstimateSet)]
        public int Simulations { get; set; } = ParametricBootstrap.DefaultSimulations;

        /// <summary>With -IntervalMethod Bootstrap, the seed of the simulations (as Get-Random -SetSeed): the same intervals on every machine and core count.</summary>
        [Parameter(ParameterSetName = ByEstimateSet)]
        public int? SetSeed { get; set; }

        /// <inheritdoc/>
        protected override void BeginProcessing()
        {
            RequireConfidenceLevel(ConfidenceLevel);
            DerivedIntervalSource.CheckSimulations(this, Simulations);
        }

        /// <summary>Where the intervals of quantities derived from <paramref name="distribution"/> come from.</summary>
        internal DerivedIntervalSource IntervalsFor(FittedDistribution distribution)
            => DerivedIntervalSource.For(this, distribution, IntervalMethod, Simulations, SetSeed, Cancellation);
    }
}
