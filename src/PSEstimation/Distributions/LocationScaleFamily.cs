using System;
using System.Globalization;
using System.Threading;
using PSEstimation.Estimation;

namespace PSEstimation.Distributions
{
    /// <summary>
    /// What the iterative location-scale families (Logistic, Cauchy, Student t) share: real
    /// support, a buffered sample, Location and Scale as the first two parameters, quantile-based
    /// starting values, the check that a sample can identify the Scale, and one pass over the
    /// data that gives log-likelihood, score and Hessian together (<see cref="FusedLikelihoodFamily"/>).
    /// </summary>
    internal abstract class LocationScaleFamily : FusedLikelihoodFamily
    {
        /// <summary>
        /// Above this many values, Logistic and Cauchy find their start on a stratified subsample
        /// (<see cref="SubsampleSize"/> values) instead of sorting every value: the sort alone
        /// cost more than the whole rest of a fit of 10^6 values.
        /// </summary>
        internal const int SubsampleThreshold = 1 << 17;

        /// <summary>
        /// The subsample's size: its estimate is within a few per cent of the full one (about
        /// Scale / √8192), from where Newton on every value needs four passes; a larger subsample
        /// costs more than it saves, because only a start within 1e-5 would save a pass.
        /// </summary>
        internal const int SubsampleSize = 1 << 13;

        /// <summary>A fitter of <paramref name="model"/> (Logistic, Cauchy: their mathematics lives in Models/).</summary>
        protected LocationScaleFamily(PSEstimation.Models.DistributionModel model)
            : base(model)
        {
        }

        public override bool CanFit(double x, double?[] fixedValues) => true;

        /// <inheritdoc/>
        public override BulkSupport? SupportOnBulkPath(double?[] fixedValues) => BulkSupport.Real;

        /// <summary>
        /// Location at the median (or its fixed value) and Scale from the spread about it, with
        /// q₀.₇₅ the upper quartile of the standardised family (median |Z|): IQR / (2·q₀.₇₅) with Location free, median |x - Location| / q₀.₇₅ with Location fixed,
        /// the mean absolute deviation where those are 0 (more than half the values tied).
        /// Extra parameters (Student t's DegreesOfFreedom) must already be set in <paramref name="theta"/>.
        /// </summary>
        protected static void QuantileStart(SortedSample sorted, double[] theta, double?[] fixedValues, double standardUpperQuartile)
        {
            double location = fixedValues[0] ?? sorted.Quantile(0.5);
            theta[0] = location;
            if (fixedValues[1] is double scale)
            {
                theta[1] = scale;
                return;
            }

            double spread = fixedValues[0] is null
                ? (sorted.Quantile(0.75) - sorted.Quantile(0.25)) / 2
                : sorted.MedianAbsoluteDeviation(location);
            theta[1] = spread > 0 && !double.IsInfinity(spread)
                ? spread / standardUpperQuartile
                : sorted.MeanAbsoluteDeviation(location);
        }

        /// <summary>
        /// For a sample above <see cref="SubsampleThreshold"/> values: this family's whole fit
        /// (starts, checks, Newton) on a stratified subsample, as a start for Newton on every value;
        /// null for a smaller sample, or when the subsample cannot be fitted (it is constant while
        /// the sample is not) or its fit did not converge: then every value is fitted directly.
        /// </summary>
        protected double[]? SubsampleEstimate(SampleAccumulator sample, double?[] fixedValues, CancellationToken cancellation, Action<string>? trace, out int iterations)
        {
            iterations = 0;
            if (!(sample is BufferedSample buffered) || buffered.Length <= SubsampleThreshold)
            {
                return null;
            }

            var subsample = buffered.Subsample(SubsampleSize);
            subsample.Cancellation = cancellation;
            OptimizationResult fit;
            try
            {
                fit = MaximizeLikelihood(subsample, fixedValues, cancellation, trace: null);
            }
            catch (EstimationException)
            {
                return null;
            }

            if (!fit.Converged)
            {
                return null;
            }

            iterations = fit.Iterations;
            trace?.Invoke(string.Format(
                CultureInfo.InvariantCulture,
                "{0}: start from the fit to a stratified subsample of {1} of the {2} values: Location {3:G10}, Scale {4:G10}",
                Name,
                SubsampleSize,
                buffered.Length,
                fit.Theta[0],
                fit.Theta[1]));
            return fit.Theta;
        }

        /// <summary>Newton on every value from <paramref name="start"/>, counting the subsample's iterations too.</summary>
        protected OptimizationResult Refine(SampleAccumulator sample, double[] start, int subsampleIterations, double?[] fixedValues, CancellationToken cancellation, Action<string>? trace)
        {
            var result = NewtonRaphson.Maximize(new LogLikelihoodObjective(this, sample), Parameters, start, fixedValues, cancellation, trace);
            return new OptimizationResult(result.Theta, result.LogLikelihood, subsampleIterations + result.Iterations, result.Converged);
        }

        /// <summary>
        /// The value carrying the largest weight when it carries at least half of it, found without
        /// sorting; else some value with its true weight, which is then below half. The weighted
        /// Misra-Gries summary with two counters keeps every value with more than a third of the
        /// weight among its candidates (a plain majority vote can lose one with exactly half), and a
        /// second pass weighs the two candidates.
        /// </summary>
        protected static (double Value, double Weight) MajorityValue(BufferedSample sample)
        {
            double[] values = sample.Values;
            double first = values[0], second = values[0], firstWeight = 0, secondWeight = 0;
            sample.NotePass();
            for (int i = 0; i < sample.Length; i++)
            {
                CancellationCheck.At(i, sample.Cancellation);
                double x = values[i], w = sample.WeightAt(i);
                if (firstWeight > 0 && x == first)
                {
                    firstWeight += w;
                }
                else if (secondWeight > 0 && x == second)
                {
                    secondWeight += w;
                }
                else if (firstWeight == 0)
                {
                    first = x;
                    firstWeight = w;
                }
                else if (secondWeight == 0)
                {
                    second = x;
                    secondWeight = w;
                }
                else
                {
                    // Take the same weight from both counters and the newcomer; whichever counter
                    // reaches 0 (exactly: the smallest is subtracted from itself) takes the rest.
                    double m = Math.Min(w, Math.Min(firstWeight, secondWeight));
                    firstWeight -= m;
                    secondWeight -= m;
                    w -= m;
                    if (w > 0)
                    {
                        if (firstWeight == 0)
                        {
                            first = x;
                            firstWeight = w;
                        }
                        else
                        {
                            second = x;
                            secondWeight = w;
                        }
                    }
                }
            }

            double a = WeightAt(sample, first), b = second == first ? 0 : WeightAt(sample, second);
            return a >= b ? (first, a) : (second, b);
        }

        /// <summary>The total weight of the values equal to <paramref name="x"/>, in one pass.</summary>
        protected static double WeightAt(BufferedSample sample, double x)
        {
            double[] values = sample.Values;
            double tied = 0;
            sample.NotePass();
            for (int i = 0; i < sample.Length; i++)
            {
                CancellationCheck.At(i, sample.Cancellation);
                if (values[i] == x)
                {
                    tied += sample.WeightAt(i);
                }
            }

            return tied;
        }

        /// <summary>
        /// Throws when the Scale is free and the likelihood has no maximum with Scale &gt; 0: a
        /// constant sample (or one value), or, for the heavy-tailed families, when
        /// <paramref name="tiesUnbounded"/>(tied weight, n) says that the values tied at one point
        /// (at the fixed Location when Location is fixed) make the likelihood unbounded;
        /// <paramref name="why"/> explains it in the message.
        /// </summary>
        protected void CheckScaleIdentified(SortedSample sorted, double?[] fixedValues, Func<double, double, bool> tiesUnbounded, string why)
        {
            if (fixedValues[1] is not null)
            {
                return;
            }

            var (value, tied) = fixedValues[0] is double location ? (location, sorted.WeightAt(location)) : sorted.LargestTie();
            CheckScaleIdentified(value, tied, sorted.TotalWeight, sorted.Count, tiesUnbounded, why);
        }

        /// <summary>
        /// The check of <see cref="CheckScaleIdentified(SortedSample, double?[], Func{double, double, bool}, string)"/>
        /// given the most tied value (the fixed Location, when it is fixed), its weight, n and the count of values.
        /// </summary>
        protected void CheckScaleIdentified(double value, double tied, double n, int count, Func<double, double, bool> tiesUnbounded, string why)
        {
            string shown = value.ToString("R", CultureInfo.InvariantCulture);
            if (tied >= n)
            {
                string what = count == 1
                    ? $"Only one value ({shown}) was given"
                    : $"All {count} values equal {shown}";
                throw new EstimationException(
                    ErrorIds.ZeroVariance,
                    $"{what}: the {Name} Scale estimate would be 0, where the likelihood is unbounded. Fix the Scale with -Fixed @{{ Scale = ... }} or supply values that differ.");
            }

            if (tiesUnbounded(tied, n))
            {
                string share = tied.ToString("R", CultureInfo.InvariantCulture) + " of the " + n.ToString("R", CultureInfo.InvariantCulture) + " values";
                throw new EstimationException(
                    ErrorIds.UnboundedLikelihood,
                    $"{share} equal {shown}: {why} Fix the Scale with -Fixed @{{ Scale = ... }} or supply more distinct values.");
            }
        }

        /// <summary>
        /// Throws when a fit ended with the Scale collapsed onto a data point (the likelihood
        /// climbing without bound there) instead of at an interior maximum: a Scale below 1e-8 of
        /// the smallest gap between distinct values, which no interior maximum comes near.
        /// </summary>
        protected void CheckNotCollapsed(SortedSample sorted, double[] theta, double?[] fixedValues, string why)
        {
            if (fixedValues[1] is null && !(theta[1] > 1e-8 * sorted.SmallestGap))
            {
                throw new EstimationException(
                    ErrorIds.UnboundedLikelihood,
                    $"The {Name} fit ran to Scale → 0 at Location {theta[0].ToString("R", CultureInfo.InvariantCulture)}: {why} Fix a parameter with -Fixed or supply more distinct values.");
            }
        }

        /// <summary>
        /// <see cref="CheckNotCollapsed(SortedSample, double[], double?[], string)"/> without
        /// sorting where it can: the smallest gap is at most the range, so a Scale above 1e-8 of
        /// the range passes; only a smaller one needs the sorted values.
        /// </summary>
        protected void CheckNotCollapsed(BufferedSample sample, double[] theta, double?[] fixedValues, string why)
        {
            if (fixedValues[1] is not null)
            {
                return;
            }

            sample.Range(out double min, out double max);
            if (!(theta[1] > 1e-8 * (max - min)))
            {
                CheckNotCollapsed(new SortedSample(sample), theta, fixedValues, why);
            }
        }

        /// <summary>
        /// Throws InformationOutOfRange (as Gamma and Weibull do) when the Fisher information at the
        /// start, proportional to n/Scale², is outside the double range: a Scale beyond about 1e150
        /// (values near 1e308 that pull the logistic's Scale up to their own size) or below about
        /// 1e-150, where Newton's curvature in Location underflows to 0 (or overflows) and neither a
        /// step nor a standard error can be formed.
        /// </summary>
        protected double[] RequireInformationInRange(double[] theta, double n, double?[] fixedValues)
        {
            if (!SpecialMath.InformationInRange(ExpectedInformation(theta), n, fixedValues, out int worst))
            {
                string scale = theta[1].ToString("G6", CultureInfo.InvariantCulture);
                string others = Parameters.Count > 2 ? ", and DegreesOfFreedom does not change" : string.Empty;
                throw new EstimationException(
                    ErrorIds.InformationOutOfRange,
                    $"At these values the {Name} Scale is about {scale}, where the Fisher information for {Parameters[worst].Name} (proportional to 1/Scale²) is outside the range of a double, so the fit cannot be carried out or its standard errors reported. Divide the values by about {SpecialMath.PowerOfTen(theta[1])} and fit again: Location and Scale scale by the same factor{others}.");
            }

            return theta;
        }

        /// <summary>log|z| for z = (x - location) / scale, also when z overflowed: <see cref="PSEstimation.Models.LocationScaleModel.LogAbsStandardized"/>.</summary>
        protected static double LogAbsStandardized(double x, double location, double scale, double z)
            => PSEstimation.Models.LocationScaleModel.LogAbsStandardized(x, location, scale, z);

        /// <summary>
        /// The sample sorted once (with its weights), for the quantiles, ties and spread that
        /// starting values and identifiability checks need.
        /// </summary>
        protected sealed class SortedSample
        {
            private readonly double[] values;

            // Null for an unweighted sample (every weight 1): sorting one array is the cheaper sort.
            private readonly double[]? weights;

            private readonly CancellationToken cancellation;

            public SortedSample(BufferedSample sample)
            {
                cancellation = sample.Cancellation;
                cancellation.ThrowIfCancellationRequested();
                int n = sample.Length;
                values = new double[n];
                for (int i = 0; i < n; i++)
                {
                    values[i] = sample.ValueAt(i);
                }

                if (sample.IsWeighted)
                {
                    weights = new double[n];
                    for (int i = 0; i < n; i++)
                    {
                        weights[i] = sample.WeightAt(i);
                    }

                    CancellableSort.Sort(values, weights, cancellation);
                }
                else
                {
                    CancellableSort.Sort(values, cancellation);
                }

                TotalWeight = sample.TotalWeight;
            }

            public int Count => values.Length;

            public double TotalWeight { get; }

            /// <summary>The smallest positive difference between two values (0 for a constant sample).</summary>
            public double SmallestGap
            {
                get
                {
                    double gap = double.PositiveInfinity;
                    for (int i = 1; i < values.Length; i++)
                    {
                        CancellationCheck.At(i, cancellation);
                        double d = values[i] - values[i - 1];
                        if (d > 0 && d < gap)
                        {
                            gap = d;
                        }
                    }

                    return double.IsPositiveInfinity(gap) ? 0 : gap;
                }
            }

            /// <summary>
            /// The weighted quantile with the convention of <see cref="BufferedSample.WeightedQuantile"/>
            /// (R's type 2 for unit weights: the midpoint where the cumulative weight lands on p·n).
            /// </summary>
            public double Quantile(double p)
            {
                double target = p * TotalWeight;
                double cumulative = 0;
                int n = values.Length;
                for (int k = 0; k < n; k++)
                {
                    CancellationCheck.At(k, cancellation);
                    cumulative += Weight(k);
                    if (Math.Abs(cumulative - target) <= 1e-12 * TotalWeight && k + 1 < n)
                    {
                        return 0.5 * (values[k] + values[k + 1]);
                    }

                    if (cumulative > target)
                    {
                        return values[k];
                    }
                }

                return values[n - 1];
            }

            /// <summary>The value with the largest total weight, and that weight.</summary>
            public (double Value, double Weight) LargestTie()
            {
                double bestValue = values[0], bestWeight = 0;
                int i = 0;
                while (i < values.Length)
                {
                    CancellationCheck.At(i, cancellation);
                    double v = values[i], w = 0;
                    while (i < values.Length && values[i] == v)
                    {
                        w += Weight(i++);
                    }

                    if (w > bestWeight)
                    {
                        bestValue = v;
                        bestWeight = w;
                    }
                }

                return (bestValue, bestWeight);
            }

            /// <summary>Total weight of the values equal to <paramref name="x"/>.</summary>
            public double WeightAt(double x)
            {
                int i = Array.BinarySearch(values, x);
                if (i < 0)
                {
                    return 0;
                }

                while (i > 0 && values[i - 1] == x)
                {
                    i--;
                }

                double w = 0;
                for (; i < values.Length && values[i] == x; i++)
                {
                    w += Weight(i);
                }

                return w;
            }

            private double Weight(int i) => weights is null ? 1.0 : weights[i];

            /// <summary>The weighted median of |x - center|.</summary>
            public double MedianAbsoluteDeviation(double center)
            {
                var deviations = new double[values.Length];
                var w = new double[values.Length];
                for (int i = 0; i < values.Length; i++)
                {
                    CancellationCheck.At(i, cancellation);
                    deviations[i] = Math.Abs(values[i] - center);
                    w[i] = Weight(i);
                }

                CancellableSort.Sort(deviations, w, cancellation);
                double target = 0.5 * TotalWeight, cumulative = 0;
                for (int k = 0; k < deviations.Length; k++)
                {
                    CancellationCheck.At(k, cancellation);
                    cumulative += w[k];
                    if (Math.Abs(cumulative - target) <= 1e-12 * TotalWeight && k + 1 < deviations.Length)
                    {
                        return 0.5 * (deviations[k] + deviations[k + 1]);
                    }

                    if (cumulative > target)
                    {
                        return deviations[k];
                    }
                }

                return deviations[deviations.Length - 1];
            }

            /// <summary>The weighted mean of |x - center|.</summary>
            public double MeanAbsoluteDeviation(double center)
            {
                double sum = 0;
                for (int i = 0; i < values.Length; i++)
                {
                    CancellationCheck.At(i, cancellation);
                    sum += Weight(i) * Math.Abs(values[i] - center);
                }

                return sum / TotalWeight;
            }
        }
    }
}
