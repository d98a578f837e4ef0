namespace HelpBuilder
{
    /// <summary>A '### Example N: title' entry of ## EXAMPLES.</summary>
    public sealed class ExampleHelp
    {
        public ExampleHelp(string title, HelpText introduction, string code, HelpText remarks, int line)
        {
            Title = title;
            Introduction = introduction;
            Code = code;
            Remarks = remarks;
            Line = line;
        }

        /// <summary>Heading text, e.g. "Example 1: Fit a normal distribution".</summary>
        public string Title { get; }

        /// <summary>Text between the heading and the first code block (usually empty).</summary>
        public HelpText Introduction { get; }

        /// <summary>The first code block: the command(s) the example runs.</summary>
        public string Code { get; }

        /// <summary>Everything after the first code block, in order: output code blocks (kept
        /// verbatim) and explanatory paragraphs.</summary>
        public HelpText Remarks { get; }

        public int Line { get; }
    }
}
