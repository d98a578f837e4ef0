using System;
using System.Collections.Generic;
using Markdig.Syntax;

namespace HelpBuilder
{
    /// <summary>
    /// Reads a PlatyPS about topic: '# about_Name', then '## SHORT DESCRIPTION',
    /// '## LONG DESCRIPTION' and any further '##' sections, each optionally split by '###'/'####'.
    /// </summary>
    public sealed class AboutTopicParser
    {
        private static readonly string[] RequiredSections = { "SHORT DESCRIPTION", "LONG DESCRIPTION" };

        private readonly SourceDocument _source;
        private readonly HelpTextReader _text;
        private readonly BlockCursor _cursor;

        public AboutTopicParser(SourceDocument source)
        {
            _source = source;
            _text = new HelpTextReader(source);
            _cursor = new BlockCursor(source.Blocks);
        }

        /// <summary>About topics are recognised by file name, which is also how Get-Help finds them.</summary>
        public static bool IsAboutPage(SourceDocument source) => source.BaseName.StartsWith("about_", StringComparison.OrdinalIgnoreCase);

        public static AboutTopic Parse(SourceDocument source) => new AboutTopicParser(source).Parse();

        public AboutTopic Parse()
        {
            if (_source.FrontMatter?.Has("external help file") == true)
            {
                throw _source.Error(_source.FrontMatter.LineOf("external help file"), "an about_ page cannot have 'external help file' (that marks a cmdlet page)");
            }

            if (_cursor.Peek() is not HeadingBlock { Level: 1 } title)
            {
                int line = _cursor.Peek() is Block first ? SourceDocument.LineOf(first) : 1;
                throw _source.Error(line, $"an about topic must start with '# {_source.BaseName}'");
            }

            _cursor.Next();
            string name = HeadingText(title);
            if (!string.Equals(name, _source.BaseName, StringComparison.Ordinal))
            {
                // Get-Help finds the topic by file name; a different title would show one name and answer to another.
                throw _source.Error(title, $"title '# {name}' must match the file name '{_source.BaseName}'");
            }

            var topic = new AboutTopic(_source.Path, name);
            while (!_cursor.AtEnd)
            {
                Block block = _cursor.Next();
                if (block is not HeadingBlock { Level: 2 } heading)
                {
                    string problem = block is HeadingBlock { Level: 1 }
                        ? "an about topic has exactly one '#' title; use '##' for sections"
                        : $"expected a '## SECTION' heading, found a {SourceDocument.Describe(block)}";
                    throw _source.Error(block, problem);
                }

                int index = topic.Sections.Count;
                string sectionTitle = HeadingText(heading);
                if (index < RequiredSections.Length && !string.Equals(sectionTitle, RequiredSections[index], StringComparison.OrdinalIgnoreCase))
                {
                    throw _source.Error(heading, $"expected '## {RequiredSections[index]}' here, found '## {sectionTitle}'");
                }

                AboutSection section = ReadSection(sectionTitle, 2, heading);
                if (index == 0 && section.Body.IsEmpty)
                {
                    throw _source.Error(heading, "## SHORT DESCRIPTION is empty");
                }

                topic.Sections.Add(section);
            }

            if (topic.Sections.Count < RequiredSections.Length)
            {
                throw _source.Error(SourceDocument.LineOf(title), $"missing '## {RequiredSections[topic.Sections.Count]}' section");
            }

            return topic;
        }

        private AboutSection ReadSection(string title, int level, HeadingBlock heading)
        {
            var body = new List<HelpBlock>();
            while (!_cursor.AtEndOfPart(level) && _cursor.Peek() is not HeadingBlock)
            {
                _text.Read(_cursor.Next(), body);
            }

            var section = new AboutSection(title, level, new HelpText(body), SourceDocument.LineOf(heading));
            while (!_cursor.AtEndOfPart(level))
            {
                var sub = (HeadingBlock)_cursor.Next();
                if (sub.Level != level + 1 || sub.Level > 4)
                {
                    throw _source.Error(sub, $"{SourceDocument.Describe(sub)} is out of place: under a level-{level} heading use level {level + 1}" +
                        (level + 1 > 4 ? " (at most ####)" : string.Empty));
                }

                section.Subsections.Add(ReadSection(HeadingText(sub), sub.Level, sub));
            }

            return section;
        }

        private string HeadingText(HeadingBlock heading) => InlineTextRenderer.Render(heading.Inline, _source).Trim();
    }
}
