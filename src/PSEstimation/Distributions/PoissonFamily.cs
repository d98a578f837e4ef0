using System;
using MathNet.Numerics;
using PSEstimation.Models;
using PSEstimation.Numerics;

namespace PSEstimation.Distributions
{
    /// <summary>
    /// Poisson(Lambda) on 0, 1, 2, ...: log f(x) = x log λ - λ - log x!.
    /// Streams its sufficient statistics; the MLE is the sample mean. An all-zero sample gives
    /// Lambda = 0, a legitimate MLE on the boundary with log-likelihood 0 and no standard error.
    /// </summary>
    /// <remarks>
    /// The log-likelihood is kept in the form Σ x log(λ/x) + Σx - nλ - Σ [½ log(2πx) + σ(x)]
    /// (σ is Stirling's error), with Σ x log(x/c) stored about the largest value c: for huge
    /// counts (1e9) the naive Σ x log λ - nλ - Σ log x! subtracts numbers near 2e10 to get one
    /// near -11 and loses seven digits; this form keeps them.
    /// </remarks>
    internal sealed class PoissonFamily : DistributionFamily
    {
        public PoissonFamily()
            : base(new PoissonModel())
        {
        }

        public override bool CanFit(double x, double?[] fixedValues) => Counts.IsCount(x);

        /// <inheritdoc/>
        public override BulkSupport? SupportOnBulkPath(double?[] fixedValues) => BulkSupport.Counts;

        public override SampleAccumulator CreateAccumulator() => new Statistics();

        public override double LogLikelihood(SampleAccumulator sample, double[] theta)
        {
            var s = (Statistics)sample;
            double lambda = theta[0];
            if (s.Sum == 0)
            {
                return 0 - s.TotalWeight * lambda; // not -n·λ: at λ = 0 that is -0, shown as "-0"
            }

            if (!(lambda > 0))
            {
                return double.NegativeInfinity;
            }

            double c = s.Reference;
            return s.Sum * SpecialFunctions.Log1p((lambda - c) / c) - s.SumXLogXOverReference
                + SumMinusProduct(s.Sum, s.TotalWeight, lambda) - s.SumStirling;
        }

        public override double[] Score(SampleAccumulator sample, double[] theta)
        {
            var s = (Statistics)sample;
            return new[] { Counts.Ratio(s.Sum, theta[0]) - s.TotalWeight };
        }

        public override double[,] Hessian(SampleAccumulator sample, double[] theta)
        {
            var s = (Statistics)sample;
            return new[,] { { -Counts.Ratio(Counts.Ratio(s.Sum, theta[0]), theta[0]) } };
        }

        public override double[]? ClosedForm(SampleAccumulator sample, double?[] fixedValues)
        {
            var s = (Statistics)sample;
            Counts.CheckSum(s.Sum, Name);
            return new[] { s.Sum / s.TotalWeight };
        }

        public override NonRegularCovariance? NonRegularCovariance(SampleAccumulator sample, double[] theta, double?[] fixedValues)
            => fixedValues[0] is null && theta[0] == 0 ? Counts.Boundary("Lambda", "0 (every value is 0)") : null;

        /// <summary>
        /// a - n·λ with the product formed exactly (Dekker's two-product), so that at the MLE
        /// (n·λ ≈ a) the difference is not just the rounding error of a product near 1e10.
        /// </summary>
        private static double SumMinusProduct(double a, double n, double lambda)
        {
            double product = n * lambda;
            if (double.IsInfinity(product) || Math.Abs(product) > 1e290)
            {
                return a - product;
            }

            Split(n, out double nHigh, out double nLow);
            Split(lambda, out double lHigh, out double lLow);
            double error = ((nHigh * lHigh - product) + nHigh * lLow + nLow * lHigh) + nLow * lLow;
            return (a - product) - error;
        }

        private static void Split(double a, out double high, out double low)
        {
            double c = 134217729.0 * a;
            high = c - (c - a);
            low = a - high;
        }

        /// <summary>
        /// n, Σ w x, Σ w x log(x/c) about the largest value c, and Σ w [log x! - x log x + x]
        /// = Σ w [½ log(2πx) + σ(x)] (0 for x = 0).
        /// </summary>
        internal sealed class Statistics : SampleAccumulator
        {
            /// <summary>
            /// ½ log(2πx) + σ(x) for the counts below 1024, computed once by the same expression
            /// as for larger counts (so the sums are the same to the bit): two logarithms per piped
            /// value were most of a Poisson fit's cost on top of the pipeline's own.
            /// </summary>
            private static readonly double[] SmallCountTerms = CountTerms(1024);

            public double Sum { get; private set; }

            /// <summary>c: the largest value seen (0 until a positive one).</summary>
            public double Reference { get; private set; }

            public double SumXLogXOverReference { get; private set; }

            public double SumStirling { get; private set; }

            public override void Add(double x, double weight)
            {
                TotalWeight += weight;
                Count++;
                if (x == 0)
                {
                    return;
                }

                if (Reference == 0)
                {
                    Reference = x;
                }
                else if (x > Reference)
                {
                    // Keep c at the largest value: Σ x log(x/c) = Σ x log(x/c_old) - Σx log(c/c_old),
                    // and every term x log(x/c) ≤ 0 stays within the double range. With c at the
                    // first value, one count near 1e308 after small ones gave x log(x/c) = +Infinity,
                    // Sum·log(λ/c) = +Infinity too, and a NaN log-likelihood.
                    SumXLogXOverReference -= Sum * SpecialFunctions.Log1p((x - Reference) / Reference);
                    Reference = x;
                }

                Sum += weight * x;
                SumXLogXOverReference += weight * x * SpecialFunctions.Log1p((x - Reference) / Reference);
                SumStirling += weight * (x < SmallCountTerms.Length ? SmallCountTerms[(int)x] : CountTerm(x));
            }

            /// <summary>
            /// The support check, Σx, the Stirling terms and the largest value; then Σ x log(x/c)
            /// about c, the larger of that value and the reference so far (the sum so far moved to
            /// it first, as <see cref="Add"/> does when a larger value arrives); each block by block
            /// (on every core for a large array, <see cref="ParallelBlocks"/>).
            /// </summary>
            public override bool TryAddRange(double[] values, BulkSupport support)
            {
                int count = values.Length;
                bool accepted = true;
                double sum = 0, stirling = 0, largest = 0;
                foreach (var block in ParallelBlocks.Map(count, (start, length) => CountBlock(values, start, length, support), Cancellation))
                {
                    accepted &= block.Range.Accepted;
                    sum += block.Range.SumOfDifferences;
                    largest = Math.Max(largest, block.Range.Maximum);
                    stirling += block.Stirling;
                }

                if (!accepted)
                {
                    return false;
                }

                TotalWeight += count;
                Count += count;
                if (largest == 0)
                {
                    return true;
                }

                if (Reference == 0)
                {
                    Reference = largest;
                }
                else if (largest > Reference)
                {
                    SumXLogXOverReference -= Sum * SpecialFunctions.Log1p((largest - Reference) / Reference);
                    Reference = largest;
                }

                // Σ x·log(x/c) about the reference, block by block.
                double c = Reference, xLogX = 0;
                foreach (double block in ParallelBlocks.Map(count, (start, length) => XLogXBlock(values, start, length, c), Cancellation))
                {
                    xLogX += block;
                }

                Sum += sum;
                SumXLogXOverReference += xLogX;
                SumStirling += stirling;
                return true;
            }

            /// <summary>One block's support check, Σx and largest value (SIMD on net8.0), and its Stirling terms.</summary>
            private static (RangeSummary Range, double Stirling) CountBlock(double[] values, int start, int length, BulkSupport support)
            {
                var range = VectorMath.Summarise(values, start, length, support.Lower, support.Upper, support.Integers, 0);
                double stirling = 0;
                if (range.Accepted)
                {
                    for (int i = start; i < start + length; i++)
                    {
                        double x = values[i];
                        stirling += x < SmallCountTerms.Length ? SmallCountTerms[(int)x] : CountTerm(x);
                    }
                }

                return (range, stirling);
            }

            /// <summary>
            /// One block's Σ x·log(x/c), the logs a chunk at a time in VectorMath (SIMD on net8.0,
            /// <see cref="VectorMath.SumOfLogRatios"/>). A zero count adds nothing: it is read as c
            /// (a log of 0 times 0), since a lane without a log would send its whole vector to the
            /// scalar loop.
            /// </summary>
            private static double XLogXBlock(double[] values, int start, int length, double c)
            {
                var counts = new double[Math.Min(length, BulkChunk)];
                var logs = new double[counts.Length];
                double xLogX = 0;
                for (int from = start; from < start + length; from += BulkChunk)
                {
                    int chunkLength = Math.Min(BulkChunk, start + length - from);
                    for (int i = 0; i < chunkLength; i++)
                    {
                        double x = values[from + i];
                        counts[i] = x == 0 ? c : x;
                    }

                    VectorMath.SumOfLogRatios(counts, 0, chunkLength, c, logs);
                    for (int i = 0; i < chunkLength; i++)
                    {
                        xLogX += values[from + i] * logs[i];
                    }
                }

                return xLogX;
            }

            private static double CountTerm(double x) => 0.5 * Math.Log(2 * Math.PI * x) + Counts.Stirlerr(x);

            private static double[] CountTerms(int size)
            {
                var terms = new double[size];
                for (int x = 1; x < size; x++)
                {
                    terms[x] = CountTerm(x);
                }

                return terms;
            }
        }
    }
}
