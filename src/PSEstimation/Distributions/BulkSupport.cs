using System.Runtime.CompilerServices;
using PSEstimation.Numerics;

namespace PSEstimation.Distributions
{
    /// <summary>
    /// The values a family accepts on the bulk path, as one closed interval of finite doubles
    /// (an open bound is given as the next double inside it: x > 0 as x >= 4.9e-324), optionally
    /// whole numbers only. An accumulator checks it in the same loop as it accumulates, so a
    /// double[] is read once; the comparisons are combined without branches (NaN fails both).
    /// </summary>
    internal readonly struct BulkSupport
    {
        public BulkSupport(double lower, double upper, bool integers = false)
        {
            Lower = lower;
            Upper = upper;
            Integers = integers;
        }

        /// <summary>Every finite double.</summary>
        public static BulkSupport Real => new BulkSupport(-double.MaxValue, double.MaxValue);

        /// <summary>x > 0, finite.</summary>
        public static BulkSupport Positive => new BulkSupport(double.Epsilon, double.MaxValue);

        /// <summary>x >= 0, finite.</summary>
        public static BulkSupport NonNegative => new BulkSupport(0, double.MaxValue);

        /// <summary>Whole numbers 0, 1, 2, ... (finite).</summary>
        public static BulkSupport Counts => new BulkSupport(0, double.MaxValue, integers: true);

        public double Lower { get; }

        public double Upper { get; }

        public bool Integers { get; }

        /// <summary>
        /// The smallest value of an array when every value is positive and the largest over it is
        /// finite, else NaN: as the pivot of log(x / pivot), every ratio is then at least 1, so
        /// log1p((x - pivot) / pivot) is accurate for every value and needs no branch on the ratio
        /// (about the first value, ratios fall on both sides of 1/2 and 2 at random).
        /// </summary>
        public static double LowPivot(double[] values)
        {
            var range = VectorMath.Summarise(values, 0, values.Length, double.NegativeInfinity, double.PositiveInfinity, false, 0);
            double min = range.Minimum, max = System.Math.Max(range.Maximum, 0);
            return min > 0 && !double.IsInfinity(max / min) ? min : double.NaN;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Accepts(double x) => (x >= Lower) & (x <= Upper) & (!Integers | System.Math.Floor(x) == x);
    }
}
