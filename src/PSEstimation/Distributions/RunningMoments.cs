namespace PSEstimation.Distributions
{
    /// <summary>
    /// A count, a mean and the sum of squared deviations from it, to which the same three of
    /// another part of the data merge exactly (Chan, Golub and LeVeque's pairwise formula): the
    /// bulk paths' chunks and blocks, each summed on its own, combined in order.
    /// </summary>
    internal struct RunningMoments
    {
        public RunningMoments(double count, double mean, double squares)
        {
            Count = count;
            Mean = mean;
            Squares = squares;
        }

        public double Count;

        public double Mean;

        public double Squares;

        public void Merge(double count, double mean, double squares)
        {
            double total = Count + count, delta = mean - Mean;
            Mean += delta * (count / total);
            Squares += squares + delta * delta * (Count * count / total);
            Count = total;
        }

        public void Merge(RunningMoments other) => Merge(other.Count, other.Mean, other.Squares);
    }
}
