using System;
using System.Globalization;
using System.IO;
using System.Management.Automation.Host;

namespace PSEstimation.Host
{
    /// <summary>The PSHost behind <see cref="ModuleRunspace"/>: names itself and carries the text UI.</summary>
    public sealed class TextHost : PSHost
    {
        private readonly Guid instanceId = Guid.NewGuid();
        private readonly TextHostUserInterface ui;

        public TextHost(TextWriter output, TextWriter diagnostics, int bufferWidth, bool stripAnsi)
        {
            ui = new TextHostUserInterface(output, diagnostics, bufferWidth, stripAnsi);
        }

        /// <summary>The exit code a script asked for with <c>exit N</c>.</summary>
        public int? ExitCode { get; private set; }

        public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;

        public override CultureInfo CurrentUICulture => CultureInfo.GetCultureInfo("en-US");

        public override Guid InstanceId => instanceId;

        public override string Name => "PSEstimation.Host";

        public override PSHostUserInterface UI => ui;

        public override Version Version => typeof(TextHost).Assembly.GetName().Version ?? new Version(0, 0);

        public override void EnterNestedPrompt() => throw new NotSupportedException("Nested prompts are not supported.");

        public override void ExitNestedPrompt() => throw new NotSupportedException("Nested prompts are not supported.");

        public override void NotifyBeginApplication()
        {
        }

        public override void NotifyEndApplication()
        {
        }

        public override void SetShouldExit(int exitCode) => ExitCode = exitCode;
    }
}
