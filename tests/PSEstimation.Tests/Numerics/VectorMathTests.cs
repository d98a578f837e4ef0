using System;
using System.Linq;
using PSEstimation.Numerics;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Numerics
{
    /// <summary>
    /// The sums of logs of the one-pass families' bulk paths. The test project runs the module's
    /// net8.0 build, so <see cref="VectorMath"/> here is the SIMD path; each width is tested on
    /// its own (8 lanes where this machine accelerates Vector512, and Vector&lt;double&gt;'s), and
    /// <see cref="VectorMath.Scalar"/>, the loop that the netstandard2.0 build (Windows PowerShell
    /// 5.1) runs, directly.
    /// References: mpmath 1.3.0 at 50 digits on the same doubles (script beside each case).
    /// </summary>
    public class VectorMathTests
    {
        private const int N = 10007; // odd, not a multiple of any vector width: the tail is exercised

        // mpmath: sum(log(mpf(0.1 + i * 0.003)) for i in range(10007))
        private static readonly double[] Spread = Enumerable.Range(0, N).Select(i => 0.1 + i * 0.003).ToArray();
        private const double SpreadSumOfLogs = 24256.46644839522081858343;

        // mpmath: sum(log(mpf(1e9 + i * 0.001) / mpf(1e9)) for i in range(10007)): ratios next to 1,
        // where log(x / x₀) computed naively loses about 8 digits of this sum.
        private static readonly double[] NearPivot = Enumerable.Range(0, N).Select(i => 1e9 + i * 0.001).ToArray();
        private const double NearPivotSumOfLogRatios = 0.0000500650208330357798448917;

        // mpmath: sum(log(1 - mpf((i + 0.5) / 10007)) for i in range(10007))
        private static readonly double[] UnitInterval = Enumerable.Range(0, N).Select(i => (i + 0.5) / N).ToArray();
        private const double UnitIntervalSumOfLogComplements = -10006.65343057347258830748;

        // mpmath: sum(log(mpf(2.0 ** ((i % 2001) - 1000) * (1 + i / 10007))) for i in range(10007)): exponents -1000..1000
        private static readonly double[] Wide = Enumerable.Range(0, N).Select(i => Math.Pow(2.0, (i % 2001) - 1000) * (1 + (double)i / N)).ToArray();
        private const double WideSumOfLogs = 2479.699880033382756752144;

        // mpmath: sum(log(mpf(x)) for x in [5e-324, 1e-310, 2.2250738585072014e-308, 1.0, 3.0, 1e308, 7.0]):
        // subnormal lanes and the largest exponents go to Math.Log, the rest to the vector.
        private static readonly double[] Edges = { 5e-324, 1e-310, 2.2250738585072014e-308, 1.0, 3.0, 1e308, 7.0 };
        private const double EdgesSumOfLogs = -1454.397138201910039954142;

        // The same seven values, eight times over (56, so every width's vectors hold some of the
        // subnormal and huge lanes and take their scalar branch): mpmath sums are 8 times the above.
        private static readonly double[] EdgesInVectors = Enumerable.Repeat(Edges, 8).SelectMany(e => e).ToArray();

        // mpmath: sum(log(mpf(x) / mpf(1e-5)) for x in [1e308, 3.0, 0.5, 1.5e308, 7.0, 1e300, 2.0, 1e-3] * 4):
        // x/p overflows for the values near 1e308, whose vectors take the scalar branch.
        private static readonly double[] Overflowing = Enumerable.Repeat(new[] { 1e308, 3.0, 0.5, 1.5e308, 7.0, 1e300, 2.0, 1e-3 }, 4).SelectMany(e => e).ToArray();
        private const double OverflowingSumOfLogRatios = 8791.254324676628494753918;

        private const string Lanes8 = "8 lanes", LanesOfVector = "Vector<double> lanes", ScalarLoop = "scalar";

        /// <summary>The SIMD widths this machine runs (none on netstandard2.0's build).</summary>
        private static string[] VectorPaths => new[] { Lanes8, LanesOfVector }.Where(IsAccelerated).ToArray();

        public static TheoryData<string> Paths
        {
            get
            {
                var paths = new TheoryData<string> { ScalarLoop };
                foreach (string path in VectorPaths)
                {
                    paths.Add(path);
                }

                return paths;
            }
        }

        private static bool IsAccelerated(string path)
#if NET8_0_OR_GREATER
            => path == Lanes8 ? Avx512Lanes.IsAccelerated : VectorLanes.IsAccelerated;
#else
            => false;
#endif

        private static double SumOfLogs(string path, double[] x, int start, int length) => path switch
        {
#if NET8_0_OR_GREATER
            Lanes8 => VectorMath.SumOfLogs<Avx512Lanes>(x, start, length),
            LanesOfVector => VectorMath.SumOfLogs<VectorLanes>(x, start, length),
#endif
            _ => VectorMath.Scalar.SumOfLogs(x, start, length),
        };

        private static double SumOfLog1p(string path, double[] x, int start, int length, double centre, double scale, double[]? terms = null) => path switch
        {
#if NET8_0_OR_GREATER
            Lanes8 => VectorMath.SumOfLog1p<Avx512Lanes>(x, start, length, centre, scale, terms),
            LanesOfVector => VectorMath.SumOfLog1p<VectorLanes>(x, start, length, centre, scale, terms),
#endif
            _ => VectorMath.Scalar.SumOfLog1p(x, start, length, centre, scale, terms),
        };

        /// <summary>As VectorMath.SumOfLogRatios chooses: a pivot whose reciprocal is not a normal double goes to the scalar loop.</summary>
        private static double SumOfLogRatios(string path, double[] x, int start, int length, double pivot, double[]? terms = null)
        {
#if NET8_0_OR_GREATER
            bool vectorPivot = VectorMath.HasNormalReciprocal(pivot);
#endif
            return path switch
            {
#if NET8_0_OR_GREATER
                Lanes8 when vectorPivot => VectorMath.SumOfLogRatios<Avx512Lanes>(x, start, length, pivot, terms),
                LanesOfVector when vectorPivot => VectorMath.SumOfLogRatios<VectorLanes>(x, start, length, pivot, terms),
#endif
                _ => VectorMath.Scalar.SumOfLogRatios(x, start, length, pivot, terms),
            };
        }

        [Fact]
        public void The_public_sums_take_the_widest_accelerated_path()
        {
            string widest = VectorPaths.FirstOrDefault() ?? ScalarLoop;
            var x = Enumerable.Range(0, 1003).Select(i => Math.Exp(Math.Sin(i) * 5)).ToArray();
            Assert.Equal(SumOfLogs(widest, x, 0, x.Length), VectorMath.SumOfLogs(x, 0, x.Length));
            Assert.Equal(SumOfLog1p(widest, x, 0, x.Length, 2, 2), VectorMath.SumOfLog1p(x, 0, x.Length, 2, 2));
            Assert.Equal(SumOfLogRatios(widest, x, 0, x.Length, 3), VectorMath.SumOfLogRatios(x, 0, x.Length, 3));

            // The public methods' own guards: a pivot whose reciprocal is subnormal (mpmath: 8 times
            // Σ log(x/1e308) over the edge values) and whole numbers asked of the one look.
            Tolerance.Relative(-51350.16478957658027819028, VectorMath.SumOfLogRatios(EdgesInVectors, 0, EdgesInVectors.Length, 1e308), 1e-15, "over 1e308");
            Tolerance.Relative(-51350.16478957658027819028, VectorMath.SummariseWithLogRatios(EdgesInVectors, 0, EdgesInVectors.Length, 0, double.MaxValue, false, 1e308).SumOfLogRatios, 1e-15, "over 1e308, one look");

            // Next to a pivot of 1.7e308 (reciprocal 5.9e-309, subnormal: only 50 bits) the vector's
            // (x - p)·(1/p) would carry that rounding into every term; the scalar loop takes them.
            var nearHuge = Enumerable.Range(1, 64).Select(i => 1.7e308 * (1 - i * 1e-3)).ToArray();
            var publicTerms = new double[64];
            var scalarTerms = new double[64];
            Assert.Equal(VectorMath.Scalar.SumOfLogRatios(nearHuge, 0, 64, 1.7e308, scalarTerms), VectorMath.SumOfLogRatios(nearHuge, 0, 64, 1.7e308, publicTerms));
            Assert.Equal(scalarTerms, publicTerms);

            var halves = Enumerable.Range(0, 64).Select(i => i + 0.5).ToArray();
            Assert.True(VectorMath.SummariseWithLogRatios(halves, 0, halves.Length, 0, double.MaxValue, false, 1).Range.Accepted);
            Assert.False(VectorMath.SummariseWithLogRatios(halves, 0, halves.Length, 0, double.MaxValue, true, 1).Range.Accepted);
        }

        [Theory]
        [MemberData(nameof(Paths))]
        public void Sum_of_logs_matches_mpmath(string path)
        {
            Tolerance.Relative(SpreadSumOfLogs, SumOfLogs(path, Spread, 0, N), 1e-14, "spread");
            // Terms of ±700 cancel to 2480 (Σ|log x| is 1400 times |Σ log x|): 1e-12 of the sum is 7e-16 of Σ|log x|.
            Tolerance.Relative(WideSumOfLogs, SumOfLogs(path, Wide, 0, N), 1e-12, "exponents -1000..1000");
            Tolerance.Relative(EdgesSumOfLogs, SumOfLogs(path, Edges, 0, Edges.Length), 1e-15, "subnormal and huge values");
            Tolerance.Relative(8 * EdgesSumOfLogs, SumOfLogs(path, EdgesInVectors, 0, EdgesInVectors.Length), 1e-15, "subnormal and huge values in vectors");
        }

        [Theory]
        [MemberData(nameof(Paths))]
        public void Log_ratios_next_to_the_pivot_keep_their_digits(string path)
            => Tolerance.Relative(NearPivotSumOfLogRatios, SumOfLog1p(path, NearPivot, 0, N, 1e9, 1e9), 1e-12, "Σ log(x/1e9)");

        private static double SumOfLogRatios(string path, double[] x, double pivot, double[]? terms = null)
            => SumOfLogRatios(path, x, 0, x.Length, pivot, terms);

        // mpmath at 50 digits on the same doubles: sum(log(mpf(x) / mpf(pivot)) for x in values).
        // Any pivot: values on both sides of it, far below it (where log1p((x - p)/p) loses x's
        // digits, 1 - x/p being rounded), next to it with terms of both signs cancelling
        // (Σ|term| is 800 times the sum), and subnormal or huge values (the scalar lanes).
        [Theory]
        [MemberData(nameof(Paths))]
        public void Log_ratios_to_any_pivot_match_mpmath(string path)
        {
            Tolerance.Relative(NearPivotSumOfLogRatios, SumOfLogRatios(path, NearPivot, 1e9), 1e-12, "Σ log(x/1e9)");
            Tolerance.Relative(3.002095812327942793336538e-8, SumOfLogRatios(path, NearPivot, 1e9 + 5), 1e-11, "Σ log(x/(1e9 + 5))");
            Tolerance.Relative(17320.14261253184810724519, SumOfLogRatios(path, Spread, 2.0), 1e-14, "Σ log(x/2), x in 0.1 .. 30.1");
            var tiny = Enumerable.Range(0, N).Select(i => 1e-10 * (1 + (double)i / N)).ToArray();
            Tolerance.Relative(-237548.2023346432114864994, SumOfLogRatios(path, tiny, 3.0), 1e-14, "Σ log(x/3), x near 1e-10");
            Tolerance.Relative(-1468.01850924529723308988, SumOfLogRatios(path, Edges, 7.0), 1e-15, "subnormal and huge values over 7");
            Tolerance.Relative(-6418.770598697072534773785, SumOfLogRatios(path, Edges, 1e308), 1e-15, "over 1e308 (a subnormal reciprocal)");
            Tolerance.Relative(-11744.14807396237786471904, SumOfLogRatios(path, EdgesInVectors, 7.0), 1e-15, "subnormal and huge values over 7, in vectors");

            // From an offset, with the terms kept: the scalar branch writes them where the vector's would.
            var padded = Enumerable.Repeat(2.0, 5).Concat(Overflowing).ToArray();
            var terms = new double[Overflowing.Length];
            var scalarTerms = new double[Overflowing.Length];
            Tolerance.Relative(OverflowingSumOfLogRatios, SumOfLogRatios(path, padded, 5, Overflowing.Length, 1e-5, terms), 1e-15, "x/p overflowing, from offset 5");
            VectorMath.Scalar.SumOfLogRatios(padded, 5, Overflowing.Length, 1e-5, scalarTerms);
            for (int i = 0; i < terms.Length; i++)
            {
                Tolerance.Relative(scalarTerms[i], terms[i], 1e-15, $"term {i}");
            }
        }

        [Theory]
        [MemberData(nameof(Paths))]
        public void Log_complements_match_mpmath(string path)
            => Tolerance.Relative(UnitIntervalSumOfLogComplements, SumOfLog1p(path, UnitInterval, 0, N, 0, -1), 1e-14, "Σ log(1 - x)");

        // (x - 0)/1e-10 overflows for the values near 1e308: those vectors take the scalar branch,
        // whose terms (+∞ there) must land where the vector's would, from an offset.
        [Theory]
        [MemberData(nameof(Paths))]
        public void Log1p_terms_of_the_scalar_branch_land_in_place(string path)
        {
            var padded = Enumerable.Repeat(2.0, 5).Concat(Overflowing).ToArray();
            var terms = new double[Overflowing.Length];
            var scalarTerms = new double[Overflowing.Length];
            SumOfLog1p(path, padded, 5, Overflowing.Length, 0, 1e-10, terms);
            VectorMath.Scalar.SumOfLog1p(padded, 5, Overflowing.Length, 0, 1e-10, scalarTerms);
            for (int i = 0; i < terms.Length; i++)
            {
                if (double.IsInfinity(scalarTerms[i]))
                {
                    Assert.Equal(scalarTerms[i], terms[i]);
                }
                else
                {
                    Tolerance.Relative(scalarTerms[i], terms[i], 4e-16, $"term {i}");
                }
            }
        }

        [Theory]
        [MemberData(nameof(Paths))]
        public void Vector_and_scalar_sums_agree_over_every_range_and_tail(string path)
        {
            var random = new Random(20261202);
            var x = Enumerable.Range(0, 5000).Select(_ => Math.Exp(random.NextDouble() * 40 - 20)).ToArray();
            double pivot = x.Min();
            foreach (var (start, length) in new[] { (0, 0), (0, 1), (3, 5), (1, 4097), (17, 4983), (0, 5000) })
            {
                Tolerance.Relative(VectorMath.Scalar.SumOfLogs(x, start, length), SumOfLogs(path, x, start, length), 1e-13, $"logs [{start}, +{length})", floor: 1e-12);
                var vectorTerms = new double[Math.Max(length, 1)];
                var scalarTerms = new double[Math.Max(length, 1)];
                double vector = SumOfLog1p(path, x, start, length, pivot, pivot, vectorTerms);
                double scalar = VectorMath.Scalar.SumOfLog1p(x, start, length, pivot, pivot, scalarTerms);
                Tolerance.Relative(scalar, vector, 1e-13, $"log ratios [{start}, +{length})", floor: 1e-12);
                for (int i = 0; i < length; i++)
                {
                    Tolerance.Relative(scalarTerms[i], vectorTerms[i], 4e-16, $"term {i} of [{start}, +{length})", floor: 1e-300);
                }

                // Any pivot, here the median: terms of both signs. Scalar LogRatio takes log x - log p
                // away from the pivot, each log within an ulp of values up to 20 (3.6e-15).
                double middle = x.OrderBy(v => v).ElementAt(x.Length / 2);
                vector = SumOfLogRatios(path, x, start, length, middle, vectorTerms);
                scalar = VectorMath.Scalar.SumOfLogRatios(x, start, length, middle, scalarTerms);
                Tolerance.Relative(scalar, vector, 1e-13, $"log ratios to the median [{start}, +{length})", floor: 1e-11);
                for (int i = 0; i < length; i++)
                {
                    Tolerance.Relative(scalarTerms[i], vectorTerms[i], 8e-16, $"term {i} of [{start}, +{length}) to the median", floor: 10);
                }
            }
        }

        private static (RangeSummary Range, double SumOfLogRatios) SummariseWithLogRatios(string path, double[] x, int start, int length, double lower, double upper, double pivot) => path switch
        {
#if NET8_0_OR_GREATER
            Lanes8 => VectorMath.SummariseWithLogRatios<Avx512Lanes>(x, start, length, lower, upper, pivot),
            LanesOfVector => VectorMath.SummariseWithLogRatios<VectorLanes>(x, start, length, lower, upper, pivot),
#endif
            _ => (VectorMath.Scalar.Summarise(x, start, length, lower, upper, false, pivot), VectorMath.Scalar.SumOfLogRatios(x, start, length, pivot)),
        };

        // The one look of Gamma's bulk path: the mpmath sums above, the exact sum of quarters,
        // the extremes by Linq, and every kind of value outside the support, within a vector
        // and in the scalar tail.
        [Theory]
        [MemberData(nameof(Paths))]
        public void The_summary_with_log_ratios_matches_mpmath_and_rejects_what_is_outside(string path)
        {
            var (range, logs) = SummariseWithLogRatios(path, NearPivot, 0, N, 0, double.MaxValue, 1e9);
            Assert.True(range.Accepted);
            Tolerance.Relative(NearPivotSumOfLogRatios, logs, 1e-12, "Σ log(x/1e9)");
            Assert.Equal(NearPivot.Min(), range.Minimum);
            Assert.Equal(NearPivot.Max(), range.Maximum);

            (range, logs) = SummariseWithLogRatios(path, Edges, 0, Edges.Length, double.Epsilon, double.MaxValue, 7.0);
            Assert.True(range.Accepted);
            Tolerance.Relative(-1468.01850924529723308988, logs, 1e-15, "subnormal and huge values over 7");
            Assert.Equal(5e-324, range.Minimum);
            Assert.Equal(1e308, range.Maximum);
            (range, logs) = SummariseWithLogRatios(path, EdgesInVectors, 0, EdgesInVectors.Length, double.Epsilon, double.MaxValue, 7.0);
            Assert.True(range.Accepted);
            Tolerance.Relative(-11744.14807396237786471904, logs, 1e-15, "subnormal and huge values over 7, in vectors");

            // The extremes in middle lanes of full vectors (64 values: no scalar tail at any width).
            var inside = Enumerable.Range(0, 64).Select(i => 10.0 + (i * 37 % 64)).ToArray();
            inside[13] = 0.25;
            inside[42] = 1e6;
            (range, _) = SummariseWithLogRatios(path, inside, 0, inside.Length, 0, double.MaxValue, 10);
            Assert.Equal(0.25, range.Minimum);
            Assert.Equal(1e6, range.Maximum);

            var quarters = Enumerable.Range(0, 1001).Select(i => 1e9 + i * 0.25).ToArray();
            (range, _) = SummariseWithLogRatios(path, quarters, 0, quarters.Length, 0, double.MaxValue, 1e9);
            Assert.Equal(125125.0, range.SumOfDifferences); // 0.25 · (0 + 1 + ... + 1000), every partial sum exact
            (range, _) = SummariseWithLogRatios(path, quarters, 5, 996, 0, double.MaxValue, 1e9);
            Assert.Equal(quarters.Skip(5).Take(996).Sum(v => v - 1e9), range.SumOfDifferences);
            Assert.Equal(quarters[5], range.Minimum);
            Assert.Equal(quarters[1000], range.Maximum);

            foreach (double bad in new[] { double.NaN, -1.0, 0.0, double.PositiveInfinity })
            {
                foreach (int at in new[] { 3, 777, 1000 })
                {
                    var y = (double[])quarters.Clone();
                    y[at] = bad;
                    Assert.False(SummariseWithLogRatios(path, y, 0, y.Length, double.Epsilon, double.MaxValue, 1e9).Range.Accepted, $"{bad} at {at} accepted");
                }
            }
        }

        [Fact]
        public void Summaries_agree_with_the_scalar_look_and_reject_what_is_outside()
        {
            var x = Enumerable.Range(0, 1001).Select(i => 1e9 + i * 0.25).ToArray();
            foreach (var (start, length) in new[] { (0, 0), (0, 3), (5, 996), (0, 1001) })
            {
                var vector = VectorMath.Summarise(x, start, length, 0, double.MaxValue, false, 1e9);
                var scalar = VectorMath.Scalar.Summarise(x, start, length, 0, double.MaxValue, false, 1e9);
                Assert.True(vector.Accepted);
                Assert.Equal(scalar.Minimum, vector.Minimum);
                Assert.Equal(scalar.Maximum, vector.Maximum);
                Assert.Equal(scalar.SumOfDifferences, vector.SumOfDifferences); // quarters: every partial sum exact
            }

            // Σ(x - 1e9) exact: 0.25 · (0 + 1 + ... + 1000) = 125125.
            Assert.Equal(125125.0, VectorMath.Summarise(x, 0, 1001, 0, double.MaxValue, false, 1e9).SumOfDifferences);
            foreach (double bad in new[] { double.NaN, -1.0, double.PositiveInfinity, 2.5 })
            {
                // 2.5 among whole numbers, with whole numbers asked for; the others among the quarters.
                var y = bad == 2.5 ? Enumerable.Range(0, 1001).Select(i => (double)i).ToArray() : (double[])x.Clone();
                Assert.True(bad != 2.5 || VectorMath.Summarise(y, 0, y.Length, 0, double.MaxValue, true, 0).Accepted);
                y[777] = bad;
                Assert.False(VectorMath.Summarise(y, 0, y.Length, 0, double.MaxValue, bad == 2.5, 0).Accepted, $"{bad} accepted");
                Assert.False(VectorMath.Scalar.Summarise(y, 0, y.Length, 0, double.MaxValue, bad == 2.5, 0).Accepted, $"{bad} accepted (scalar)");
            }
        }

#if NET8_0_OR_GREATER
        [Fact]
        public void Vector_log_is_within_one_ulp_of_Math_Log_over_every_binade()
        {
            if (Avx512Lanes.IsAccelerated)
            {
                WorstUlpOfLog<Avx512Lanes>();
            }

            if (VectorLanes.IsAccelerated)
            {
                WorstUlpOfLog<VectorLanes>();
            }
        }

        private static void WorstUlpOfLog<T>()
            where T : struct, IDoubleLanes<T>
        {
            var random = new Random(7);
            int width = T.Count;
            var lanes = new double[width];
            var logs = new double[width];
            double worst = 0;
            for (int trial = 0; trial < 200000; trial++)
            {
                for (int j = 0; j < width; j++)
                {
                    // Every binade from 2^-1022 to 2^1023, and values next to 1 (where log is small).
                    lanes[j] = trial % 4 == 0
                        ? 1 + (random.NextDouble() - 0.5) * Math.Pow(2, -random.Next(1, 50))
                        : Math.Pow(2, random.Next(-1022, 1023)) * (1 + random.NextDouble());
                    lanes[j] = Math.Min(lanes[j], double.MaxValue);
                }

                var v = T.Load(lanes, 0);
                Assert.True(T.AllPositiveNormal(v));
                T.Store(VectorLog.Log(v), logs, 0);
                for (int j = 0; j < width; j++)
                {
                    double exact = Math.Log(lanes[j]);
                    double ulp = Math.BitIncrement(Math.Abs(exact)) - Math.Abs(exact);
                    worst = Math.Max(worst, Math.Abs(logs[j] - exact) / ulp);
                }
            }

            // fdlibm's bound is under 1 ulp from the exact log; Math.Log is itself within 1 ulp.
            Assert.True(worst <= 2, $"{typeof(T).Name}: worst error {worst} ulp of Math.Log");
        }
#endif
    }
}
