using System;
using System.Management.Automation;

namespace PSEstimation.Bench
{
    /// <summary>
    /// The floor: a binary cmdlet with one ValueFromPipeline parameter that does nothing. Piping
    /// into it costs exactly the engine's binding; `| Out-Null` is no floor (the engine optimises
    /// it away).
    /// </summary>
    [Cmdlet("Invoke", "BenchNoOp")]
    public sealed class InvokeBenchNoOpCommand : PSCmdlet
    {
        [Parameter(ValueFromPipeline = true)]
        public object? InputObject { get; set; }

        /// <summary>Write each input on: the floor of a cmdlet that emits one object per input.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (PassThru)
            {
                WriteObject(InputObject);
            }
        }
    }

    /// <summary>
    /// Emits Count doubles one by one into the pipeline, then records the managed heap size
    /// (after a full collection) while the downstream cmdlet still holds its state: before
    /// its EndProcessing runs.
    /// </summary>
    [Cmdlet("Get", "BenchValues")]
    public sealed class GetBenchValuesCommand : PSCmdlet
    {
        public static long HeapAfterLastValue { get; private set; }

        [Parameter(Mandatory = true, Position = 0)]
        public long Count { get; set; }

        /// <summary>Emit counts 0..16 (for the discrete families) instead of values in [1, 2).</summary>
        [Parameter]
        public SwitchParameter Integers { get; set; }

        /// <summary>Skip the heap measurement (a full collection) when only time matters.</summary>
        [Parameter]
        public SwitchParameter NoHeapProbe { get; set; }

        protected override void EndProcessing()
        {
            for (long i = 0; i < Count; i++)
            {
                WriteObject(Integers ? (double)(i % 17) : 1.0 + (i % 1000) * 0.001);
            }

            if (!NoHeapProbe)
            {
                HeapAfterLastValue = GC.GetTotalMemory(forceFullCollection: true);
            }
        }
    }
}

namespace PSEstimation.Bench
{
    /// <summary>Reads two properties of each piped object and nothing else: the cost of -Property-style input.</summary>
    [System.Management.Automation.Cmdlet("Invoke", "BenchReadTwo")]
    public sealed class InvokeBenchReadTwoCommand : System.Management.Automation.PSCmdlet
    {
        private double sink;

        [System.Management.Automation.Parameter(ValueFromPipeline = true)]
        public object? InputObject { get; set; }

        protected override void ProcessRecord()
        {
            var o = System.Management.Automation.PSObject.AsPSObject(InputObject!);
            sink += (double)o.Properties["Actual"].Value + (double)o.Properties["Predicted"].Value;
        }

        protected override void EndProcessing() => WriteObject(sink);
    }
}
