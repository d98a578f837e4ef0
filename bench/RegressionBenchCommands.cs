using System.Diagnostics;
using System.Management.Automation;

namespace PSEstimation.Bench
{
    /// <summary>
    /// Emits the given rows one by one and notes the time right after the last one was taken: a
    /// downstream aggregate (Get-MLEstimate -Response) has then read every row, so what follows
    /// until the pipeline ends is its fit alone.
    /// </summary>
    [Cmdlet("Invoke", "BenchRows")]
    public sealed class InvokeBenchRowsCommand : PSCmdlet
    {
        /// <summary>Stopwatch timestamp after the last row of the latest run was written.</summary>
        public static long LastRowTimestamp { get; private set; }

        [Parameter(Mandatory = true, Position = 0)]
        public PSObject[] Rows { get; set; } = System.Array.Empty<PSObject>();

        protected override void EndProcessing()
        {
            foreach (var row in Rows)
            {
                WriteObject(row);
            }

            LastRowTimestamp = Stopwatch.GetTimestamp();
        }
    }
}

namespace PSEstimation.Bench
{
    /// <summary>
    /// Streams rows as Import-Csv does: each row a new PSCustomObject whose properties are strings,
    /// made just before it is written (so it is still in the cache when the next command reads
    /// it), from <see cref="Table"/> (set by the bench; the CSV parsing itself is left out, which
    /// makes this floor lower than Import-Csv's and the ratio against it a conservative one).
    /// </summary>
    [Cmdlet("Invoke", "BenchCsvRows")]
    public sealed class InvokeBenchCsvRowsCommand : PSCmdlet
    {
        /// <summary>The column names and, row by row, their values as text.</summary>
        public static (string[] Names, string[][] Rows) Table { get; set; } = (System.Array.Empty<string>(), System.Array.Empty<string[]>());

        protected override void EndProcessing()
        {
            var (names, rows) = Table;
            foreach (var values in rows)
            {
                var row = new PSObject();
                for (int j = 0; j < names.Length; j++)
                {
                    row.Properties.Add(new PSNoteProperty(names[j], values[j]));
                }

                WriteObject(row);
            }
        }
    }
}
