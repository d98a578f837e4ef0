using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;

namespace PSEstimation.Host
{
    /// <summary>Everything one script produced: objects, each stream, and a terminating error if any.</summary>
    public sealed class InvocationResult
    {
        public InvocationResult(
            Collection<PSObject> output,
            IReadOnlyList<ErrorRecord> errors,
            IReadOnlyList<WarningRecord> warnings,
            IReadOnlyList<VerboseRecord> verbose,
            ErrorRecord? terminatingError)
        {
            Output = output;
            Errors = errors;
            Warnings = warnings;
            Verbose = verbose;
            TerminatingError = terminatingError;
        }

        public Collection<PSObject> Output { get; }

        /// <summary>Non-terminating errors, in order.</summary>
        public IReadOnlyList<ErrorRecord> Errors { get; }

        public IReadOnlyList<WarningRecord> Warnings { get; }

        public IReadOnlyList<VerboseRecord> Verbose { get; }

        /// <summary>The error that stopped the script, or null when it ran to the end.</summary>
        public ErrorRecord? TerminatingError { get; }

        /// <summary>The base objects of the output (e.g. the MLEstimate instances).</summary>
        public IReadOnlyList<object> Objects => Output.Select(o => o.BaseObject).ToList();

        /// <summary>The FullyQualifiedErrorId of every non-terminating error.</summary>
        public IReadOnlyList<string> ErrorIds => Errors.Select(e => e.FullyQualifiedErrorId).ToList();
    }
}
