using System.Collections.Generic;

namespace HelpBuilder
{
    /// <summary>One parameter set's syntax: which parameters it has, with that set's metadata.</summary>
    public sealed record SyntaxItem(ParameterSetSyntax ParameterSet, IReadOnlyList<SyntaxParameter> Parameters);

    /// <summary>A parameter in a syntax item, with the yaml block that applies to that set
    /// (Required and Position may differ between sets).</summary>
    public sealed record SyntaxParameter(ParameterHelp Parameter, ParameterMetadata Metadata);
}
