using System;
using System.Collections.Generic;

namespace HelpBuilder
{
    /// <summary>The keys of one ```yaml block under a parameter.</summary>
    public sealed class ParameterMetadata
    {
        /// <summary>The value PlatyPS writes for "member of every parameter set".</summary>
        public const string AllSetsMoniker = "(All)";

        public ParameterMetadata(string type, int line)
        {
            Type = type;
            Line = line;
        }

        /// <summary>Type as written ("String", "Double[]", "SwitchParameter").</summary>
        public string Type { get; }

        /// <summary>1-based line of the opening ```yaml fence.</summary>
        public int Line { get; }

        /// <summary>Explicit set names; empty when <see cref="AppliesToAllSets"/>.</summary>
        public IReadOnlyList<string> ParameterSets { get; init; } = Array.Empty<string>();

        public bool AppliesToAllSets => ParameterSets.Count == 0;

        public IReadOnlyList<string> Aliases { get; init; } = Array.Empty<string>();

        /// <summary>"Accepted values" (a ValidateSet); shown in the syntax as {A | B}.</summary>
        public IReadOnlyList<string> AcceptedValues { get; init; } = Array.Empty<string>();

        public bool Required { get; init; }

        /// <summary>"Named" or a non-negative integer, as written.</summary>
        public string Position { get; init; } = "Named";

        /// <summary>Null for named parameters; used to order syntax lines.</summary>
        public int? PositionNumber => int.TryParse(Position, out int n) ? n : null;

        /// <summary>Null when the page says "None" or nothing.</summary>
        public string? DefaultValue { get; init; }

        /// <summary>As written: "False", "True (ByValue)", "True (ByPropertyName, ByValue)"...</summary>
        public string PipelineInput { get; init; } = "False";

        public bool AcceptsWildcards { get; init; }

        /// <summary>Switch parameters take no value, which changes both syntax and default value.</summary>
        public bool IsSwitch =>
            string.Equals(Type, "switch", StringComparison.OrdinalIgnoreCase) ||
            string.Equals(Type, "SwitchParameter", StringComparison.OrdinalIgnoreCase) ||
            string.Equals(Type, "System.Management.Automation.SwitchParameter", StringComparison.OrdinalIgnoreCase);

        /// <summary>Type name as MAML spells it ("switch" becomes "SwitchParameter", as in PlatyPS).</summary>
        public string MamlType => IsSwitch ? "SwitchParameter" : Type;

        public bool IsInSet(string setName)
        {
            foreach (string name in ParameterSets)
            {
                if (string.Equals(name, setName, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
