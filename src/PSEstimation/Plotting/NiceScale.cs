using System;
using System.Globalization;

namespace PSEstimation.Plotting
{
    /// <summary>
    /// Axis ranges and ticks at round numbers (1, 2 or 5 times a power of ten), after Heckbert's
    /// "Nice numbers for graph labels" (Graphics Gems, 1990): the axis runs from a tick below the
    /// data to a tick above it, and the labels carry just the digits the tick step needs.
    /// </summary>
    internal sealed class NiceScale
    {
        private NiceScale(double minimum, double maximum, double step)
        {
            Minimum = minimum;
            Maximum = maximum;
            Step = step;
        }

        public double Minimum { get; }

        public double Maximum { get; }

        public double Step { get; }

        /// <summary>The multiples of <see cref="Step"/> from <see cref="Minimum"/> to <see cref="Maximum"/>.</summary>
        public double[] Ticks
        {
            get
            {
                double first = Math.Ceiling((Minimum / Step) - 1e-9), last = Math.Floor((Maximum / Step) + 1e-9);
                int count = Math.Max(0, (int)(last - first) + 1);
                var ticks = new double[count];
                for (int i = 0; i < count; i++)
                {
                    // Multiples of the step, so that 0.1·3 prints as 0.3, not 0.30000000000000004.
                    ticks[i] = (first + i) * Step;
                }

                return ticks;
            }
        }

        /// <summary>
        /// A scale from exactly <paramref name="low"/> to <paramref name="high"/> with ticks at
        /// whole numbers inside it (bars of counts centred on integers).
        /// </summary>
        public static NiceScale Integers(double low, double high, int tickCount)
        {
            var nice = Cover(low, high, tickCount);
            return new NiceScale(low, high, Math.Max(1, Math.Round(nice.Step)));
        }

        /// <summary>A scale covering [<paramref name="low"/>, <paramref name="high"/>] with about <paramref name="tickCount"/> ticks.</summary>
        public static NiceScale Cover(double low, double high, int tickCount)
        {
            if (!(low <= high) || double.IsInfinity(low) || double.IsInfinity(high))
            {
                low = 0;
                high = 1;
            }

            if (high - low < Math.Max(Math.Abs(high), Math.Abs(low)) * 1e-12 || high == low)
            {
                // A single value: give it a unit-sized neighbourhood on its own scale.
                double half = low == 0 ? 1 : Math.Abs(low) * 0.1;
                low -= half;
                high += half;
            }

            tickCount = Math.Max(2, tickCount);
            double step = Nice((high - low) / (tickCount - 1), round: true);
            double minimum = Math.Floor(low / step + 1e-9) * step;
            double maximum = Math.Ceiling(high / step - 1e-9) * step;
            return new NiceScale(minimum, maximum, step);
        }

        /// <summary>A tick's label: fixed notation with the step's decimals, or exponent notation for very large or small numbers.</summary>
        public string Label(double value)
        {
            if (Math.Abs(value) < Step * 1e-9)
            {
                value = 0;
            }

            double magnitude = Math.Max(Math.Abs(Minimum), Math.Abs(Maximum));
            if (magnitude >= 1e6 || Step < 1e-4)
            {
                return value == 0 ? "0" : value.ToString("0.###e0", CultureInfo.InvariantCulture);
            }

            int decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(Step) + 1e-9));
            return value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }

        /// <summary>A nice number near <paramref name="x"/>: rounded to the nearest, or the next above.</summary>
        private static double Nice(double x, bool round)
        {
            double exponent = Math.Floor(Math.Log10(x));
            double power = Math.Pow(10, exponent);
            double fraction = x / power;
            double nice = round
                ? (fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10)
                : (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10);
            return nice * power;
        }
    }
}
