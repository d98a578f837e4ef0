using System;
using System.Globalization;
using PSEstimation.Models;
using PSEstimation.Numerics;

namespace PSEstimation.Distributions
{
    /// <summary>
    /// Exponential(Rate): f(x) = Rate · exp(-Rate · x) for x >= 0. The MLE is Rate = n / Σx,
    /// in closed form. Streams: keeps n and the running mean of x (the sufficient statistic Σx
    /// as n · mean, which cannot overflow for values near 1e308 the way a plain sum does).
    /// </summary>
    internal sealed class ExponentialFamily : DistributionFamily
    {
        public ExponentialFamily()
            : base(new ExponentialModel())
        {
        }

        public override bool CanFit(double x, double?[] fixedValues) => x >= 0;

        /// <inheritdoc/>
        public override BulkSupport? SupportOnBulkPath(double?[] fixedValues) => BulkSupport.NonNegative;

        public override SampleAccumulator CreateAccumulator() => new Statistics();

        public override double LogLikelihood(SampleAccumulator sample, double[] theta)
        {
            var s = (Statistics)sample;
            return s.TotalWeight * (Math.Log(theta[0]) - theta[0] * s.Mean);
        }

        public override double[] Score(SampleAccumulator sample, double[] theta)
        {
            var s = (Statistics)sample;
            return new[] { s.TotalWeight * (1 / theta[0] - s.Mean) };
        }

        public override double[,] Hessian(SampleAccumulator sample, double[] theta)
        {
            var s = (Statistics)sample;
            return new[,] { { -s.TotalWeight / (theta[0] * theta[0]) } };
        }

        public override double[]? ClosedForm(SampleAccumulator sample, double?[] fixedValues)
        {
            var s = (Statistics)sample;
            if (!(s.Maximum > 0))
            {
                throw new EstimationException(
                    ErrorIds.AllValuesZero,
                    $"All {s.Count} values are 0: the Rate estimate n / Σx would be infinite. Fix the rate with -Fixed @{{ Rate = ... }} or supply positive values.");
            }

            double rate = 1 / s.Mean;
            if (double.IsInfinity(rate) || double.IsNaN(rate))
            {
                throw new EstimationException(
                    ErrorIds.RateOverflow,
                    string.Format(
                        CultureInfo.InvariantCulture,
                        "The mean of the values ({0:R}) is so small that the Rate estimate 1 / mean exceeds the largest double; rescale the data (e.g. multiply by 1e10) and fit again.",
                        s.Mean));
            }

            return new[] { rate };
        }

        /// <summary>Weighted count, mean and maximum of the values.</summary>
        internal sealed class Statistics : SampleAccumulator
        {
            public double Mean { get; private set; }

            public double Maximum { get; private set; } = double.NegativeInfinity;

            public override void Add(double x, double weight)
            {
                double total = TotalWeight + weight;
                Mean += (x - Mean) * (weight / total);
                Maximum = Math.Max(Maximum, x);
                TotalWeight = total;
                Count++;
            }

            public override void AddRange(double[] values)
            {
                double n = TotalWeight, mean = Mean, max = Maximum;
                foreach (double x in values)
                {
                    n += 1;
                    max = x > max ? x : max;
                    mean += (x - mean) / n;
                }

                TotalWeight = n;
                Mean = mean;
                Maximum = max;
                Count += values.Length;
            }

            /// <summary>
            /// The support check, the sum and the maximum in one look, block by block (on every core
            /// for a large array, <see cref="ParallelBlocks"/>), merged into the running mean. A sum
            /// that overflows (values near 1e308) is redone by the running mean of
            /// <see cref="AddRange"/>, which cannot.
            /// </summary>
            public override bool TryAddRange(double[] values, BulkSupport support)
            {
                int count = values.Length;
                if (count == 0)
                {
                    return true;
                }

                var blocks = ParallelBlocks.Map(
                    count,
                    (start, length) => VectorMath.Summarise(values, start, length, support.Lower, support.Upper, support.Integers, 0),
                    Cancellation,
                    ParallelBlocks.SummaryBlockLength);
                bool accepted = true;
                double sum = 0, max = Maximum;
                foreach (var block in blocks)
                {
                    accepted &= block.Accepted;
                    sum += block.SumOfDifferences;
                    max = Math.Max(max, block.Maximum);
                }

                if (!accepted)
                {
                    return false;
                }

                if (double.IsInfinity(sum))
                {
                    AddRange(values);
                    return true;
                }

                double total = TotalWeight + count;
                Mean += (sum / count - Mean) * (count / total);
                Maximum = max;
                TotalWeight = total;
                Count += count;
                return true;
            }
        }
    }
}
