using System;
using System.Management.Automation.Host;

namespace PSEstimation.Host
{
    /// <summary>
    /// The minimal raw UI a formatting host needs: a buffer width, which decides how wide
    /// Format-Table may be. Everything screen-related is a no-op.
    /// </summary>
    public sealed class TextRawUserInterface : PSHostRawUserInterface
    {
        public TextRawUserInterface(int width)
        {
            BufferSize = new Size(width, int.MaxValue / 2);
            WindowSize = new Size(width, 50);
        }

        public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;

        public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;

        public override Size BufferSize { get; set; }

        public override Coordinates CursorPosition { get; set; }

        public override int CursorSize { get; set; }

        public override bool KeyAvailable => false;

        public override Size MaxPhysicalWindowSize => WindowSize;

        public override Size MaxWindowSize => WindowSize;

        public override Coordinates WindowPosition { get; set; }

        public override Size WindowSize { get; set; }

        public override string WindowTitle { get; set; } = "PSEstimation";

        public override void FlushInputBuffer()
        {
        }

        public override BufferCell[,] GetBufferContents(Rectangle rectangle) => new BufferCell[0, 0];

        public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException("This host is not interactive.");

        public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill)
        {
        }

        public override void SetBufferContents(Coordinates origin, BufferCell[,] contents)
        {
        }

        public override void SetBufferContents(Rectangle rectangle, BufferCell fill)
        {
        }
    }
}
