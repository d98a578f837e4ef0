using System;

namespace PSEstimation.Models
{
    /// <summary>
    /// The module's random numbers: xoshiro256** (Blackman and Vigna, "Scrambled linear
    /// pseudorandom number generators", 2021), seeded through SplitMix64. Written out here rather
    /// than taken from System.Random, whose algorithm differs between .NET Framework and .NET and
    /// may change, so that a seed gives the same stream on every machine and both PowerShell
    /// editions: the generator uses only 64-bit integer arithmetic.
    /// </summary>
    internal sealed class RandomSource
    {
        private ulong s0, s1, s2, s3;

        /// <summary>The stream for <paramref name="seed"/> (as Get-Random -SetSeed takes it).</summary>
        public RandomSource(long seed)
        {
            ulong x = unchecked((ulong)seed);
            s0 = SplitMix64(ref x);
            s1 = SplitMix64(ref x);
            s2 = SplitMix64(ref x);
            s3 = SplitMix64(ref x);
        }

        private RandomSource(ulong a, ulong b, ulong c, ulong d)
        {
            s0 = a;
            s1 = b;
            s2 = c;
            s3 = d;
        }

        /// <summary>A stream seeded from the clock and a counter, for runs without -SetSeed.</summary>
        public static RandomSource FromEntropy()
            => new RandomSource(unchecked(DateTime.UtcNow.Ticks ^ ((long)System.Threading.Interlocked.Increment(ref entropyCounter) << 40) ^ Environment.TickCount));

        private static int entropyCounter;

        /// <summary>The generator in state (a, b, c, d), not all zero: for tests against the authors' reference outputs.</summary>
        internal static RandomSource FromState(ulong a, ulong b, ulong c, ulong d)
        {
            if ((a | b | c | d) == 0)
            {
                throw new ArgumentException("The all-zero state is a fixed point of xoshiro256**.");
            }

            return new RandomSource(a, b, c, d);
        }

        /// <summary>
        /// An independent stream for parallel work item <paramref name="index"/>, which depends on
        /// this stream's current state and the index only (this stream is not advanced), never on
        /// the number of cores or the order threads run in: ForWorkItem(i) gives the same stream
        /// whether it is called first, last, or from another thread's copy of the same state.
        /// </summary>
        /// <remarks>
        /// The index and the four state words are folded together by the SplitMix64 finaliser, a
        /// bijection of 64-bit words, so two indices never share a child seed; the child's state is
        /// the next four SplitMix64 outputs from that seed (the seeding the authors recommend). Two
        /// children's states overlap only if their seeds differ by at most 3 steps of SplitMix64's
        /// increment, about 6·2⁻⁶⁴ per pair of indices (3·10⁻⁷ over all pairs of 10⁶ work items).
        /// Jumping (xoshiro's jump(), 2¹²⁸ steps) would exclude overlap outright but costs
        /// O(index) for random access to item <paramref name="index"/>.
        /// </remarks>
        public RandomSource ForWorkItem(long index)
        {
            ulong x = Mix64(unchecked((ulong)index + 0x9E3779B97F4A7C15UL));
            x = Mix64(x ^ s0);
            x = Mix64(x ^ s1);
            x = Mix64(x ^ s2);
            x = Mix64(x ^ s3);
            return new RandomSource(SplitMix64(ref x), SplitMix64(ref x), SplitMix64(ref x), SplitMix64(ref x));
        }

        /// <summary>The next 64 random bits.</summary>
        public ulong NextUInt64()
        {
            ulong result = RotateLeft(s1 * 5, 7) * 9;
            ulong t = s1 << 17;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = RotateLeft(s3, 45);
            return result;
        }

        /// <summary>A uniform double in [0, 1): a multiple of 2⁻⁵³.</summary>
        public double NextDouble() => (NextUInt64() >> 11) * (1.0 / 9007199254740992.0);

        /// <summary>
        /// A uniform double in (0, 1), never 0 or 1: (k + 0.5)·2⁻⁵³ rounded, safe to take a log of.
        /// Above 1/2 the doubles are 2⁻⁵³ apart, so k + 0.5 rounds (to even); at the top draw,
        /// k = 2⁵³ - 1, it would round to 1 itself: that draw gives the largest double below 1
        /// instead, the nearest to its cell [1 - 2⁻⁵³, 1). Every other draw is unchanged.
        /// </summary>
        public double NextOpenDouble()
        {
            double u = ((NextUInt64() >> 11) + 0.5) * (1.0 / 9007199254740992.0);
            return u < 1 ? u : LargestBelowOne;
        }

        /// <summary>1 - 2⁻⁵³, the largest double below 1.</summary>
        internal const double LargestBelowOne = 1 - 1.0 / 9007199254740992.0;

        /// <summary>
        /// A uniform double in (0, 1) with 52 significant random bits at every scale, not only
        /// near 1: U = (1 + m·2⁻⁵²)·2⁻ᵉ with m 52 random bits and e ≥ 1 geometric (the position
        /// of the first set bit in a stream of random bits), as in Downey, "Generating
        /// pseudo-random floating-point values" (2007). -log U is then an exponential variate
        /// with full relative precision and a tail to 708 (P = e⁻⁷⁰⁸), where
        /// -log <see cref="NextOpenDouble"/> stops at 37.4 with granular values beyond 20.
        /// Costs one 64-bit draw, and another with probability 2⁻¹².
        /// </summary>
        public double NextUniformFullPrecision()
        {
            ulong r = NextUInt64();
            ulong exponentBits = r & 0xFFF; // the low 12 bits choose the binade
            int available = 12;
            int e = 1;
            while ((exponentBits & 1) == 0 && e < 1022)
            {
                exponentBits >>= 1;
                e++;
                if (--available == 0)
                {
                    exponentBits = NextUInt64();
                    available = 64;
                }
            }

            double mantissa = 1.0 + (r >> 12) * (1.0 / 4503599627370496.0); // [1, 2), exact
            return mantissa * BitConverter.Int64BitsToDouble((long)(1023 - e) << 52);
        }

        /// <summary>
        /// A uniform integer in [0, <paramref name="bound"/>) without modulo bias: draws below
        /// 2⁶⁴ mod bound are rejected, then the remainder is taken (OpenBSD's arc4random_uniform).
        /// </summary>
        public long NextInt64(long bound)
        {
            if (bound <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(bound));
            }

            ulong range = (ulong)bound;
            ulong threshold = unchecked(0UL - range) % range;
            while (true)
            {
                ulong r = NextUInt64();
                if (r >= threshold)
                {
                    return (long)(r % range);
                }
            }
        }

        private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

        private static ulong SplitMix64(ref ulong x) => Mix64(x = unchecked(x + 0x9E3779B97F4A7C15UL));

        // SplitMix64's output function (Steele, Lea and Flood 2014; Stafford's "Mix13"): a bijection.
        private static ulong Mix64(ulong z)
        {
            unchecked
            {
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                return z ^ (z >> 31);
            }
        }
    }
}
