using System.Collections.Generic;
using Markdig.Syntax;

namespace HelpBuilder
{
    /// <summary>
    /// Walks the top-level blocks of a page one at a time. The PlatyPS schema is a flat sequence
    /// (heading, body, heading, body...), so a recursive-descent reader with one block of
    /// look-ahead is all the parsers need.
    /// </summary>
    public sealed class BlockCursor
    {
        private readonly IReadOnlyList<Block> _blocks;
        private int _index;

        public BlockCursor(IReadOnlyList<Block> blocks)
        {
            _blocks = blocks;
        }

        public bool AtEnd => _index >= _blocks.Count;

        public Block? Peek() => AtEnd ? null : _blocks[_index];

        public Block Next() => _blocks[_index++];

        /// <summary>True when the next block is a heading of <paramref name="maxLevel"/> or higher
        /// rank (fewer '#'), i.e. where the current part of the page ends.</summary>
        public bool AtHeading(int maxLevel) => Peek() is HeadingBlock heading && heading.Level <= maxLevel;

        /// <summary>True at the end, or at any heading up to <paramref name="maxLevel"/>.</summary>
        public bool AtEndOfPart(int maxLevel) => AtEnd || AtHeading(maxLevel);
    }
}
