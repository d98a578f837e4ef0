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
    public sealed class GetProbabilityCommand : IntervalQueryCommand
    {
        /// <summary>The points: numbers (numeric strings in the invariant culture too), or categories for Categorical.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public object[]? Value { get; set; }

        internal override void Answer(FittedDistribution distribution)
        {
            var intervals = IntervalsFor(distribution);
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
