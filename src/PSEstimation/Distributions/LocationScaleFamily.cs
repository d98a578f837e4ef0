using System;
using System.Globalization;

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
        /// <summary>Error id: the likelihood grows without bound as Scale → 0, because too many values coincide.</summary>
        public const string UnboundedLikelihoodId = "UnboundedLikelihood";

        /// <summary>Error id: every value is the same (one value included), so Scale would be 0.</summary>
        public const string ZeroVarianceId = "ZeroVariance";

        protected LocationScaleFamily(DistributionName name, params ParameterSpec[] parameters)
            : base(name, parameters)
        {
        }

        public override bool IsDiscrete => false;

        public override string SupportDescription => "any finite real number";

        public override bool CanFit(double x, double?[] fixedValues) => true;

        public override bool IsInSupport(double x, double[] theta) => true;

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

            double n = sorted.TotalWeight;
            double value;
            double tied;
            if (fixedValues[0] is double location)
            {
                value = location;
                tied = sorted.WeightAt(location);
            }
            else
            {
                (value, tied) = sorted.LargestTie();
            }

            string shown = value.ToString("R", CultureInfo.InvariantCulture);
            if (tied >= n)
            {
                string what = sorted.Count == 1
                    ? $"Only one value ({shown}) was given"
                    : $"All {sorted.Count} values equal {shown}";
                throw new EstimationException(
                    ZeroVarianceId,
                    $"{what}: the {Name} Scale estimate would be 0, where the likelihood is unbounded. Fix the Scale with -Fixed @{{ Scale = ... }} or supply values that differ.");
            }

            if (tiesUnbounded(tied, n))
            {
                string share = tied.ToString("R", CultureInfo.InvariantCulture) + " of the " + n.ToString("R", CultureInfo.InvariantCulture) + " values";
                throw new EstimationException(
                    UnboundedLikelihoodId,
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
                    UnboundedLikelihoodId,
                    $"The {Name} fit ran to Scale → 0 at Location {theta[0].ToString("R", CultureInfo.InvariantCulture)}: {why} Fix a parameter with -Fixed or supply more distinct values.");
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
                    "InformationOutOfRange",
                    $"At these values the {Name} Scale is about {scale}, where the Fisher information for {Parameters[worst].Name} (proportional to 1/Scale²) is outside the range of a double, so the fit cannot be carried out or its standard errors reported. Divide the values by about {SpecialMath.PowerOfTen(theta[1])} and fit again: Location and Scale scale by the same factor{others}.");
            }

            return theta;
        }

        /// <summary>
        /// log|z| for z = (x - location) / scale, given z as computed: when z (or x - location)
        /// overflowed to ±Infinity (x = 1e308, Scale 0.5) its logarithm (709.9) is still a double,
        /// and it decides a far outlier's log-density (Cauchy: -2 log|z|).
        /// </summary>
        protected static double LogAbsStandardized(double x, double location, double scale, double z)
        {
            if (!double.IsInfinity(z))
            {
                return Math.Log(Math.Abs(z));
            }

            // Halves cannot overflow: |x/2 - location/2| ≤ the largest double.
            return Math.Log(Math.Abs(0.5 * x - 0.5 * location)) + Math.Log(2) - Math.Log(scale);
        }

        /// <summary>
        /// The sample sorted once (with its weights), for the quantiles, ties and spread that
        /// starting values and identifiability checks need.
        /// </summary>
        protected sealed class SortedSample
        {
            private readonly double[] values;

            // Null for an unweighted sample (every weight 1): sorting one array is the cheaper sort.
            private readonly double[]? weights;

            public SortedSample(BufferedSample sample)
            {
                sample.Cancellation.ThrowIfCancellationRequested();
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

                    Array.Sort(values, weights);
                }
                else
                {
                    Array.Sort(values);
                }

                sample.Cancellation.ThrowIfCancellationRequested();
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
                    deviations[i] = Math.Abs(values[i] - center);
                    w[i] = Weight(i);
                }

                Array.Sort(deviations, w);
                double target = 0.5 * TotalWeight, cumulative = 0;
                for (int k = 0; k < deviations.Length; k++)
                {
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
                    sum += Weight(i) * Math.Abs(values[i] - center);
                }

                return sum / TotalWeight;
            }
        }
    }
}
