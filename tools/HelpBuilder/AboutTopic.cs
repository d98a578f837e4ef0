using System.Collections.Generic;

namespace HelpBuilder
{
    /// <summary>
    /// A conceptual help topic (docs/about_Name.md), the source of about_Name.help.txt.
    /// Sections keep page order; the first two are always SHORT DESCRIPTION and LONG DESCRIPTION.
    /// </summary>
    public sealed class AboutTopic
    {
        public AboutTopic(string sourcePath, string name)
        {
            SourcePath = sourcePath;
            Name = name;
        }

        public string SourcePath { get; }

        /// <summary>"about_Name", the word users type after Get-Help.</summary>
        public string Name { get; }

        /// <summary>Output file name PowerShell looks for.</summary>
        public string FileName => Name + ".help.txt";

        public List<AboutSection> Sections { get; } = new List<AboutSection>();
    }
}
