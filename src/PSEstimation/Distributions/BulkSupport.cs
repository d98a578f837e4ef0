using System.Runtime.CompilerServices;

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

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Accepts(double x) => (x >= Lower) & (x <= Upper) & (!Integers | System.Math.Floor(x) == x);
    }
}
