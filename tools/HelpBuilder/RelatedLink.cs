namespace HelpBuilder
{
    /// <summary>
    /// One entry of ## RELATED LINKS. <see cref="Target"/> is what the page wrote: an absolute
    /// URL, a relative page ("Get-Foo.md"), or empty for a plain-text entry.
    /// </summary>
    public sealed record RelatedLink(string Text, string Target, int Line)
    {
        /// <summary>Only absolute URLs go into maml:uri: Get-Help -Online fails on anything else
        /// (PlatyPS does the same), while the link text still names the related topic.</summary>
        public string MamlUri => InlineTextRenderer.IsAbsoluteUri(Target) ? Target : string.Empty;
    }
}
