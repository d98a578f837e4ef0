using System.Management.Automation;
using PSEstimation.Input;

namespace PSEstimation.Commands
{
    /// <summary>
    /// The parameters of the cmdlets that take values from the pipeline (-InputObject, -Property,
    /// -GroupBy), which PowerShell wants declared on the cmdlet class or a base. The reading itself
    /// is <see cref="InputReader"/>'s: the cmdlet builds one in BeginProcessing, once it knows what
    /// it accepts, and is its <see cref="IInputSink"/>.
    /// </summary>
    public abstract class NumericInputCommand : PSCmdlet
    {
        /// <summary>
        /// The values: numbers of any numeric type, numeric strings (invariant culture), or
        /// arrays of them; with -Property, objects whose properties hold them.
        /// </summary>
        [Parameter(Position = 1, ValueFromPipeline = true)]
        [AllowNull]
        public object? InputObject { get; set; }

        /// <summary>
        /// Read these properties of each input object instead of the object itself; several
        /// names give one result per property.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Property { get; set; }

        /// <summary>
        /// One result per distinct value of this property of the input objects (a host, a
        /// service ...), in order of first appearance; with several -Property names, one per
        /// group and property.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? GroupBy { get; set; }

        /// <summary>The reader built in BeginProcessing.</summary>
        internal InputReader Reader { get; private set; } = null!;

        /// <summary>Builds the reader; call at the end of BeginProcessing, once the options are known.</summary>
        internal void StartReading(InputOptions options, IInputSink sink)
        {
            options.Properties = Property;
            options.GroupBy = GroupBy;
            Reader = new InputReader(this, options, sink);
        }

        /// <inheritdoc/>
        protected override void ProcessRecord() => Reader.Read(InputObject);

        /// <summary>Throws a terminating error with a stable id.</summary>
        internal void Terminate(string errorId, string message, ErrorCategory category = ErrorCategory.InvalidArgument, object? target = null)
            => ThrowTerminatingError(new ErrorRecord(new System.ArgumentException(message), errorId, category, target));

        /// <summary>
        /// Reports that <paramref name="slot"/> gives no result: without -GroupBy a terminating
        /// error (nothing else could be computed); with it a non-terminating one naming the group,
        /// so the other groups still get their results.
        /// </summary>
        internal void FailSlot(InputSlot slot, string errorId, string message, ErrorCategory category)
        {
            if (!slot.Group.IsNamed)
            {
                Terminate(errorId, message, category);
            }

            WriteError(new ErrorRecord(new System.ArgumentException($"Group {slot.Group.Describe()}: {message}"), errorId, category, slot.Group.Value));
        }

        /// <summary>Adds the type name of grouped output (PSEstimation.MLEstimate#Grouped), whose views can show the Group column.</summary>
        internal void WriteResult(InputSlot slot, object result)
        {
            if (!slot.Group.IsNamed)
            {
                WriteObject(result);
                return;
            }

            var wrapped = new PSObject(result);
            wrapped.TypeNames.Insert(0, result.GetType().FullName + "#Grouped");
            WriteObject(wrapped);
        }
    }
}
