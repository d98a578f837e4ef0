using System;

namespace PSEstimation.Distributions
{
    /// <summary>
    /// Positions in an array of <c>length</c> values for a sample of <c>size</c> of them: one from
    /// each of <c>size</c> equal stretches, at a place within the stretch drawn from a fixed-seed
    /// generator. The sample spreads over the whole input whatever its order (sorted, reversed),
    /// the same input always gives the same sample, and the random place keeps a fixed stride from
    /// lining up with input that repeats with a period (every 32nd value from one source).
    /// </summary>
    internal struct StratifiedPositions
    {
        private readonly int length;
        private readonly double stride;
        private ulong state;
        private int next;

        public StratifiedPositions(int length, int size)
        {
            this.length = length;
            stride = (double)length / size;
            state = 0x9E3779B97F4A7C15UL;
            next = 0;
        }

        /// <summary>The position in the next stretch.</summary>
        public int Next()
        {
            unchecked
            {
                state = 6364136223846793005UL * state + 1442695040888963407UL;
            }

            double u = (state >> 11) / 9007199254740992.0;
            return Math.Min(length - 1, (int)((next++ + u) * stride));
        }
    }
}
