using System.Collections.Generic;
using System.Text;

namespace HelpBuilder
{
    /// <summary>
    /// Greedy word wrap for terminal text. Lines never exceed the width unless a single word is
    /// longer than the room left (a URL, say), which is then put on its own line unbroken:
    /// breaking it would make it unusable.
    /// </summary>
    public static class TextWrapper
    {
        /// <param name="text">Text; '\n' forces a line break.</param>
        /// <param name="width">Maximum line length, indentation included.</param>
        /// <param name="firstIndent">Prefix of the first line (e.g. "    - ").</param>
        /// <param name="restIndent">Prefix of the following lines (e.g. "      ").</param>
        public static List<string> Wrap(string text, int width, string firstIndent, string restIndent)
        {
            var lines = new List<string>();
            string indent = firstIndent;
            foreach (string hardLine in text.Split('\n'))
            {
                var line = new StringBuilder(indent);
                bool lineHasWord = false;
                foreach (string word in hardLine.Split(' ', System.StringSplitOptions.RemoveEmptyEntries))
                {
                    if (lineHasWord && line.Length + 1 + word.Length > width)
                    {
                        lines.Add(line.ToString());
                        indent = restIndent;
                        line = new StringBuilder(indent);
                        lineHasWord = false;
                    }

                    if (lineHasWord)
                    {
                        line.Append(' ');
                    }

                    line.Append(word);
                    lineHasWord = true;
                }

                lines.Add(line.ToString().TrimEnd());
                indent = restIndent;
            }

            return lines;
        }
    }
}
