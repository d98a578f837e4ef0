#if NET8_0_OR_GREATER
using System.Numerics;

namespace PSEstimation.Numerics
{
    /// <summary>
    /// A vector of doubles of one hardware width, with what <see cref="VectorLog"/> and the sums of
    /// logs in <see cref="VectorMath"/> are written in, so that they are written once for every
    /// width: the methods are generic over the lanes type, and the JIT compiles each width's copy
    /// with its own instructions (a struct type argument is specialised, its static members inline).
    /// Implemented by <see cref="VectorLanes"/> (Vector&lt;double&gt;: 4 lanes with AVX2, 2 on
    /// ARM64) and <see cref="Avx512Lanes"/> (8 lanes).
    /// </summary>
    internal interface IDoubleLanes<T> : IAdditionOperators<T, T, T>, ISubtractionOperators<T, T, T>, IMultiplyOperators<T, T, T>, IDivisionOperators<T, T, T>
        where T : struct, IDoubleLanes<T>
    {
        /// <summary>The number of doubles in one vector.</summary>
        static abstract int Count { get; }

        /// <summary>Every lane equal to <paramref name="value"/>.</summary>
        static abstract T Create(double value);

        /// <summary>values[index .. index + Count).</summary>
        static abstract T Load(double[] values, int index);

        /// <summary>Writes the lanes to destination[index .. index + Count).</summary>
        static abstract void Store(T lanes, double[] destination, int index);

        /// <summary>The sum of the lanes.</summary>
        static abstract double Sum(T lanes);

        /// <summary>The smallest lane.</summary>
        static abstract double MinimumOf(T lanes);

        /// <summary>The largest lane.</summary>
        static abstract double MaximumOf(T lanes);

        /// <summary>Per lane, the smaller (where one is NaN, either may be returned).</summary>
        static abstract T Min(T a, T b);

        /// <summary>Per lane, the larger (where one is NaN, either may be returned).</summary>
        static abstract T Max(T a, T b);

        /// <summary>Whether every lane lies in [lower, upper] (NaN does not).</summary>
        static abstract bool AllWithin(T x, T lower, T upper);

        /// <summary>a·b + c: one rounding with FMA3 on 4 lanes or with AVX-512, two otherwise (ARM64 included).</summary>
        static abstract T MultiplyAdd(T a, T b, T c);

        /// <summary>Whether every lane is a positive normal finite double (NaN is not).</summary>
        static virtual bool AllPositiveNormal(T x) => T.AllWithin(x, T.Create(DoubleBits.SmallestNormal), T.Create(double.MaxValue));

        /// <summary>Per lane: <paramref name="ifEqual"/> where a equals b, else <paramref name="otherwise"/>.</summary>
        static abstract T SelectWhereEqual(T a, T b, T ifEqual, T otherwise);

        /// <summary>
        /// x = 2^k·(1 + f) with 1 + f in [√2/2, √2), for positive normal lanes: returns f, and k as
        /// a double (the bits of the exponent and mantissa, so written per width).
        /// </summary>
        static abstract T SplitExponent(T x, out T k);
    }
}
#endif
