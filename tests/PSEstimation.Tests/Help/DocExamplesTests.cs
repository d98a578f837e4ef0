using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PSEstimation.Tests.Hosting;
using Xunit;

namespace PSEstimation.Tests.Help
{
    /// <summary>
    /// Every example in docs/*.md that shows its output (a ```powershell block followed by an
    /// ```output block) is run in a fresh runspace of the built module and must print exactly
    /// that text (trailing spaces and surrounding blank lines aside). So the help never shows
    /// output the module does not produce.
    /// </summary>
    [Collection(ModuleCollection.Name)]
    public class DocExamplesTests
    {
        private readonly ModuleFixture module;

        public DocExamplesTests(ModuleFixture module) => this.module = module;

        public static IEnumerable<object[]> Examples()
            => DocExamples.All().Select(e => new object[] { e.Key });

        [Fact]
        public void Docs_have_examples_with_output()
            => Assert.True(DocExamples.All().Count >= 5, "expected examples with output blocks in docs/*.md");

        [Theory]
        [MemberData(nameof(Examples))]
        public void Example_prints_what_the_docs_show(string key)
        {
            var example = DocExamples.All()[key];
            string actual = Normalize(module.RunFormatted(example.Code, width: 120));
            string expected = Normalize(example.Output);
            Assert.True(expected == actual, $"{key}\n--- docs show ---\n{expected}\n--- module prints ---\n{actual}");
        }

        private static string Normalize(string text)
        {
            var lines = text.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd()).ToList();
            while (lines.Count > 0 && lines[0].Length == 0)
            {
                lines.RemoveAt(0);
            }

            while (lines.Count > 0 && lines[^1].Length == 0)
            {
                lines.RemoveAt(lines.Count - 1);
            }

            return string.Join("\n", lines);
        }
    }

    /// <summary>Finds ```powershell blocks followed by ```output blocks in docs/*.md.</summary>
    public static class DocExamples
    {
        private static readonly Lazy<Dictionary<string, (string Code, string Output)>> Found = new Lazy<Dictionary<string, (string, string)>>(Scan);

        public static Dictionary<string, (string Code, string Output)> All() => Found.Value;

        private static Dictionary<string, (string, string)> Scan()
        {
            var result = new Dictionary<string, (string, string)>();
            foreach (string path in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "docs"), "*.md").OrderBy(p => p))
            {
                var lines = File.ReadAllLines(path);
                string? pendingCode = null;
                int pendingLine = 0;
                for (int i = 0; i < lines.Length; i++)
                {
                    string fence = lines[i].Trim();
                    if (!fence.StartsWith("```"))
                    {
                        if (lines[i].StartsWith("#"))
                        {
                            pendingCode = null;
                        }

                        continue;
                    }

                    string language = fence.Substring(3).Trim().ToLowerInvariant();
                    int end = Array.FindIndex(lines, i + 1, l => l.Trim() == "```");
                    if (end < 0)
                    {
                        break;
                    }

                    string body = string.Join("\n", lines, i + 1, end - i - 1);
                    if (language == "powershell")
                    {
                        pendingCode = body;
                        pendingLine = i + 1;
                    }
                    else if (language == "output" && pendingCode is not null)
                    {
                        result[$"{Path.GetFileName(path)}:{pendingLine}"] = (pendingCode, body);
                        pendingCode = null;
                    }

                    i = end;
                }
            }

            return result;
        }
    }
}
