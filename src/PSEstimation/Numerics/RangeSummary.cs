namespace PSEstimation.Numerics
{
    /// <summary>What <see cref="VectorMath.Summarise"/> reads from a range of values in one look.</summary>
    internal readonly struct RangeSummary
    {
        public RangeSummary(bool accepted, double sumOfDifferences, double minimum, double maximum)
        {
            Accepted = accepted;
            SumOfDifferences = sumOfDifferences;
            Minimum = minimum;
            Maximum = maximum;
        }

        /// <summary>Every value lay in the range (and was whole where asked).</summary>
        public bool Accepted { get; }

        /// <summary>Σ(x - centre).</summary>
        public double SumOfDifferences { get; }

        /// <summary>The smallest value (+∞ for no values).</summary>
        public double Minimum { get; }

        /// <summary>The largest value (-∞ for no values).</summary>
        public double Maximum { get; }
    }
}
