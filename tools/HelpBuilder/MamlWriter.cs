using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;

namespace HelpBuilder
{
    /// <summary>
    /// Writes the MAML file Get-Help reads for binary cmdlets, element for element as PlatyPS's
    /// MamlRenderer (New-ExternalHelp) does, so the result is what users of PlatyPS would ship:
    /// helpItems (in the "http://msh" namespace, schema="maml") with one command:command per page,
    /// each declaring the maml/command/dev/MSHelp prefixes.
    /// </summary>
    public sealed class MamlWriter
    {
        public const string MshNamespace = "http://msh";
        public const string MamlNamespace = "http://schemas.microsoft.com/maml/2004/10";
        public const string CommandNamespace = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        public const string DevNamespace = "http://schemas.microsoft.com/maml/dev/2004/10";
        public const string MSHelpNamespace = "http://msdn.microsoft.com/mshelp";

        private readonly XmlWriter _xml;

        private MamlWriter(XmlWriter xml)
        {
            _xml = xml;
        }

        /// <summary>Settings shared by file and string output: indented, UTF-8, '\n' line ends
        /// (so the file is byte-identical whichever OS builds it).</summary>
        public static XmlWriterSettings Settings => new XmlWriterSettings
        {
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
            // With a BOM, as PlatyPS's output has; Windows PowerShell and .NET read it either way.
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
        };

        public static void WriteFile(string path, IEnumerable<CmdletHelpPage> pages)
        {
            using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
            using XmlWriter xml = XmlWriter.Create(stream, Settings);
            new MamlWriter(xml).WriteDocument(pages);
        }

        public static string WriteString(IEnumerable<CmdletHelpPage> pages)
        {
            using var stream = new MemoryStream();
            using (XmlWriter xml = XmlWriter.Create(stream, Settings))
            {
                new MamlWriter(xml).WriteDocument(pages);
            }

            return new UTF8Encoding(false).GetString(stream.ToArray()).TrimStart('\uFEFF');
        }

        private void WriteDocument(IEnumerable<CmdletHelpPage> pages)
        {
            _xml.WriteStartDocument();
            _xml.WriteStartElement("helpItems", MshNamespace);
            _xml.WriteAttributeString("schema", "maml");
            foreach (CmdletHelpPage page in pages)
            {
                WriteCommand(page);
            }

            _xml.WriteEndElement();
            _xml.WriteEndDocument();
        }

        private void WriteCommand(CmdletHelpPage page)
        {
            _xml.WriteStartElement("command", "command", CommandNamespace);
            _xml.WriteAttributeString("xmlns", "maml", null, MamlNamespace);
            _xml.WriteAttributeString("xmlns", "command", null, CommandNamespace);
            _xml.WriteAttributeString("xmlns", "dev", null, DevNamespace);
            _xml.WriteAttributeString("xmlns", "MSHelp", null, MSHelpNamespace);

            Start("command", "details");
            Element("command", "name", page.Name);
            Element("command", "verb", page.Verb);
            Element("command", "noun", page.Noun);
            Description(page.Synopsis);
            End();

            Description(page.Description);

            Start("command", "syntax");
            foreach (SyntaxItem item in page.Syntax)
            {
                Start("command", "syntaxItem");
                Element("maml", "name", page.Name);
                foreach (SyntaxParameter member in item.Parameters)
                {
                    WriteParameter(member.Parameter, member.Metadata, inSyntax: true);
                }

                End();
            }

            End();

            Start("command", "parameters");
            foreach (ParameterHelp parameter in page.Parameters)
            {
                WriteParameter(parameter, parameter.Primary, inSyntax: false);
            }

            End();

            WriteTypes("inputTypes", "inputType", page.Inputs);
            WriteTypes("returnValues", "returnValue", page.Outputs);

            Start("maml", "alertSet");
            Start("maml", "alert");
            Paras(page.Notes);
            End();
            End();

            Start("command", "examples");
            foreach (ExampleHelp example in page.Examples)
            {
                WriteExample(example);
            }

            End();

            Start("command", "relatedLinks");
            foreach (RelatedLink link in LinksWithOnlineVersion(page))
            {
                Start("maml", "navigationLink");
                Element("maml", "linkText", link.Text);
                Element("maml", "uri", link.MamlUri);
                End();
            }

            End();

            _xml.WriteEndElement(); // command:command
        }

        /// <summary>
        /// command:parameter, used both in syntax items and in the parameters list. Inside a syntax
        /// item PlatyPS lists accepted values (shown as {A | B}) and leaves out the value of a
        /// switch (so Get-Help shows [-Robust], not [-Robust &lt;SwitchParameter&gt;]).
        /// </summary>
        private void WriteParameter(ParameterHelp parameter, ParameterMetadata metadata, bool inSyntax)
        {
            Start("command", "parameter");
            _xml.WriteAttributeString("required", Bool(metadata.Required));
            _xml.WriteAttributeString("variableLength", "true");
            _xml.WriteAttributeString("globbing", Bool(metadata.AcceptsWildcards));
            _xml.WriteAttributeString("pipelineInput", metadata.PipelineInput);
            _xml.WriteAttributeString("position", metadata.Position.ToLowerInvariant());
            _xml.WriteAttributeString("aliases", metadata.Aliases.Count > 0 ? string.Join(", ", metadata.Aliases) : "none");

            Element("maml", "name", parameter.Name);
            Description(parameter.Description);

            if (inSyntax && metadata.AcceptedValues.Count > 0)
            {
                Start("command", "parameterValueGroup");
                foreach (string value in metadata.AcceptedValues)
                {
                    Start("command", "parameterValue");
                    _xml.WriteAttributeString("required", "false");
                    // PlatyPS writes this one attribute with the command: prefix; kept identical.
                    _xml.WriteAttributeString("command", "variableLength", CommandNamespace, "false");
                    _xml.WriteString(value);
                    End();
                }

                End();
            }

            if (!inSyntax || !metadata.IsSwitch)
            {
                Start("command", "parameterValue");
                _xml.WriteAttributeString("required", Bool(!metadata.IsSwitch));
                _xml.WriteAttributeString("variableLength", "false");
                _xml.WriteString(metadata.MamlType);
                End();
            }

            Start("dev", "type");
            Element("maml", "name", metadata.MamlType);
            Start("maml", "uri");
            End();
            End();

            // A switch left unset is $false; PlatyPS spells that out rather than "None".
            string defaultValue = metadata.IsSwitch && metadata.DefaultValue is null ? "False" : metadata.DefaultValue ?? "None";
            Element("dev", "defaultValue", defaultValue);
            End();
        }

        private void WriteTypes(string listName, string itemName, IEnumerable<TypeHelp> types)
        {
            Start("command", listName);
            foreach (TypeHelp type in types)
            {
                Start("command", itemName);
                Start("dev", "type");
                Element("maml", "name", type.TypeName);
                End();
                Description(type.Description);
                End();
            }

            End();
        }

        private void WriteExample(ExampleHelp example)
        {
            Start("command", "example");
            Element("maml", "title", PadExampleTitle(example.Title));
            if (!example.Introduction.IsEmpty)
            {
                // PlatyPS drops text written above an example's code; MAML has a slot for it.
                // Get-Help prints introduction and code back to back (the slot was meant for a
                // "PS C:\>" prompt), so the text goes in one para ending in a blank line.
                Start("maml", "introduction");
                Element("maml", "para", string.Join("\n\n", example.Introduction.Blocks.Select(b => b.ToParaText())) + "\n\n");
                End();
            }

            Element("dev", "code", example.Code);
            Start("dev", "remarks");
            Paras(example.Remarks);
            End();
            End();
        }

        /// <summary>
        /// One maml:para per block. Code blocks (example output) become one para with their line
        /// breaks, which Get-Help prints line for line.
        /// </summary>
        private void Paras(HelpText text)
        {
            foreach (HelpBlock block in text.Blocks)
            {
                Element("maml", "para", block.ToParaText());
            }
        }

        private void Description(HelpText text)
        {
            Start("maml", "description");
            Paras(text);
            End();
        }

        /// <summary>
        /// PlatyPS pads example titles with dashes to 64 characters, which is how Get-Help has
        /// always set examples apart ("---- Example 1: ... ----").
        /// </summary>
        public static string PadExampleTitle(string title)
        {
            if (string.IsNullOrWhiteSpace(title) || title.Length >= 62)
            {
                return title;
            }

            int pad = (64 - title.Length - 2) / 2;
            string dashes = new string('-', pad);
            return $"{dashes} {title} {dashes}";
        }

        /// <summary>
        /// Get-Help -Online opens the first related link with a URI. New-MarkdownHelp puts the
        /// "online version" there as an "Online Version:" link; if a page has the front matter
        /// value but not the link, we add it so -Online still works.
        /// </summary>
        private static IEnumerable<RelatedLink> LinksWithOnlineVersion(CmdletHelpPage page)
        {
            string online = page.OnlineVersion.Trim();
            bool needed = online.Length > 0 && InlineTextRenderer.IsAbsoluteUri(online) &&
                !page.RelatedLinks.Any(l => string.Equals(l.Target, online, System.StringComparison.OrdinalIgnoreCase));
            if (needed)
            {
                yield return new RelatedLink("Online Version:", online, page.Line);
            }

            foreach (RelatedLink link in page.RelatedLinks)
            {
                yield return link;
            }
        }

        private static string Bool(bool value) => value ? "true" : "false";

        private void Start(string prefix, string name) => _xml.WriteStartElement(prefix, name, NamespaceOf(prefix));

        private void End() => _xml.WriteEndElement();

        private void Element(string prefix, string name, string value)
        {
            Start(prefix, name);
            _xml.WriteString(value);
            End();
        }

        private static string NamespaceOf(string prefix) => prefix switch
        {
            "maml" => MamlNamespace,
            "command" => CommandNamespace,
            "dev" => DevNamespace,
            _ => MSHelpNamespace,
        };
    }
}
