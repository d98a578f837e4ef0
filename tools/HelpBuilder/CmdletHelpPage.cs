using System.Collections.Generic;

namespace HelpBuilder
{
    /// <summary>
    /// Everything one PlatyPS cmdlet page says, after validation. Public so a caller (a test, a
    /// build check) can inspect what was understood without re-reading the MAML.
    /// </summary>
    public sealed class CmdletHelpPage
    {
        public CmdletHelpPage(string sourcePath, string name, int line)
        {
            SourcePath = sourcePath;
            Name = name;
            Line = line;
        }

        public string SourcePath { get; }

        /// <summary>"Verb-Noun" from the '#' title.</summary>
        public string Name { get; }

        /// <summary>Line of the '#' title.</summary>
        public int Line { get; }

        public string Verb => Name.Split('-', 2)[0];

        public string Noun => Name.Contains('-') ? Name.Split('-', 2)[1] : string.Empty;

        /// <summary>Front matter "external help file" (the MAML file this page belongs in).</summary>
        public string ExternalHelpFile { get; set; } = string.Empty;

        public string ModuleName { get; set; } = string.Empty;

        /// <summary>Front matter "online version": the URL Get-Help -Online opens. May be empty.</summary>
        public string OnlineVersion { get; set; } = string.Empty;

        public HelpText Synopsis { get; set; } = HelpText.Empty;

        public HelpText Description { get; set; } = HelpText.Empty;

        /// <summary>The ### sets of ## SYNTAX, in page order (the default set first, as PlatyPS writes them).</summary>
        public List<ParameterSetSyntax> ParameterSets { get; } = new List<ParameterSetSyntax>();

        /// <summary>Syntax per parameter set, built from PARAMETERS metadata (see <see cref="SyntaxBuilder"/>).</summary>
        public List<SyntaxItem> Syntax { get; } = new List<SyntaxItem>();

        public List<ExampleHelp> Examples { get; } = new List<ExampleHelp>();

        public List<ParameterHelp> Parameters { get; } = new List<ParameterHelp>();

        /// <summary>Set by '### CommonParameters'. MAML has no element for it: PowerShell adds
        /// [&lt;CommonParameters&gt;] from the cmdlet itself; kept so a caller can check the page.</summary>
        public bool SupportsCommonParameters { get; set; }

        public List<TypeHelp> Inputs { get; } = new List<TypeHelp>();

        public List<TypeHelp> Outputs { get; } = new List<TypeHelp>();

        public HelpText Notes { get; set; } = HelpText.Empty;

        public List<RelatedLink> RelatedLinks { get; } = new List<RelatedLink>();
    }
}
