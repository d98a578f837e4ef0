using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace PSEstimation.Host
{
    /// <summary>
    /// A non-interactive host UI that writes PowerShell's formatted output as text: output to
    /// one writer, errors, warnings and verbose text to another, each line prefixed as the
    /// console host does. Prompts are refused (the host runs scripts unattended).
    /// </summary>
    public sealed class TextHostUserInterface : PSHostUserInterface
    {
        private readonly TextWriter output;
        private readonly TextWriter diagnostics;
        private readonly bool stripAnsi;
        private readonly TextRawUserInterface raw;

        public TextHostUserInterface(TextWriter output, TextWriter diagnostics, int bufferWidth, bool stripAnsi)
        {
            this.output = output;
            this.diagnostics = diagnostics;
            this.stripAnsi = stripAnsi;
            raw = new TextRawUserInterface(bufferWidth);
        }

        public override PSHostRawUserInterface RawUI => raw;

        public override void Write(string value) => output.Write(Clean(value));

        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Write(value);

        public override void WriteLine(string value) => output.WriteLine(Clean(value));

        public override void WriteErrorLine(string value) => diagnostics.WriteLine(Clean(value));

        public override void WriteWarningLine(string message) => diagnostics.WriteLine("WARNING: " + Clean(message));

        public override void WriteVerboseLine(string message) => diagnostics.WriteLine("VERBOSE: " + Clean(message));

        public override void WriteDebugLine(string message) => diagnostics.WriteLine("DEBUG: " + Clean(message));

        public override void WriteProgress(long sourceId, ProgressRecord record)
        {
            // Progress is for interactive consoles; an unattended text host shows none.
        }

        public override void WriteInformation(InformationRecord record) => output.WriteLine(Clean(record.ToString()));

        public override string ReadLine() => throw NotInteractive();

        public override SecureString ReadLineAsSecureString() => throw NotInteractive();

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) => throw NotInteractive();

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw NotInteractive();

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw NotInteractive();

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) => throw NotInteractive();

        private string Clean(string value) => stripAnsi ? AnsiText.Strip(value) : value;

        private static PSInvalidOperationException NotInteractive()
            => new PSInvalidOperationException("This host is not interactive: it cannot prompt. Pass every value as a parameter.");
    }
}
