using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace HelpBuilder
{
    /// <summary>
    /// Reads every docs/*.md page, and only when all of them are valid writes the MAML file and
    /// the about topics: a half-written help folder from a broken page would hide the failure.
    /// Each bad page reports its first problem, so one run lists every broken file.
    /// </summary>
    public sealed class HelpBuildRunner
    {
        private readonly TextWriter _out;
        private readonly TextWriter _error;

        public HelpBuildRunner(TextWriter output, TextWriter error)
        {
            _out = output;
            _error = error;
        }

        /// <summary>Result of reading the docs folder, exposed so callers can inspect it.</summary>
        public List<CmdletHelpPage> Cmdlets { get; } = new List<CmdletHelpPage>();

        public List<AboutTopic> AboutTopics { get; } = new List<AboutTopic>();

        /// <summary>Returns the process exit code: 0 written, 1 a page is malformed.</summary>
        /// <summary>Whether a file in docs/ is a help page: Verb-Noun.md (a cmdlet) or about_*.md (a topic).</summary>
        internal static bool IsHelpSource(string path)
        {
            string name = Path.GetFileNameWithoutExtension(path);
            return name.StartsWith("about_", StringComparison.Ordinal) || name.IndexOf('-') > 0;
        }

        public int Run(CommandLineOptions options)
        {
            if (!Directory.Exists(options.DocsDirectory))
            {
                _error.WriteLine($"{options.DocsDirectory}: docs folder not found");
                return 1;
            }

            // Top level only: that is where New-MarkdownHelp writes pages. Help pages are named
            // Verb-Noun.md or about_*.md; other documents there (ARCHITECTURE.md) are for developers.
            // Ordinal sort keeps the MAML byte-identical between machines.
            string[] files = Directory.GetFiles(options.DocsDirectory, "*.md", SearchOption.TopDirectoryOnly)
                .Where(IsHelpSource)
                .ToArray();
            Array.Sort(files, StringComparer.Ordinal);
            if (files.Length == 0)
            {
                _error.WriteLine($"{options.DocsDirectory}: no *.md files");
                return 1;
            }

            int failures = 0;
            foreach (string file in files)
            {
                try
                {
                    Read(SourceDocument.Load(file), options);
                }
                catch (HelpPageException e)
                {
                    _error.WriteLine(e.Message);
                    failures++;
                }
            }

            failures += CheckDuplicates();
            if (failures > 0)
            {
                _error.WriteLine($"help not written: {failures} page(s) with errors");
                return 1;
            }

            Directory.CreateDirectory(options.OutputDirectory);
            if (Cmdlets.Count > 0)
            {
                string mamlPath = Path.Combine(options.OutputDirectory, options.MamlName);
                MamlWriter.WriteFile(mamlPath, Cmdlets.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase));
                _out.WriteLine($"wrote {mamlPath} ({Cmdlets.Count} cmdlet(s))");
            }
            else
            {
                _out.WriteLine($"no cmdlet pages in {options.DocsDirectory}: {options.MamlName} not written");
            }

            foreach (AboutTopic topic in AboutTopics)
            {
                string path = Path.Combine(options.OutputDirectory, topic.FileName);
                AboutTopicWriter.WriteFile(path, topic);
                _out.WriteLine($"wrote {path}");
            }

            return 0;
        }

        private void Read(SourceDocument source, CommandLineOptions options)
        {
            if (AboutTopicParser.IsAboutPage(source))
            {
                AboutTopics.Add(AboutTopicParser.Parse(source));
            }
            else if (CmdletPageParser.IsCmdletPage(source))
            {
                CmdletHelpPage page = CmdletPageParser.Parse(source);
                if (!string.Equals(page.ExternalHelpFile, options.MamlName, StringComparison.OrdinalIgnoreCase))
                {
                    // PowerShell looks for the help of a binary cmdlet in "<assembly>-Help.xml";
                    // a page that names another file would be built into a file nobody reads.
                    throw source.Error(source.FrontMatter!.LineOf("external help file"),
                        $"'external help file: {page.ExternalHelpFile}' does not match the MAML being built ({options.MamlName})");
                }

                Cmdlets.Add(page);
            }
            else if (source.FrontMatter?.Has("Module Name") == true)
            {
                // The module landing page (New-MarkdownHelp -WithModulePage): it feeds no Get-Help
                // output, as with PlatyPS's New-ExternalHelp. Said out loud, not skipped silently.
                _out.WriteLine($"{source.Path}: module page, not part of Get-Help output (skipped)");
            }
            else if (source.FrontMatter is null)
            {
                throw source.Error(1, "no front matter: a cmdlet page starts with '---', 'external help file: ...', 'schema: 2.0.0', '---' (about topics must be named about_*.md)");
            }
            else
            {
                throw source.Error(source.FrontMatter.Line,
                    "not a cmdlet page (no 'external help file' in front matter) and not an about_*.md topic");
            }
        }

        private int CheckDuplicates()
        {
            int failures = 0;
            foreach (IGrouping<string, CmdletHelpPage> group in Cmdlets.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                foreach (CmdletHelpPage page in group.Skip(1))
                {
                    _error.WriteLine($"{page.SourcePath}:{page.Line}: cmdlet {page.Name} is also described in {group.First().SourcePath}");
                    failures++;
                }
            }

            return failures;
        }
    }
}
