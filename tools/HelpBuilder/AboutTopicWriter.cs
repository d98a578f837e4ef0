using System.Collections.Generic;
using System.IO;
using System.Text;

namespace HelpBuilder
{
    /// <summary>
    /// Renders an about topic as the classic plain-text help file that Get-Help prints as is:
    ///
    ///     TOPIC
    ///         about_Name
    ///
    ///     SHORT DESCRIPTION
    ///         Wrapped text, indented four spaces.
    ///
    /// Section headings are in capitals at column 0, sub-section headings keep their case at
    /// column 2 (so they stand out from both), prose is wrapped to <see cref="Width"/> columns,
    /// list items hang under their marker, and code blocks keep their lines exactly, indented
    /// four more spaces than the prose around them.
    /// </summary>
    public sealed class AboutTopicWriter
    {
        /// <summary>PlatyPS's default about-topic width (New-ExternalHelp -MaxAboutWidth).</summary>
        public const int Width = 80;

        private const string BodyIndent = "    ";
        private const string CodeIndent = "    ";

        private readonly List<string> _lines = new List<string>();

        private AboutTopicWriter()
        {
        }

        public static string Render(AboutTopic topic)
        {
            var writer = new AboutTopicWriter();
            writer.WriteTopic(topic);
            return string.Join("\n", writer._lines) + "\n";
        }

        public static void WriteFile(string path, AboutTopic topic)
        {
            // BOM so that Windows PowerShell 5.1 reads non-ASCII text correctly; PowerShell 7 ignores it.
            File.WriteAllText(path, Render(topic), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        }

        private void WriteTopic(AboutTopic topic)
        {
            _lines.Add("TOPIC");
            _lines.Add(BodyIndent + topic.Name);
            foreach (AboutSection section in topic.Sections)
            {
                _lines.Add(string.Empty);
                WriteSection(section);
            }
        }

        private void WriteSection(AboutSection section)
        {
            _lines.Add(section.Level == 2 ? section.Title.ToUpperInvariant() : "  " + section.Title);
            WriteBody(section.Body);
            foreach (AboutSection sub in section.Subsections)
            {
                _lines.Add(string.Empty);
                WriteSection(sub);
            }
        }

        private void WriteBody(HelpText body)
        {
            HelpBlock? previous = null;
            foreach (HelpBlock block in body.Blocks)
            {
                // Blank line between blocks, except between items of one list, which read as a unit.
                bool sameList = previous is not null && block.Kind == HelpBlockKind.ListItem &&
                    (previous.Kind == HelpBlockKind.ListItem || previous.Kind == HelpBlockKind.ListItemContinuation);
                if (previous is not null && !sameList)
                {
                    _lines.Add(string.Empty);
                }

                WriteBlock(block);
                previous = block;
            }
        }

        private void WriteBlock(HelpBlock block)
        {
            string indent = BodyIndent + new string(' ', block.Indent);
            switch (block.Kind)
            {
                case HelpBlockKind.Code:
                    foreach (string line in block.Text.Split('\n'))
                    {
                        _lines.Add(line.Length == 0 ? string.Empty : indent + CodeIndent + line);
                    }

                    break;
                case HelpBlockKind.ListItem:
                    _lines.AddRange(TextWrapper.Wrap(block.Text, Width, indent + block.Marker, indent + new string(' ', block.Marker.Length)));
                    break;
                case HelpBlockKind.ListItemContinuation:
                    string hanging = indent + new string(' ', block.Marker.Length);
                    _lines.AddRange(TextWrapper.Wrap(block.Text, Width, hanging, hanging));
                    break;
                default:
                    _lines.AddRange(TextWrapper.Wrap(block.Text, Width, indent, indent));
                    break;
            }
        }
    }
}
