using System;
using System.Globalization;
using PSEstimation.Models;

namespace PSEstimation.Distributions
{
    /// <summary>
    /// Uniform(Lower, Upper): f(x) = 1 / (Upper - Lower) for Lower &lt;= x &lt;= Upper. The MLE is
    /// Lower = min x, Upper = max x, in closed form; both sit on the boundary of the support,
    /// so the model is non-regular: no Fisher information, no standard errors, no Wald intervals.
    /// Streams: keeps n, the minimum and the maximum.
    /// The width is taken as 2 · (Upper/2 - Lower/2) where Upper - Lower would overflow
    /// (bounds of opposite sign near 1e308).
    /// </summary>
    internal sealed class UniformFamily : DistributionFamily
    {
        public UniformFamily()
            : base(new UniformModel())
        {
        }

        /// <summary>
        /// Any real value (the bounds follow the data); with a fixed bound, only values on its
        /// side of it, and nothing when both bounds are fixed and Lower is not below Upper.
        /// </summary>
        public override bool CanFit(double x, double?[] fixedValues)
        {
            if (fixedValues[0] is double lower && fixedValues[1] is double upper && !(lower < upper))
            {
                return false;
            }

            return (fixedValues[0] is not double a || x >= a) && (fixedValues[1] is not double b || x <= b);
        }

        /// <inheritdoc/>
        public override BulkSupport? SupportOnBulkPath(double?[] fixedValues)
            => fixedValues[0] is double lower && fixedValues[1] is double upper && !(lower < upper)
                ? null
                : new BulkSupport(fixedValues[0] ?? -double.MaxValue, fixedValues[1] ?? double.MaxValue);

        /// <summary>Both bounds move the support; their MLEs (min and max) do not depend on each other.</summary>
        public override bool IsSmoothIn(int parameterIndex) => false;

        public override SampleAccumulator CreateAccumulator() => new Statistics();

        public override double LogLikelihood(SampleAccumulator sample, double[] theta)
        {
            var s = (Statistics)sample;
            return Covers(s, theta) ? -s.TotalWeight * LogWidth(theta) : double.NegativeInfinity;
        }

        public override double[] Score(SampleAccumulator sample, double[] theta)
        {
            var s = (Statistics)sample;
            if (!Covers(s, theta))
            {
                return new[] { double.NaN, double.NaN };
            }

            double g = s.TotalWeight * InverseWidth(theta);
            return new[] { g, -g };
        }

        public override double[,] Hessian(SampleAccumulator sample, double[] theta)
        {
            var s = (Statistics)sample;
            if (!Covers(s, theta))
            {
                return new[,] { { double.NaN, double.NaN }, { double.NaN, double.NaN } };
            }

            double inverseWidth = InverseWidth(theta);
            double h = s.TotalWeight * inverseWidth * inverseWidth;
            return new[,] { { h, -h }, { -h, h } };
        }

        public override double[]? ClosedForm(SampleAccumulator sample, double?[] fixedValues)
        {
            var s = (Statistics)sample;
            double lower = fixedValues[0] ?? s.Minimum;
            double upper = fixedValues[1] ?? s.Maximum;
            if (!(lower < upper))
            {
                string what = fixedValues[0] is null && fixedValues[1] is null
                    ? $"All {s.Count} values are equal ({lower.ToString("R", CultureInfo.InvariantCulture)})"
                    : $"All {s.Count} values equal the fixed bound {(fixedValues[0] ?? fixedValues[1] ?? lower).ToString("R", CultureInfo.InvariantCulture)}";
                throw new EstimationException(
                    ErrorIds.ZeroVariance,
                    what + ": the estimate Upper - Lower would be 0, where the Uniform likelihood is unbounded. Supply values that differ, or fix both bounds with -Fixed @{ Lower = ...; Upper = ... }.");
            }

            return new[] { lower, upper };
        }

        /// <summary>NaN wherever a bound is estimated: the MLE is on the boundary of the support and no Wald interval exists.</summary>
        public override NonRegularCovariance? NonRegularCovariance(SampleAccumulator sample, double[] theta, double?[] fixedValues)
        {
            if (fixedValues[0] is not null && fixedValues[1] is not null)
            {
                return null;
            }

            var covariance = new double[2, 2];
            for (int i = 0; i < 2; i++)
            {
                for (int j = 0; j < 2; j++)
                {
                    covariance[i, j] = fixedValues[i] is null && fixedValues[j] is null ? double.NaN : 0;
                }
            }

            return new NonRegularCovariance(
                covariance,
                "the estimated bounds are the sample minimum and maximum, on the boundary of the support (non-regular): there is no Fisher information, so no standard error or Wald interval exists");
        }

        private static bool Covers(Statistics s, double[] theta)
            => theta[0] < theta[1] && s.Minimum >= theta[0] && s.Maximum <= theta[1];

        private static double LogWidth(double[] theta) => UniformModel.LogWidth(theta);

        private static double InverseWidth(double[] theta) => UniformModel.InverseWidth(theta);

        /// <summary>Weighted count, minimum and maximum.</summary>
        internal sealed class Statistics : SampleAccumulator
        {
            public double Minimum { get; private set; } = double.PositiveInfinity;

            public double Maximum { get; private set; } = double.NegativeInfinity;

            public override void Add(double x, double weight)
            {
                Minimum = Math.Min(Minimum, x);
                Maximum = Math.Max(Maximum, x);
                TotalWeight += weight;
                Count++;
            }

            /// <summary>The support check with the minimum and maximum in one loop.</summary>
            public override bool TryAddRange(double[] values, BulkSupport support)
            {
                bool accepted = true;
                double min = Minimum, max = Maximum;
                for (int i = 0; i < values.Length; i++)
                {
                    CancellationCheck.At(i, Cancellation);
                    double x = values[i];
                    accepted &= support.Accepts(x);
                    min = x < min ? x : min;
                    max = x > max ? x : max;
                }

                if (!accepted)
                {
                    return false;
                }

                Minimum = min;
                Maximum = max;
                TotalWeight += values.Length;
                Count += values.Length;
                return true;
            }

            public override void AddRange(double[] values)
            {
                double min = Minimum, max = Maximum;
                foreach (double x in values)
                {
                    min = x < min ? x : min;
                    max = x > max ? x : max;
                }

                Minimum = min;
                Maximum = max;
                TotalWeight += values.Length;
                Count += values.Length;
            }
        }
    }
}
