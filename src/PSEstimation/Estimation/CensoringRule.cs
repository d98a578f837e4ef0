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
                observation = Normalize(Observation.AtLeast(above, weight));
                return true;
            }

            if (Below is double below && x <= below)
            {
                observation = Observation.AtMost(below, weight);
                return true;
            }

            observation = default;
            return false;
        }

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
