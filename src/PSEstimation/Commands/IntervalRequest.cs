namespace PSEstimation.Commands
{
    /// <summary>What a fitting cmdlet asks of a fit's intervals: -IntervalMethod, and for Bootstrap -Simulations and -SetSeed.</summary>
    internal sealed class IntervalRequest
    {
        public IntervalRequest(IntervalMethod method, int simulations, int? seed)
        {
            Method = method;
            Simulations = simulations;
            Seed = seed;
        }

        /// <summary>The default: Wald intervals (for Get-MAPEstimate, its posterior intervals).</summary>
        public static IntervalRequest Default { get; } = new IntervalRequest(IntervalMethod.Wald, 0, null);

        public IntervalMethod Method { get; }

        public int Simulations { get; }

        public int? Seed { get; }
    }
}
