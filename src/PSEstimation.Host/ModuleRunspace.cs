using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace PSEstimation.Host
{
    /// <summary>
    /// A PowerShell runspace on the real engine with the built PSEstimation module imported from
    /// its manifest, as a user's session would have it. Only the engine's core cmdlets exist
    /// here (ForEach-Object, Where-Object, Get-Help ...); everything else comes from .NET or
    /// the module. One pipeline runs at a time.
    /// </summary>
    public sealed class ModuleRunspace : IDisposable
    {
        private const string TerminatingErrorVariable = "__PSEstimationTerminatingError";
        private readonly object gate = new object();
        private readonly Runspace runspace;
        private readonly List<string> missingCommands = new List<string>();

        public ModuleRunspace(string manifestPath, TextWriter output, TextWriter diagnostics, int bufferWidth = 120, bool stripAnsi = true)
        {
            ManifestPath = Path.GetFullPath(manifestPath);
            Host = new TextHost(output, diagnostics, bufferWidth, stripAnsi);
            var state = InitialSessionState.CreateDefault2();
            if (OperatingSystem.IsWindows())
            {
                // Execution policy exists on Windows only; elsewhere setting it throws.
                state.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
            }

            runspace = RunspaceFactory.CreateRunspace(Host, state);

            // One pipeline thread for every invocation, as pwsh's console has (ConsoleHost sets
            // ReuseThread). By default a local runspace starts a new thread for each invocation;
            // on 2 cores the module's parallel passes measured slower and less steady that way.
            runspace.ThreadOptions = PSThreadOptions.ReuseThread;
            runspace.Open();
            runspace.SessionStateProxy.InvokeCommand.CommandNotFoundAction += (sender, e) => missingCommands.Add(e.CommandName);

            var import = Invoke("Import-Module -Name $args[0] -ErrorAction Stop", ManifestPath);
            if (import.TerminatingError is not null)
            {
                throw new InvalidOperationException($"Importing {ManifestPath} failed: {import.TerminatingError}");
            }
        }

        public string ManifestPath { get; }

        public TextHost Host { get; }

        /// <summary>
        /// The module manifest to import: $PSESTIMATION_MODULE if set, else out/PSEstimation/PSEstimation.psd1
        /// in the nearest folder above <paramref name="start"/> (the program's own folder by default).
        /// </summary>
        public static string FindModuleManifest(string? start = null)
        {
            string? fromEnvironment = Environment.GetEnvironmentVariable("PSESTIMATION_MODULE");
            if (!string.IsNullOrEmpty(fromEnvironment))
            {
                return fromEnvironment!;
            }

            var directory = new DirectoryInfo(start ?? AppContext.BaseDirectory);
            while (directory is not null)
            {
                string candidate = Path.Combine(directory.FullName, "out", "PSEstimation", "PSEstimation.psd1");
                if (File.Exists(candidate))
                {
                    return candidate;
                }

                directory = directory.Parent;
            }

            throw new FileNotFoundException("Cannot find out/PSEstimation/PSEstimation.psd1 above " + (start ?? AppContext.BaseDirectory) + ". Build first: dotnet build PSEstimation.sln -c Release");
        }

        /// <summary>
        /// Runs <paramref name="script"/> and collects its objects and streams. Values in
        /// <paramref name="arguments"/> reach the script as $args.
        /// </summary>
        public InvocationResult Invoke(string script, params object?[] arguments)
        {
            lock (gate)
            {
                using var shell = PowerShell.Create();
                shell.Runspace = runspace;

                // A terminating error inside a script only ends its statement and lands in the
                // error stream like any other; try/catch is what tells them apart, as in a
                // user's script. Non-terminating errors pass through the catch untouched.
                runspace.SessionStateProxy.SetVariable(TerminatingErrorVariable, null);
                shell.AddScript("try { . { " + script + "\n} @args } catch { $global:" + TerminatingErrorVariable + " = $_ }");
                foreach (object? argument in arguments)
                {
                    shell.AddArgument(argument);
                }

                var output = new PSDataCollection<PSObject>();
                ErrorRecord? terminating = null;
                try
                {
                    shell.Invoke(null, output);
                    terminating = runspace.SessionStateProxy.GetVariable(TerminatingErrorVariable) as ErrorRecord
                        ?? (runspace.SessionStateProxy.GetVariable(TerminatingErrorVariable) as PSObject)?.BaseObject as ErrorRecord;
                }
                catch (RuntimeException e)
                {
                    terminating = e.ErrorRecord;
                }

                return new InvocationResult(
                    new System.Collections.ObjectModel.Collection<PSObject>(output),
                    new List<ErrorRecord>(shell.Streams.Error),
                    new List<WarningRecord>(shell.Streams.Warning),
                    new List<VerboseRecord>(shell.Streams.Verbose),
                    terminating);
            }
        }

        /// <summary>
        /// Runs <paramref name="script"/> as an interactive console would: results through
        /// Out-Default (the module's format views), errors, warnings and verbose text as
        /// PowerShell shows them. Returns the exit code: 0, 1 after a terminating error, or the
        /// script's own <c>exit N</c>.
        /// </summary>
        public int RunFormatted(string script)
        {
            lock (gate)
            {
                using var shell = PowerShell.Create();
                shell.Runspace = runspace;
                shell.AddScript(script);
                shell.Commands.Commands[0].MergeMyResults(PipelineResultTypes.Error, PipelineResultTypes.Output);
                shell.AddCommand("Out-Default");
                missingCommands.Clear();
                try
                {
                    shell.Invoke();
                }
                catch (RuntimeException e)
                {
                    ShowError(e);
                    return 1;
                }
                finally
                {
                    ExplainMissingCommands();
                }

                // Warnings and verbose text need no second pass: the engine has already written
                // them to this host's UI as they were emitted (printing Streams.Warning again
                // showed every warning twice).

                if (Host.ExitCode is int code)
                {
                    return code;
                }

                // As pwsh -Command: a script in which any command failed ends with 1.
                return shell.HadErrors || missingCommands.Count > 0 ? 1 : 0;
            }
        }

        /// <summary>
        /// A user who pipes Import-Csv into the module here meets the engine's bare "not recognized"
        /// error; say once why the command is missing and where the full shell comes from.
        /// </summary>
        private void ExplainMissingCommands()
        {
            if (missingCommands.Count == 0)
            {
                return;
            }

            string names = string.Join(", ", new SortedSet<string>(missingCommands, StringComparer.OrdinalIgnoreCase));
            Host.UI.WriteErrorLine(
                $"This embedded host runs the PowerShell engine with its core commands only (ForEach-Object, Where-Object, Get-Help ...) and the PSEstimation module; {names} is not among them. " +
                "For Import-Csv, Select-Object, Sort-Object, Group-Object, Format-Table and the rest, install PowerShell 7 (pwsh: https://aka.ms/powershell) and run Import-Module ./out/PSEstimation/PSEstimation.psd1 there.");
        }

        /// <summary>Formats a terminating error the way PowerShell's console does.</summary>
        private void ShowError(RuntimeException exception)
        {
            using var shell = PowerShell.Create();
            shell.Runspace = runspace;
            shell.AddCommand("Out-Default");
            try
            {
                shell.Invoke(new object[] { exception.ErrorRecord });
            }
            catch (RuntimeException)
            {
                Host.UI.WriteErrorLine(exception.Message);
            }
        }

        public void Dispose() => runspace.Dispose();
    }
}
