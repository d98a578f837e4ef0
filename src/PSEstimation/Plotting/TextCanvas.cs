using System;
using System.Text;

namespace PSEstimation.Plotting
{
    /// <summary>
    /// A grid of character cells to draw on. In Unicode each cell is a braille character of 2 × 4
    /// dots (lines, markers) or a block element of eighths (bars); in ASCII each cell is one dot
    /// and a glyph per series. Marks drawn later win a cell's colour; lines and markers win over
    /// bars, so a fitted curve stays visible across the histogram.
    /// </summary>
    internal sealed class TextCanvas
    {
        private const string Eighths = " ▁▂▃▄▅▆▇█";
        private readonly int[,] dots;
        private readonly int[,] dotColour;
        private readonly char[,] glyph;
        private readonly int[,] glyphPriority;
        private readonly double[,] bar;
        private readonly int[,] barColour;

        public TextCanvas(int columns, int rows, bool ascii)
        {
            Columns = columns;
            Rows = rows;
            Ascii = ascii;
            dots = new int[rows, columns];
            dotColour = new int[rows, columns];
            glyph = new char[rows, columns];
            glyphPriority = new int[rows, columns];
            bar = new double[rows, columns];
            barColour = new int[rows, columns];
        }

        public int Columns { get; }

        public int Rows { get; }

        public bool Ascii { get; }

        /// <summary>Horizontal resolution in dots.</summary>
        public int DotsX => Ascii ? Columns : Columns * 2;

        /// <summary>Vertical resolution in dots (0 at the top).</summary>
        public int DotsY => Ascii ? Rows : Rows * 4;

        /// <summary>Sets one dot; <paramref name="asciiGlyph"/> (with its priority) is what ASCII mode writes there.</summary>
        public void SetDot(int x, int y, int colour, char asciiGlyph, int priority)
        {
            if (x < 0 || y < 0 || x >= DotsX || y >= DotsY)
            {
                return;
            }

            if (Ascii)
            {
                if (priority >= glyphPriority[y, x])
                {
                    glyph[y, x] = asciiGlyph;
                    glyphPriority[y, x] = priority;
                    dotColour[y, x] = colour;
                }

                return;
            }

            int row = y / 4, column = x / 2;
            dots[row, column] |= BrailleBit(x % 2, y % 4);
            if (priority >= glyphPriority[row, column])
            {
                glyphPriority[row, column] = priority;
                dotColour[row, column] = colour;
            }
        }

        /// <summary>Fills column <paramref name="column"/> from the bottom up to <paramref name="height"/> rows (fractional).</summary>
        public void FillBar(int column, double height, int colour)
        {
            if (column < 0 || column >= Columns || !(height > 0))
            {
                return;
            }

            height = Math.Min(height, Rows);
            for (int k = 0; k < Rows && height - k > 0; k++)
            {
                int row = Rows - 1 - k;
                bar[row, column] = Math.Min(1, height - k);
                barColour[row, column] = colour;
            }
        }

        /// <summary>Row <paramref name="row"/> as text, exactly <see cref="Columns"/> characters wide (plus colour codes when asked).</summary>
        public string Render(int row, Func<int, string>? colourCode)
        {
            var text = new StringBuilder(Columns);
            string? open = null;
            for (int c = 0; c < Columns; c++)
            {
                char ch;
                int colour;
                if (Ascii ? glyphPriority[row, c] > 0 : dots[row, c] != 0)
                {
                    ch = Ascii ? glyph[row, c] : (char)(0x2800 + dots[row, c]);
                    colour = dotColour[row, c];
                }
                else if (bar[row, c] > 0)
                {
                    ch = Ascii ? (bar[row, c] >= 0.5 ? '#' : ' ') : Eighths[Math.Max(1, (int)Math.Round(bar[row, c] * 8))];
                    colour = barColour[row, c];
                }
                else
                {
                    ch = ' ';
                    colour = int.MinValue;
                }

                if (colourCode is not null)
                {
                    string? wanted = ch == ' ' ? null : colourCode(colour);
                    if (wanted != open)
                    {
                        text.Append(open is null ? string.Empty : Reset);
                        text.Append(wanted ?? string.Empty);
                        open = wanted;
                    }
                }

                text.Append(ch);
            }

            if (open is not null)
            {
                text.Append(Reset);
            }

            return text.ToString();
        }

        internal const string Reset = "\u001b[0m";

        /// <summary>The bit of the dot in column <paramref name="dx"/> (0, 1), row <paramref name="dy"/> (0..3) of a braille cell (Unicode's dot numbering).</summary>
        private static int BrailleBit(int dx, int dy) => dy == 3 ? (dx == 0 ? 0x40 : 0x80) : (1 << (dy + (dx * 3)));
    }
}
