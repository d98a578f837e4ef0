using System;
using System.Collections.Generic;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HelpBuilder
{
    /// <summary>
    /// Reads a PlatyPS (schema 2.0.0) cmdlet page into a <see cref="CmdletHelpPage"/>.
    /// The grammar follows PlatyPS's own reader (ModelTransformerVersion2): '#' Verb-Noun, then
    /// '##' sections in any order, each with its own '###' entries. Unlike PlatyPS, anything it
    /// would skip or misplace (text after a parameter's yaml, an example without code...) is an
    /// error here, so the MAML never silently lacks what the page says.
    /// </summary>
    public sealed class CmdletPageParser
    {
        private const string SupportedSchema = "2.0.0";

        private readonly SourceDocument _source;
        private readonly HelpTextReader _text;
        private readonly BlockCursor _cursor;

        public CmdletPageParser(SourceDocument source)
        {
            _source = source;
            _text = new HelpTextReader(source);
            _cursor = new BlockCursor(source.Blocks);
        }

        /// <summary>A page is a cmdlet page when its front matter names the MAML file it feeds.</summary>
        public static bool IsCmdletPage(SourceDocument source) => source.FrontMatter?.Has("external help file") == true;

        public static CmdletHelpPage Parse(SourceDocument source) => new CmdletPageParser(source).Parse();

        public CmdletHelpPage Parse()
        {
            FrontMatter frontMatter = _source.FrontMatter ?? throw _source.Error(1, "a cmdlet page must start with PlatyPS front matter (---)");
            CheckFrontMatter(frontMatter);

            if (_cursor.AtEnd || _cursor.Peek() is not HeadingBlock { Level: 1 } title)
            {
                int line = _cursor.Peek() is Block first ? SourceDocument.LineOf(first) : frontMatter.Line;
                throw _source.Error(line, "expected the '# Verb-Noun' title after the front matter");
            }

            _cursor.Next();
            string name = HeadingText(title);
            if (!IsVerbNoun(name))
            {
                throw _source.Error(title, $"title '{name}' is not a cmdlet name of the form Verb-Noun");
            }

            var page = new CmdletHelpPage(_source.Path, name, SourceDocument.LineOf(title))
            {
                ExternalHelpFile = frontMatter.Get("external help file") ?? string.Empty,
                ModuleName = frontMatter.Get("Module Name") ?? string.Empty,
                OnlineVersion = frontMatter.Get("online version") ?? string.Empty,
            };

            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            while (!_cursor.AtEnd)
            {
                Block block = _cursor.Next();
                if (block is not HeadingBlock { Level: 2 } heading)
                {
                    string problem = block is HeadingBlock { Level: 1 }
                        ? "a cmdlet page has exactly one '#' title"
                        : $"expected a '## SECTION' heading, found a {SourceDocument.Describe(block)}";
                    throw _source.Error(block, problem);
                }

                string section = HeadingText(heading).ToUpperInvariant();
                if (!seen.Add(section))
                {
                    throw _source.Error(heading, $"section '## {section}' appears twice");
                }

                ReadSection(page, section, heading);
            }

            if (!seen.Contains("SYNOPSIS"))
            {
                throw _source.Error(page.Line, $"{page.Name}: missing '## SYNOPSIS' section");
            }

            if (!seen.Contains("SYNTAX"))
            {
                throw _source.Error(page.Line, $"{page.Name}: missing '## SYNTAX' section");
            }

            page.Syntax.AddRange(new SyntaxBuilder(_source).Build(page.ParameterSets, page.Parameters));
            return page;
        }

        private void CheckFrontMatter(FrontMatter frontMatter)
        {
            string? schema = frontMatter.Get("schema");
            if (schema != SupportedSchema)
            {
                throw _source.Error(frontMatter.LineOf("schema"),
                    schema is null ? $"front matter lacks 'schema: {SupportedSchema}'" : $"schema '{schema}' is not supported (only {SupportedSchema})");
            }

            if (string.IsNullOrWhiteSpace(frontMatter.Get("external help file")))
            {
                throw _source.Error(frontMatter.LineOf("external help file"), "'external help file' is empty");
            }

            foreach (string moduleOnlyKey in new[] { "Module Guid", "Download Help Link", "Help Version" })
            {
                if (frontMatter.Has(moduleOnlyKey))
                {
                    throw _source.Error(frontMatter.LineOf(moduleOnlyKey), $"'{moduleOnlyKey}' belongs on the module page, not on a cmdlet page");
                }
            }
        }

        private void ReadSection(CmdletHelpPage page, string section, HeadingBlock heading)
        {
            switch (section)
            {
                case "SYNOPSIS":
                    page.Synopsis = ReadText(section);
                    if (page.Synopsis.IsEmpty)
                    {
                        throw _source.Error(heading, "## SYNOPSIS is empty");
                    }

                    break;
                case "SYNTAX":
                    ReadSyntax(page, heading);
                    break;
                case "DESCRIPTION":
                    page.Description = ReadText(section);
                    break;
                case "EXAMPLES":
                    ReadExamples(page);
                    break;
                case "PARAMETERS":
                    ReadParameters(page);
                    break;
                case "INPUTS":
                    ReadTypes(page.Inputs, section);
                    break;
                case "OUTPUTS":
                    ReadTypes(page.Outputs, section);
                    break;
                case "NOTES":
                    page.Notes = ReadText(section);
                    break;
                case "RELATED LINKS":
                    ReadRelatedLinks(page);
                    break;
                default:
                    throw _source.Error(heading,
                        $"unknown section '## {HeadingText(heading)}' (expected SYNOPSIS, SYNTAX, DESCRIPTION, EXAMPLES, PARAMETERS, INPUTS, OUTPUTS, NOTES, RELATED LINKS)");
            }
        }

        /// <summary>Body text up to the next '##'; a '###' inside a plain-text section is an error
        /// because MAML has nowhere to put a sub-heading.</summary>
        private HelpText ReadText(string section)
        {
            var blocks = new List<HelpBlock>();
            while (!_cursor.AtEndOfPart(2))
            {
                Block block = _cursor.Next();
                if (block is HeadingBlock)
                {
                    throw _source.Error(block, $"## {section} cannot contain sub-headings ({SourceDocument.Describe(block)})");
                }

                _text.Read(block, blocks);
            }

            return new HelpText(blocks);
        }

        private void ReadSyntax(CmdletHelpPage page, HeadingBlock sectionHeading)
        {
            while (!_cursor.AtEndOfPart(2))
            {
                Block block = _cursor.Next();
                string name;
                bool isDefault = false;
                int line = SourceDocument.LineOf(block);
                CodeBlock code;
                if (block is CodeBlock bare)
                {
                    // PlatyPS allows the heading to be left out when there is a single set.
                    if (page.ParameterSets.Count > 0 || !_cursor.AtEndOfPart(2))
                    {
                        throw _source.Error(block, "each syntax code block needs a '### ParameterSetName' heading when there is more than one");
                    }

                    name = ParameterSetSyntax.AllParameterSets;
                    code = bare;
                }
                else if (block is HeadingBlock { Level: 3 } setHeading)
                {
                    name = HeadingText(setHeading);
                    const string defaultSuffix = "(Default)";
                    if (name.EndsWith(defaultSuffix, StringComparison.OrdinalIgnoreCase))
                    {
                        isDefault = true;
                        name = name.Substring(0, name.Length - defaultSuffix.Length).TrimEnd();
                    }

                    if (name.Length == 0 || name.Contains(' '))
                    {
                        throw _source.Error(block, $"'{HeadingText(setHeading)}' is not a parameter set name");
                    }

                    if (_cursor.Peek() is not CodeBlock following)
                    {
                        throw _source.Error(block, $"parameter set '{name}' has no syntax code block under its heading");
                    }

                    code = following;
                    _cursor.Next();
                }
                else
                {
                    throw _source.Error(block, $"## SYNTAX expects '### ParameterSetName' and a code block, found a {SourceDocument.Describe(block)}");
                }

                foreach (ParameterSetSyntax existing in page.ParameterSets)
                {
                    if (string.Equals(existing.Name, name, StringComparison.OrdinalIgnoreCase))
                    {
                        throw _source.Error(line, $"parameter set '{name}' appears twice in ## SYNTAX");
                    }
                }

                page.ParameterSets.Add(new ParameterSetSyntax(name, isDefault, HelpTextReader.CodeText(code), line));
            }

            if (page.ParameterSets.Count == 0)
            {
                throw _source.Error(sectionHeading, "## SYNTAX is empty; it needs '### ParameterSetName' and a code block per set");
            }
        }

        private void ReadExamples(CmdletHelpPage page)
        {
            while (!_cursor.AtEndOfPart(2))
            {
                Block block = _cursor.Next();
                if (block is not HeadingBlock { Level: 3 } heading)
                {
                    throw _source.Error(block, $"## EXAMPLES expects '### Example N: title', found a {SourceDocument.Describe(block)}");
                }

                string title = HeadingText(heading);
                var introduction = new List<HelpBlock>();
                var remarks = new List<HelpBlock>();
                string? code = null;
                while (!_cursor.AtEndOfPart(3))
                {
                    Block part = _cursor.Next();
                    if (part is HeadingBlock)
                    {
                        throw _source.Error(part, $"example '{title}' cannot contain a {SourceDocument.Describe(part)}");
                    }

                    if (code is null && part is CodeBlock commands)
                    {
                        code = HelpTextReader.CodeText(commands);
                    }
                    else
                    {
                        // Before the first code block: introduction; after it: output blocks and
                        // remarks, kept in page order so output stays next to the text about it.
                        _text.Read(part, code is null ? introduction : remarks);
                    }
                }

                if (code is null)
                {
                    throw _source.Error(heading, $"example '{title}' has no code block");
                }

                page.Examples.Add(new ExampleHelp(title, new HelpText(introduction), code, new HelpText(remarks), SourceDocument.LineOf(heading)));
            }
        }

        private void ReadParameters(CmdletHelpPage page)
        {
            var metadataParser = new ParameterMetadataParser(_source);
            while (!_cursor.AtEndOfPart(2))
            {
                Block block = _cursor.Next();
                if (block is not HeadingBlock { Level: 3 } heading)
                {
                    throw _source.Error(block, $"## PARAMETERS expects '### -Name', found a {SourceDocument.Describe(block)}");
                }

                string headingText = HeadingText(heading);
                if (string.Equals(headingText, "CommonParameters", StringComparison.OrdinalIgnoreCase))
                {
                    // The standard sentence under it is replaced by PowerShell's own text.
                    page.SupportsCommonParameters = true;
                    ReadParameterBody(headingText);
                    continue;
                }

                if (!headingText.StartsWith('-') || headingText.Length < 2 || headingText.Contains(' '))
                {
                    throw _source.Error(heading, $"parameter heading '### {headingText}' must be '### -Name' (or '### CommonParameters')");
                }

                string name = headingText.Substring(1);
                foreach (ParameterHelp existing in page.Parameters)
                {
                    if (string.Equals(existing.Name, name, StringComparison.OrdinalIgnoreCase))
                    {
                        throw _source.Error(heading, $"parameter -{name} is described twice");
                    }
                }

                var description = new List<HelpBlock>();
                var metadata = new List<ParameterMetadata>();
                while (!_cursor.AtEndOfPart(3))
                {
                    Block part = _cursor.Next();
                    if (ParameterMetadataParser.IsYamlBlock(part))
                    {
                        metadata.Add(metadataParser.Parse((FencedCodeBlock)part, name));
                    }
                    else if (metadata.Count > 0)
                    {
                        // PlatyPS drops such text; ask for it to be moved above the yaml instead.
                        throw _source.Error(part, $"-{name}: {SourceDocument.Describe(part)} after the ```yaml block; put the description above it");
                    }
                    else if (part is HeadingBlock)
                    {
                        throw _source.Error(part, $"-{name}: unexpected {SourceDocument.Describe(part)} inside a parameter");
                    }
                    else
                    {
                        _text.Read(part, description);
                    }
                }

                if (metadata.Count == 0)
                {
                    throw _source.Error(heading, $"parameter -{name} has no ```yaml block (Type, Parameter Sets, Required, Position...)");
                }

                page.Parameters.Add(new ParameterHelp(name, new HelpText(description), metadata, SourceDocument.LineOf(heading)));
            }
        }

        private void ReadParameterBody(string headingText)
        {
            while (!_cursor.AtEndOfPart(3))
            {
                Block part = _cursor.Next();
                if (part is not ParagraphBlock)
                {
                    throw _source.Error(part, $"### {headingText} may only hold the standard sentence, found a {SourceDocument.Describe(part)}");
                }
            }
        }

        private void ReadTypes(List<TypeHelp> into, string section)
        {
            while (!_cursor.AtEndOfPart(2))
            {
                Block block = _cursor.Next();
                if (block is not HeadingBlock { Level: 3 } heading)
                {
                    throw _source.Error(block, $"## {section} expects '### TypeName' followed by text, found a {SourceDocument.Describe(block)}");
                }

                var description = new List<HelpBlock>();
                while (!_cursor.AtEndOfPart(3))
                {
                    Block part = _cursor.Next();
                    if (part is HeadingBlock)
                    {
                        throw _source.Error(part, $"## {section}: unexpected {SourceDocument.Describe(part)}");
                    }

                    _text.Read(part, description);
                }

                into.Add(new TypeHelp(HeadingText(heading), new HelpText(description), SourceDocument.LineOf(heading)));
            }
        }

        private void ReadRelatedLinks(CmdletHelpPage page)
        {
            while (!_cursor.AtEndOfPart(2))
            {
                Block block = _cursor.Next();
                switch (block)
                {
                    case ParagraphBlock paragraph:
                        ReadLinkLines(paragraph, page.RelatedLinks);
                        break;
                    case ListBlock list:
                        foreach (Block item in list)
                        {
                            foreach (Block part in (ListItemBlock)item)
                            {
                                if (part is not ParagraphBlock itemParagraph)
                                {
                                    throw _source.Error(part, $"## RELATED LINKS list items may only hold links, found a {SourceDocument.Describe(part)}");
                                }

                                ReadLinkLines(itemParagraph, page.RelatedLinks);
                            }
                        }

                        break;
                    default:
                        throw _source.Error(block, $"## RELATED LINKS expects links ([text](url)), one per line or list item, found a {SourceDocument.Describe(block)}");
                }
            }
        }

        /// <summary>
        /// Each line of the paragraph is one related link: a lone [text](url) or &lt;url&gt;, or
        /// plain text naming a topic (kept as link text without a URI, which Get-Help shows).
        /// </summary>
        private void ReadLinkLines(ParagraphBlock paragraph, List<RelatedLink> into)
        {
            var line = new List<Inline>();
            for (Inline? inline = paragraph.Inline?.FirstChild; inline is not null; inline = inline.NextSibling)
            {
                if (inline is LineBreakInline)
                {
                    AddLinkLine(line, into);
                    line.Clear();
                }
                else
                {
                    line.Add(inline);
                }
            }

            AddLinkLine(line, into);
        }

        private void AddLinkLine(List<Inline> line, List<RelatedLink> into)
        {
            line.RemoveAll(i => i is LiteralInline literal && literal.Content.ToString().Trim().Length == 0);
            if (line.Count == 0)
            {
                return;
            }

            int lineNumber = line[0].Line + 1;
            if (line.Count == 1 && line[0] is LinkInline { IsImage: false } link)
            {
                into.Add(new RelatedLink(InlineTextRenderer.Render(link, _source), (link.Url ?? string.Empty).Trim(), lineNumber));
                return;
            }

            if (line.Count == 1 && line[0] is AutolinkInline autolink)
            {
                into.Add(new RelatedLink(autolink.Url, autolink.Url, lineNumber));
                return;
            }

            foreach (Inline inline in line)
            {
                if (inline is LinkInline or AutolinkInline)
                {
                    throw _source.Error(lineNumber, "## RELATED LINKS: put each link on its own line");
                }
            }

            string text = InlineTextRenderer.RenderRun(line, _source);
            into.Add(new RelatedLink(text, string.Empty, lineNumber));
        }

        private string HeadingText(HeadingBlock heading) => InlineTextRenderer.Render(heading.Inline, _source).Trim();

        private static bool IsVerbNoun(string name)
        {
            int dash = name.IndexOf('-');
            return dash > 0 && dash < name.Length - 1 && !name.Contains(' ');
        }
    }
}
