using System;
using System.Collections.Generic;
using System.Globalization;
using PSEstimation.Distributions;

namespace PSEstimation.Estimation
{
    /// <summary>
    /// The negative log-likelihood of a stream of values at fixed parameters, for any family:
    /// keeps only compensated sums of log f and of the score, the count, and how many values
    /// had zero likelihood, so memory is constant however many values arrive. Each value's own
    /// NLL is returned as it is added (for -PerObservation).
    /// </summary>
    /// <remarks>
    /// A value has zero likelihood when the family says it is outside the support at these
    /// parameters, or its log-density is -Infinity (Bernoulli's 1 at P = 0). Its NLL is
    /// +Infinity, so is the total, and the gradient is NaN: an infinite NLL has no derivative.
    /// Sums use Neumaier's compensation, so a gradient that should cancel to zero over 10^6
    /// values stays near zero instead of collecting n·eps of rounding.
    /// </remarks>
    internal sealed class NegativeLogLikelihoodEvaluator
    {
        /// <summary>How many indices of zero-likelihood values are kept for the warning.</summary>
        public const int RecordedIndexCount = 5;

        private readonly double[] scoreSum;
        private readonly double[] scoreCompensation;
        private readonly double[] observationScore;
        private readonly List<long> firstZeroLikelihoodIndices = new List<long>();
        private double logLikelihoodSum;
        private double logLikelihoodCompensation;

        /// <param name="family">The family, with its constants.</param>
        /// <param name="theta">Parameter values in the family's order, already validated.</param>
        /// <param name="computeGradient">False when only each value's NLL is wanted (saves the score per value).</param>
        public NegativeLogLikelihoodEvaluator(DistributionFamily family, double[] theta, bool computeGradient = true)
        {
            Family = family;
            Theta = (double[])theta.Clone();
            ComputeGradient = computeGradient;
            scoreSum = new double[theta.Length];
            scoreCompensation = new double[theta.Length];
            observationScore = new double[theta.Length];
        }

        public DistributionFamily Family { get; }

        public double[] Theta { get; }

        public bool ComputeGradient { get; }

        /// <summary>How many values were evaluated (zero-likelihood ones included).</summary>
        public long Count { get; private set; }

        /// <summary>
        /// How many values had zero likelihood (NLL +Infinity): outside the support, or with a
        /// log-density of -Infinity (a probability of exactly 0, or a density so small that its logarithm
        /// is below -1.8e308, the most negative double).
        /// </summary>
        public long ZeroLikelihoodCount { get; private set; }

        /// <summary>How many of the zero-likelihood values were outside the support at these parameters.</summary>
        public long OutsideSupportCount { get; private set; }

        /// <summary>How many values had an infinite density (NLL -Infinity), such as Weibull with Shape &lt; 1 at 0.</summary>
        public long InfiniteDensityCount { get; private set; }

        /// <summary>The input indices of the first <see cref="RecordedIndexCount"/> zero-likelihood values.</summary>
        public IReadOnlyList<long> FirstZeroLikelihoodIndices => firstZeroLikelihoodIndices;

        /// <summary>Adds one value (its 0-based input index is kept for the warning) and returns its NLL.</summary>
        public double Add(double x, long index)
        {
            Count++;
            bool inSupport = Family.IsInSupport(x, Theta);
            double logDensity = inSupport ? Family.LogDensity(x, Theta) : double.NegativeInfinity;
            if (double.IsNaN(logDensity))
            {
                throw new EstimationException(
                    ErrorIds.UndefinedLogDensity,
                    string.Format(
                        CultureInfo.InvariantCulture,
                        "The {0} log-density of the value {1:R} at index {2} is undefined (NaN) at {3}: no likelihood can be reported.",
                        Family.Name,
                        x,
                        index,
                        DescribeParameters(Family, Theta)));
            }

            if (double.IsPositiveInfinity(logDensity))
            {
                // An unbounded density (Weibull with Shape < 1 at 0): this value's NLL is -Infinity.
                InfiniteDensityCount++;
                return double.NegativeInfinity;
            }

            if (double.IsNegativeInfinity(logDensity))
            {
                ZeroLikelihoodCount++;
                OutsideSupportCount += inSupport ? 0 : 1;
                if (firstZeroLikelihoodIndices.Count < RecordedIndexCount)
                {
                    firstZeroLikelihoodIndices.Add(index);
                }

                return double.PositiveInfinity;
            }

            AddCompensated(ref logLikelihoodSum, ref logLikelihoodCompensation, logDensity);
            if (ComputeGradient && GradientExists)
            {
                Array.Clear(observationScore, 0, observationScore.Length);
                Family.AddScore(x, 1.0, Theta, observationScore);
                for (int i = 0; i < observationScore.Length; i++)
                {
                    AddCompensated(ref scoreSum[i], ref scoreCompensation[i], observationScore[i]);
                }
            }

            return 0 - logDensity; // not -logDensity: a log-density of 0 gives +0, not -0
        }

        /// <summary>How many of the values were censored observations (log F, log S or log(F(u) - F(l)) instead of log f).</summary>
        public long CensoredCount { get; private set; }

        /// <summary>
        /// Adds a censored observation (weight 1) and returns its NLL: -log F(upper), -log S(lower)
        /// or -log(F(upper) - F(lower)), in log space, so one 40 standard deviations out is finite.
        /// </summary>
        public double AddCensored(in Models.Observation observation, long index)
        {
            Count++;
            CensoredCount++;
            var model = Family.Model!;
            double logLikelihood = Models.ObservationLikelihood.LogLikelihood(model, observation, Theta);
            if (double.IsNaN(logLikelihood))
            {
                throw new EstimationException(
                    ErrorIds.UndefinedLogDensity,
                    string.Format(
                        CultureInfo.InvariantCulture,
                        "The {0} log-probability of the censored observation ({1:R}, {2:R}) at index {3} is undefined (NaN) at {4}: no likelihood can be reported.",
                        Family.Name,
                        observation.Lower,
                        observation.Upper,
                        index,
                        DescribeParameters(Family, Theta)));
            }

            if (double.IsNegativeInfinity(logLikelihood))
            {
                ZeroLikelihoodCount++;
                if (firstZeroLikelihoodIndices.Count < RecordedIndexCount)
                {
                    firstZeroLikelihoodIndices.Add(index);
                }

                return double.PositiveInfinity;
            }

            AddCompensated(ref logLikelihoodSum, ref logLikelihoodCompensation, logLikelihood);
            if (ComputeGradient && GradientExists)
            {
                Array.Clear(observationScore, 0, observationScore.Length);
                Models.ObservationLikelihood.AddDerivatives(model, observation, Theta, observationScore, null);
                for (int i = 0; i < observationScore.Length; i++)
                {
                    AddCompensated(ref scoreSum[i], ref scoreCompensation[i], observationScore[i]);
                }
            }

            return 0 - logLikelihood;
        }

        /// <summary>
        /// The log-likelihood so far: -Infinity once any value had zero likelihood; +Infinity when
        /// some value had an infinite density and none had zero likelihood.
        /// </summary>
        public double LogLikelihood
            => ZeroLikelihoodCount > 0 ? double.NegativeInfinity
             : InfiniteDensityCount > 0 ? double.PositiveInfinity
             : logLikelihoodSum + logLikelihoodCompensation;

        /// <summary>Whether the NLL is finite so far, so that it has a gradient.</summary>
        private bool GradientExists => ZeroLikelihoodCount == 0 && InfiniteDensityCount == 0;

        /// <summary>
        /// The gradient of the NLL (minus the score) in parameter order; NaN in every component
        /// once the NLL is infinite (it has no derivative there), or when it was not computed.
        /// </summary>
        public double[] Gradient()
        {
            var gradient = new double[scoreSum.Length];
            for (int i = 0; i < gradient.Length; i++)
            {
                gradient[i] = ComputeGradient && GradientExists ? 0 - (scoreSum[i] + scoreCompensation[i]) : double.NaN; // 0 - s: a zero score gives +0, not -0
            }

            return gradient;
        }

        /// <summary>The expected Fisher information of all <see cref="Count"/> values: n times one observation's.</summary>
        public double[,] FisherInformation() => Covariances.Scale(Family.ExpectedInformation(Theta), Count);

        /// <summary>The whole result for the values added so far.</summary>
        public NegativeLogLikelihood ToResult(string? property, long skippedCount)
        {
            return new NegativeLogLikelihood(
                Family.Name.ToString(),
                property,
                Count,
                skippedCount,
                ZeroLikelihoodCount,
                MaximumLikelihoodEstimator.EstimateDictionary(Family, Theta),
                LogLikelihood,
                Gradient(),
                FisherInformation());
        }

        /// <summary>"Mean = 3, Variance = 0.5" (constants included), for messages.</summary>
        public static string DescribeParameters(DistributionFamily family, double[] theta)
        {
            var parts = new List<string>();
            for (int i = 0; i < theta.Length; i++)
            {
                parts.Add(family.Parameters[i].Name + " = " + theta[i].ToString("R", CultureInfo.InvariantCulture));
            }

            foreach (var constant in family.Constants)
            {
                parts.Add(constant.Key + " = " + constant.Value.ToString("R", CultureInfo.InvariantCulture));
            }

            return string.Join(", ", parts);
        }

        /// <summary>Neumaier's compensated sum: sum + compensation is the sum to about one rounding.</summary>
        private static void AddCompensated(ref double sum, ref double compensation, double term)
        {
            double t = sum + term;
            if (Math.Abs(sum) >= Math.Abs(term))
            {
                compensation += (sum - t) + term;
            }
            else
            {
                compensation += (term - t) + sum;
            }

            sum = t;
        }
    }
}
