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

        private ScipyFitSession(Process process, string file)
        {
            this.process = process;
            this.file = file;
        }

        /// <summary>A session running <paramref name="call"/> on <paramref name="data"/> (as x), or null without python3 and scipy.</summary>
        public static ScipyFitSession? Start(double[] data, string call)
        {
            string file = Path.Combine(Path.GetTempPath(), $"psestimation-bench-{Guid.NewGuid():N}.f64");
            var bytes = new byte[data.Length * sizeof(double)];
            Buffer.BlockCopy(data, 0, bytes, 0, bytes.Length);
            File.WriteAllBytes(file, bytes);

            // The program goes in through -c: standard input carries the requests.
            var start = SystemPython.StartInfo();
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(
                "import sys, time, numpy as np\nfrom scipy import stats\n"
                + $"x = np.fromfile(r'{file}', dtype='<f8')\n"
                + "print('ready', flush=True)\n"
                + "for line in sys.stdin:\n"
                + "    t = time.perf_counter()\n"
                + $"    {call}\n"
                + "    print(repr(time.perf_counter() - t), flush=True)\n");
            try
            {
                var process = Process.Start(start);
                if (process is not null && process.StandardOutput.ReadLine() == "ready")
                {
                    return new ScipyFitSession(process, file);
                }

                process?.Kill();
                process?.Dispose();
            }
            catch (System.ComponentModel.Win32Exception)
            {
            }

            File.Delete(file);
            return null;
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
