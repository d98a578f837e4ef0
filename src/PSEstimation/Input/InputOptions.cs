namespace PSEstimation.Input
{
    /// <summary>
    /// What <see cref="InputReader"/> reads from each input object, from the cmdlet's parameters.
    /// Later kinds of observation (-LowerProperty/-UpperProperty intervals, -CensoredAbove and
    /// -CensoredBelow limits, -Response/-Predictor rows) become options here and a field of the
    /// observation the reader hands to its sink; the walking of the pipeline, the weights, the
    /// groups and the error model stay as they are.
    /// </summary>
    internal sealed class InputOptions
    {
        /// <summary>-Property: read these properties instead of the object itself (one slot each).</summary>
        public string[]? Properties { get; set; }

        /// <summary>
        /// Without -Property, the property to read from input objects that have it (the Property of
        /// a fit passed to Measure-NegativeLogLikelihood -Estimate); numbers are still taken as they are.
        /// </summary>
        public string? ImpliedProperty { get; set; }

        /// <summary>-Weight: one frequency weight per input value, by index.</summary>
        public double[]? Weights { get; set; }

        /// <summary>-WeightProperty: the property holding each object's frequency weight.</summary>
        public string? WeightProperty { get; set; }

        /// <summary>-GroupBy: one group of slots per distinct value of this property.</summary>
        public string? GroupBy { get; set; }

        /// <summary>"fitted" or "measured": what happens to a group, for the warning about objects without the -GroupBy property.</summary>
        public string GroupVerb { get; set; } = "measured";

        /// <summary>Whether $true and $false count as 1 and 0 (Bernoulli).</summary>
        public bool AllowBoolean { get; set; }

        /// <summary>
        /// -LowerProperty: with <see cref="UpperProperty"/>, each object is one observation in the
        /// interval form of fitdistrplus::fitdistcens (equal bounds exact, an empty lower bound
        /// left-censored, an empty upper bound right-censored, two bounds interval-censored), handed
        /// to the sink's <see cref="IIntervalSink"/>.
        /// </summary>
        public string? LowerProperty { get; set; }

        /// <summary>-UpperProperty: see <see cref="LowerProperty"/>.</summary>
        public string? UpperProperty { get; set; }

        /// <summary>Whether values are taken as they are (any scalar: Categorical) instead of as numbers.</summary>
        public bool AcceptsAnyScalar { get; set; }
    }
}
