using System.Collections.Generic;
using System.IO;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace HelpBuilder
{
    /// <summary>
    /// One markdown file parsed into Markdig's block tree, plus its front matter.
    /// Every parser works from this, so all of them see the same AST and report the same line numbers.
    /// </summary>
    public sealed class SourceDocument
    {
        // Front matter must be recognised as such (otherwise "---" becomes a thematic break and the
        // keys a heading). Pipe tables are enabled only so that a table is parsed as a Table block,
        // which we can reject by line, instead of turning into a paragraph full of '|' characters.
        private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
            .UseYamlFrontMatter()
            .UsePipeTables()
            .Build();

        private SourceDocument(string path, MarkdownDocument document, FrontMatter? frontMatter, IReadOnlyList<Block> blocks)
        {
            Path = path;
            Document = document;
            FrontMatter = frontMatter;
            Blocks = blocks;
        }

        /// <summary>The file name as given on the command line; used in every error message.</summary>
        public string Path { get; }

        /// <summary>File name without directory and extension, e.g. "about_PSEstimation".</summary>
        public string BaseName => System.IO.Path.GetFileNameWithoutExtension(Path);

        public MarkdownDocument Document { get; }

        /// <summary>Null when the file has no "---" block at its top.</summary>
        public FrontMatter? FrontMatter { get; }

        /// <summary>
        /// Top-level blocks in order, without the front matter and without blocks that carry no
        /// visible content (link reference definitions, HTML comments).
        /// </summary>
        public IReadOnlyList<Block> Blocks { get; }

        public static SourceDocument Load(string path)
        {
            return Parse(path, File.ReadAllText(path));
        }

        public static SourceDocument Parse(string path, string markdown)
        {
            MarkdownDocument document = Markdown.Parse(markdown, Pipeline);
            FrontMatter? frontMatter = null;
            var blocks = new List<Block>();
            foreach (Block block in document)
            {
                switch (block)
                {
                    case YamlFrontMatterBlock yaml:
                        frontMatter = FrontMatter.Parse(path, yaml);
                        break;
                    case LinkReferenceDefinitionGroup:
                        // Definitions are consumed by the links that use them; nothing to render.
                        break;
                    case HtmlBlock html when html.Type == HtmlBlockType.Comment:
                        // Comments are the author's notes to other authors, not help text.
                        break;
                    default:
                        blocks.Add(block);
                        break;
                }
            }

            return new SourceDocument(path, document, frontMatter, blocks);
        }

        /// <summary>Markdig counts lines from 0; people and editors count from 1.</summary>
        public static int LineOf(Block block) => block.Line + 1;

        public HelpPageException Error(Block block, string problem) => new HelpPageException(Path, LineOf(block), problem);

        public HelpPageException Error(int line, string problem) => new HelpPageException(Path, line, problem);

        /// <summary>A short name for a block kind, for messages like "found a table".</summary>
        public static string Describe(Block block)
        {
            return block switch
            {
                HeadingBlock h => $"'{new string('#', h.Level)} {InlineTextRenderer.PlainHeading(h)}' heading",
                FencedCodeBlock f when !string.IsNullOrEmpty(f.Info) => $"```{f.Info} code block",
                CodeBlock => "code block",
                ParagraphBlock => "paragraph",
                ListBlock => "list",
                Table => "table",
                QuoteBlock => "block quote",
                ThematicBreakBlock => "horizontal rule",
                HtmlBlock => "HTML block",
                _ => block.GetType().Name,
            };
        }
    }
}
