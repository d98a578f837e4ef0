using System;
using System.Threading;
using PSEstimation.Distributions;

namespace PSEstimation.Estimation
{
    /// <summary>A constrained maximum of the log-likelihood: the point, its log-likelihood, whether the optimiser converged.</summary>
    internal readonly struct ConstrainedMaximum
    {
        public ConstrainedMaximum(double[] theta, double logLikelihood, bool converged)
        {
            Theta = theta;
            LogLikelihood = logLikelihood;
            Converged = converged;
        }

        public double[] Theta { get; }

        public double LogLikelihood { get; }

        public bool Converged { get; }
    }

    /// <summary>
    /// What a fit was made of, kept so that its intervals can be re-derived by re-fitting: the
    /// family, the sample (its accumulator with weights; for a censored fit the censored sample
    /// and its censoring rule, re-fitted through <see cref="CensoredEstimator"/>), the fixed
    /// parameters and the maximum. Profile likelihoods re-fit the same sample
    /// with one more parameter held; the parametric bootstrap fits simulated samples with the same
    /// parameters held. Both go through <see cref="Maximize(DistributionFamily, SampleAccumulator, double?[], CancellationToken)"/>, the same entry points of the family
    /// as <see cref="MaximumLikelihoodEstimator.Fit"/> (closed form, else the numerical fit), so
    /// whatever the family's likelihood covers, the re-fits cover.
    /// </summary>
    internal sealed class FitProblem
    {
        public FitProblem(DistributionFamily family, SampleAccumulator sample, double?[] fixedValues, double[] theta, double logLikelihood)
        {
            Family = family;
            Sample = sample;
            FixedValues = fixedValues;
            Theta = theta;
            LogLikelihood = logLikelihood;
        }

        /// <summary>
        /// A censored fit's problem: re-fits go through <see cref="CensoredEstimator"/> with the
        /// held parameters as fixed values, and the log-likelihood includes the censored terms.
        /// <paramref name="rule"/> is how the input was censored; the bootstrap applies its limits
        /// to simulated values, and refuses the interval form, whose mechanism is unknown.
        /// </summary>
        public FitProblem(DistributionFamily family, CensoredSample censored, CensoringRule rule, double?[] fixedValues, double[] theta, double logLikelihood)
            : this(family, censored.Exact, fixedValues, theta, logLikelihood)
        {
            Censored = censored;
            Censoring = rule;
            censoredObjective = new CensoredLikelihoodObjective(family, censored);
        }

        private readonly CensoredLikelihoodObjective? censoredObjective;

        public DistributionFamily Family { get; }

        /// <summary>The censored sample of a censored fit (then <see cref="Sample"/> is its exact values); null otherwise.</summary>
        public CensoredSample? Censored { get; }

        /// <summary>How a censored fit's input was censored; null otherwise.</summary>
        public CensoringRule? Censoring { get; }

        /// <summary>The sample size: exact and censored observations together.</summary>
        public double TotalWeight => Censored?.TotalWeight ?? Sample.TotalWeight;

        /// <summary>
        /// Why this fit cannot be bootstrapped, or null: the interval form
        /// (-LowerProperty/-UpperProperty) gives each observation's bounds but not the mechanism
        /// that made them, so there is no way to censor a simulated sample as the data were.
        /// </summary>
        public string? BootstrapRefusal => BootstrapRefusalFor(Censoring);

        /// <summary><see cref="BootstrapRefusal"/> for a fit censored by <paramref name="rule"/> (null: not censored).</summary>
        public static string? BootstrapRefusalFor(CensoringRule? rule) => rule is not null && rule.Above is null && rule.Below is null
            ? "-IntervalMethod Bootstrap is not available for censored data given as bounds (-LowerProperty/-UpperProperty): a parametric bootstrap must censor each simulated sample the way the data were censored, and bounds say what was observed but not the mechanism (inspection times, limits) that produced them. Use -IntervalMethod Profile, or give fixed limits with -CensoredAbove/-CensoredBelow if that is how the data were censored."
            : null;

        /// <summary>The log-likelihood at <paramref name="theta"/>: the family's on the sample, plus the censored terms of a censored fit.</summary>
        public double LogLikelihoodAt(double[] theta)
            => censoredObjective is not null && Censored!.CensoredWeight > 0
                ? censoredObjective.Value(theta)
                : Family.LogLikelihood(Sample, theta);

        public SampleAccumulator Sample { get; }

        /// <summary>-Fixed in parameter order, null where free.</summary>
        public double?[] FixedValues { get; }

        /// <summary>The maximum-likelihood estimate.</summary>
        public double[] Theta { get; }

        /// <summary>The maximum of the log-likelihood.</summary>
        public double LogLikelihood { get; }

        /// <summary>The indices of the free parameters.</summary>
        public int[] FreeIndices()
        {
            var free = new System.Collections.Generic.List<int>();
            for (int i = 0; i < FixedValues.Length; i++)
            {
                if (FixedValues[i] is null)
                {
                    free.Add(i);
                }
            }

            return free.ToArray();
        }

        /// <summary>-Fixed with parameter <paramref name="index"/> held at <paramref name="value"/> too.</summary>
        public double?[] Holding(int index, double value)
        {
            var held = (double?[])FixedValues.Clone();
            held[index] = value;
            return held;
        }

        /// <summary>
        /// The maximum of the log-likelihood of <paramref name="sample"/> with <paramref name="fixedValues"/>
        /// held: the family's closed form where it has one, its numerical fit otherwise (as
        /// <see cref="MaximumLikelihoodEstimator.Fit"/>). Throws <see cref="EstimationException"/>
        /// when the family cannot fit that sample (a constant sample for a scale parameter).
        /// </summary>
        public static ConstrainedMaximum Maximize(DistributionFamily family, SampleAccumulator sample, double?[] fixedValues, CancellationToken cancellation)
        {
            sample.Cancellation = cancellation;
            double[] theta;
            bool converged = true;
            if (AllFixed(fixedValues) is double[] given)
            {
                theta = given;
            }
            else if (family.ClosedForm(sample, fixedValues) is double[] closed)
            {
                theta = closed;
            }
            else
            {
                OptimizationResult result;
                try
                {
                    result = family.MaximizeLikelihood(sample, fixedValues, cancellation, null);
                }
                catch (MathNet.Numerics.NonConvergenceException e)
                {
                    // A family's start can fail far from the estimate (StudentT's quantile-based start
                    // at DegreesOfFreedom 0.01): for a re-fit that is a failed point, not a crash.
                    throw new EstimationException("RefitFailed", e.Message);
                }

                theta = result.Theta;
                converged = result.Converged;
            }

            return new ConstrainedMaximum(theta, family.LogLikelihood(sample, theta), converged);
        }

        /// <summary><see cref="Maximize(DistributionFamily, SampleAccumulator, double?[], CancellationToken)"/> on this fit's sample.</summary>
        public ConstrainedMaximum Maximize(double?[] fixedValues, CancellationToken cancellation)
            => Censored is null
                ? Maximize(Family, Sample, fixedValues, cancellation)
                : MaximizeCensored(Family, Censored, fixedValues, cancellation);

        /// <summary>
        /// The maximum of the censored log-likelihood of <paramref name="sample"/> with
        /// <paramref name="fixedValues"/> held, by <see cref="CensoredEstimator"/> (the fit
        /// Get-MLEstimate made, so its closed forms, starts and checks hold for the re-fits too).
        /// </summary>
        public static ConstrainedMaximum MaximizeCensored(DistributionFamily family, CensoredSample sample, double?[] fixedValues, CancellationToken cancellation)
        {
            if (AllFixed(fixedValues) is double[] given)
            {
                // Every parameter held: the likelihood at that point, -Infinity included (the
                // estimator refuses a non-finite one, but for a profile it is only a deep drop).
                sample.Exact.Cancellation = cancellation;
                double value = sample.CensoredWeight > 0
                    ? new CensoredLikelihoodObjective(family, sample).Value(given)
                    : family.LogLikelihood(sample.Exact, given);
                return new ConstrainedMaximum(given, double.IsNaN(value) ? double.NegativeInfinity : value, true);
            }

            MLEstimate fit;
            try
            {
                // The level only shapes the estimator's Wald intervals, which a re-fit does not use.
                fit = new CensoredEstimator(family, 0.95).Fit(sample, fixedValues, cancellation);
            }
            catch (MathNet.Numerics.NonConvergenceException e)
            {
                throw new EstimationException("RefitFailed", e.Message);
            }

            var theta = new double[fit.Parameters.Length];
            for (int i = 0; i < theta.Length; i++)
            {
                theta[i] = fit.Parameters[i].Value;
            }

            return new ConstrainedMaximum(theta, fit.LogLikelihood, fit.Converged);
        }

        private static double[]? AllFixed(double?[] fixedValues)
        {
            var theta = new double[fixedValues.Length];
            for (int i = 0; i < theta.Length; i++)
            {
                if (fixedValues[i] is not double value)
                {
                    return null;
                }

                theta[i] = value;
            }

            return theta;
        }
    }
}
