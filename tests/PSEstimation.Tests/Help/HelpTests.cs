using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSEstimation.Tests.Hosting;
using Xunit;

namespace PSEstimation.Tests.Help
{
    /// <summary>
    /// The help that Get-Help reads from en-US/PSEstimation.dll-Help.xml (built from docs/*.md)
    /// matches the code: every exported cmdlet documented, every parameter described, no
    /// parameter documented that the cmdlet lacks, at least two examples.
    /// </summary>
    [Collection(ModuleCollection.Name)]
    public class HelpTests
    {
        private static readonly HashSet<string> CommonParameters = new HashSet<string>(
            new[] { "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable", "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable" },
            System.StringComparer.OrdinalIgnoreCase);

        private readonly ModuleFixture module;

        public HelpTests(ModuleFixture module) => this.module = module;

        public static IEnumerable<object[]> Cmdlets()
        {
            // The manifest's export list is the authority on which cmdlets exist.
            var manifest = System.IO.File.ReadAllText(System.IO.Path.Combine(RepositoryPaths.Root, "module", "PSEstimation.psd1"));
            var exports = System.Text.RegularExpressions.Regex.Match(manifest, @"CmdletsToExport\s*=\s*@\(([^)]*)\)").Groups[1].Value;
            return System.Text.RegularExpressions.Regex.Matches(exports, "'([^']+)'").Select(m => new object[] { m.Groups[1].Value });
        }

        [Fact]
        public void Manifest_exports_exactly_the_module_cmdlets()
        {
            var exported = Cmdlets().Select(c => (string)c[0]).OrderBy(n => n).ToList();
            var result = module.Run("(Get-Command -Module PSEstimation).Name");
            Assert.Equal(exported, result.Objects.Cast<string>().OrderBy(n => n).ToList());
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void Help_is_complete_and_matches_the_code(string cmdlet)
        {
            var help = module.Run("Get-Help $args[0] -Full", cmdlet);
            Assert.Null(help.TerminatingError);
            var info = Assert.Single(help.Output);
            string synopsis = ((string?)info.Properties["Synopsis"]?.Value ?? string.Empty).Trim();
            Assert.False(string.IsNullOrWhiteSpace(synopsis), "no synopsis");
            Assert.NotEqual(cmdlet, synopsis); // Get-Help falls back to the syntax when no MAML is found.

            var description = module.Run("(Get-Help $args[0] -Full).Description.Text -join ' '", cmdlet);
            Assert.True(((string)description.Objects.Single()).Length > 40, "no description");

            var examples = module.Run("@((Get-Help $args[0] -Full).Examples.Example).Count", cmdlet);
            Assert.True((int)examples.Objects.Single() >= 2, "fewer than two examples");

            var documented = module.Run(
                "(Get-Help $args[0] -Full).Parameters.Parameter | ForEach-Object { [pscustomobject]@{ Name = $_.Name; Text = ($_.Description.Text -join ' ') } }",
                cmdlet);
            var docs = documented.Output.ToDictionary(o => o.Properties["Name"].Value.ToString()!, o => o.Properties["Text"].Value?.ToString() ?? string.Empty);

            var actual = module.Run("(Get-Command $args[0]).Parameters.Keys", cmdlet).Objects.Cast<string>()
                .Where(p => !CommonParameters.Contains(p)).ToList();
            Assert.NotEmpty(actual);
            foreach (string parameter in actual)
            {
                Assert.True(docs.ContainsKey(parameter), $"{cmdlet} -{parameter} is not documented");
                Assert.True(docs[parameter].Trim().Length > 10, $"{cmdlet} -{parameter} has no description");
            }

            foreach (string parameter in docs.Keys)
            {
                Assert.True(actual.Contains(parameter), $"{cmdlet} documents -{parameter}, which the cmdlet does not have");
            }
        }

        [Fact]
        public void About_topic_is_found_by_Get_Help()
        {
            var text = module.Run("(Get-Help about_PSEstimation) -join \"`n\"").Objects.Cast<object>().Select(o => o.ToString()).FirstOrDefault() ?? string.Empty;
            Assert.Contains("about_PSEstimation", text);
            Assert.Contains("LONG DESCRIPTION", text);
        }
    }
}
