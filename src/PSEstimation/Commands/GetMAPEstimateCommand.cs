using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Management.Automation;
using PSEstimation.Bayesian;
using PSEstimation.Distributions;
using PSEstimation.Input;

namespace PSEstimation.Commands
{
    /// <summary>
    /// Get-MAPEstimate: the maximum a posteriori fit of a distribution with a prior, the
    /// conjugate posterior in closed form where there is one, a numerical mode with a Laplace
    /// approximation otherwise, and the MLE of the same data beside it. Collects like
    /// Get-MLEstimate; also keeps the sufficient statistics of the conjugate updates.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MAPEstimate")]
    [OutputType(typeof(MAPEstimate), typeof(RegressionEstimate))]
    public sealed class GetMAPEstimateCommand : FamilyFitCommand
    {
        private readonly List<ConjugateStatistics> statistics = new List<ConjugateStatistics>();
        private PriorSpecification? prior;
        private DirichletPrior? dirichlet;

        /// <summary>
        /// The prior: a hashtable of independent priors by parameter name, each a string such as
        /// 'Normal(2, 0.5)' (mean, variance), 'Beta(2, 2)', 'Gamma(2, 1)' (shape, rate),
        /// 'InverseGamma(3, 2)' (shape, scale), 'LogNormal(0, 1)', 'Exponential(1)',
        /// 'Uniform(0, 10)' or 'Flat'; or one string: 'NormalInverseGamma(mean0, lambda, shape,
        /// scale)' (Normal), 'Dirichlet(alpha)' (Categorical), or a single prior when one
        /// parameter is estimated. Estimated parameters without a prior get a flat prior.
        /// </summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNull]
        public object? Prior { get; set; }

        /// <summary>
        /// How the intervals are formed. Only the default applies: a posterior's intervals are
        /// credible intervals (the IntervalMethod property of the result says which kind), already
        /// posterior quantities; Profile and Bootstrap are sampling-based intervals of Get-MLEstimate.
        /// </summary>
        [Parameter]
        public IntervalMethod IntervalMethod { get; set; } = IntervalMethod.Wald;

        /// <inheritdoc/>
        internal override object? RegressionPrior => Unwrap(Prior);

        /// <inheritdoc/>
        internal override void BeginRegression() => RefuseIntervalMethod();

        /// <summary>Terminates for -IntervalMethod Profile or Bootstrap, saying why they do not apply to a posterior.</summary>
        private void RefuseIntervalMethod()
        {
            if (IntervalMethod == IntervalMethod.Wald)
            {
                return;
            }

            string why = IntervalMethod == IntervalMethod.Bootstrap
                ? "a parametric bootstrap gives the sampling distribution of an estimator over repeated data sets, while a posterior's intervals are already posterior quantities: the credible interval is where the parameter lies with that probability given these data and the prior, and resampling the data does not make it more so"
                : "a profile-likelihood interval leaves the prior out, while a posterior's intervals are already posterior quantities (credible intervals of the prior and the likelihood together)";
            Terminate(
                ErrorIds.IntervalMethodNotApplicable,
                $"-IntervalMethod {IntervalMethod} does not apply to Get-MAPEstimate: {why}. Leave out -IntervalMethod (the result's IntervalMethod property says what its intervals are), or fit with Get-MLEstimate -IntervalMethod {IntervalMethod}.",
                ErrorCategory.InvalidArgument,
                IntervalMethod);
        }

        /// <inheritdoc/>
        internal override bool IsPosteriorFit => true;

        internal override void BeginFit()
        {
            RefuseIntervalMethod();
            try
            {
                object? value = Unwrap(Prior);
                if (Distribution == DistributionName.Categorical)
                {
                    dirichlet = PriorSpecification.ForCategorical(value);
                }
                else
                {
                    prior = PriorSpecification.ForFamily(value, Family!, FixedValues);
                }
            }
            catch (EstimationException e)
            {
                Terminate(e.ErrorId, e.Message, target: Prior);
            }

        }

        internal override void OnSlotAdded(InputSlot slot) => statistics.Add(new ConjugateStatistics());

        internal override void OnValueAdded(int slot, double value, double weight) => statistics[slot].Add(value, weight);

        internal override void OnRangeAdded(int slot, double[] values) => statistics[slot].AddRange(values);

        internal override object? Complete(InputSlot slot)
        {
            if (!RequireValues(slot))
            {
                return null;
            }

            MAPEstimate fit;
            try
            {
                if (Distribution == DistributionName.Categorical)
                {
                    fit = MapEstimator.FitCategorical(CategoricalSamples[slot.Index], dirichlet!, ConfidenceLevel);
                }
                else if (IsCensoring)
                {
                    var censored = new CensoredMapEstimator(Family!, ConfidenceLevel)
                    {
                        Trace = WriteVerbose,
                        Warn = message => WriteWarning(message + slot.Suffix),
                    };
                    fit = censored.Fit(CensoredSamples[slot.Index], FixedValues, prior!, Cancellation);
                }
                else
                {
                    var estimator = new MapEstimator(Family!, ConfidenceLevel)
                    {
                        Trace = WriteVerbose,
                        Warn = message => WriteWarning(message + slot.Suffix),
                    };
                    fit = estimator.Fit(Samples[slot.Index], statistics[slot.Index], FixedValues, prior!, Cancellation);
                }
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

            fit.Property = slot.Property;
            fit.Group = slot.Group.Value;
            fit.SkippedCount = slot.SkippedCount;
            return fit;
        }

        /// <summary>Removes PowerShell's wrappers from the prior and from a hashtable's values.</summary>
        private static object? Unwrap(object? value)
        {
            if (value is PSObject wrapped)
            {
                value = wrapped.BaseObject;
            }

            if (value is IDictionary table)
            {
                var copy = new OrderedDictionary();
                foreach (DictionaryEntry entry in table)
                {
                    object key = entry.Key is PSObject k ? k.BaseObject : entry.Key;
                    copy[key] = entry.Value is PSObject v ? v.BaseObject : entry.Value;
                }

                return copy;
            }

            return value;
        }
    }
}
