using System;
using System.Collections.Generic;
using System.Globalization;
using PSEstimation.Models;

namespace PSEstimation.Distributions
{
    /// <summary>
    /// Binomial(Trials, P) on 0..Trials, with Trials a known constant (-Fixed @{ Trials = n }):
    /// log f(x) = log C(Trials, x) + x log p + (Trials - x) log(1 - p).
    /// Streams n, Σx and Σ log C(Trials, x); the MLE is P = mean / Trials. A sample of only zeros
    /// (or only Trials) gives P = 0 (or 1), on the boundary, with no standard error.
    /// </summary>
    internal sealed class BinomialFamily : DistributionFamily
    {
        /// <summary>The largest Trials accepted: beyond 2^53 not every whole number is a double.</summary>
        private const double MaxTrials = 9007199254740992.0;

        public BinomialFamily(double trials)
            : base(new BinomialModel(trials))
        {
            Trials = trials;
        }

        /// <summary>The number of trials of each observation.</summary>
        public double Trials { get; }

        /// <summary>
        /// The family for the registry: Trials must be given (MissingParameter) and be a whole
        /// number >= 1 (InvalidParameterValue).
        /// </summary>
        public static BinomialFamily FromConstants(IReadOnlyDictionary<string, double> given)
        {
            double? trials = null;
            foreach (var entry in given)
            {
                if (string.Equals(entry.Key, "Trials", StringComparison.OrdinalIgnoreCase))
                {
                    trials = entry.Value;
                }
            }

            if (trials is not double t)
            {
                throw new EstimationException(
                    ErrorIds.MissingParameter,
                    "Binomial needs the number of trials of each observation, which is not estimated: pass -Fixed @{ Trials = n } (or Trials in -Parameter), e.g. -Fixed @{ Trials = 10 }.");
            }

            if (!(t >= 1 && t <= MaxTrials && Math.Floor(t) == t))
            {
                throw new EstimationException(
                    ErrorIds.InvalidParameterValue,
                    $"Trials = {t.ToString("R", CultureInfo.InvariantCulture)} is not valid: Trials must be a whole number >= 1 (the number of trials of each observation).");
            }

            return new BinomialFamily(t);
        }

        public override bool CanFit(double x, double?[] fixedValues) => Counts.IsCount(x) && x <= Trials;

        /// <inheritdoc/>
        public override BulkSupport? SupportOnBulkPath(double?[] fixedValues) => new BulkSupport(0, Trials, integers: true);

        public override SampleAccumulator CreateAccumulator() => new CountStatistics(x => Counts.LogChoose(Trials, x));

        public override double LogLikelihood(SampleAccumulator sample, double[] theta)
        {
            var s = (CountStatistics)sample;
            double successes = s.Sum, failures = Failures(s), p = theta[0];
            if ((p == 0 && successes > 0) || (p == 1 && failures > 0))
            {
                return double.NegativeInfinity;
            }

            return s.SumLogConstant + Counts.XLogY(successes, p) + Counts.XLog1mP(failures, p);
        }

        public override double[] Score(SampleAccumulator sample, double[] theta)
        {
            var s = (CountStatistics)sample;
            double p = theta[0];
            return new[] { Counts.Ratio(s.Sum, p) - Counts.Ratio(Failures(s), 1 - p) };
        }

        public override double[,] Hessian(SampleAccumulator sample, double[] theta)
        {
            var s = (CountStatistics)sample;
            double p = theta[0], q = 1 - p;
            return new[,] { { -Counts.Ratio(Counts.Ratio(s.Sum, p), p) - Counts.Ratio(Counts.Ratio(Failures(s), q), q) } };
        }

        public override double[]? ClosedForm(SampleAccumulator sample, double?[] fixedValues)
        {
            // Σx / (n · Trials), clamped against rounding where every value equals Trials.
            double p = ((CountStatistics)sample).Mean / Trials;
            return new[] { Math.Min(1.0, p) };
        }

        public override NonRegularCovariance? NonRegularCovariance(SampleAccumulator sample, double[] theta, double?[] fixedValues)
        {
            if (fixedValues[0] is not null)
            {
                return null;
            }

            return theta[0] == 0 ? Counts.Boundary("P", "0 (every value is 0)")
                : theta[0] == 1 ? Counts.Boundary("P", "1 (every value equals Trials)")
                : null;
        }

        /// <summary>Σ w (Trials - x) = n · Trials - Σ w x.</summary>
        private double Failures(CountStatistics s) => s.TotalWeight * Trials - s.Sum;
    }
}
