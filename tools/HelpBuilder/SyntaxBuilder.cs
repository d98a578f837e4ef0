using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace HelpBuilder
{
    /// <summary>
    /// Builds one syntax item per parameter set from the PARAMETERS yaml, as PlatyPS does: the
    /// yaml says which set each parameter belongs to and whether it is mandatory/positional there.
    /// Beyond PlatyPS, the ## SYNTAX headings give the list and order of sets and each set's
    /// syntax line gives the parameter order; any disagreement between the two (a set the yaml
    /// names but SYNTAX lacks, a parameter shown in one but not the other) fails the build,
    /// because one of them is out of date.
    /// </summary>
    public sealed class SyntaxBuilder
    {
        // Scans one syntax code line for parameter names; the page itself is parsed by Markdig.
        private static readonly Regex ParameterToken = new Regex(@"(?<=[\s\[])-([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.CultureInvariant);

        private readonly SourceDocument _source;

        public SyntaxBuilder(SourceDocument source)
        {
            _source = source;
        }

        public List<SyntaxItem> Build(IReadOnlyList<ParameterSetSyntax> sets, IReadOnlyList<ParameterHelp> parameters)
        {
            CheckSetNames(sets, parameters);

            var items = new List<SyntaxItem>();
            foreach (ParameterSetSyntax set in sets)
            {
                var members = new List<SyntaxParameter>();
                foreach (ParameterHelp parameter in parameters)
                {
                    ParameterMetadata? metadata = MetadataFor(parameter, set.Name);
                    if (metadata is not null)
                    {
                        members.Add(new SyntaxParameter(parameter, metadata));
                    }
                }

                List<string> shown = ParameterNamesIn(set.SyntaxLine);
                CheckAgainstSyntaxLine(set, members, shown);

                // Same order as the set's syntax line, which New-MarkdownHelp takes from PowerShell
                // itself (positional, then mandatory, then optional); PlatyPS would only sort by position.
                items.Add(new SyntaxItem(set, members.OrderBy(m => IndexOf(shown, m.Parameter.Name)).ToList()));
            }

            return items;
        }

        /// <summary>
        /// "-Name" tokens of a syntax line, in order. Only names that follow '[' or a blank count,
        /// so the dash inside the cmdlet name (Get-MLEstimate) is not taken for a parameter.
        /// </summary>
        public static List<string> ParameterNamesIn(string syntaxLine)
        {
            return ParameterToken.Matches(syntaxLine).Select(m => m.Groups[1].Value).ToList();
        }

        /// <summary>
        /// The syntax line and the yaml are two descriptions of the same set; when they disagree the
        /// page is out of date and Get-Help would show a syntax the page's reader never saw.
        /// </summary>
        private void CheckAgainstSyntaxLine(ParameterSetSyntax set, List<SyntaxParameter> members, List<string> shown)
        {
            foreach (string name in shown)
            {
                if (!members.Any(m => string.Equals(m.Parameter.Name, name, StringComparison.OrdinalIgnoreCase)))
                {
                    throw _source.Error(set.Line,
                        $"the syntax of set '{set.Name}' shows -{name}, but ## PARAMETERS does not put -{name} in that set");
                }
            }

            foreach (SyntaxParameter member in members)
            {
                if (IndexOf(shown, member.Parameter.Name) == int.MaxValue)
                {
                    throw _source.Error(member.Metadata.Line,
                        $"-{member.Parameter.Name} is in set '{set.Name}' per its yaml, but the syntax of '{set.Name}' (line {set.Line}) does not show it");
                }
            }
        }

        private static int IndexOf(List<string> names, string name)
        {
            int index = names.FindIndex(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
            return index < 0 ? int.MaxValue : index;
        }

        /// <summary>The yaml block that names this set, else one that says (All), else none.</summary>
        private static ParameterMetadata? MetadataFor(ParameterHelp parameter, string setName)
        {
            return parameter.Metadata.FirstOrDefault(m => m.IsInSet(setName))
                ?? parameter.Metadata.FirstOrDefault(m => m.AppliesToAllSets);
        }

        private void CheckSetNames(IReadOnlyList<ParameterSetSyntax> sets, IReadOnlyList<ParameterHelp> parameters)
        {
            var known = new HashSet<string>(sets.Select(s => s.Name), StringComparer.OrdinalIgnoreCase);
            foreach (ParameterHelp parameter in parameters)
            {
                foreach (ParameterMetadata metadata in parameter.Metadata)
                {
                    foreach (string set in metadata.ParameterSets)
                    {
                        if (!known.Contains(set))
                        {
                            throw _source.Error(metadata.Line,
                                $"-{parameter.Name} is in parameter set '{set}', but ## SYNTAX has no '### {set}' (it has: {string.Join(", ", sets.Select(s => s.Name))})");
                        }
                    }
                }
            }
        }
    }
}
