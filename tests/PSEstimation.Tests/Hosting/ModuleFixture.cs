using System;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using PSEstimation.Host;
using Xunit;

namespace PSEstimation.Tests.Hosting
{
    /// <summary>
    /// One runspace on the real PowerShell engine with the built module imported from
    /// out/PSEstimation/PSEstimation.psd1, shared by every end-to-end test (a binary module
    /// cannot be unloaded, and importing it once keeps the suite fast).
    /// </summary>
    public sealed class ModuleFixture : IDisposable
    {
        private readonly StringWriter hostOutput = new StringWriter();

        public ModuleFixture()
        {
            ManifestPath = ModuleRunspace.FindModuleManifest(RepositoryPaths.Root);
            Session = new ModuleRunspace(ManifestPath, hostOutput, hostOutput);
        }

        public string ManifestPath { get; }

        public ModuleRunspace Session { get; }

        /// <summary>Runs a script and returns its objects and streams.</summary>
        public InvocationResult Run(string script, params object?[] arguments) => Session.Invoke(script, arguments);

        /// <summary>
        /// Runs a script through Out-Default in a fresh runspace of the given width and returns
        /// the text a console would show (ANSI sequences removed), errors included.
        /// </summary>
        public string RunFormatted(string script, int width = 120)
        {
            var text = new StringWriter();
            using var session = new ModuleRunspace(ManifestPath, text, text, width, stripAnsi: true);
            session.RunFormatted(script);
            return text.ToString();
        }

        /// <summary>
        /// An open runspace of its own with the module imported, for tests that drive a PowerShell
        /// object themselves (BeginInvoke and Stop, errors the shared session's wrapper would catch).
        /// </summary>
        public Runspace OpenRunspace()
        {
            var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
            runspace.Open();
            using var import = PowerShell.Create();
            import.Runspace = runspace;
            import.AddCommand("Import-Module").AddParameter("Name", ManifestPath).Invoke();
            return runspace;
        }

        public void Dispose() => Session.Dispose();
    }

    [CollectionDefinition(Name)]
    public sealed class ModuleCollection : ICollectionFixture<ModuleFixture>
    {
        public const string Name = "Module";
    }
}
