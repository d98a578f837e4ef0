namespace PSEstimation.Distributions
{
    /// <summary>
    /// What a family keeps of a sample while values stream in. Families whose MLE depends only
    /// on sufficient statistics keep those (constant memory); the others buffer the values
    /// (<see cref="BufferedSample"/>). Weights are frequency weights: a value with weight 3
    /// counts as three observations of it.
    /// </summary>
    internal abstract class SampleAccumulator
    {
        /// <summary>
        /// Values per chunk where a bulk path checks the support of a chunk and then hands its
        /// logs to Numerics.VectorMath: 32 KB, still in the cache for the second look.
        /// </summary>
        protected const int BulkChunk = 4096;

        /// <summary>The sample size n: the sum of the weights.</summary>
        public double TotalWeight { get; protected set; }

        /// <summary>How many values were added (each with its weight).</summary>
        public long Count { get; protected set; }

        /// <summary>
        /// The cancellation of the fit in progress (MaximumLikelihoodEstimator sets it): a family's
        /// start checks it between its passes over the data (sorting 3·10^6 values alone takes
        /// 0.5 s), so Ctrl+C does not wait for the whole start.
        /// </summary>
        public System.Threading.CancellationToken Cancellation { get; set; }

        /// <summary>Adds one value that the family's support check has accepted.</summary>
        public abstract void Add(double x, double weight);

        /// <summary>Adds a whole array of unit-weight values (the bulk path).</summary>
        public virtual void AddRange(double[] values)
        {
            foreach (double x in values)
            {
                Add(x, 1.0);
            }
        }

        /// <summary>
        /// The bulk path: adds every value of the array (unit weights) if each lies in
        /// <paramref name="support"/>, else adds nothing and returns false (so the caller can
        /// report the bad values one by one). Accumulators override it to check the support in
        /// the loop that accumulates; this default checks first, then adds.
        /// </summary>
        public virtual bool TryAddRange(double[] values, BulkSupport support)
        {
            for (int i = 0; i < values.Length; i++)
            {
                CancellationCheck.At(i, Cancellation);
                if (!support.Accepts(values[i]))
                {
                    return false;
                }
            }

            AddRange(values);
            return true;
        }
    }
}
