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
    [OutputType(typeof(MLEstimate))]
    public sealed class GetMLEstimateCommand : FamilyFitCommand
    {
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
            var estimator = new MaximumLikelihoodEstimator(Family!, ConfidenceLevel)
            {
                Trace = WriteVerbose,
                Warn = slot.Group.IsNamed ? message => WriteWarning(message + slot.Suffix) : WriteWarning,
            };

            try
            {
                if (IsCensoring)
                {
                    var censored = new CensoredEstimator(Family!, ConfidenceLevel) { Trace = estimator.Trace, Warn = estimator.Warn };
                    return censored.Fit(CensoredSamples[slot.Index], FixedValues, Cancellation);
                }

                return estimator.Fit(Samples[slot.Index], FixedValues, Cancellation);
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
    }
}
