namespace PSEstimation.Regression
{
    /// <summary>
    /// One column of a design matrix: the intercept, a numeric predictor, or the indicator of one
    /// level of a categorical predictor (named &lt;Predictor&gt;&lt;Level&gt;).
    /// </summary>
    internal sealed class DesignColumn
    {
        public const string InterceptName = "Intercept";

        private DesignColumn(string name, string? predictor, string? level)
        {
            Name = name;
            Predictor = predictor;
            Level = level;
        }

        public string Name { get; }

        /// <summary>The predictor the column is read from; null for the intercept.</summary>
        public string? Predictor { get; }

        /// <summary>The level whose indicator the column is; null for the intercept and numeric predictors.</summary>
        public string? Level { get; }

        public bool IsIntercept => Predictor is null;

        public static DesignColumn Intercept() => new DesignColumn(InterceptName, null, null);

        public static DesignColumn Numeric(string predictor) => new DesignColumn(predictor, predictor, null);

        public static DesignColumn Indicator(string predictor, string level) => new DesignColumn(predictor + level, predictor, level);
    }
}
