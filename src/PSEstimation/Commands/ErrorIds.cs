namespace PSEstimation.Commands
{
    /// <summary>
    /// The stable error ids of the module. Scripts and tests match on
    /// "&lt;id&gt;,PSEstimation.Commands.&lt;Cmdlet&gt;Command", so these never change.
    /// </summary>
    internal static class ErrorIds
    {
        // Non-terminating: one input value skipped.
        public const string NotANumber = "NotANumber";
        public const string NonFiniteValue = "NonFiniteValue";
        public const string ValueOutsideSupport = "ValueOutsideSupport";
        public const string PropertyNotFound = "PropertyNotFound";
        public const string InvalidWeight = "InvalidWeight";

        // Categorical: a hashtable, object or other non-scalar, which cannot be a category.
        public const string NotAScalar = "NotAScalar";

        // Terminating: nothing sensible can be computed.
        public const string NoUsableInput = "NoUsableInput";
        public const string UnknownParameter = "UnknownParameter";
        public const string MissingParameter = "MissingParameter";
        public const string InvalidParameterValue = "InvalidParameterValue";
        public const string InvalidConfidenceLevel = "InvalidConfidenceLevel";
        public const string InvalidEstimate = "InvalidEstimate";
        public const string UndefinedLogDensity = "UndefinedLogDensity";

        // Measure-RegressionLoss: -Actual and -Predicted (and -Weight) of different lengths.
        public const string LengthMismatch = "LengthMismatch";

        // Terminating, Get-MAPEstimate: a -Prior that cannot be used.
        public const string InvalidPrior = "InvalidPrior";
        public const string NonSmoothParameter = "NonSmoothParameter";
        public const string NoPosteriorMode = "NoPosteriorMode";

        // Get-Quantile, Get-Probability, Get-RandomSample.
        public const string InvalidProbability = "InvalidProbability";
        public const string NoQuantile = "NoQuantile";
        public const string InvalidCount = "InvalidCount";

        // Censored data (#15): -CensoredAbove, -CensoredBelow, -LowerProperty/-UpperProperty.
        public const string InvalidInterval = "InvalidInterval";
        public const string CensoringOutsideSupport = "CensoringOutsideSupport";
        public const string InvalidCensoring = "InvalidCensoring";
        public const string CensoringNotSupported = "CensoringNotSupported";
        public const string EveryObservationCensored = "EveryObservationCensored";
        public const string CensoredNotIdentifiable = "CensoredNotIdentifiable";
        public const string NoFiniteStart = "NoFiniteStart";
        public const string UndefinedLogLikelihood = "UndefinedLogLikelihood";
    }
}
