using System;
using PSEstimation.Distributions;
#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.CompilerServices;
#endif

namespace PSEstimation.Numerics
{
    /// <summary>
    /// The sums that the bulk paths' statistics are made of (of logs for the one-pass families,
    /// of squared deviations for Normal, of absolute deviations for Laplace), over a range of a
    /// double[]. On net8.0 (PowerShell 7.4+) the logs are VectorLog's, a vector of doubles at a
    /// time, 8 lanes where the runtime accelerates Vector512 (Avx512Lanes), else
    /// Vector&lt;double&gt;'s width (VectorLanes); on netstandard2.0 (Windows PowerShell 5.1), which has no
    /// vector shifts, a scalar loop over Math.Log. Both evaluate the same formula per value, so
    /// they differ only by the log's last-bit rounding (under 1 ulp each) and the order of the
    /// additions; <see cref="Scalar"/> is compiled in both builds so that the tests compare the
    /// two in one process. The methods are compiled fully optimised at their first call
    /// (AggressiveOptimization): a cmdlet called once would otherwise run them at tier 0, which
    /// measured 10x slower than the scalar loop for System.Numerics.Tensors' TensorPrimitives.Log.
    /// </summary>
    internal static class VectorMath
    {
        /// <summary>Whether the sums run on SIMD here (net8.0 build on hardware with vector units).</summary>
        public static bool IsVectorised
#if NET8_0_OR_GREATER
            => VectorLanes.IsAccelerated;
#else
            => false;
#endif

        /// <summary>
        /// One look at values[start .. start + length): whether every value lies in [lower, upper]
        /// (and is a whole number when <paramref name="integers"/>; NaN never passes), Σ(x - centre)
        /// (the exact differences next to a pivot keep their digits), the smallest and the largest.
        /// </summary>
#if NET8_0_OR_GREATER
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
#endif
        public static RangeSummary Summarise(double[] values, int start, int length, double lower, double upper, bool integers, double centre)
        {
#if NET8_0_OR_GREATER
            if (IsVectorised)
            {
                int width = Vector<double>.Count, i = start, end = start + length;
                var lo = new Vector<double>(lower);
                var hi = new Vector<double>(upper);
                var c = new Vector<double>(centre);
                var sum = Vector<double>.Zero;
                var min = new Vector<double>(double.PositiveInfinity);
                var max = new Vector<double>(double.NegativeInfinity);
                var inside = new Vector<long>(-1);

                // Two vectors a step, each with its own sum, minimum and maximum: one set's chain of
                // additions (4 cycles each) would otherwise hold the loop below the speed of memory.
                var sum2 = Vector<double>.Zero;
                var min2 = min;
                var max2 = max;
                for (; i + 2 * width <= end; i += 2 * width)
                {
                    var x = new Vector<double>(values, i);
                    var y = new Vector<double>(values, i + width);
                    var ok = Vector.GreaterThanOrEqual(x, lo) & Vector.LessThanOrEqual(x, hi) & Vector.GreaterThanOrEqual(y, lo) & Vector.LessThanOrEqual(y, hi);
                    if (integers)
                    {
                        ok &= Vector.Equals(Vector.Floor(x), x) & Vector.Equals(Vector.Floor(y), y);
                    }

                    inside &= ok;
                    sum += x - c;
                    sum2 += y - c;
                    min = Vector.Min(min, x);
                    min2 = Vector.Min(min2, y);
                    max = Vector.Max(max, x);
                    max2 = Vector.Max(max2, y);
                }

                sum += sum2;
                min = Vector.Min(min, min2);
                max = Vector.Max(max, max2);
                for (; i + width <= end; i += width)
                {
                    var x = new Vector<double>(values, i);
                    var ok = Vector.GreaterThanOrEqual(x, lo) & Vector.LessThanOrEqual(x, hi);
                    if (integers)
                    {
                        ok &= Vector.Equals(Vector.Floor(x), x);
                    }

                    inside &= ok;
                    sum += x - c;
                    min = Vector.Min(min, x);
                    max = Vector.Max(max, x);
                }

                var tail = Scalar.Summarise(values, i, end - i, lower, upper, integers, centre);
                double smallest = tail.Minimum, largest = tail.Maximum;
                for (int j = 0; j < width; j++)
                {
                    smallest = Math.Min(smallest, min[j]);
                    largest = Math.Max(largest, max[j]);
                }

                return new RangeSummary(tail.Accepted && Vector.EqualsAll(inside, new Vector<long>(-1)), Vector.Sum(sum) + tail.SumOfDifferences, smallest, largest);
            }
#endif
            return Scalar.Summarise(values, start, length, lower, upper, integers, centre);
        }

        /// <summary>Σ log x over values[start .. start + length), each x > 0.</summary>
#if NET8_0_OR_GREATER
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
#endif
        public static double SumOfLogs(double[] values, int start, int length)
        {
#if NET8_0_OR_GREATER
            if (Avx512Lanes.IsAccelerated)
            {
                return SumOfLogs<Avx512Lanes>(values, start, length);
            }

            if (VectorLanes.IsAccelerated)
            {
                return SumOfLogs<VectorLanes>(values, start, length);
            }
#endif
            return Scalar.SumOfLogs(values, start, length);
        }

#if NET8_0_OR_GREATER
        /// <summary><see cref="SumOfLogs(double[], int, int)"/> in lanes of <typeparamref name="T"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        internal static double SumOfLogs<T>(double[] values, int start, int length)
            where T : struct, IDoubleLanes<T>
        {
            int i = start, end = start + length;
            var total = T.Create(0);
            double rest = 0;
            for (; i + T.Count <= end; i += T.Count)
            {
                var x = T.Load(values, i);
                if (T.AllPositiveNormal(x))
                {
                    total += VectorLog.Log(x);
                }
                else
                {
                    rest += Scalar.SumOfLogs(values, i, T.Count);
                }
            }

            return T.Sum(total) + rest + Scalar.SumOfLogs(values, i, end - i);
        }
#endif

        /// <summary>
        /// Σ log1p((x - centre) / scale) over values[start .. start + length), in Goldberg's form
        /// (u = 1 + r rounded, log(u)·r/(u - 1), r itself where u = 1), so that a value next to
        /// <paramref name="centre"/> keeps its digits: (x - x₀)/x₀ for the log of a ratio to a
        /// pivot x₀ (exact difference within a factor 2 of the pivot), (x - 0)/(-1) for log(1 - x).
        /// Each r must lie in (-1, +∞) and 1 + r be finite (the caller's support check). When
        /// <paramref name="terms"/> is given, each term is also written to terms[0 .. length).
        /// </summary>
#if NET8_0_OR_GREATER
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
#endif
        public static double SumOfLog1p(double[] values, int start, int length, double centre, double scale, double[]? terms = null)
        {
#if NET8_0_OR_GREATER
            if (Avx512Lanes.IsAccelerated)
            {
                return SumOfLog1p<Avx512Lanes>(values, start, length, centre, scale, terms);
            }

            if (VectorLanes.IsAccelerated)
            {
                return SumOfLog1p<VectorLanes>(values, start, length, centre, scale, terms);
            }
#endif
            return Scalar.SumOfLog1p(values, start, length, centre, scale, terms);
        }

#if NET8_0_OR_GREATER
        /// <summary><see cref="SumOfLog1p(double[], int, int, double, double, double[])"/> in lanes of <typeparamref name="T"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        internal static double SumOfLog1p<T>(double[] values, int start, int length, double centre, double scale, double[]? terms = null)
            where T : struct, IDoubleLanes<T>
        {
            int i = 0;
            var total = T.Create(0);
            var one = T.Create(1);
            var c = T.Create(centre);
            var s = T.Create(scale);
            double rest = 0;
            for (; i + T.Count <= length; i += T.Count)
            {
                var r = (T.Load(values, start + i) - c) / s;
                var u = one + r;
                if (T.AllPositiveNormal(u))
                {
                    var term = T.SelectWhereEqual(u, one, r, VectorLog.Log(u) * r / (u - one));
                    total += term;
                    if (terms is not null)
                    {
                        T.Store(term, terms, i);
                    }
                }
                else
                {
                    rest += Scalar.SumOfLog1p(values, start + i, T.Count, centre, scale, terms, i);
                }
            }

            return T.Sum(total) + rest + Scalar.SumOfLog1p(values, start + i, length - i, centre, scale, terms, i);
        }
#endif

        /// <summary>
        /// Σ log(x / pivot) over values[start .. start + length), each x > 0, for any pivot > 0:
        /// each term as <see cref="SpecialMath.LogRatio"/> forms it (a ratio near 1 keeps its
        /// digits, see VectorLog.LogRatio), to within 4 ulp of the term (log x - log y,
        /// LogRatio's form away from the pivot, is further from it for large x). When
        /// <paramref name="terms"/> is given, each term is also written to terms[0 .. length).
        /// </summary>
#if NET8_0_OR_GREATER
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
#endif
        public static double SumOfLogRatios(double[] values, int start, int length, double pivot, double[]? terms = null)
        {
#if NET8_0_OR_GREATER
            if (HasNormalReciprocal(pivot))
            {
                if (Avx512Lanes.IsAccelerated)
                {
                    return SumOfLogRatios<Avx512Lanes>(values, start, length, pivot, terms);
                }

                if (VectorLanes.IsAccelerated)
                {
                    return SumOfLogRatios<VectorLanes>(values, start, length, pivot, terms);
                }
            }
#endif
            return Scalar.SumOfLogRatios(values, start, length, pivot, terms);
        }

#if NET8_0_OR_GREATER
        /// <summary>
        /// <see cref="SumOfLogRatios(double[], int, int, double, double[])"/> in lanes of
        /// <typeparamref name="T"/>, for a pivot whose reciprocal is a normal double.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        internal static double SumOfLogRatios<T>(double[] values, int start, int length, double pivot, double[]? terms = null)
            where T : struct, IDoubleLanes<T>
        {
            int i = 0;
            var total = T.Create(0);
            var p = T.Create(pivot);
            var reciprocal = T.Create(1 / pivot);
            double rest = 0;
            for (; i + T.Count <= length; i += T.Count)
            {
                var x = T.Load(values, start + i);
                var q = x * reciprocal;
                if (T.AllPositiveNormal(q))
                {
                    var term = VectorLog.LogRatio(x, q, p, reciprocal);
                    total += term;
                    if (terms is not null)
                    {
                        T.Store(term, terms, i);
                    }
                }
                else
                {
                    rest += Scalar.SumOfLogRatios(values, start + i, T.Count, pivot, terms, i);
                }
            }

            return T.Sum(total) + rest + Scalar.SumOfLogRatios(values, start + i, length - i, pivot, terms, i);
        }
#endif

        /// <summary>
        /// <see cref="Summarise"/>'s look (centred on the pivot) and <see cref="SumOfLogRatios"/>
        /// in one pass: each vector is checked, summed and its log ratio taken while it is loaded,
        /// so that reading a large array from memory overlaps the logs instead of preceding them.
        /// </summary>
#if NET8_0_OR_GREATER
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
#endif
        public static (RangeSummary Range, double SumOfLogRatios) SummariseWithLogRatios(double[] values, int start, int length, double lower, double upper, bool integers, double pivot)
        {
#if NET8_0_OR_GREATER
            if (!integers && HasNormalReciprocal(pivot))
            {
                if (Avx512Lanes.IsAccelerated)
                {
                    return SummariseWithLogRatios<Avx512Lanes>(values, start, length, lower, upper, pivot);
                }

                if (VectorLanes.IsAccelerated)
                {
                    return SummariseWithLogRatios<VectorLanes>(values, start, length, lower, upper, pivot);
                }
            }
#endif
            return (Summarise(values, start, length, lower, upper, integers, pivot), SumOfLogRatios(values, start, length, pivot));
        }

#if NET8_0_OR_GREATER
        /// <summary>
        /// <see cref="SummariseWithLogRatios(double[], int, int, double, double, bool, double)"/> in
        /// lanes of <typeparamref name="T"/>, for a support of real numbers and a pivot whose
        /// reciprocal is a normal double.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        internal static (RangeSummary Range, double SumOfLogRatios) SummariseWithLogRatios<T>(double[] values, int start, int length, double lower, double upper, double pivot)
            where T : struct, IDoubleLanes<T>
        {
            int i = start, end = start + length;
            var lo = T.Create(lower);
            var hi = T.Create(upper);
            var p = T.Create(pivot);
            var reciprocal = T.Create(1 / pivot);
            var sum = T.Create(0);
            var logs = T.Create(0);
            var min = T.Create(double.PositiveInfinity);
            var max = T.Create(double.NegativeInfinity);
            bool accepted = true;
            double rest = 0;
            for (; i + T.Count <= end; i += T.Count)
            {
                var x = T.Load(values, i);
                accepted &= T.AllWithin(x, lo, hi);
                sum += x - p;
                min = T.Min(min, x);
                max = T.Max(max, x);
                var q = x * reciprocal;
                if (T.AllPositiveNormal(q))
                {
                    logs += VectorLog.LogRatio(x, q, p, reciprocal);
                }
                else
                {
                    rest += Scalar.SumOfLogRatios(values, i, T.Count, pivot);
                }
            }

            var tail = Scalar.Summarise(values, i, end - i, lower, upper, false, pivot);
            rest += Scalar.SumOfLogRatios(values, i, end - i, pivot);
            var range = new RangeSummary(
                accepted && tail.Accepted,
                T.Sum(sum) + tail.SumOfDifferences,
                Math.Min(T.MinimumOf(min), tail.Minimum),
                Math.Max(T.MaximumOf(max), tail.Maximum));
            return (range, T.Sum(logs) + rest);
        }
#endif

#if NET8_0_OR_GREATER
        /// <summary>
        /// Whether the vector log ratios may take this pivot: one whose reciprocal is not a normal
        /// double (beyond 4.5e307 or below 2.2e-308) would round q's digits away, so those go to the
        /// scalar loop.
        /// </summary>
        internal static bool HasNormalReciprocal(double pivot)
        {
            double inverse = 1 / pivot;
            return inverse >= DoubleBits.SmallestNormal && inverse <= double.MaxValue;
        }
#endif

        /// <summary>
        /// Σ|x - centre| over values[start .. start + length), and in <paramref name="sumOfSigns"/>
        /// Σ sign(x - centre) (the Laplace likelihood's two statistics).
        /// </summary>
#if NET8_0_OR_GREATER
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
#endif
        public static double SumOfAbsoluteDeviations(double[] values, int start, int length, double centre, out double sumOfSigns)
        {
#if NET8_0_OR_GREATER
            if (IsVectorised)
            {
                int width = Vector<double>.Count, i = start, end = start + length;
                var c = new Vector<double>(centre);
                var total = Vector<double>.Zero;
                var above = Vector<long>.Zero;
                var below = Vector<long>.Zero;
                for (; i + width <= end; i += width)
                {
                    var d = new Vector<double>(values, i) - c;
                    total += Vector.Abs(d);

                    // A lane that holds is all ones (-1): subtracting counts it.
                    above -= Vector.GreaterThan(d, Vector<double>.Zero);
                    below -= Vector.LessThan(d, Vector<double>.Zero);
                }

                double tail = Scalar.SumOfAbsoluteDeviations(values, i, end - i, centre, out double tailSigns);
                sumOfSigns = Vector.Sum(above) - Vector.Sum(below) + tailSigns;
                return Vector.Sum(total) + tail;
            }
#endif
            return Scalar.SumOfAbsoluteDeviations(values, start, length, centre, out sumOfSigns);
        }

        /// <summary>
        /// Σd² for d = (x - reference) - centre over values[start .. start + length) (the
        /// difference from a reference first, exact next to it, then from the centre), with Σd in
        /// <paramref name="residual"/>: the second look of the corrected two-pass variance.
        /// </summary>
#if NET8_0_OR_GREATER
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
#endif
        public static double SumOfSquaredDeviations(double[] values, int start, int length, double reference, double centre, out double residual)
        {
#if NET8_0_OR_GREATER
            if (IsVectorised)
            {
                int width = Vector<double>.Count, i = start, end = start + length;
                var r = new Vector<double>(reference);
                var c = new Vector<double>(centre);
                var squares = Vector<double>.Zero;
                var sum = Vector<double>.Zero;

                // Two vectors a step with their own sums, as in Summarise.
                var squares2 = Vector<double>.Zero;
                var sum2 = Vector<double>.Zero;
                for (; i + 2 * width <= end; i += 2 * width)
                {
                    var d = (new Vector<double>(values, i) - r) - c;
                    var e = (new Vector<double>(values, i + width) - r) - c;
                    squares += d * d;
                    squares2 += e * e;
                    sum += d;
                    sum2 += e;
                }

                squares += squares2;
                sum += sum2;
                for (; i + width <= end; i += width)
                {
                    var d = (new Vector<double>(values, i) - r) - c;
                    squares += d * d;
                    sum += d;
                }

                double tail = Scalar.SumOfSquaredDeviations(values, i, end - i, reference, centre, out double tailResidual);
                residual = Vector.Sum(sum) + tailResidual;
                return Vector.Sum(squares) + tail;
            }
#endif
            return Scalar.SumOfSquaredDeviations(values, start, length, reference, centre, out residual);
        }

        /// <summary>The scalar loops: netstandard2.0's path, and the reference the SIMD path is tested against.</summary>
        internal static class Scalar
        {
            public static RangeSummary Summarise(double[] values, int start, int length, double lower, double upper, bool integers, double centre)
            {
                bool accepted = true;
                double sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
                for (int i = start; i < start + length; i++)
                {
                    double x = values[i];
                    accepted &= (x >= lower) & (x <= upper) & (!integers | Math.Floor(x) == x);
                    sum += x - centre;
                    min = x < min ? x : min;
                    max = x > max ? x : max;
                }

                return new RangeSummary(accepted, sum, min, max);
            }

            public static double SumOfLogs(double[] values, int start, int length)
            {
                double sum = 0;
                for (int i = start; i < start + length; i++)
                {
                    sum += Math.Log(values[i]);
                }

                return sum;
            }

            public static double SumOfSquaredDeviations(double[] values, int start, int length, double reference, double centre, out double residual)
            {
                double squares = 0, sum = 0;
                for (int i = start; i < start + length; i++)
                {
                    double d = (values[i] - reference) - centre;
                    squares += d * d;
                    sum += d;
                }

                residual = sum;
                return squares;
            }

            public static double SumOfAbsoluteDeviations(double[] values, int start, int length, double centre, out double sumOfSigns)
            {
                double sum = 0, signs = 0;
                for (int i = start; i < start + length; i++)
                {
                    double d = values[i] - centre;
                    sum += Math.Abs(d);
                    signs += d > 0 ? 1 : d < 0 ? -1 : 0;
                }

                sumOfSigns = signs;
                return sum;
            }

            /// <summary>As <see cref="VectorMath.SumOfLogRatios"/>; each term, when kept, to terms[termsAt + i].</summary>
            public static double SumOfLogRatios(double[] values, int start, int length, double pivot, double[]? terms = null, int termsAt = 0)
            {
                double sum = 0;
                for (int i = 0; i < length; i++)
                {
                    double term = SpecialMath.LogRatio(values[start + i], pivot);
                    sum += term;
                    if (terms is not null)
                    {
                        terms[termsAt + i] = term;
                    }
                }

                return sum;
            }

            /// <summary>As <see cref="VectorMath.SumOfLog1p"/>; each term, when kept, to terms[termsAt + i].</summary>
            public static double SumOfLog1p(double[] values, int start, int length, double centre, double scale, double[]? terms = null, int termsAt = 0)
            {
                double sum = 0;
                for (int i = 0; i < length; i++)
                {
                    double term = SpecialMath.Log1p((values[start + i] - centre) / scale);
                    sum += term;
                    if (terms is not null)
                    {
                        terms[termsAt + i] = term;
                    }
                }

                return sum;
            }
        }
    }
}
