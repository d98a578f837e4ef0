using System.Collections.Generic;

namespace HelpBuilder
{
    /// <summary>A '##' section of an about topic, or a '###'/'####' sub-section inside one.</summary>
    public sealed class AboutSection
    {
        public AboutSection(string title, int level, HelpText body, int line)
        {
            Title = title;
            Level = level;
            Body = body;
            Line = line;
        }

        public string Title { get; }

        /// <summary>Markdown heading level: 2 for sections, 3 or 4 for sub-sections.</summary>
        public int Level { get; }

        /// <summary>Text before the first sub-section.</summary>
        public HelpText Body { get; }

        public int Line { get; }

        public List<AboutSection> Subsections { get; } = new List<AboutSection>();
    }
}
