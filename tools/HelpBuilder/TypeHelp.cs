namespace HelpBuilder
{
    /// <summary>A '### TypeName' entry of ## INPUTS or ## OUTPUTS.</summary>
    public sealed record TypeHelp(string TypeName, HelpText Description, int Line);
}
