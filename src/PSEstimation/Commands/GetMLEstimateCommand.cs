using System.Globalization;
using System.Management.Automation;
using PSEstimation.Distributions;
using PSEstimation.Estimation;
using PSEstimation.Input;

namespace PSEstimation.Commands
{
    /// <summary>
    /// Get-MLEstimate: the maximum-likelihood fit of a distribution to numbers from the pipeline.
    /// Collects in ProcessRecord (sufficient statistics where the family allows it), fits in
    /// EndProcessing, one result per input slot (per -Property name, per -GroupBy group).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MLEstimate")]
    [OutputType(typeof(MLEstimate), typeof(RegressionEstimate))]
    public sealed class GetMLEstimateCommand : FamilyFitCommand
    {
        /// <summary>How the intervals of the parameters (and of a regression's coefficients) are formed: Wald (default), Profile (profile likelihood) or Bootstrap (parametric, percentile).</summary>
        [Parameter]
        public IntervalMethod IntervalMethod { get; set; } = IntervalMethod.Wald;

        /// <summary>With -IntervalMethod Bootstrap, the number of simulated samples (default 999).</summary>
        [Parameter]
        public int Simulations { get; set; } = ParametricBootstrap.DefaultSimulations;

        /// <summary>With -IntervalMethod Bootstrap, the seed of the simulations (as Get-Random -SetSeed): the same intervals on every machine and core count.</summary>
        [Parameter]
        public int? SetSeed { get; set; }

        /// <inheritdoc/>
        internal override IntervalRequest RegressionIntervals => new IntervalRequest(IntervalMethod, Simulations, SetSeed);

        internal override void BeginRegression() => CheckIntervalMethod();

        internal override void BeginFit()
        {
            CheckIntervalMethod();
            if (IntervalMethod != IntervalMethod.Wald && Distribution == DistributionName.Categorical)
            {
                Terminate(ErrorIds.IntervalMethodNotApplicable, $"-IntervalMethod {IntervalMethod} is not available for Categorical: its intervals are Wald intervals of each relative frequency.");
            }
        }

        /// <summary>Terminates when -Simulations is unusable or the bootstrap cannot censor simulated data as the input was.</summary>
        private void CheckIntervalMethod()
        {
            if (Simulations < 2)
            {
                Terminate(ErrorIds.InvalidSimulations, $"-Simulations must be at least 2 (999 is the default); got {Simulations.ToString(CultureInfo.InvariantCulture)}.", target: Simulations);
            }

            if (IntervalMethod == IntervalMethod.Bootstrap && FitProblem.BootstrapRefusalFor(Censoring) is string refusal)
            {
                Terminate(ErrorIds.IntervalMethodNotApplicable, refusal);
            }
        }

        internal override object? Complete(InputSlot slot)
        {
            if (!RequireValues(slot))
            {
                return null;
            }

            MLEstimate? fit = Distribution == DistributionName.Categorical
                ? CategoricalEstimator.Fit(CategoricalSamples[slot.Index], ConfidenceLevel)
                : FitFamily(slot);
            if (fit is not null)
            {
                fit.Property = slot.Property;
                fit.Group = slot.Group.Value;
                fit.SkippedCount = slot.SkippedCount;
            }

            return fit;
        }

        private MLEstimate? FitFamily(InputSlot slot)
        {
            System.Action<string> warn = slot.Group.IsNamed ? message => WriteWarning(message + slot.Suffix) : WriteWarning;
            var estimator = new MaximumLikelihoodEstimator(Family!, ConfidenceLevel)
            {
                Trace = WriteVerbose,
                Warn = warn,
            };

            try
            {
                if (IsCensoring)
                {
                    var censored = new CensoredEstimator(Family!, ConfidenceLevel) { Trace = estimator.Trace, Warn = estimator.Warn };
                    var censoredFit = censored.Fit(CensoredSamples[slot.Index], FixedValues, Cancellation);
                    censoredFit.Problem = new FitProblem(Family!, CensoredSamples[slot.Index], Censoring!, FixedValues, Estimates(censoredFit), censoredFit.LogLikelihood);
                    return ApplyIntervalMethod(censoredFit, warn) ? censoredFit : null;
                }

                var fit = estimator.Fit(Samples[slot.Index], FixedValues, Cancellation);
                fit.Problem = new FitProblem(Family!, Samples[slot.Index], FixedValues, Estimates(fit), fit.LogLikelihood);
                return ApplyIntervalMethod(fit, warn) ? fit : null;
            }
            catch (EstimationException e)
            {
                FailSlot(slot, e.ErrorId, e.Message + slot.Suffix, ErrorCategory.InvalidData);
                return null;
            }
            catch (System.OperationCanceledException)
            {
                return null;
            }
        }

        private static double[] Estimates(MLEstimate fit)
        {
            var theta = new double[fit.Parameters.Length];
            for (int i = 0; i < theta.Length; i++)
            {
                theta[i] = fit.Parameters[i].Value;
            }

            return theta;
        }

        /// <summary>Profile or bootstrap intervals in place of the Wald ones; false when cancelled.</summary>
        private bool ApplyIntervalMethod(MLEstimate fit, System.Action<string> warn)
        {
            var problem = fit.Problem!;
            switch (IntervalMethod)
            {
                case IntervalMethod.Profile:
                    AlternativeIntervals.ApplyProfile(fit, problem, warn, Cancellation);
                    return true;
                case IntervalMethod.Bootstrap:
                    var replicates = BootstrapRunner.Run(this, problem, Simulations, SetSeed, Cancellation, $"Bootstrapping the {fit.Distribution} fit");
                    if (replicates is null)
                    {
                        return false;
                    }

                    AlternativeIntervals.ApplyBootstrap(fit, problem, replicates, warn);
                    if (AlternativeIntervals.FailureNote(replicates, fit.Distribution) is string note)
                    {
                        warn(note);
                    }

                    return true;
                default:
                    return true;
            }
        }
    }
}
