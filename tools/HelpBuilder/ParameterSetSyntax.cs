namespace HelpBuilder
{
    /// <summary>One '### SetName' entry of ## SYNTAX with the syntax line shown under it.</summary>
    public sealed record ParameterSetSyntax(string Name, bool IsDefault, string SyntaxLine, int Line)
    {
        /// <summary>The heading PlatyPS writes when a cmdlet has a single, unnamed parameter set.</summary>
        public const string AllParameterSets = "__AllParameterSets";
    }
}
