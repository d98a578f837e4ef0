using System;

namespace PSEstimation.Distributions
{
    /// <summary>
    /// The data cannot give an estimate (e.g. a constant sample for a scale parameter).
    /// The cmdlets turn it into a terminating error with <see cref="ErrorId"/>.
    /// </summary>
    internal sealed class EstimationException : Exception
    {
        public EstimationException(string errorId, string message)
            : base(message)
        {
            ErrorId = errorId;
        }

        public string ErrorId { get; }
    }
}
