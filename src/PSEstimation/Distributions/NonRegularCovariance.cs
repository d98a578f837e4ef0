namespace PSEstimation.Distributions
{
    /// <summary>A covariance reported for a non-regular model, and why.</summary>
    internal sealed class NonRegularCovariance
    {
        public NonRegularCovariance(double[,] covariance, string explanation)
        {
            Covariance = covariance;
            Explanation = explanation;
        }

        /// <summary>In parameter order; NaN where no standard error exists.</summary>
        public double[,] Covariance { get; }

        public string Explanation { get; }
    }
}
