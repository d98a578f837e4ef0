using System;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using PSEstimation.Host;
using PSEstimation.Tests.Hosting;
using Xunit;

namespace PSEstimation.Tests.Help
{
    /// <summary>
    /// The parts of build.ps1 that can run without pwsh, Pester or platyPS: the child-process
    /// helper behind -Task Test and the repair of platyPS's output behind -Task Docs.
    /// </summary>
    [Collection(ModuleCollection.Name)]
    public class BuildScriptTests
    {
        private readonly ModuleFixture module;

        public BuildScriptTests(ModuleFixture module) => this.module = module;

        private static string BuildFunction(string name)
        {
            var ast = Parser.ParseFile(Path.Combine(RepositoryPaths.Root, "build.ps1"), out _, out _);
            return ast.FindAll(a => a is FunctionDefinitionAst f && f.Name == name, true).Single().Extent.Text;
        }

        [Theory]
        [InlineData(0)]
        [InlineData(3)]
        public void Invoke_Child_streams_the_output_and_returns_only_the_exit_code(int exitCode)
        {
            if (OperatingSystem.IsWindows())
            {
                return;
            }

            // A stand-in for the child PowerShell that prints what Pester prints and exits.
            string fake = Path.Combine(Path.GetTempPath(), "psestimation-fake-pwsh-" + Guid.NewGuid().ToString("N") + ".sh");
            File.WriteAllText(fake, "#!/bin/sh\necho 'Pester v5.9.0'\necho 'Starting discovery in 5 files.'\nexit " + exitCode + "\n");
            File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var console = new StringWriter();
            try
            {
                using var session = new ModuleRunspace(module.ManifestPath, console, new StringWriter());
                string script = BuildFunction("Invoke-Child") + "\n"
                    + "function Get-ChildPowerShell { '" + fake + "' }\n$code = Invoke-Child 'Invoke-Pester'\n,$code";
                var result = session.Invoke(script);
                Assert.Null(result.TerminatingError);
                var code = Assert.Single(result.Objects);
                Assert.Equal(exitCode, Assert.IsType<int>(code));
                Assert.Contains("Starting discovery in 5 files.", console.ToString());
            }
            finally
            {
                File.Delete(fake);
            }
        }

        /// <summary>What platyPS 0.14.2 on PowerShell 7.4+ makes of an unchanged page: CRLF, and -ProgressAction documented.</summary>
        private static string AsPlatyPSWritesIt(string page)
        {
            string withSyntax = page.Replace(" [-WeightProperty <String>]", " [-WeightProperty <String>] [-ProgressAction <ActionPreference>]");
            string section = "### -ProgressAction\n{{ Fill ProgressAction Description }}\n\n```yaml\nType: ActionPreference\nParameter Sets: (All)\nAliases: proga\n\nRequired: False\nPosition: Named\nDefault value: None\nAccept pipeline input: False\nAccept wildcard characters: False\n```\n\n";
            return withSyntax.Replace("### CommonParameters", section + "### CommonParameters").Replace("\n", "\r\n");
        }

        [Fact]
        public void Docs_repair_leaves_an_unchanged_page_byte_for_byte_as_it_was()
        {
            byte[] original = File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "docs", "Get-MLEstimate.md"));
            string platyPS = AsPlatyPSWritesIt(System.Text.Encoding.UTF8.GetString(original));
            Assert.Contains("ProgressAction", platyPS);
            string page = Path.Combine(Path.GetTempPath(), "psestimation-docs-" + Guid.NewGuid().ToString("N") + ".md");
            File.WriteAllText(page, platyPS);
            try
            {
                var result = module.Run(". $args[0]; Save-PlatyPSMarkdown -Path $args[1] -OriginalBytes $args[2]", Path.Combine(RepositoryPaths.Root, "tools", "Repair-PlatyPSMarkdown.ps1"), page, original);
                Assert.Null(result.TerminatingError);
                Assert.Empty(result.Errors);
                Assert.Equal(original, File.ReadAllBytes(page));
            }
            finally
            {
                File.Delete(page);
            }
        }

        [Fact]
        public void Docs_repair_writes_a_changed_page_with_LF_and_without_ProgressAction()
        {
            byte[] original = File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "docs", "Get-MLEstimate.md"));
            string changed = AsPlatyPSWritesIt(System.Text.Encoding.UTF8.GetString(original)).Replace("## NOTES", "## NOTES\r\nA new note.");
            string page = Path.Combine(Path.GetTempPath(), "psestimation-docs-" + Guid.NewGuid().ToString("N") + ".md");
            File.WriteAllText(page, changed);
            try
            {
                var result = module.Run(". $args[0]; Save-PlatyPSMarkdown -Path $args[1] -OriginalBytes $args[2]", Path.Combine(RepositoryPaths.Root, "tools", "Repair-PlatyPSMarkdown.ps1"), page, original);
                Assert.Null(result.TerminatingError);
                byte[] written = File.ReadAllBytes(page);
                string text = System.Text.Encoding.UTF8.GetString(written);
                Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
                Assert.DoesNotContain("ProgressAction", text, StringComparison.Ordinal);
                Assert.Contains("## NOTES\nA new note.", text, StringComparison.Ordinal);
                Assert.False(written.Length >= 3 && written[0] == 0xEF && written[1] == 0xBB, "no byte-order mark");
                Assert.Equal(System.Text.Encoding.UTF8.GetString(original).Replace("## NOTES", "## NOTES\nA new note."), text);
            }
            finally
            {
                File.Delete(page);
            }
        }
    }
}
