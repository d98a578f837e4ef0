using System;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using PSEstimation.Distributions;
using PSEstimation.Estimation;

namespace PSEstimation.Commands
{
    /// <summary>
    /// -IntervalMethod for Get-Quantile and Get-Probability: checks that the method applies to the
    /// fit (Profile and Bootstrap need the fit's data, so a live Get-MLEstimate result; a posterior
    /// has credible intervals already), runs the bootstrap once per fit, and forms each quantity's
    /// interval by the method.
    /// </summary>
    internal sealed class DerivedIntervalSource
    {
        private readonly DistributionQueryCommand command;
        private readonly IntervalMethod method;
        private readonly int simulations;
        private readonly int? seed;
        private readonly CancellationToken cancellation;
        private BootstrapReplicates? replicates;

        private DerivedIntervalSource(DistributionQueryCommand command, FittedDistribution distribution, IntervalMethod method, int simulations, int? seed, CancellationToken cancellation)
        {
            this.command = command;
            Distribution = distribution;
            this.method = method;
            this.simulations = simulations;
            this.seed = seed;
            this.cancellation = cancellation;
        }

        public FittedDistribution Distribution { get; }

        /// <summary>Terminates unless -Simulations is usable.</summary>
        public static void CheckSimulations(DistributionQueryCommand command, int simulations)
        {
            if (simulations < 2)
            {
                command.Terminate(ErrorIds.InvalidSimulations, $"-Simulations must be at least 2 (999 is the default); got {simulations.ToString(CultureInfo.InvariantCulture)}.", target: simulations);
            }
        }

        /// <summary>The source for <paramref name="distribution"/>, or a terminating error when the method does not apply to it.</summary>
        public static DerivedIntervalSource For(DistributionQueryCommand command, FittedDistribution distribution, IntervalMethod method, int simulations, int? seed, CancellationToken cancellation)
        {
            if (method != IntervalMethod.Wald)
            {
                string? problem =
                    distribution.Model is null ? $"-IntervalMethod {method} is not available for Categorical: its probabilities have Wald intervals only."
                    : distribution.IsPosterior ? $"-IntervalMethod {method} does not apply to a Get-MAPEstimate result: its intervals are posterior (credible) intervals, and a {(method == IntervalMethod.Bootstrap ? "bootstrap resamples the data, not the posterior" : "profile likelihood leaves out the prior")}. Use the default (posterior intervals), or fit with Get-MLEstimate."
                    : null;
                if (problem is not null)
                {
                    command.Terminate(ErrorIds.IntervalMethodNotApplicable, problem, ErrorCategory.InvalidOperation);
                }

                if (distribution.Problem is null)
                {
                    command.Terminate(
                        ErrorIds.IntervalMethodNeedsData,
                        !distribution.FromFit
                            ? $"-IntervalMethod {method} needs a fit (-Estimate): a distribution given by -Parameter has no intervals."
                            : $"-IntervalMethod {method} re-fits the data the fit was made from, which only a live result of Get-MLEstimate in this session carries (a fit from Import-Clixml, a job or JSON has its estimates only). Pipe the data to Get-MLEstimate again, or use -IntervalMethod Wald.",
                        ErrorCategory.InvalidOperation);
                }

                if (method == IntervalMethod.Bootstrap && distribution.Problem?.BootstrapRefusal is string refusal)
                {
                    command.Terminate(ErrorIds.IntervalMethodNotApplicable, refusal, ErrorCategory.InvalidOperation);
                }
            }

            return new DerivedIntervalSource(command, distribution, method, simulations, seed, cancellation);
        }

        /// <summary>The IntervalMethod to report on a result with an interval.</summary>
        public string? MethodName => method == IntervalMethod.Wald ? Distribution.IntervalMethod : method.ToString();

        /// <summary>The quantile with its interval by the method; null when cancelled.</summary>
        public IntervalEstimate? Quantile(double probability, bool upperTail, double level)
        {
            var model = Distribution.Model!;
            var wald = DerivedQuantities.Quantile(model, Distribution.Theta, Distribution.Covariance, probability, upperTail, level);
            switch (method)
            {
                case IntervalMethod.Profile:
                    try
                    {
                        var profile = AlternativeIntervals.ProfileQuantile(Distribution.Problem!, probability, upperTail, level, cancellation);
                        Note(profile.Note);
                        return new IntervalEstimate(wald.Value, wald.StandardError, profile.Lower, profile.Upper);
                    }
                    catch (EstimationException e)
                    {
                        command.Terminate(e.ErrorId, e.Message, ErrorCategory.InvalidOperation);
                        return null;
                    }

                case IntervalMethod.Bootstrap:
                    if (Replicates() is not BootstrapReplicates reps)
                    {
                        return null;
                    }

                    var q = AlternativeIntervals.QuantileFunction(model, probability, upperTail);
                    var interval = reps.Percentile(q, level);
                    return new IntervalEstimate(wald.Value, wald.StandardError, interval?.Lower, interval?.Upper);
                default:
                    return wald;
            }
        }

        /// <summary>S(x) with its interval by the method; null when cancelled.</summary>
        public IntervalEstimate? Survival(double x, double level)
        {
            var model = Distribution.Model!;
            var wald = DerivedQuantities.Survival(model, Distribution.Theta, Distribution.Covariance, x, level);
            switch (method)
            {
                case IntervalMethod.Profile:
                    var profile = AlternativeIntervals.ProfileSurvival(Distribution.Problem!, x, level, cancellation);
                    Note(profile.Note);
                    return new IntervalEstimate(wald.Value, wald.StandardError, profile.Lower, profile.Upper);
                case IntervalMethod.Bootstrap:
                    if (Replicates() is not BootstrapReplicates reps)
                    {
                        return null;
                    }

                    var interval = reps.Percentile(theta => model.Survival(x, theta), level);
                    return new IntervalEstimate(wald.Value, wald.StandardError, interval?.Lower, interval?.Upper);
                default:
                    return wald;
            }
        }

        private BootstrapReplicates? Replicates()
        {
            if (replicates is null)
            {
                replicates = BootstrapRunner.Run(command, Distribution.Problem!, simulations, seed, cancellation, $"Bootstrapping the {Distribution.Name} fit");
                if (replicates is not null && AlternativeIntervals.FailureNote(replicates, Distribution.Name.ToString()) is string note)
                {
                    command.WriteWarning(note);
                }
            }

            return replicates;
        }

        private void Note(string? note)
        {
            if (note is not null)
            {
                command.WriteWarning(note);
            }
        }
    }
}
