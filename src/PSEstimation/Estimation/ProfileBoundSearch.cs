using System;

namespace PSEstimation.Estimation
{
    /// <summary>How one side of a profile interval ended.</summary>
    internal enum ProfileBoundKind
    {
        /// <summary>The drop reached the critical value: a root was found.</summary>
        Found,

        /// <summary>The drop stayed below the critical value out to the edge of the parameter space: the side is unbounded.</summary>
        Unbounded,

        /// <summary>A re-fit failed before the drop reached the critical value: no bound is reported.</summary>
        Failed,
    }

    /// <summary>One side of a profile interval, on the unconstrained scale it was searched on.</summary>
    internal readonly struct ProfileBound
    {
        public ProfileBound(ProfileBoundKind kind, double eta, int evaluations)
        {
            Kind = kind;
            Eta = eta;
            Evaluations = evaluations;
        }

        public ProfileBoundKind Kind { get; }

        /// <summary>The root (Found), or the last point the search reached (Unbounded, Failed).</summary>
        public double Eta { get; }

        /// <summary>How many profile values the search evaluated.</summary>
        public int Evaluations { get; }
    }

    /// <summary>
    /// The safeguarded root search behind every profile interval: from the estimate, steps that
    /// double outward until twice the drop in the profile log-likelihood exceeds the critical
    /// value (a bracket) or the parameter space ends (unbounded); then the Illinois variant of
    /// regula falsi (Dowell and Jarratt 1971) on the bracket, with a bisection whenever the
    /// bracket fails to halve over two steps or an end is infinite, so it converges like the
    /// secant method on a smooth profile and never worse than bisection on a rough one.
    /// </summary>
    internal static class ProfileBoundSearch
    {
        private const int MaxDoublings = 60;
        private const int MaxRefinements = 200;
        private const double FarAway = 30;

        /// <summary>
        /// The point on side <paramref name="direction"/> (+1 or -1) of <paramref name="etaHat"/>
        /// where <paramref name="drop"/> (twice the drop of the profile log-likelihood; NaN when a
        /// re-fit failed, +Infinity where the likelihood is 0) equals <paramref name="critical"/>.
        /// <paramref name="isUsable"/> says whether a point is still inside the parameter space
        /// (a log-scale parameter whose value overflowed or underflowed is not).
        /// </summary>
        public static ProfileBound Find(Func<double, double> drop, double etaHat, double initialStep, int direction, double critical, Func<double, bool> isUsable, double maxDistance = double.PositiveInfinity)
        {
            double step = initialStep > 0 && !double.IsInfinity(initialStep) ? initialStep : 0.1;
            double inner = etaHat, innerValue = -critical;
            double outer = double.NaN, outerValue = double.NaN;
            int evaluations = 0;
            bool bracketed = false;
            for (int k = 0; k < MaxDoublings; k++)
            {
                double distance = step * Math.Pow(2, k);
                if (distance > maxDistance)
                {
                    return new ProfileBound(ProfileBoundKind.Unbounded, inner, evaluations);
                }

                double eta = etaHat + direction * distance;
                if (!isUsable(eta))
                {
                    return new ProfileBound(ProfileBoundKind.Unbounded, inner, evaluations);
                }

                double value = drop(eta) - critical;
                evaluations++;
                if (double.IsNaN(value))
                {
                    // A re-fit failed: close in on where, between the last good point and this one.
                    double good = inner, bad = eta;
                    for (int r = 0; r < 40 && !bracketed; r++)
                    {
                        double mid = (good + bad) / 2;
                        double midValue = drop(mid) - critical;
                        evaluations++;
                        if (double.IsNaN(midValue))
                        {
                            bad = mid;
                        }
                        else if (midValue > 0)
                        {
                            outer = mid;
                            outerValue = midValue;
                            bracketed = true;
                        }
                        else
                        {
                            good = inner = mid;
                            innerValue = midValue;
                        }
                    }

                    if (bracketed)
                    {
                        break;
                    }

                    // Failing e^30 (10^13) times the estimate away, or where the profile is still flat at its
                    // maximum (an estimate at a family's cap, StudentT's DegreesOfFreedom at 1e20): unbounded
                    // for any purpose. Otherwise the side is unknown.
                    bool flat = innerValue + critical < 1e-6 * critical;
                    return new ProfileBound(Math.Abs(bad - etaHat) > FarAway || flat ? ProfileBoundKind.Unbounded : ProfileBoundKind.Failed, inner, evaluations);
                }

                if (value > 0)
                {
                    outer = eta;
                    outerValue = value;
                    bracketed = true;
                    break;
                }

                inner = eta;
                innerValue = value;
            }

            if (!bracketed)
            {
                return new ProfileBound(ProfileBoundKind.Unbounded, inner, evaluations);
            }

            // Illinois on [inner (value < 0), outer (value > 0)].
            int side = 0;
            double lastWidth = Math.Abs(outer - inner);
            for (int i = 0; i < MaxRefinements; i++)
            {
                double width = Math.Abs(outer - inner);
                if (width <= 1e-13 * Math.Max(1.0, Math.Abs(inner)))
                {
                    break;
                }

                double candidate;
                bool bisect = double.IsInfinity(outerValue) || (i % 2 == 0 && i > 0 && width > 0.5 * lastWidth);
                if (i % 2 == 0)
                {
                    lastWidth = width;
                }

                candidate = bisect ? (inner + outer) / 2 : outer - outerValue * (outer - inner) / (outerValue - innerValue);
                if (!(candidate > Math.Min(inner, outer) && candidate < Math.Max(inner, outer)))
                {
                    candidate = (inner + outer) / 2;
                }

                double value = drop(candidate) - critical;
                evaluations++;
                if (double.IsNaN(value))
                {
                    // A failed re-fit inside the bracket: treat it as beyond the bound, which keeps the bracket valid.
                    value = double.PositiveInfinity;
                }

                if (value == 0)
                {
                    return new ProfileBound(ProfileBoundKind.Found, candidate, evaluations);
                }

                if (value < 0)
                {
                    inner = candidate;
                    innerValue = value;
                    if (side == -1 && !double.IsInfinity(outerValue))
                    {
                        outerValue /= 2;
                    }

                    side = -1;
                }
                else
                {
                    outer = candidate;
                    outerValue = value;
                    if (side == +1)
                    {
                        innerValue /= 2;
                    }

                    side = +1;
                }
            }

            // The bracket's ends straddle the root; report the end nearer to it by value.
            double root = double.IsInfinity(outerValue) || Math.Abs(innerValue) <= Math.Abs(outerValue) ? inner : outer;
            return new ProfileBound(ProfileBoundKind.Found, root, evaluations);
        }
    }
}
