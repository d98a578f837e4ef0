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

        /// <summary>
        /// An independent stream for parallel work item <paramref name="index"/>: the seed stream's
        /// next output mixed with the index through SplitMix64, so results depend on the seed and
        /// the index only, never on the number of cores or the order threads run in.
        /// </summary>
        public RandomSource ForWorkItem(long index)
        {
            ulong x = s0 ^ unchecked((ulong)index * 0x9E3779B97F4A7C15UL) ^ s3;
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

        /// <summary>A uniform double in (0, 1), never 0 or 1: (k + 0.5)·2⁻⁵³, safe to take a log of.</summary>
        public double NextOpenDouble() => ((NextUInt64() >> 11) + 0.5) * (1.0 / 9007199254740992.0);

        /// <summary>A uniform integer in [0, <paramref name="bound"/>) without modulo bias (Lemire's method).</summary>
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

        private static ulong SplitMix64(ref ulong x)
        {
            unchecked
            {
                ulong z = x += 0x9E3779B97F4A7C15UL;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                return z ^ (z >> 31);
            }
        }
    }
}
