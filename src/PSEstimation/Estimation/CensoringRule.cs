using System;
using System.Globalization;
using PSEstimation.Distributions;
using PSEstimation.Models;

namespace PSEstimation.Estimation
{
    /// <summary>
    /// How input becomes censored observations for one family: the limits of -CensoredAbove (a
    /// value at or above it is only known to be at least it) and -CensoredBelow (at or below: at
    /// most it), checked against the support once; the interval form's bounds checked per
    /// observation; and for a discrete family the bounds moved onto its (lower, upper] convention,
    /// so that "a count of at least k" is P(X &gt;= k) = S(k - 1). Plain C#: the fitting cmdlets,
    /// Measure-NegativeLogLikelihood and Compare-Distribution share it.
    /// </summary>
    internal sealed class CensoringRule
    {
        private readonly (double Lower, double Upper)? support;

        private CensoringRule(DistributionFamily family, double? above, double? below, (double Lower, double Upper)? support)
        {
            Family = family;
            Above = above;
            Below = below;
            this.support = support;
            IsDiscrete = family.IsDiscrete;
        }

        public DistributionFamily Family { get; }

        /// <summary>-CensoredAbove, or null.</summary>
        public double? Above { get; }

        /// <summary>-CensoredBelow, or null.</summary>
        public double? Below { get; }

        /// <summary>Whether the family is discrete (bounds are integers, "at least k" includes k).</summary>
        public bool IsDiscrete { get; }

        /// <summary>
        /// The rule for <paramref name="family"/>; throws <see cref="EstimationException"/> for limits
        /// that are not finite, that overlap (CensoredBelow at or above CensoredAbove), or that lie
        /// outside the support (every value, or none, could be censored there: nothing to learn).
        /// </summary>
        public static CensoringRule Create(DistributionFamily family, double?[] fixedValues, double? above, double? below)
        {
            foreach (var (name, limit) in new[] { ("CensoredAbove", above), ("CensoredBelow", below) })
            {
                if (limit is double l && (double.IsNaN(l) || double.IsInfinity(l)))
                {
                    throw new EstimationException(ErrorIds.InvalidCensoring, $"-{name} must be a finite number; got {l.ToString("R", CultureInfo.InvariantCulture)}.");
                }
            }

            if (above is double a && below is double b && !(b < a))
            {
                throw new EstimationException(
                    ErrorIds.InvalidCensoring,
                    $"-CensoredBelow ({Format(b)}) must be below -CensoredAbove ({Format(a)}): a value between them would be censored both ways.");
            }

            var support = CensoredSupport.Bounds(family, fixedValues);
            if (support is (double lo, double hi))
            {
                foreach (var (name, limit) in new[] { ("CensoredAbove", above), ("CensoredBelow", below) })
                {
                    if (limit is double c && !(c > lo && c < hi) && !(family.IsDiscrete && name == "CensoredBelow" && c >= lo && c < hi))
                    {
                        throw new EstimationException(
                            ErrorIds.CensoringOutsideSupport,
                            $"-{name} {Format(c)} is outside the support of {family.Name} ({family.SupportDescription}): every value or none would be censored there, so it says nothing. Give a limit inside the support.");
                    }
                }
            }

            return new CensoringRule(family, above, below, support);
        }

        /// <summary>Whether -CensoredAbove or -CensoredBelow censors <paramref name="x"/>, and as what.</summary>
        public bool TryCensor(double x, double weight, out Observation observation)
        {
            if (Above is double above && x >= above)
            {
                observation = AtLeastAbove(weight);
                return true;
            }

            if (Below is double below && x <= below)
            {
                observation = AtMostBelow(weight);
                return true;
            }

            observation = default;
            return false;
        }

        /// <summary>
        /// The bulk form of <see cref="TryCensor"/> for unit-weight values: how many each limit
        /// censors, whether -CensoredAbove censored the first of them (the order one-by-one
        /// adding would meet them in), and the exact values apart (<paramref name="values"/>
        /// itself when none is censored). False, with nothing split, when a value is not finite.
        /// Compiled fully optimised at its first call (a cmdlet calls it once, on 10^6 values).
        /// </summary>
#if NET8_0_OR_GREATER
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
#endif
        public bool TrySplit(double[] values, out double[] exact, out int atLeast, out int atMost, out bool aboveFirst)
        {
            double above = Above ?? double.PositiveInfinity, below = Below ?? double.NegativeInfinity;
            atLeast = 0;
            atMost = 0;
            aboveFirst = true;
            exact = values;
            foreach (double x in values)
            {
                if (double.IsNaN(x) || double.IsInfinity(x))
                {
                    return false;
                }

                if (x >= above)
                {
                    atLeast++;
                }
                else if (x <= below)
                {
                    aboveFirst &= atLeast > 0 || atMost > 0;
                    atMost++;
                }
            }

            if (atLeast + atMost > 0)
            {
                exact = new double[values.Length - atLeast - atMost];
                int k = 0;
                foreach (double x in values)
                {
                    if (x < above && x > below)
                    {
                        exact[k++] = x;
                    }
                }
            }

            return true;
        }

        /// <summary>What -CensoredAbove makes of values at or above it: "at least Above", with their summed weight.</summary>
        public Observation AtLeastAbove(double weight) => Normalize(Observation.AtLeast(Above!.Value, weight));

        /// <summary>What -CensoredBelow makes of values at or below it: "at most Below", with their summed weight.</summary>
        public Observation AtMostBelow(double weight) => Observation.AtMost(Below!.Value, weight);

        /// <summary>
        /// The interval form's observation (lower &lt; upper, infinite for an empty bound) in the
        /// model's (lower, upper] convention, or null with a reason when it lies outside the support.
        /// </summary>
        public Observation? FromBounds(double lower, double upper, double weight, out string? outside)
        {
            var observation = Normalize(new Observation(lower, upper, weight));
            outside = null;
            bool meets = support is (double, double) s ? CensoredSupport.Meets(observation, s, IsDiscrete) : true;
            if (IsDiscrete && meets && observation.Kind == ObservationKind.IntervalCensored && Math.Floor(observation.Upper) <= observation.Lower)
            {
                meets = false; // no integer inside [lower, upper]
            }

            if (!meets)
            {
                outside = $"the interval [{Format(lower)}, {Format(upper)}] lies outside the support of {Family.Name} ({Family.SupportDescription})";
                return null;
            }

            return observation;
        }

        /// <summary>Moves a discrete family's lower bound l to ceil(l) - 1, so that (l', u] holds the integers of [l, u].</summary>
        private Observation Normalize(Observation observation)
        {
            if (!IsDiscrete || double.IsNegativeInfinity(observation.Lower) || observation.Kind == ObservationKind.Exact)
            {
                return observation;
            }

            return new Observation(Math.Ceiling(observation.Lower) - 1, observation.Upper, observation.Weight);
        }

        private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
