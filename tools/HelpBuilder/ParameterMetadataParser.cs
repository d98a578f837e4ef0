using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Markdig.Helpers;
using Markdig.Syntax;

namespace HelpBuilder
{
    /// <summary>
    /// Reads the ```yaml block under a parameter. PlatyPS writes flat "Key: value" lines with a
    /// fixed set of keys, so a tiny line parser is exact; a misspelt key or an odd value is an
    /// error because it would otherwise change the syntax Get-Help shows.
    /// </summary>
    public sealed class ParameterMetadataParser
    {
        private const string Type = "Type";
        private const string ParameterSets = "Parameter Sets";
        private const string Aliases = "Aliases";
        private const string AcceptedValues = "Accepted values";
        private const string Required = "Required";
        private const string Position = "Position";
        private const string DefaultValue = "Default value";
        private const string AcceptPipelineInput = "Accept pipeline input";
        private const string AcceptWildcardCharacters = "Accept wildcard characters";

        private static readonly string[] KnownKeys =
        {
            Type, ParameterSets, Aliases, AcceptedValues, Required, Position, DefaultValue,
            AcceptPipelineInput, AcceptWildcardCharacters,
        };

        private readonly SourceDocument _source;

        public ParameterMetadataParser(SourceDocument source)
        {
            _source = source;
        }

        public static bool IsYamlBlock(Block block) =>
            block is FencedCodeBlock fenced && string.Equals((fenced.Info ?? string.Empty).Trim(), "yaml", StringComparison.OrdinalIgnoreCase);

        public ParameterMetadata Parse(FencedCodeBlock yaml, string parameterName)
        {
            var values = new Dictionary<string, (string Value, int Line)>(StringComparer.OrdinalIgnoreCase);
            StringLineGroup lines = yaml.Lines;
            for (int i = 0; i < lines.Count; i++)
            {
                StringLine line = lines.Lines[i];
                string text = line.Slice.ToString().Trim();
                int lineNumber = line.Line + 1;
                if (text.Length == 0)
                {
                    continue;
                }

                int colon = text.IndexOf(':');
                if (colon <= 0)
                {
                    throw _source.Error(lineNumber, $"-{parameterName}: yaml line '{text}' is not 'Key: value'");
                }

                string key = text.Substring(0, colon).Trim();
                string? known = KnownKeys.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
                if (known is null)
                {
                    throw _source.Error(lineNumber, $"-{parameterName}: unknown yaml key '{key}' (expected: {string.Join(", ", KnownKeys)})");
                }

                if (!values.TryAdd(known, (text.Substring(colon + 1).Trim(), lineNumber)))
                {
                    throw _source.Error(lineNumber, $"-{parameterName}: yaml key '{known}' appears twice");
                }
            }

            int fenceLine = SourceDocument.LineOf(yaml);
            string Value(string key) => values.TryGetValue(key, out var v) ? v.Value : string.Empty;
            int LineOf(string key) => values.TryGetValue(key, out var v) ? v.Line : fenceLine;

            string type = Value(Type);
            if (type.Length == 0)
            {
                throw _source.Error(LineOf(Type), $"-{parameterName}: the yaml block needs 'Type: <type name>'");
            }

            return new ParameterMetadata(type, fenceLine)
            {
                ParameterSets = ParseSets(values.ContainsKey(ParameterSets), Value(ParameterSets), LineOf(ParameterSets), parameterName),
                Aliases = SplitList(Value(Aliases)),
                AcceptedValues = SplitList(Value(AcceptedValues)),
                Required = ParseBool(Value(Required), LineOf(Required), Required, parameterName),
                Position = ParsePosition(Value(Position), LineOf(Position), parameterName),
                DefaultValue = ParseDefault(Value(DefaultValue)),
                PipelineInput = ParsePipelineInput(Value(AcceptPipelineInput), LineOf(AcceptPipelineInput), parameterName),
                AcceptsWildcards = ParseBool(Value(AcceptWildcardCharacters), LineOf(AcceptWildcardCharacters), AcceptWildcardCharacters, parameterName),
            };
        }

        private IReadOnlyList<string> ParseSets(bool present, string value, int line, string parameterName)
        {
            if (!present || string.Equals(value, ParameterMetadata.AllSetsMoniker, StringComparison.OrdinalIgnoreCase))
            {
                return Array.Empty<string>();
            }

            List<string> sets = SplitList(value);
            if (sets.Count == 0)
            {
                // PlatyPS would put such a parameter in no syntax at all; that is never intended.
                throw _source.Error(line, $"-{parameterName}: 'Parameter Sets' is empty; write (All) or the set names");
            }

            if (sets.Any(s => string.Equals(s, ParameterMetadata.AllSetsMoniker, StringComparison.OrdinalIgnoreCase)))
            {
                throw _source.Error(line, $"-{parameterName}: 'Parameter Sets' mixes (All) with set names");
            }

            return sets;
        }

        private static List<string> SplitList(string value) =>
            value.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0).ToList();

        private bool ParseBool(string value, int line, string key, string parameterName)
        {
            if (value.Length == 0 || string.Equals(value, "False", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            if (string.Equals(value, "True", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            throw _source.Error(line, $"-{parameterName}: '{key}' must be True or False, not '{value}'");
        }

        private string ParsePosition(string value, int line, string parameterName)
        {
            if (value.Length == 0 || string.Equals(value, "Named", StringComparison.OrdinalIgnoreCase))
            {
                return "Named";
            }

            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int position))
            {
                return position.ToString(CultureInfo.InvariantCulture);
            }

            throw _source.Error(line, $"-{parameterName}: 'Position' must be Named or a number, not '{value}'");
        }

        private static string? ParseDefault(string value) =>
            value.Length == 0 || string.Equals(value, "None", StringComparison.OrdinalIgnoreCase) ? null : value;

        private string ParsePipelineInput(string value, int line, string parameterName)
        {
            if (value.Length == 0)
            {
                return "False";
            }

            // Get-Help shows this text as is; we only check it starts the way PlatyPS writes it.
            if (value.StartsWith("True", StringComparison.OrdinalIgnoreCase) || value.StartsWith("False", StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }

            throw _source.Error(line, $"-{parameterName}: 'Accept pipeline input' must be False or True (ByValue/ByPropertyName), not '{value}'");
        }
    }
}
