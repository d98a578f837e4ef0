namespace PSEstimation
{
    /// <summary>
    /// The stable error ids of the module. Scripts and tests match on
    /// "&lt;id&gt;,PSEstimation.Commands.&lt;Cmdlet&gt;Command", so these never change.
    /// In the root namespace so that the core (Distributions, Models, Estimation, Bayesian)
    /// names them without depending on the cmdlets. docs/about_PSEstimation.md lists them.
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

        // Terminating, from the data: a fit that the sample cannot give (the message says what to change).
        // A constant sample (or n = 1) where a scale, shape or spread must be estimated. One id for
        // every family: Uniform, Pareto and Laplace said ConstantSample in 0.1.0.
        public const string ZeroVariance = "ZeroVariance";
        public const string AllValuesZero = "AllValuesZero";
        public const string NoFiniteEstimate = "NoFiniteEstimate";
        public const string UnboundedLikelihood = "UnboundedLikelihood";
        public const string InsufficientSpread = "InsufficientSpread";
        public const string VarianceUnderflow = "VarianceUnderflow";
        public const string InformationOutOfRange = "InformationOutOfRange";
        public const string EstimateOutOfRange = "EstimateOutOfRange";
        public const string RateOverflow = "RateOverflow";
        public const string ScaleUnderflow = "ScaleUnderflow";
        public const string SumOverflow = "SumOverflow";

        // Terminating, from the fitting machinery.
        public const string NoFiniteStart = "NoFiniteStart";
        public const string UndefinedLogLikelihood = "UndefinedLogLikelihood";

        // Internal: a family that is not a DistributionFamily (Categorical) asked for one; no cmdlet shows it.
        public const string NoParameterList = "NoParameterList";
        // Test-GoodnessOfFit, Compare-Distribution.
        public const string InvalidSimulations = "InvalidSimulations";
        public const string TestNotApplicable = "TestNotApplicable";
        public const string NoCandidate = "NoCandidate";

        // Regression models (-Response / -Predictor, Add-Prediction).
        public const string CollinearPredictors = "CollinearPredictors";
        public const string TooFewObservations = "TooFewObservations";
        public const string RegressionNotSupported = "RegressionNotSupported";
        public const string LinkedParameterFixed = "LinkedParameterFixed";
        public const string UnknownLevel = "UnknownLevel";
        public const string PerfectFit = "PerfectFit";

        // Out-Plot.
        public const string PlotKindNotForCategorical = "PlotKindNotForCategorical";
        public const string PosteriorNeedsMAPEstimate = "PosteriorNeedsMAPEstimate";
        public const string ProfileNeedsLiveFit = "ProfileNeedsLiveFit";
        public const string PlotPathNotWritable = "PlotPathNotWritable";
        public const string InvalidPlotSize = "InvalidPlotSize";
        public const string PlotSeveralSamples = "PlotSeveralSamples";
        public const string ResidualsNeedRegressionEstimate = "ResidualsNeedRegressionEstimate";
        public const string PlotKindNotForRegression = "PlotKindNotForRegression";

        // -IntervalMethod Profile or Bootstrap (Get-MLEstimate, Get-Quantile, Get-Probability); -Simulations below 2 is InvalidSimulations.
        public const string IntervalMethodNotApplicable = "IntervalMethodNotApplicable";
        public const string IntervalMethodNeedsData = "IntervalMethodNeedsData";

        // Censored data: -CensoredAbove, -CensoredBelow, -LowerProperty/-UpperProperty.
        public const string InvalidInterval = "InvalidInterval";
        public const string CensoringOutsideSupport = "CensoringOutsideSupport";
        public const string InvalidCensoring = "InvalidCensoring";
        public const string CensoringNotSupported = "CensoringNotSupported";
        public const string EveryObservationCensored = "EveryObservationCensored";
        public const string CensoredNotIdentifiable = "CensoredNotIdentifiable";
    }
}
