using System;
using PSEstimation.Numerics;

namespace PSEstimation.Distributions
{
    /// <summary>
    /// A sample kept value by value, for families whose likelihood needs every observation
    /// (Weibull, Logistic, Cauchy, Student t, negative binomial, Laplace).
    /// </summary>
    internal sealed class BufferedSample : SampleAccumulator
    {
        // Arrays rather than List<double>: the likelihood passes read them directly, without an
        // indexer call and its bounds check per value. Valid up to Length.
        private double[] values = new double[16];

        // Allocated only when a weight other than 1 arrives, so unweighted input costs one array.
        private double[]? weights;

        public int Length { get; private set; }

        /// <summary>
        /// Passes over the data so far: every read of the first value through <see cref="ValueAt"/>,
        /// and every <see cref="NotePass"/> of a loop that reads <see cref="Values"/> directly. Kept
        /// for CancellationTests, which asserts that a cancelled fit's start makes no pass (nothing
        /// outside the sample can observe that deterministically); it costs one increment per pass
        /// (the branch in ValueAt is taken once per pass and predicted otherwise).
        /// </summary>
        public long Passes { get; private set; }

        /// <summary>The values, read-only by convention, valid up to <see cref="Length"/>: for the likelihood passes.</summary>
        internal double[] Values => values;

        /// <summary>The weights (valid up to <see cref="Length"/>), or null when every weight is 1.</summary>
        internal double[]? Weights => weights;

        /// <summary>The last fused pass over this sample (<see cref="FusedLikelihoodFamily"/>), or null.</summary>
        internal FusedPass? LastPass { get; set; }

        private RelativeLogs? relativeLogs;

        private (double Centre, int Length, double Sum, double Signs)? lastDeviations;

        /// <summary>log(x/max) of every value, computed at the first call and again only if the sample has grown.</summary>
        internal RelativeLogs RelativeLogs()
        {
            var kept = relativeLogs;
            if (kept is not null && kept.Logs.Length == Length)
            {
                return kept;
            }

            Range(out _, out double reference);
            Passes++;
            var logs = new double[Length];
            for (int i = 0; i < logs.Length; i++)
            {
                CancellationCheck.At(i, Cancellation);
                logs[i] = SpecialMath.LogRatio(values[i], reference);
            }

            kept = new RelativeLogs(reference, logs);
            relativeLogs = kept;
            return kept;
        }

        /// <summary>Counts a pass made over <see cref="Values"/> or a copy of them (e.g. their logs) rather than through <see cref="ValueAt"/>.</summary>
        public void NotePass() => Passes++;

        public double ValueAt(int i)
        {
            if (i == 0)
            {
                Passes++;
            }

            return values[i];
        }

        public double WeightAt(int i) => weights is null ? 1.0 : weights[i];

        public bool IsWeighted => weights is not null;

        public override void Add(double x, double weight)
        {
            if (weight != 1.0 && weights is null)
            {
                weights = new double[values.Length];
                for (int i = 0; i < Length; i++)
                {
                    weights[i] = 1.0;
                }
            }

            Reserve(Length + 1);
            values[Length] = x;
            if (weights is not null)
            {
                weights[Length] = weight;
            }

            Length++;
            TotalWeight += weight;
            Count++;
        }

        public override void AddRange(double[] newValues)
        {
            if (weights is not null)
            {
                base.AddRange(newValues);
                return;
            }

            Reserve(Length + newValues.Length);
            for (int from = 0; from < newValues.Length; from += CancellationCheck.Interval)
            {
                // In runs, so that Ctrl+C during the copy of 10^8 values need not wait for it.
                Cancellation.ThrowIfCancellationRequested();
                Array.Copy(newValues, from, values, Length + from, Math.Min(CancellationCheck.Interval, newValues.Length - from));
            }

            Length += newValues.Length;
            TotalWeight += newValues.Length;
            Count += newValues.Length;
        }

        /// <summary>Copies the array a chunk at a time, checking each chunk as it is copied; on a bad value nothing is added.</summary>
        public override bool TryAddRange(double[] newValues, BulkSupport support)
        {
            if (weights is not null)
            {
                return base.TryAddRange(newValues, support);
            }

            // A copy, never the caller's array: a fit keeps its sample (MLEstimate.Problem) for
            // profile and bootstrap intervals asked for later, after the caller may have changed it.
            Reserve(Length + newValues.Length);
            bool accepted = true;
            for (int from = 0; from < newValues.Length && accepted; from += BulkChunk)
            {
                Cancellation.ThrowIfCancellationRequested();
                int length = Math.Min(BulkChunk, newValues.Length - from);
                accepted = VectorMath.Summarise(newValues, from, length, support.Lower, support.Upper, support.Integers, 0).Accepted;
                Array.Copy(newValues, from, values, Length + from, length);
            }

            if (!accepted)
            {
                return false;
            }

            Length += newValues.Length;
            TotalWeight += newValues.Length;
            Count += newValues.Length;
            return true;
        }

        /// <summary>
        /// A stratified subsample of <paramref name="size"/> values, with their weights (see
        /// <see cref="StratifiedPositions"/>). For a starting point only (a fit on it is refined on
        /// every value).
        /// </summary>
        public BufferedSample Subsample(int size)
        {
            var subsample = new BufferedSample();
            subsample.Reserve(size);
            var positions = new StratifiedPositions(Length, size);
            for (int j = 0; j < size; j++)
            {
                int i = positions.Next();
                subsample.Add(values[i], WeightAt(i));
            }

            return subsample;
        }

        /// <summary>The smallest and largest value, in one pass.</summary>
        public void Range(out double min, out double max)
        {
            min = double.PositiveInfinity;
            max = double.NegativeInfinity;
            Passes++;
            for (int i = 0; i < Length; i++)
            {
                CancellationCheck.At(i, Cancellation);
                double x = values[i];
                min = Math.Min(min, x);
                max = Math.Max(max, x);
            }
        }

        /// <summary>Σ wᵢ f(xᵢ).</summary>
        public double WeightedSum(Func<double, double> f)
        {
            double sum = 0;
            for (int i = 0; i < Length; i++)
            {
                CancellationCheck.At(i, Cancellation);
                sum += WeightAt(i) * f(values[i]);
            }

            return sum;
        }

        /// <summary>
        /// Σ wᵢ|xᵢ - centre|, and in <paramref name="sumOfSigns"/> Σ wᵢ sign(xᵢ - centre), in one
        /// pass; kept for the last centre (a Laplace fit asks at its estimate for the scale, the
        /// log-likelihood and the score), until the sample grows.
        /// </summary>
        public double SumOfAbsoluteDeviations(double centre, out double sumOfSigns)
        {
            if (lastDeviations is { } kept && kept.Centre.Equals(centre) && kept.Length == Length)
            {
                sumOfSigns = kept.Signs;
                return kept.Sum;
            }

            Passes++;
            double sum = 0, signs = 0;
            for (int from = 0; from < Length; from += BulkChunk)
            {
                Cancellation.ThrowIfCancellationRequested();
                int length = Math.Min(BulkChunk, Length - from);
                if (weights is null)
                {
                    sum += VectorMath.SumOfAbsoluteDeviations(values, from, length, centre, out double chunkSigns);
                    signs += chunkSigns;
                    continue;
                }

                for (int i = from; i < from + length; i++)
                {
                    double d = values[i] - centre;
                    sum += weights[i] * Math.Abs(d);
                    signs += d > 0 ? weights[i] : d < 0 ? -weights[i] : 0;
                }
            }

            sumOfSigns = signs;
            lastDeviations = (centre, Length, sum, signs);
            return sum;
        }

        /// <summary>The weighted median (the lower of the two middle values breaks no ties: their midpoint is taken, as R's median).</summary>
        public double Median() => WeightedQuantile(0.5);

        /// <summary>
        /// A weighted quantile with the convention of R's type 2 for unit weights: where the
        /// cumulative weight lands exactly on p·n, the midpoint of the two neighbours.
        /// </summary>
        public double WeightedQuantile(double p)
        {
            int n = Length;
            if (weights is null && n > 0)
            {
                return UnweightedQuantile(p);
            }

            var order = new int[n];
            for (int i = 0; i < n; i++)
            {
                order[i] = i;
            }

            var keys = new double[n];
            Array.Copy(values, keys, n);
            CancellableSort.Sort(keys, order, Cancellation);
            double target = p * TotalWeight;
            double cumulative = 0;
            for (int k = 0; k < n; k++)
            {
                CancellationCheck.At(k, Cancellation);
                cumulative += WeightAt(order[k]);
                if (Math.Abs(cumulative - target) <= 1e-12 * TotalWeight && k + 1 < n)
                {
                    return 0.5 * keys[k] + 0.5 * keys[k + 1];
                }

                if (cumulative > target)
                {
                    return keys[k];
                }
            }

            return keys[n - 1];
        }

        /// <summary>
        /// <see cref="WeightedQuantile"/> for unit weights, by selection instead of a sort: the
        /// cumulative weight after the k-th smallest value is k + 1 exactly, so the rule picks its
        /// order statistic (or the midpoint of two neighbours) without the values, and the result
        /// is the same double the sort gives.
        /// </summary>
        private double UnweightedQuantile(double p)
        {
            int n = Length;
            double target = p * TotalWeight;
            // Below floor(target) - 2 neither test can hold (n < 2^31, so 1e-12·n < 1): start there.
            int k = (int)Math.Max(0, Math.Min(n, Math.Floor(target) - 2));
            bool midpoint = false;
            for (; k < n; k++)
            {
                double cumulative = k + 1;
                if (Math.Abs(cumulative - target) <= 1e-12 * TotalWeight && k + 1 < n)
                {
                    midpoint = true;
                    break;
                }

                if (cumulative > target)
                {
                    break;
                }
            }

            if (k == n)
            {
                k = n - 1;
            }

            double lower = BandSelect.Select(values, n, k, midpoint, out double upper, Cancellation);
            return midpoint ? 0.5 * lower + 0.5 * upper : lower;
        }

        private void Reserve(int needed)
        {
            if (needed <= values.Length)
            {
                return;
            }

            int capacity = Math.Max(needed, values.Length <= int.MaxValue / 2 ? values.Length * 2 : int.MaxValue);
#if NET8_0_OR_GREATER
            // Every element up to Length is written before it is read: zeroing 8 MB first is waste.
            var grown = GC.AllocateUninitializedArray<double>(capacity);
#else
            var grown = new double[capacity];
#endif
            Array.Copy(values, grown, Length);
            values = grown;
            if (weights is not null)
            {
                Array.Resize(ref weights, capacity);
            }
        }
    }
}
