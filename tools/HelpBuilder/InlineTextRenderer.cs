using System;
using System.Collections.Generic;
using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HelpBuilder
{
    /// <summary>
    /// Turns Markdig inline content into the plain text Get-Help prints: a terminal has no
    /// emphasis, so `code`, *emphasis* and [links](...) lose their markup but keep their words.
    /// </summary>
    public static class InlineTextRenderer
    {
        /// <summary>
        /// Plain text of a paragraph or heading. Soft line breaks become spaces (the source wrap is
        /// not meaningful); hard breaks become '\n' (the author asked for a new line).
        /// </summary>
        public static string Render(ContainerInline? inlines, SourceDocument source)
        {
            if (inlines is null)
            {
                return string.Empty;
            }

            var text = new StringBuilder();
            Append(inlines, text, source);
            return Normalize(text.ToString());
        }

        /// <summary>Plain text of a run of sibling inlines (e.g. one line of a paragraph).</summary>
        public static string RenderRun(IEnumerable<Inline> inlines, SourceDocument source)
        {
            var text = new StringBuilder();
            foreach (Inline inline in inlines)
            {
                AppendInline(inline, text, source);
            }

            return Normalize(text.ToString());
        }

        /// <summary>Best-effort heading text for messages; never throws.</summary>
        public static string PlainHeading(HeadingBlock heading)
        {
            var text = new StringBuilder();
            for (Inline? inline = heading.Inline?.FirstChild; inline is not null; inline = inline.NextSibling)
            {
                text.Append(inline switch
                {
                    LiteralInline literal => literal.Content.ToString(),
                    CodeInline code => code.Content,
                    _ => inline.ToString(),
                });
            }

            return text.ToString().Trim();
        }

        /// <summary>
        /// Link text as Get-Help should show it. A relative target (another page, "Get-Foo.md")
        /// means nothing in a terminal, so only the words are kept; an absolute URL is content the
        /// reader may need, so it follows in parentheses unless the words already are the URL.
        /// </summary>
        public static string LinkText(string label, string? url)
        {
            if (string.IsNullOrWhiteSpace(url) || !IsAbsoluteUri(url))
            {
                return label;
            }

            if (label.Length == 0 || string.Equals(label, url, StringComparison.OrdinalIgnoreCase))
            {
                return url;
            }

            return $"{label} ({url})";
        }

        public static bool IsAbsoluteUri(string url) => Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) && !uri.IsFile;

        private static void Append(ContainerInline container, StringBuilder text, SourceDocument source)
        {
            for (Inline? inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
            {
                AppendInline(inline, text, source);
            }
        }

        private static void AppendInline(Inline inline, StringBuilder text, SourceDocument source)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case LineBreakInline lineBreak:
                    text.Append(lineBreak.IsHard ? '\n' : ' ');
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.ToString());
                    break;
                case AutolinkInline autolink:
                    text.Append(autolink.Url);
                    break;
                case LinkInline link when link.IsImage:
                    throw source.Error(inline.Line + 1, "images cannot be shown by Get-Help; describe the picture in text instead");
                case LinkInline link:
                    text.Append(LinkText(Render(link, source), link.Url));
                    break;
                case HtmlInline html:
                    AppendHtml(html, text, source);
                    break;
                case ContainerInline nested:
                    // Emphasis, strikethrough and any other wrapper: keep the words.
                    Append(nested, text, source);
                    break;
                default:
                    throw source.Error(inline.Line + 1, $"unsupported inline markdown ({inline.GetType().Name})");
            }
        }

        private static void AppendHtml(HtmlInline html, StringBuilder text, SourceDocument source)
        {
            string tag = html.Tag.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
            if (tag.StartsWith("<!--", StringComparison.Ordinal))
            {
                return; // an author's comment, not help text
            }

            if (tag is "<br>" or "<br/>")
            {
                text.Append('\n');
                return;
            }

            // Typically a generic type written without backticks (List<T>): Markdig reads "<T>" as
            // HTML, and dropping it would change the meaning, so ask for backticks instead.
            throw source.Error(html.Line + 1, $"inline HTML '{html.Tag}' is not supported; put type names like List<T> in `backticks`");
        }

        /// <summary>Collapses runs of blanks on each line and trims, as a terminal reader expects.</summary>
        private static string Normalize(string text)
        {
            string[] lines = text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                var line = new StringBuilder(lines[i].Length);
                bool lastWasBlank = false;
                foreach (char c in lines[i])
                {
                    bool blank = c == ' ' || c == '\t' || c == '\r';
                    if (blank && lastWasBlank)
                    {
                        continue;
                    }

                    line.Append(blank ? ' ' : c);
                    lastWasBlank = blank;
                }

                lines[i] = line.ToString().Trim();
            }

            return string.Join('\n', lines).Trim('\n');
        }
    }
}
