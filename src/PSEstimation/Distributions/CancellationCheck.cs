using System.Runtime.CompilerServices;
using System.Threading;

namespace PSEstimation.Distributions
{
    /// <summary>
    /// How often a loop over every value asks whether the fit was cancelled: every
    /// <see cref="Interval"/> values, a few hundred microseconds of work, so Ctrl+C ends even a
    /// single pass over 10^8 values promptly while the test costs nothing next to the loop body.
    /// </summary>
    internal static class CancellationCheck
    {
        /// <summary>Values between two checks (a power of two: the check is a mask).</summary>
        public const int Interval = 1 << 16;

        private const int Mask = Interval - 1;

        /// <summary>Throws OperationCanceledException at every <see cref="Interval"/>-th index once <paramref name="cancellation"/> is cancelled.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void At(int index, CancellationToken cancellation)
        {
            if ((index & Mask) == 0)
            {
                cancellation.ThrowIfCancellationRequested();
            }
        }
    }
}
