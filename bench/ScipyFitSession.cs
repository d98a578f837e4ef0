using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace PSEstimation.Bench
{
    /// <summary>
    /// A python3 process that holds the values and runs one scipy fit on them each time it is
    /// asked, so that scipy's runs can alternate with ours in the same seconds (this machine's
    /// speed moves by up to 2x from one minute to the next: two figures taken minutes apart are
    /// not a ratio). Each run is timed inside python, so the exchange with this process is not in it.
    /// </summary>
    public sealed class ScipyFitSession : IDisposable
    {
        private readonly Process process;
        private readonly string file;

        private ScipyFitSession(Process process, string file, double firstSeconds)
        {
            this.process = process;
            this.file = file;
            FirstSeconds = firstSeconds;
        }

        /// <summary>The seconds of the fit's first run, made before the session was handed out (the process's first call of it).</summary>
        public double FirstSeconds { get; }

        /// <summary>
        /// A session running <paramref name="call"/> on <paramref name="data"/> (as x), or null
        /// without python3 and scipy or when the call fails (its error then goes to <paramref name="failed"/>).
        /// </summary>
        public static ScipyFitSession? Start(double[] data, string call, Action<string>? failed = null)
        {
            string file = Path.Combine(Path.GetTempPath(), $"psestimation-bench-{Guid.NewGuid():N}.f64");
            var bytes = new byte[data.Length * sizeof(double)];
            Buffer.BlockCopy(data, 0, bytes, 0, bytes.Length);
            File.WriteAllBytes(file, bytes);

            // The program goes in through -c: standard input carries the requests. Warnings are
            // off (nothing drains standard error until the end), and the fit runs once before
            // "ready" (its time beside it), so a fit that fails says so here, not amid the pairs.
            var start = SystemPython.StartInfo();
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add("-W");
            start.ArgumentList.Add("ignore");
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(
                "import sys, time, numpy as np\nfrom scipy import stats\n"
                + $"x = np.fromfile(r'{file}', dtype='<f8')\n"
                + "t = time.perf_counter()\n"
                + $"{call}\n"
                + "print('ready', repr(time.perf_counter() - t), flush=True)\n"
                + "for line in sys.stdin:\n"
                + "    t = time.perf_counter()\n"
                + $"    {call}\n"
                + "    print(repr(time.perf_counter() - t), flush=True)\n");
            Process? process = null;
            bool handedOut = false;
            try
            {
                process = Process.Start(start);
                string[]? ready = process?.StandardOutput.ReadLine()?.Split(' ');
                if (process is not null && ready is { Length: 2 } && ready[0] == "ready")
                {
                    var session = new ScipyFitSession(process, file, double.Parse(ready[1], CultureInfo.InvariantCulture));
                    handedOut = true;
                    return session;
                }

                failed?.Invoke(process?.StandardError.ReadToEnd() ?? "python3 did not start");
                return null;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return null;
            }
            finally
            {
                if (!handedOut)
                {
                    if (process is not null && !process.HasExited)
                    {
                        process.Kill();
                    }

                    process?.Dispose();
                    File.Delete(file);
                }
            }
        }

        /// <summary>The seconds of one run of the fit.</summary>
        public double TimeOnce()
        {
            process.StandardInput.WriteLine();
            process.StandardInput.Flush();
            string? line = process.StandardOutput.ReadLine();
            if (line is null)
            {
                throw new InvalidOperationException("scipy's process ended: " + process.StandardError.ReadToEnd());
            }

            return double.Parse(line, CultureInfo.InvariantCulture);
        }

        public void Dispose()
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(10_000))
            {
                process.Kill();
            }

            process.Dispose();
            File.Delete(file);
        }
    }
}
