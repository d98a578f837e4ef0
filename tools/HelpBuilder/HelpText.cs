using System.Collections.Generic;
using System.Linq;

namespace HelpBuilder
{
    /// <summary>The body of a section: paragraphs, list items and code blocks, in source order.</summary>
    public sealed class HelpText
    {
        public static readonly HelpText Empty = new HelpText(new List<HelpBlock>());

        public HelpText(IReadOnlyList<HelpBlock> blocks)
        {
            Blocks = blocks;
        }

        public IReadOnlyList<HelpBlock> Blocks { get; }

        public bool IsEmpty => Blocks.Count == 0;

        /// <summary>All text as one string (blocks separated by blank lines), handy for checks.</summary>
        public override string ToString() => string.Join("\n\n", Blocks.Select(b => b.ToParaText()));
    }
}
