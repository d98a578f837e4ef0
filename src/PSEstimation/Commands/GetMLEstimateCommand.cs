using System.Management.Automation;
using PSEstimation.Distributions;
using PSEstimation.Estimation;

namespace PSEstimation.Commands
{
    /// <summary>
    /// Get-MLEstimate: the maximum-likelihood fit of a distribution to numbers from the pipeline.
    /// Collects in ProcessRecord (sufficient statistics where the family allows it), fits in
    /// EndProcessing, one result per input slot (per -Property name).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MLEstimate")]
    [OutputType(typeof(MLEstimate))]
    public sealed class GetMLEstimateCommand : FamilyFitCommand
    {
        internal override object? Complete(int slot)
        {
            RequireValues(slot);
            MLEstimate? fit = Distribution == DistributionName.Categorical
                ? CategoricalEstimator.Fit(CategoricalSamples[slot], ConfidenceLevel)
                : FitFamily(slot);
            if (fit is not null)
            {
                fit.Property = Property?[slot];
                fit.SkippedCount = SkippedCounts[slot];
            }

            return fit;
        }

        private MLEstimate? FitFamily(int slot)
        {
            var estimator = new MaximumLikelihoodEstimator(Family!, ConfidenceLevel)
            {
                Trace = WriteVerbose,
                Warn = WriteWarning,
            };

            try
            {
                return estimator.Fit(Samples[slot], FixedValues, Cancellation);
            }
            catch (EstimationException e)
            {
                Terminate(e.ErrorId, e.Message + SlotSuffix(slot), ErrorCategory.InvalidData);
                return null;
            }
            catch (System.OperationCanceledException)
            {
                return null;
            }
        }
    }
}
