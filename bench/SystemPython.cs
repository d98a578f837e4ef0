using System.Diagnostics;

namespace PSEstimation.Bench
{
    /// <summary>Runs a script in /usr/bin/python3 (Debian's scipy 1.10 and statsmodels 0.13 live there).</summary>
    public static class SystemPython
    {
        /// <summary>
        /// The script's standard output, or null when python3 is missing, the script fails or it
        /// runs past ten minutes (its standard error then goes to <paramref name="failed"/>).
        /// </summary>
        public static string? Run(string script, System.Action<string>? failed = null)
        {
            try
            {
                using var process = Process.Start(StartInfo());
                if (process is null)
                {
                    return null;
                }

                process.StandardInput.Write(script);
                process.StandardInput.Close();
                var errors = process.StandardError.ReadToEndAsync();
                string output = process.StandardOutput.ReadToEnd();
                if (!process.WaitForExit(600_000) || process.ExitCode != 0)
                {
                    failed?.Invoke(errors.Result);
                    return null;
                }

                return output;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return null;
            }
        }

        /// <summary>/usr/bin/python3 with its standard streams redirected.</summary>
        public static ProcessStartInfo StartInfo()
        {
            var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };

            // Set on some processors for old OpenBLAS builds; they slow a current numpy (see the environment's notes).
            start.Environment.Remove("OPENBLAS_CORETYPE");
            start.Environment.Remove("OPENBLAS_L2_SIZE");
            return start;
        }
    }
}
