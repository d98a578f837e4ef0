#if NET8_0_OR_GREATER
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace PSEstimation.Numerics
{
    /// <summary>
    /// <see cref="IDoubleLanes{T}"/> on Vector512&lt;double&gt;: 8 lanes, multiply-adds fused. The
    /// runtime reports Vector512 accelerated only on processors where 512-bit code does not slow
    /// the core down (it says no on Skylake-X, for one), and Vector&lt;T&gt; stays at 256 bits even
    /// there, so this width is chosen explicitly. Measured on this project's 2-core Xeon (AVX-512):
    /// Σ log of 10^6 doubles 1.4 ms against 2.0 ms for 4 lanes with FMA, 2.8 ms without.
    /// </summary>
    internal readonly struct Avx512Lanes : IDoubleLanes<Avx512Lanes>
    {
        private readonly Vector512<double> value;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private Avx512Lanes(Vector512<double> value) => this.value = value;

        public static int Count => Vector512<double>.Count;

        /// <summary>Whether this width runs on vector units here.</summary>
        public static bool IsAccelerated => Vector512.IsHardwareAccelerated && Avx512F.IsSupported;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Avx512Lanes Create(double value) => new Avx512Lanes(Vector512.Create(value));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Avx512Lanes Load(double[] values, int index) => new Avx512Lanes(Vector512.Create(values, index));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Store(Avx512Lanes lanes, double[] destination, int index) => lanes.value.CopyTo(destination, index);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double Sum(Avx512Lanes lanes) => Vector512.Sum(lanes.value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double MinimumOf(Avx512Lanes lanes)
        {
            var half = Vector256.Min(lanes.value.GetLower(), lanes.value.GetUpper());
            var quarter = Vector128.Min(half.GetLower(), half.GetUpper());
            return System.Math.Min(quarter.GetElement(0), quarter.GetElement(1));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double MaximumOf(Avx512Lanes lanes)
        {
            var half = Vector256.Max(lanes.value.GetLower(), lanes.value.GetUpper());
            var quarter = Vector128.Max(half.GetLower(), half.GetUpper());
            return System.Math.Max(quarter.GetElement(0), quarter.GetElement(1));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Avx512Lanes Min(Avx512Lanes a, Avx512Lanes b) => new Avx512Lanes(Vector512.Min(a.value, b.value));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Avx512Lanes Max(Avx512Lanes a, Avx512Lanes b) => new Avx512Lanes(Vector512.Max(a.value, b.value));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool AllWithin(Avx512Lanes x, Avx512Lanes lower, Avx512Lanes upper)
            => Vector512.GreaterThanOrEqualAll(x.value, lower.value) && Vector512.LessThanOrEqualAll(x.value, upper.value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Avx512Lanes MultiplyAdd(Avx512Lanes a, Avx512Lanes b, Avx512Lanes c) => new Avx512Lanes(Avx512F.FusedMultiplyAdd(a.value, b.value, c.value));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Avx512Lanes SelectWhereEqual(Avx512Lanes a, Avx512Lanes b, Avx512Lanes ifEqual, Avx512Lanes otherwise)
            => new Avx512Lanes(Vector512.ConditionalSelect(Vector512.Equals(a.value, b.value), ifEqual.value, otherwise.value));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Avx512Lanes SplitExponent(Avx512Lanes x, out Avx512Lanes k)
        {
            var adjusted = x.value.AsUInt64() + Vector512.Create(DoubleBits.One - DoubleBits.HalfSqrt2);
            var exponent = Vector512.ShiftRightLogical(adjusted, 52);
            k = new Avx512Lanes((exponent | Vector512.Create(DoubleBits.TwoTo52)).AsDouble() - Vector512.Create(DoubleBits.TwoTo52PlusBias));
            var m = ((adjusted & Vector512.Create(DoubleBits.MantissaMask)) + Vector512.Create(DoubleBits.HalfSqrt2)).AsDouble();
            return new Avx512Lanes(m - Vector512<double>.One);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Avx512Lanes operator +(Avx512Lanes a, Avx512Lanes b) => new Avx512Lanes(a.value + b.value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Avx512Lanes operator -(Avx512Lanes a, Avx512Lanes b) => new Avx512Lanes(a.value - b.value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Avx512Lanes operator *(Avx512Lanes a, Avx512Lanes b) => new Avx512Lanes(a.value * b.value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Avx512Lanes operator /(Avx512Lanes a, Avx512Lanes b) => new Avx512Lanes(a.value / b.value);
    }
}
#endif
