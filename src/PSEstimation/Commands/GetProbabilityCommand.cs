using System;
using System.Management.Automation;
using PSEstimation.Estimation;
using PSEstimation.Input;

namespace PSEstimation.Commands
{
    /// <summary>
    /// Get-Probability: the density (mass), cumulative and survival (exceedance) probabilities of
    /// a fit or a given distribution at given values, the survival computed directly and in
    /// logs, with its interval from a fit.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "Probability", DefaultParameterSetName = ByEstimateSet)]
    [OutputType(typeof(Probability))]
    public sealed class GetProbabilityCommand : DistributionQueryCommand
    {
        /// <summary>The points: numbers (numeric strings in the invariant culture too), or categories for Categorical.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public object[]? Value { get; set; }

        /// <summary>The level of the survival intervals from a fit, strictly between 0 and 1 (default 0.95).</summary>
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

        internal override void Answer(FittedDistribution distribution)
        {
            var intervals = DerivedIntervalSource.For(this, distribution, IntervalMethod, Simulations, SetSeed, Cancellation);
            for (int i = 0; i < Value!.Length; i++)
            {
                object point = Value[i] is PSObject wrapped ? wrapped.BaseObject : Value[i];
                if (distribution.Categorical is { } categorical)
                {
                    double mass = categorical.Probability(point);
                    WriteResult(new Probability(distribution.Name.ToString(), point, mass, Math.Log(mass), null, null, null, null, null, null, null) { Property = distribution.Property, Group = distribution.Group }, distribution.Group);
                    continue;
                }

                var model = distribution.Model!;
                double x = double.NaN;
                // ±Infinity is a point like any other (F = 0 or 1); NaN is none.
                var failure = point is null ? NumericConversion.Failure.NotANumber : NumericConversion.TryConvert(point, distribution.Name == DistributionName.Bernoulli, out x);
                if (failure == NumericConversion.Failure.NotFinite && double.IsNaN(x))
                {
                    WriteError(new ErrorRecord(new ArgumentException($"-Value NaN at index {i} is not a point; it was skipped."), ErrorIds.NonFiniteValue, ErrorCategory.InvalidData, point));
                    continue;
                }

                if (failure != NumericConversion.Failure.None && failure != NumericConversion.Failure.NotFinite)
                {
                    WriteError(new ErrorRecord(new ArgumentException($"-Value {NumericConversion.Describe(point)} at index {i} is not a number; it was skipped."), ErrorIds.NotANumber, ErrorCategory.InvalidData, point));
                    continue;
                }

                double[] theta = distribution.Theta;
                IntervalEstimate survival;
                try
                {
                    if (intervals.Survival(x, ConfidenceLevel) is not IntervalEstimate found)
                    {
                        return;
                    }

                    survival = found;
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                bool hasInterval = survival.Lower is not null;
                double logDensity = model.LogDensity(x, theta);
                WriteResult(new Probability(
                    distribution.Name.ToString(),
                    x,
                    model.Density(x, theta),
                    logDensity,
                    model.Cdf(x, theta),
                    survival.Value,
                    model.LogSurvival(x, theta),
                    survival.Lower,
                    survival.Upper,
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
