using System;
using System.Globalization;
using System.IO;

namespace PSEstimation.Bench
{
    /// <summary>Times a scipy call on given values in /usr/bin/python3 (Debian's scipy 1.10), or null without it.</summary>
    public static class Scipy
    {
        /// <summary>
        /// The best of up to five runs of <paramref name="call"/> on <paramref name="data"/> (as x),
        /// stopping after the first run past two seconds in total (a Student t fit takes a minute).
        /// </summary>
        public static double? Time(double[] data, string call)
        {
            string file = Path.Combine(Path.GetTempPath(), $"psestimation-bench-{Guid.NewGuid():N}.f64");
            var bytes = new byte[data.Length * sizeof(double)];
            Buffer.BlockCopy(data, 0, bytes, 0, bytes.Length);
            File.WriteAllBytes(file, bytes);
            try
            {
                string script = "import sys, time, numpy as np\nfrom scipy import stats\n"
                    + $"x = np.fromfile(r'{file}', dtype='<f8')\n"
                    + "best, total = 1e9, 0.0\n"
                    + "for _ in range(5):\n"
                    + "    t = time.perf_counter()\n"
                    + $"    {call}\n"
                    + "    t = time.perf_counter() - t\n"
                    + "    best, total = min(best, t), total + t\n"
                    + "    if total > 2: break\n"
                    + "print(best)\n";
                return SystemPython.Run(script) is string output ? double.Parse(output.Trim(), CultureInfo.InvariantCulture) : null;
            }
            finally
            {
                File.Delete(file);
            }
        }
    }
}
