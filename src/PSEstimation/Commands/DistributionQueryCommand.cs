using System.Collections;
using System.Globalization;
using System.Management.Automation;
using PSEstimation.Distributions;
using PSEstimation.Input;

namespace PSEstimation.Commands
{
    /// <summary>
    /// What Get-Quantile, Get-Probability and Get-RandomSample share: the distribution comes from
    /// a fit (-Estimate, also from the pipeline: one answer per fit) or from -Distribution with
    /// -Parameter; the subclass answers for each distribution in turn.
    /// </summary>
    public abstract class DistributionQueryCommand : PSCmdlet
    {
        private readonly System.Threading.CancellationTokenSource cancellation = new System.Threading.CancellationTokenSource();

        /// <summary>Cancelled by Ctrl+C (StopProcessing): stops a profile search or a bootstrap.</summary>
        internal System.Threading.CancellationToken Cancellation => cancellation.Token;

        /// <inheritdoc/>
        protected override void StopProcessing() => cancellation.Cancel();

        internal const string ByEstimateSet = "ByEstimate";
        internal const string ByParameterSet = "ByParameter";

        /// <summary>
        /// A fit: a result of Get-MLEstimate or Get-MAPEstimate, live, from Import-Clixml or a job,
        /// or from ConvertFrom-Json. Binds from the pipeline; every fit piped in gets its own answer.
        /// </summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByEstimateSet)]
        public PSObject? Estimate { get; set; }

        /// <summary>The distribution, with -Parameter; or, with -Estimate, a check that the fit is of this family.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByParameterSet)]
        [Parameter(ParameterSetName = ByEstimateSet)]
        // Tab completion: the ValidateSet of FamilyFitCommand.Distribution (its comment says why).
        [ValidateSet(nameof(DistributionName.Normal), nameof(DistributionName.Gaussian), nameof(DistributionName.LogNormal), nameof(DistributionName.Exponential), nameof(DistributionName.Gamma), nameof(DistributionName.Weibull), nameof(DistributionName.Beta), nameof(DistributionName.Laplace), nameof(DistributionName.Logistic), nameof(DistributionName.Cauchy), nameof(DistributionName.StudentT), nameof(DistributionName.Uniform), nameof(DistributionName.Pareto), nameof(DistributionName.Rayleigh), nameof(DistributionName.Poisson), nameof(DistributionName.Bernoulli), nameof(DistributionName.Binomial), nameof(DistributionName.Geometric), nameof(DistributionName.NegativeBinomial), nameof(DistributionName.Categorical))]
        public DistributionName Distribution { get; set; }

        /// <summary>Every parameter's value by name, e.g. @{ MeanLog = 5; SdLog = 0.6 } (Binomial also needs Trials).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByParameterSet)]
        [ParameterTableTransformation]
        public IDictionary? Parameter { get; set; }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            FittedDistribution distribution;
            try
            {
                distribution = ParameterSetName == ByEstimateSet
                    ? FittedDistribution.FromEstimate(Estimate, MyInvocation.BoundParameters.ContainsKey(nameof(Distribution)) ? Distribution : (DistributionName?)null)
                    : FittedDistribution.FromParameter(Distribution, Parameter);
            }
            catch (EstimationException e)
            {
                Terminate(e.ErrorId, e.Message);
                return;
            }

            Answer(distribution);
        }

        /// <summary>
        /// Writes a result about a fit of a -GroupBy group under the type name of grouped output
        /// (PSEstimation.Quantile#Grouped), whose view shows the Group column.
        /// </summary>
        internal void WriteResult(object result, object? group)
        {
            if (group is null)
            {
                WriteObject(result);
                return;
            }

            var wrapped = PSObject.AsPSObject(result);
            wrapped.TypeNames.Insert(0, result.GetType().FullName + "#Grouped");
            WriteObject(wrapped);
        }

        /// <summary>Writes what the cmdlet says about <paramref name="distribution"/>.</summary>
        internal abstract void Answer(FittedDistribution distribution);

        /// <summary>Throws a terminating error with a stable id.</summary>
        internal void Terminate(string errorId, string message, ErrorCategory category = ErrorCategory.InvalidArgument, object? target = null)
            => ThrowTerminatingError(new ErrorRecord(new System.ArgumentException(message), errorId, category, target));

        /// <summary>Terminates unless <paramref name="level"/> is strictly between 0 and 1.</summary>
        internal void RequireConfidenceLevel(double level)
        {
            if (!(level > 0 && level < 1))
            {
                Terminate(ErrorIds.InvalidConfidenceLevel, $"-ConfidenceLevel must be strictly between 0 and 1 (e.g. 0.95); got {level.ToString("R", CultureInfo.InvariantCulture)}.", target: level);
            }
        }
    }
}
