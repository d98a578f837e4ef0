using System.Collections.Generic;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace HelpBuilder
{
    /// <summary>
    /// Converts body blocks (paragraphs, lists, code blocks) into <see cref="HelpBlock"/>s.
    /// Anything Get-Help cannot show (tables, quotes, HTML) is an error with its line, never dropped.
    /// </summary>
    public sealed class HelpTextReader
    {
        private readonly SourceDocument _source;

        public HelpTextReader(SourceDocument source)
        {
            _source = source;
        }

        /// <summary>Appends the help blocks for one top-level markdown block.</summary>
        public void Read(Block block, List<HelpBlock> into)
        {
            Read(block, 0, into);
        }

        public HelpBlock ReadCode(CodeBlock code, int indent = 0)
        {
            string language = code is FencedCodeBlock fenced ? (fenced.Info ?? string.Empty).Trim() : string.Empty;
            return new HelpBlock(HelpBlockKind.Code, CodeText(code), SourceDocument.LineOf(code))
            {
                Indent = indent,
                Language = language,
            };
        }

        /// <summary>The code block's lines exactly, without trailing blank lines, joined by '\n'.</summary>
        public static string CodeText(CodeBlock code)
        {
            var lines = new List<string>();
            for (int i = 0; i < code.Lines.Count; i++)
            {
                lines.Add(code.Lines.Lines[i].Slice.ToString().TrimEnd('\r', ' ', '\t'));
            }

            while (lines.Count > 0 && lines[^1].Length == 0)
            {
                lines.RemoveAt(lines.Count - 1);
            }

            return string.Join('\n', lines);
        }

        private void Read(Block block, int indent, List<HelpBlock> into)
        {
            switch (block)
            {
                case ParagraphBlock paragraph:
                    string text = InlineTextRenderer.Render(paragraph.Inline, _source);
                    if (text.Length > 0)
                    {
                        into.Add(new HelpBlock(HelpBlockKind.Paragraph, text, SourceDocument.LineOf(paragraph)) { Indent = indent });
                    }

                    break;
                case CodeBlock code:
                    into.Add(ReadCode(code, indent));
                    break;
                case ListBlock list:
                    ReadList(list, indent, into);
                    break;
                case HtmlBlock html when html.Type == HtmlBlockType.Comment:
                    break;
                case LinkReferenceDefinitionGroup:
                    break;
                case Table:
                    throw _source.Error(block, "tables are not supported in help text (Get-Help cannot lay them out); use a list or a code block");
                default:
                    throw _source.Error(block, $"a {SourceDocument.Describe(block)} is not supported here; use paragraphs, lists or code blocks");
            }
        }

        private void ReadList(ListBlock list, int indent, List<HelpBlock> into)
        {
            foreach (Block child in list)
            {
                var item = (ListItemBlock)child;
                string marker = list.IsOrdered ? $"{item.Order}{list.OrderedDelimiter} " : "- ";
                bool first = true;
                foreach (Block part in item)
                {
                    if (part is ParagraphBlock paragraph)
                    {
                        string text = InlineTextRenderer.Render(paragraph.Inline, _source);
                        into.Add(new HelpBlock(first ? HelpBlockKind.ListItem : HelpBlockKind.ListItemContinuation, text, SourceDocument.LineOf(paragraph))
                        {
                            Indent = indent,
                            Marker = marker,
                        });
                    }
                    else
                    {
                        if (first)
                        {
                            // An item that starts with a code block or a sub-list still needs its marker.
                            into.Add(new HelpBlock(HelpBlockKind.ListItem, string.Empty, SourceDocument.LineOf(item)) { Indent = indent, Marker = marker });
                        }

                        Read(part, indent + marker.Length, into);
                    }

                    first = false;
                }

                if (first)
                {
                    into.Add(new HelpBlock(HelpBlockKind.ListItem, string.Empty, SourceDocument.LineOf(item)) { Indent = indent, Marker = marker });
                }
            }
        }
    }
}
