using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using PSEstimation.Tests.Hosting;
using Xunit;

namespace PSEstimation.Tests.Help
{
    /// <summary>
    /// The Pester suite cannot run here (no pwsh, no Pester), so CI at least parses every
    /// tests/Pester/*.Tests.ps1 with the real PowerShell parser and checks it has the Pester 5 shape.
    /// </summary>
    public class PesterSyntaxTests
    {
        public static IEnumerable<object[]> PesterFiles()
            => Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "tests", "Pester"), "*.Tests.ps1")
                .Select(f => new object[] { Path.GetFileName(f) });

        [Fact]
        public void Build_script_parses_and_offers_every_task()
        {
            string path = Path.Combine(RepositoryPaths.Root, "build.ps1");
            var ast = Parser.ParseFile(path, out _, out ParseError[] errors);
            Assert.True(errors.Length == 0, string.Join("\n", errors.Select(e => $"build.ps1:{e.Extent.StartLineNumber}: {e.Message}")));
            var validateSet = ast.ParamBlock.Parameters.Single(p => p.Name.VariablePath.UserPath == "Task")
                .Attributes.OfType<AttributeAst>().Single(a => a.TypeName.Name == "ValidateSet");
            var tasks = validateSet.PositionalArguments.OfType<StringConstantExpressionAst>().Select(a => a.Value).ToList();
            Assert.Equal(new[] { "Build", "Test", "Docs", "Package", "Clean" }, tasks);
        }

        [Fact]
        public void There_is_a_Pester_file_per_exported_cmdlet()
        {
            var files = PesterFiles().Select(f => (string)f[0]).ToList();
            foreach (var cmdlet in HelpTests.Cmdlets().Select(c => (string)c[0]))
            {
                Assert.Contains(cmdlet + ".Tests.ps1", files);
            }
        }

        [Theory]
        [MemberData(nameof(PesterFiles))]
        public void Pester_file_parses_and_has_Pester_5_shape(string file)
        {
            string path = Path.Combine(RepositoryPaths.Root, "tests", "Pester", file);
            var ast = Parser.ParseFile(path, out _, out ParseError[] errors);
            Assert.True(errors.Length == 0, string.Join("\n", errors.Select(e => $"{file}:{e.Extent.StartLineNumber}: {e.Message}")));

            var commands = ast.FindAll(a => a is CommandAst, true).Cast<CommandAst>().Select(c => c.GetCommandName()).Where(n => n is not null).ToList();
            Assert.Contains("Describe", commands);
            Assert.Contains("It", commands);
            Assert.Contains("BeforeAll", commands);

            // Pester 5 runs test code only inside BeforeAll/It blocks; Should outside an It would be Pester 4 style.
            foreach (var should in ast.FindAll(a => a is CommandAst c && c.GetCommandName() == "Should", true))
            {
                var parent = should.Parent;
                bool insideBlock = false;
                while (parent is not null)
                {
                    if (parent is CommandAst c && (c.GetCommandName() is "It" or "BeforeAll" or "BeforeEach" or "AfterAll" or "AfterEach"))
                    {
                        insideBlock = true;
                        break;
                    }

                    parent = parent.Parent;
                }

                Assert.True(insideBlock, $"{file}:{should.Extent.StartLineNumber}: Should outside an It block");
            }
        }

        private static readonly string[] RunBlocks = { "It", "BeforeAll", "BeforeEach", "AfterAll", "AfterEach" };

        /// <summary>
        /// Pester 5 runs a file twice: discovery runs the Describe and Context bodies, the run
        /// phase runs the It and Before/After blocks, and a variable assigned in a body during
        /// discovery is gone by the time an It reads it ($null, so a test can pass vacuously or fail
        /// only under real Pester). Such a variable belongs in BeforeAll, or in -ForEach data.
        /// </summary>
        [Theory]
        [MemberData(nameof(PesterFiles))]
        public void No_run_block_reads_a_variable_assigned_only_at_discovery(string file)
        {
            string path = Path.Combine(RepositoryPaths.Root, "tests", "Pester", file);
            var ast = Parser.ParseFile(path, out _, out _);
            Assert.Empty(DiscoveryOnlyReads(ast).Select(r => $"{file}:{r}"));
        }

        [Fact]
        public void The_discovery_check_finds_a_body_variable_read_in_an_It()
        {
            const string script = "Describe 'a' {\n  $data = 1, 2, 3\n  It 'b' { $data | Should -HaveCount 3 }\n  It 'c' -ForEach @(@{ n = 1 }) { $n | Should -Be 1 }\n  BeforeAll { $ok = 1 }\n  It 'd' { $ok | Should -Be 1 }\n}";
            var ast = Parser.ParseInput(script, out _, out _);
            Assert.Equal(new[] { "line 3: $data (assigned at discovery, line 2)" }, DiscoveryOnlyReads(ast));
        }

        private static List<string> DiscoveryOnlyReads(Ast ast)
        {
            string? BlockOf(Ast a)
            {
                for (var p = a.Parent; p is not null; p = p.Parent)
                {
                    if (p is CommandAst c && (RunBlocks.Contains(c.GetCommandName()) || c.GetCommandName() == "BeforeDiscovery"))
                    {
                        return c.GetCommandName();
                    }
                }

                return null;
            }

            var discovery = new Dictionary<string, int>();
            var run = new HashSet<string>();
            void Assigned(string name, Ast at)
            {
                if (BlockOf(at) is null)
                {
                    discovery[name] = at.Extent.StartLineNumber;
                }
                else
                {
                    run.Add(name);
                }
            }

            foreach (AssignmentStatementAst assignment in ast.FindAll(a => a is AssignmentStatementAst, true))
            {
                var left = assignment.Left is ConvertExpressionAst convert ? convert.Child : assignment.Left;
                if (left is VariableExpressionAst variable)
                {
                    Assigned(variable.VariablePath.UserPath, assignment);
                }
            }

            foreach (ForEachStatementAst loop in ast.FindAll(a => a is ForEachStatementAst, true))
            {
                Assigned(loop.Variable.VariablePath.UserPath, loop);
            }

            var reads = new List<string>();
            foreach (VariableExpressionAst variable in ast.FindAll(a => a is VariableExpressionAst, true))
            {
                string name = variable.VariablePath.UserPath;
                if (BlockOf(variable) is string block && RunBlocks.Contains(block) && discovery.TryGetValue(name, out int line) && !run.Contains(name))
                {
                    reads.Add($"line {variable.Extent.StartLineNumber}: ${name} (assigned at discovery, line {line})");
                }
            }

            return reads;
        }
    }
}
