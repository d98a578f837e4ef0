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
    /// family, the sample (its accumulator, weights and, once they land, censored observations
    /// included), the fixed parameters and the maximum. Profile likelihoods re-fit the same sample
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

        public DistributionFamily Family { get; }

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
            => Maximize(Family, Sample, fixedValues, cancellation);

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
