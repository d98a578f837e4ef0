namespace HelpBuilder
{
    /// <summary>What a piece of help text is, which decides how it is laid out in a terminal.</summary>
    public enum HelpBlockKind
    {
        /// <summary>Prose: may be re-wrapped.</summary>
        Paragraph,

        /// <summary>The first paragraph of a list item; shown after its <see cref="HelpBlock.Marker"/>.</summary>
        ListItem,

        /// <summary>A further paragraph of the same list item; aligned under the item's text.</summary>
        ListItemContinuation,

        /// <summary>A code block: its lines are kept exactly, never wrapped.</summary>
        Code,
    }

    /// <summary>
    /// One paragraph-like unit of help text (a MAML maml:para, an about-topic paragraph).
    /// Kept format-neutral so the same parse feeds both the MAML writer and the about writer.
    /// </summary>
    public sealed record HelpBlock(HelpBlockKind Kind, string Text, int Line)
    {
        /// <summary>Extra indentation in columns: 0 at top level; inside a list item, the
        /// column where the item's text starts (so nested content lines up under it).</summary>
        public int Indent { get; init; }

        /// <summary>"- " or "1. " for list items (and for their continuations, to know the width).</summary>
        public string Marker { get; init; } = string.Empty;

        /// <summary>Info string of a fenced code block ("powershell", "output"...), or empty.</summary>
        public string Language { get; init; } = string.Empty;

        /// <summary>
        /// Text as one MAML para: list markers become leading characters, because Get-Help has
        /// no list formatting of its own. (Get-Help trims the start of a para, so nesting shows
        /// only inside multi-line code; the marker still tells items apart.)
        /// </summary>
        public string ToParaText()
        {
            string indent = new string(' ', Indent);
            return Kind switch
            {
                HelpBlockKind.ListItem => indent + Marker + Text,
                HelpBlockKind.ListItemContinuation => indent + new string(' ', Marker.Length) + Text,
                HelpBlockKind.Code when Indent > 0 => indent + Text.Replace("\n", "\n" + indent, System.StringComparison.Ordinal),
                _ => Text,
            };
        }
    }
}
