using System.Globalization;

namespace PSEstimation
{
    /// <summary>
    /// One value's negative log-likelihood, as Measure-NegativeLogLikelihood -PerObservation
    /// streams it: an anomaly score (the higher, the less likely the value under the model).
    /// </summary>
    public sealed class ObservationNegativeLogLikelihood
    {
        internal ObservationNegativeLogLikelihood(long index, double value, double negativeLogLikelihood, string? property)
        {
            Index = index;
            Value = value;
            NegativeLogLikelihood = negativeLogLikelihood;
            Property = property;
        }

        /// <summary>
        /// The 0-based position of the input object among all the command received (skipped
        /// ones counted), so <c>$data[$_.Index]</c> finds it when $data was piped in.
        /// </summary>
        public long Index { get; }

        /// <summary>The value as a number.</summary>
        public double Value { get; }

        /// <summary>-log f(Value | θ): +Infinity outside the support (zero likelihood).</summary>
        public double NegativeLogLikelihood { get; }

        /// <summary>With -Property, the property the value was read from; otherwise null.</summary>
        public string? Property { get; }

        /// <summary>"[3] 4.2: NLL = 5.123456789".</summary>
        public override string ToString()
            => string.Format(
                CultureInfo.InvariantCulture,
                "[{0}]{1} {2:R}: NLL = {3:G10}",
                Index,
                Property is null ? string.Empty : " " + Property,
                Value,
                NegativeLogLikelihood);
    }
}
