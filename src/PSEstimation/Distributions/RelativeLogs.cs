namespace PSEstimation.Distributions
{
    /// <summary>
    /// log(x/r) for every value of a sample, with r its largest value: both terms of
    /// log(x/λ) = log(x/r) - log(λ/r) stay small where the values are close together (1e9 plus
    /// small offsets), so they keep their digits, and values from 1e-300 to 1e300 neither
    /// overflow nor cost a log per pass. Computed once per sample (<see cref="BufferedSample.RelativeLogs"/>).
    /// </summary>
    internal sealed class RelativeLogs
    {
        public RelativeLogs(double reference, double[] logs)
        {
            Reference = reference;
            Logs = logs;
        }

        /// <summary>r, the largest value.</summary>
        public double Reference { get; }

        /// <summary>log(xᵢ/r), by index.</summary>
        public double[] Logs { get; }
    }
}
