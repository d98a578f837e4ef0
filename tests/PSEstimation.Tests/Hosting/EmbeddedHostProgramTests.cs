using System;
using System.Diagnostics;
using System.IO;
using Xunit;

namespace PSEstimation.Tests.Hosting
{
    /// <summary>
    /// The embedded host as a user runs it (a separate process): a command line, a script file,
    /// standard input; formatted output; errors as PowerShell shows them; exit codes.
    /// </summary>
    public class EmbeddedHostProgramTests
    {
        private static (int ExitCode, string Output, string Errors) Run(string arguments, string? input = null)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PSEstimation.Host.dll"));
            start.ArgumentList.Add("-Module");
            start.ArgumentList.Add(ModuleRunspace_Manifest());
            foreach (string part in arguments.Split('\u0001', StringSplitOptions.RemoveEmptyEntries))
            {
                start.ArgumentList.Add(part);
            }

            using var process = Process.Start(start)!;
            process.StandardInput.Write(input ?? string.Empty);
            process.StandardInput.Close();
            string output = process.StandardOutput.ReadToEnd();
            string errors = process.StandardError.ReadToEnd();
            Assert.True(process.WaitForExit(60_000), "the host did not exit");
            return (process.ExitCode, output, errors);
        }

        private static string ModuleRunspace_Manifest() => PSEstimation.Host.ModuleRunspace.FindModuleManifest(RepositoryPaths.Root);

        [Fact]
        public void Command_line_prints_the_default_table()
        {
            var (code, output, errors) = Run("2.3, 2.5, 3.1, 3.8, 2.7 | Get-MLEstimate Normal");
            Assert.Equal(0, code);
            Assert.Equal(string.Empty, errors);
            Assert.Matches(@"Normal\s+5\s+-3\.92652\s+11\.853 Mean = 2\.88\r?\n\s+Variance = 0\.2816", output);
            Assert.True(!output.Contains("\u001b"), output.Replace("\u001b", "<ESC>"));
        }

        [Fact]
        public void Script_from_standard_input_and_from_a_file()
        {
            var fromInput = Run(string.Empty, "(2.3, 2.5, 3.1, 3.8, 2.7 | Get-MLEstimate Normal).Estimate.Mean\n");
            Assert.Equal(0, fromInput.ExitCode);
            Assert.Equal("2.88", fromInput.Output.Trim());

            string file = Path.Combine(Path.GetTempPath(), "psestimation-host-test-" + Guid.NewGuid().ToString("N") + ".ps1");
            File.WriteAllText(file, "$fit = 1, 2, 3 | Get-MLEstimate Normal\n$fit.SampleSize\n");
            try
            {
                var fromFile = Run("-File\u0001" + file);
                Assert.Equal(0, fromFile.ExitCode);
                Assert.Equal("3", fromFile.Output.Trim());
            }
            finally
            {
                File.Delete(file);
            }
        }

        [Fact]
        public void A_command_the_engine_lacks_says_to_install_PowerShell()
        {
            var result = Run("Import-Csv data.csv | Get-MLEstimate Normal -Property Ms");
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("Import-Csv", result.Errors);
            Assert.Contains("core commands only", result.Errors);
            Assert.Contains("install PowerShell 7", result.Errors);

            var fine = Run("1, 2, 3 | Get-MLEstimate Normal | ForEach-Object SampleSize");
            Assert.DoesNotContain("install PowerShell", fine.Errors);
        }

        [Fact]
        public void Errors_go_to_standard_error_and_set_the_exit_code()
        {
            var skipped = Run("1, 'x', 3 | Get-MLEstimate Normal | ForEach-Object SampleSize");
            Assert.Equal(1, skipped.ExitCode);
            Assert.Equal("2", skipped.Output.Trim());
            Assert.Contains("Value 'x' at index 1 is not a number", skipped.Errors);

            var terminating = Run("5, 5, 5 | Get-MLEstimate Normal");
            Assert.Equal(1, terminating.ExitCode);
            Assert.Contains("All 3 values equal 5", terminating.Errors);

            var exit = Run("exit 7");
            Assert.Equal(7, exit.ExitCode);
        }
    }
}
