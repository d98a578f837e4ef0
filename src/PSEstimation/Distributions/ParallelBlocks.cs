using System;
using System.Threading;
using System.Threading.Tasks;

namespace PSEstimation.Distributions
{
    /// <summary>
    /// A pass over a large array on every core: the array is cut into blocks of a fixed length at
    /// fixed places, each block's statistics are computed on its own (by any thread), and the
    /// caller merges them in block order. So the answer depends on the array alone, never on the
    /// number of cores or the order the blocks finished in: a fit gives the same digits whatever
    /// the core count (the SIMD width, which differs between machines, moves the last bits). One
    /// block runs on the calling thread.
    /// </summary>
    internal static class ParallelBlocks
    {
        /// <summary>Values per block of the bulk paths: 512 KB, a few hundred microseconds of logs.</summary>
        public const int BlockLength = 1 << 16;

        /// <summary>
        /// Values per block of a pass with no logs (the support check, a sum and a maximum, about
        /// 0.4 ns a value): 4 MB, again a few hundred microseconds, so that waking the other cores
        /// (50 to 100 µs on a busy machine) is paid only where it can be won back.
        /// </summary>
        public const int SummaryBlockLength = 1 << 19;

        /// <summary>
        /// <paramref name="block"/>(start, length) for each block of <paramref name="blockLength"/>
        /// values of [0 .. count), in block order; <paramref name="block"/> must not write shared
        /// state. Cancellation is checked between blocks (OperationCanceledException).
        /// </summary>
        public static T[] Map<T>(int count, Func<int, int, T> block, CancellationToken cancellation, int blockLength = BlockLength)
        {
            int blocks = (count + blockLength - 1) / blockLength;
            var results = new T[blocks];
            if (blocks < 2 || Environment.ProcessorCount == 1)
            {
                for (int b = 0; b < blocks; b++)
                {
                    cancellation.ThrowIfCancellationRequested();
                    results[b] = block(b * blockLength, Math.Min(blockLength, count - b * blockLength));
                }

                return results;
            }

            Parallel.For(0, blocks, new ParallelOptions { CancellationToken = cancellation }, b =>
            {
                results[b] = block(b * blockLength, Math.Min(blockLength, count - b * blockLength));
            });
            return results;
        }
    }
}
