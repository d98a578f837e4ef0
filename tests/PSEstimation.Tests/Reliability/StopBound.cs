using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;
using Xunit;
using Xunit.Abstractions;

namespace PSEstimation.Tests.Reliability
{
    /// <summary>
    /// How long PowerShell.Stop() may take, as a share of a sort of the same values timed just before
    /// each attempt: a phase that cannot be interrupted costs about a sort, a checked one a pass over
    /// 65536 values. A bound in milliseconds fails whenever the shared machine slows down; this one
    /// moves with it. A burst of load between the sort and the Stop() can still slow one attempt, so
    /// a test fails only when every one of <see cref="Attempts"/> attempts exceeds its bound, as a
    /// phase that runs on for longer than a sort after the Stop() does.
    /// </summary>
    internal static class StopBound
    {
        public const int Attempts = 3;

        /// <summary>
        /// Starts <paramref name="command"/> in <paramref name="runspace"/>, calls Stop() after
        /// <paramref name="delayMilliseconds"/>, and requires the pipeline to end stopped; passes at the
        /// first attempt whose Stop() took at most <paramref name="sorts"/> sorts of <paramref name="data"/>,
        /// after at most <see cref="Attempts"/> attempts.
        /// </summary>
        public static void Check(ITestOutputHelper output, string what, double[] data, double sorts, Runspace runspace, Action<PowerShell> command, int delayMilliseconds)
        {
            var readings = new List<string>();
            for (int attempt = 0; attempt < Attempts; attempt++)
            {
                double bound = sorts * SortMilliseconds(data);
                long stop = StopMilliseconds(what, runspace, command, delayMilliseconds);
                string reading = $"Stop() took {stop} ms, bound {bound:F0} ms";
                output.WriteLine($"{what}: {reading}");
                if (stop <= bound)
                {
                    return;
                }

                readings.Add(reading);
            }

            Assert.Fail($"{what}: in each of {Attempts} attempts Stop() took longer than {sorts} sort(s) of the values: {string.Join("; ", readings)}");
        }

        private static long StopMilliseconds(string what, Runspace runspace, Action<PowerShell> command, int delayMilliseconds)
        {
            using var shell = PowerShell.Create();
            shell.Runspace = runspace;
            command(shell);
            var pending = shell.BeginInvoke();
            Thread.Sleep(delayMilliseconds);
            Assert.False(pending.IsCompleted, $"{what} ended within {delayMilliseconds} ms: no test of Stop()");

            var clock = Stopwatch.StartNew();
            shell.Stop();
            long milliseconds = clock.ElapsedMilliseconds;
            Assert.True(pending.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(30)), $"{what} did not end after Stop()");
            Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
            return milliseconds;
        }

        /// <summary>The median of three sorts of copies of <paramref name="data"/>, in milliseconds.</summary>
        private static double SortMilliseconds(double[] data)
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
            return times[1];
        }
    }
}
