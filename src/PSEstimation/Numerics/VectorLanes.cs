#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace PSEstimation.Numerics
{
    /// <summary>
    /// <see cref="IDoubleLanes{T}"/> on Vector&lt;double&gt;, the width the runtime prefers (256 bits
    /// on x64 with AVX2, 128 on ARM64). Multiply-adds are fused where FMA3 is there (every x64
    /// processor with AVX2 has it), unfused elsewhere.
    /// </summary>
    internal readonly struct VectorLanes : IDoubleLanes<VectorLanes>
    {
        private readonly Vector<double> value;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private VectorLanes(Vector<double> value) => this.value = value;

        public static int Count => Vector<double>.Count;

        /// <summary>Whether this width runs on vector units here.</summary>
        public static bool IsAccelerated => Vector.IsHardwareAccelerated && Vector<double>.Count >= 2;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static VectorLanes Create(double value) => new VectorLanes(new Vector<double>(value));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static VectorLanes Load(double[] values, int index) => new VectorLanes(new Vector<double>(values, index));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Store(VectorLanes lanes, double[] destination, int index) => lanes.value.CopyTo(destination, index);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double Sum(VectorLanes lanes) => Vector.Sum(lanes.value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double MinimumOf(VectorLanes lanes)
        {
            double smallest = lanes.value[0];
            for (int j = 1; j < Vector<double>.Count; j++)
            {
                smallest = System.Math.Min(smallest, lanes.value[j]);
            }

            return smallest;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double MaximumOf(VectorLanes lanes)
        {
            double largest = lanes.value[0];
            for (int j = 1; j < Vector<double>.Count; j++)
            {
                largest = System.Math.Max(largest, lanes.value[j]);
            }

            return largest;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static VectorLanes Min(VectorLanes a, VectorLanes b) => new VectorLanes(Vector.Min(a.value, b.value));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static VectorLanes Max(VectorLanes a, VectorLanes b) => new VectorLanes(Vector.Max(a.value, b.value));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool AllWithin(VectorLanes x, VectorLanes lower, VectorLanes upper)
            => Vector.GreaterThanOrEqualAll(x.value, lower.value) && Vector.LessThanOrEqualAll(x.value, upper.value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static VectorLanes MultiplyAdd(VectorLanes a, VectorLanes b, VectorLanes c)
            => Fma.IsSupported && Vector<double>.Count == 4
                ? new VectorLanes(Fma.MultiplyAdd(a.value.AsVector256(), b.value.AsVector256(), c.value.AsVector256()).AsVector())
                : new VectorLanes(a.value * b.value + c.value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static VectorLanes SelectWhereEqual(VectorLanes a, VectorLanes b, VectorLanes ifEqual, VectorLanes otherwise)
            => new VectorLanes(Vector.ConditionalSelect(Vector.Equals(a.value, b.value), ifEqual.value, otherwise.value));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static VectorLanes SplitExponent(VectorLanes x, out VectorLanes k)
        {
            var adjusted = Vector.AsVectorUInt64(x.value) + new Vector<ulong>(DoubleBits.One - DoubleBits.HalfSqrt2);
            var exponent = Vector.ShiftRightLogical(adjusted, 52);
            k = new VectorLanes(Vector.AsVectorDouble(exponent | new Vector<ulong>(DoubleBits.TwoTo52)) - new Vector<double>(DoubleBits.TwoTo52PlusBias));
            var m = Vector.AsVectorDouble((adjusted & new Vector<ulong>(DoubleBits.MantissaMask)) + new Vector<ulong>(DoubleBits.HalfSqrt2));
            return new VectorLanes(m - Vector<double>.One);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static VectorLanes operator +(VectorLanes a, VectorLanes b) => new VectorLanes(a.value + b.value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static VectorLanes operator -(VectorLanes a, VectorLanes b) => new VectorLanes(a.value - b.value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static VectorLanes operator *(VectorLanes a, VectorLanes b) => new VectorLanes(a.value * b.value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static VectorLanes operator /(VectorLanes a, VectorLanes b) => new VectorLanes(a.value / b.value);
    }
}
#endif
