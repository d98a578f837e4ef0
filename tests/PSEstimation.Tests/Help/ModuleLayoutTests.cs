using System.IO;
using System.Linq;
using System.Reflection;
using PSEstimation.Tests.Hosting;
using Xunit;

namespace PSEstimation.Tests.Help
{
    /// <summary>The built module at out/PSEstimation is complete and its manifest is valid.</summary>
    [Collection(ModuleCollection.Name)]
    public class ModuleLayoutTests
    {
        private readonly ModuleFixture module;

        public ModuleLayoutTests(ModuleFixture module) => this.module = module;

        private string ModuleDirectory => Path.GetDirectoryName(module.ManifestPath)!;

        [Theory]
        [InlineData("PSEstimation.psd1")]
        [InlineData("PSEstimation.dll")]
        [InlineData("MathNet.Numerics.dll")]
        [InlineData("net8.0/PSEstimation.dll")]
        [InlineData("net8.0/MathNet.Numerics.dll")]
        [InlineData("net8.0/OxyPlot.dll")]
        [InlineData("PSEstimation.Types.ps1xml")]
        [InlineData("PSEstimation.Format.ps1xml")]
        [InlineData("en-US/PSEstimation.dll-Help.xml")]
        [InlineData("en-US/about_PSEstimation.help.txt")]
        public void Module_folder_holds(string file)
            => Assert.True(File.Exists(Path.Combine(ModuleDirectory, file)), file + " missing from " + ModuleDirectory);

        [Fact]
        public void The_engine_is_not_shipped()
            => Assert.False(File.Exists(Path.Combine(ModuleDirectory, "System.Management.Automation.dll")));

        [Fact]
        public void Manifest_passes_Test_ModuleManifest_and_shares_the_assembly_version()
        {
            var result = module.Run("Test-ModuleManifest -Path $args[0]", module.ManifestPath);
            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            var info = Assert.IsType<System.Management.Automation.PSModuleInfo>(Assert.Single(result.Objects));
            var assemblyVersion = AssemblyName.GetAssemblyName(Path.Combine(ModuleDirectory, "PSEstimation.dll")).Version!;
            Assert.Equal(new System.Version(assemblyVersion.Major, assemblyVersion.Minor, assemblyVersion.Build), info.Version);
            Assert.Contains("Desktop", info.CompatiblePSEditions);
            Assert.Contains("Core", info.CompatiblePSEditions);
            Assert.Equal(new System.Version(5, 1), info.PowerShellVersion);
            Assert.NotNull(info.ProjectUri);
            Assert.NotNull(info.LicenseUri);
            Assert.NotEmpty(info.Tags);
            Assert.False(string.IsNullOrWhiteSpace(info.ReleaseNotes));
            Assert.False(string.IsNullOrWhiteSpace(info.Description));
        }

        [Fact]
        public void Module_targets_netstandard2_0_so_Windows_PowerShell_loads_it()
        {
            var dll = Assembly.LoadFile(Path.Combine(ModuleDirectory, "PSEstimation.dll"));
            var framework = dll.GetCustomAttributes<System.Runtime.Versioning.TargetFrameworkAttribute>().Single();
            Assert.Equal(".NETStandard,Version=v2.0", framework.FrameworkName);
            Assert.DoesNotContain(dll.GetReferencedAssemblies(), a => a.Name == "System.Runtime");
        }

        [Fact]
        public void PowerShell_7_imports_the_net8_0_build_and_finds_its_help()
        {
            // The manifest's RootModule picks net8.0/ by $PSEdition (Core here); formats, types and
            // help still come from the module folder, shared by both builds.
            var result = module.Run(
                "$c = Get-Command Get-MLEstimate; [IO.Path]::GetFileName([IO.Path]::GetDirectoryName((Get-Module PSEstimation).Path)); " +
                "$c.ImplementingType.Assembly.GetCustomAttributes([Runtime.Versioning.TargetFrameworkAttribute], $false)[0].FrameworkName; " +
                "(Get-Help Get-MLEstimate).Synopsis.Length -gt 0; (Get-Module PSEstimation).ExportedCmdlets.ContainsKey('Out-Plot')");
            Assert.Null(result.TerminatingError);
            Assert.Equal(new object[] { "net8.0", ".NETCoreApp,Version=v8.0", true, true }, result.Objects.ToArray());
        }
    }
}
