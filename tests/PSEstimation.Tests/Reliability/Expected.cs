namespace PSEstimation.Tests.Reliability
{
    /// <summary>How a row of the bad-input matrix must end.</summary>
    public enum OutcomeKind
    {
        /// <summary>A result equal to reference.json's entry, no errors.</summary>
        Result,

        /// <summary>A non-terminating error with the id for the hostile value (which it names, with its index), then the result of the ordinary sample.</summary>
        Skipped,

        /// <summary>A terminating error with the id, and no output.</summary>
        Terminating,

        /// <summary>
        /// No maximum exists (reference.json: NoMaximum): the best point found, with Converged =
        /// False and the warning that says so, as the conventions ask of a fit that cannot converge.
        /// </summary>
        NotConverged,
    }

    /// <summary>
    /// The expected outcome of one row: its kind, the error id (without the ",PSEstimation.Commands.…Command"
    /// suffix, which the check adds), the reference.json key of the result (the part after "Family/"),
    /// and whether a warning must accompany it (a value beyond the double range, reported as ±Infinity).
    /// </summary>
    public sealed record Expected(OutcomeKind Kind, string? ErrorId = null, string? Reference = null, bool Warning = false)
    {
        public static Expected Result(string reference, bool warning = false) => new Expected(OutcomeKind.Result, null, reference, warning);

        public static Expected Skipped(string errorId, string reference = "Base") => new Expected(OutcomeKind.Skipped, errorId, reference);

        public static Expected Terminating(string errorId) => new Expected(OutcomeKind.Terminating, errorId);

        public static Expected NotConverged() => new Expected(OutcomeKind.NotConverged, null, null, Warning: true);

        public override string ToString() => Kind switch
        {
            OutcomeKind.Result => $"result {Reference}{(Warning ? " with a warning" : string.Empty)}",
            OutcomeKind.Skipped => $"non-terminating {ErrorId}, then result {Reference}",
            OutcomeKind.NotConverged => "Converged = False with its warning",
            _ => $"terminating {ErrorId}",
        };
    }
}
