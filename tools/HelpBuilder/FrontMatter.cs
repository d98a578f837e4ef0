using System;
using System.Collections.Generic;
using Markdig.Extensions.Yaml;
using Markdig.Helpers;

namespace HelpBuilder
{
    /// <summary>
    /// The "---" block at the top of a PlatyPS page. PlatyPS only ever writes flat "key: value"
    /// lines there, so that is all we accept; anything else is reported rather than guessed at.
    /// </summary>
    public sealed class FrontMatter
    {
        /// <summary>Keys PlatyPS writes on cmdlet, module and about pages (plus the docs-site
        /// keys Microsoft's own PlatyPS pages carry). An unknown key is most often a typo such as
        /// "external-help-file", which would silently turn a cmdlet page into something else.</summary>
        public static readonly IReadOnlyList<string> KnownKeys = new[]
        {
            "external help file", "Module Name", "online version", "schema",
            "Module Guid", "Download Help Link", "Help Version", "Locale",
            "title", "description", "ms.date",
        };

        private readonly Dictionary<string, Entry> _entries;

        private FrontMatter(int line, Dictionary<string, Entry> entries)
        {
            Line = line;
            _entries = entries;
        }

        /// <summary>1-based line of the opening "---".</summary>
        public int Line { get; }

        public IEnumerable<string> Keys => _entries.Keys;

        public bool Has(string key) => _entries.ContainsKey(key);

        /// <summary>The value, or null when the key is absent. Empty string when present but blank.</summary>
        public string? Get(string key) => _entries.TryGetValue(key, out Entry entry) ? entry.Value : null;

        /// <summary>Line of a key, or of the block itself when the key is absent.</summary>
        public int LineOf(string key) => _entries.TryGetValue(key, out Entry entry) ? entry.Line : Line;

        internal static FrontMatter Parse(string path, YamlFrontMatterBlock block)
        {
            var entries = new Dictionary<string, Entry>(StringComparer.OrdinalIgnoreCase);
            StringLineGroup lines = block.Lines;
            for (int i = 0; i < lines.Count; i++)
            {
                StringLine line = lines.Lines[i];
                string text = line.Slice.ToString().Trim();
                int lineNumber = line.Line + 1;
                if (text.Length == 0 || text == "---" || text == "..." || text.StartsWith('#'))
                {
                    continue;
                }

                int colon = text.IndexOf(':');
                if (colon <= 0)
                {
                    throw new HelpPageException(path, lineNumber, $"front matter line '{text}' is not 'key: value'");
                }

                string key = text.Substring(0, colon).Trim();
                string value = Unquote(text.Substring(colon + 1).Trim());
                string? known = FindKnownKey(key);
                if (known is null)
                {
                    throw new HelpPageException(path, lineNumber,
                        $"unknown front matter key '{key}' (expected one of: {string.Join(", ", KnownKeys)})");
                }

                if (!entries.TryAdd(known, new Entry(value, lineNumber)))
                {
                    throw new HelpPageException(path, lineNumber, $"front matter key '{key}' appears twice");
                }
            }

            return new FrontMatter(block.Line + 1, entries);
        }

        private static string? FindKnownKey(string key)
        {
            foreach (string known in KnownKeys)
            {
                if (string.Equals(known, key, StringComparison.OrdinalIgnoreCase))
                {
                    return known;
                }
            }

            return null;
        }

        private static string Unquote(string value)
        {
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
            {
                return value.Substring(1, value.Length - 2);
            }

            return value;
        }

        private readonly record struct Entry(string Value, int Line);
    }
}
