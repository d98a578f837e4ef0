using System.Collections.Generic;

namespace HelpBuilder
{
    /// <summary>A '### -Name' entry of ## PARAMETERS.</summary>
    public sealed class ParameterHelp
    {
        public ParameterHelp(string name, HelpText description, IReadOnlyList<ParameterMetadata> metadata, int line)
        {
            Name = name;
            Description = description;
            Metadata = metadata;
            Line = line;
        }

        /// <summary>Name without the leading '-'.</summary>
        public string Name { get; }

        public HelpText Description { get; }

        /// <summary>
        /// One entry per ```yaml block. Usually one; PlatyPS writes several when the parameter is
        /// e.g. mandatory in one set and optional in another. The first one describes the
        /// parameter in the PARAMETERS part of the MAML, as PlatyPS does.
        /// </summary>
        public IReadOnlyList<ParameterMetadata> Metadata { get; }

        public ParameterMetadata Primary => Metadata[0];

        public int Line { get; }
    }
}
