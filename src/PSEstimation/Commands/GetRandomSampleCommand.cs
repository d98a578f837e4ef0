using System.Globalization;
using System.Management.Automation;
using PSEstimation.Models;

namespace PSEstimation.Commands
{
    /// <summary>
    /// Get-RandomSample: random values from a fit or a given distribution, as plain numbers
    /// (categories for Categorical). With -SetSeed the same numbers on every machine and both
    /// PowerShell editions: the generator (xoshiro256**) and the samplers are the module's own.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "RandomSample", DefaultParameterSetName = ByEstimateSet)]
    [OutputType(typeof(double), typeof(string))]
    public sealed class GetRandomSampleCommand : DistributionQueryCommand
    {
        /// <summary>How many values to draw (default 1) for each distribution.</summary>
        [Parameter(Position = 0)]
        public long Count { get; set; } = 1;

        /// <summary>A seed: the same seed gives the same values, on any machine. Without it each run differs.</summary>
        [Parameter]
        public int? SetSeed { get; set; }

        private RandomSource? random;

        /// <inheritdoc/>
        protected override void BeginProcessing()
        {
            if (Count < 0)
            {
                Terminate(ErrorIds.InvalidCount, $"-Count must be 0 or more; got {Count.ToString(CultureInfo.InvariantCulture)}.", target: Count);
            }

            random = SetSeed is int seed ? new RandomSource(seed) : RandomSource.FromEntropy();
        }

        internal override void Answer(FittedDistribution distribution)
        {
            const int Chunk = 1 << 14;
            var buffer = new double[(int)System.Math.Min(Count, Chunk)];
            for (long done = 0; done < Count; done += buffer.Length)
            {
                if (Stopping)
                {
                    return;
                }

                int count = (int)System.Math.Min(buffer.Length, Count - done);
                if (distribution.Categorical is { } categorical)
                {
                    for (int i = 0; i < count; i++)
                    {
                        WriteObject(categorical.Sample(random!));
                    }

                    continue;
                }

                var block = count == buffer.Length ? buffer : new double[count];
                distribution.Model!.Sample(random!, distribution.Theta, block);
                foreach (double x in block)
                {
                    WriteObject(x);
                }
            }
        }
    }
}
