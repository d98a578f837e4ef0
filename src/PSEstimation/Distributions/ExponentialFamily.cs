using System;
using System.Globalization;
using PSEstimation.Models;

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
        }
    }
}
