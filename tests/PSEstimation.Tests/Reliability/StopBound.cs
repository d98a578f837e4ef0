using System;
using System.Diagnostics;

namespace PSEstimation.Tests.Reliability
{
    /// <summary>
    /// How long PowerShell.Stop() may take, as a share of a sort of the same values timed just before:
    /// a phase that cannot be interrupted costs about a sort, a checked one about a pass over 65536
    /// values. A bound in milliseconds fails whenever the shared machine slows down; this one moves
    /// with it.
    /// </summary>
    internal static class StopBound
    {
        /// <summary>Half the median of three sorts of copies of <paramref name="data"/>, in milliseconds.</summary>
        public static double Milliseconds(double[] data)
        {
            var times = new double[3];
            for (int i = 0; i < times.Length; i++)
            {
                var copy = (double[])data.Clone();
                var clock = Stopwatch.StartNew();
                Array.Sort(copy);
                times[i] = clock.Elapsed.TotalMilliseconds;
            }

            Array.Sort(times);
            return times[1] / 2;
        }
    }
}
