using System;
using System.Threading;
using MathNet.Numerics.Distributions;
using PSEstimation.Distributions;

namespace PSEstimation.Estimation
{
    /// <summary>A profile-likelihood interval: its ends (an unbounded side is the edge of the parameter space) and what to say about them.</summary>
    internal readonly struct ProfileInterval
    {
        public ProfileInterval(double? lower, double? upper, string? note, int evaluations)
        {
            Lower = lower;
            Upper = upper;
            Note = note;
            Evaluations = evaluations;
        }

        /// <summary>The lower end; the edge of the space (0, -Infinity) when unbounded; null when a re-fit failed.</summary>
        public double? Lower { get; }

        public double? Upper { get; }

        /// <summary>Why a side is at the edge of the space or missing; null when both are roots.</summary>
        public string? Note { get; }

        /// <summary>Profile log-likelihoods evaluated (each a constrained re-fit).</summary>
        public int Evaluations { get; }
    }

    /// <summary>
    /// Profile-likelihood intervals (Venzon and Moolgavkar 1988; Pawitan, "In all likelihood",
    /// 2001, ch. 3): the set of values ψ of a parameter, or of a quantity derived from the
    /// parameters, whose profile log-likelihood ℓp(ψ) = max { ℓ(θ) : ψ(θ) = ψ } satisfies
    /// 2·(ℓ̂ - ℓp(ψ)) ≤ χ²₁(level). Unlike a Wald interval it is invariant under
    /// reparameterisation and follows the skew of the likelihood, so a variance's interval never
    /// reaches below 0.
    /// </summary>
    /// <remarks>
    /// For a parameter, ℓp is a re-fit with that parameter held (the -Fixed machinery,
    /// <see cref="FitProblem.Maximize(double?[], CancellationToken)"/>). For a derived quantity
    /// (log of a quantile, logit of a survival probability) the constraint ψ(θ) = ψ is met by
    /// solving it for one free parameter given the others (a one-dimensional root, since a
    /// quantile or survival probability is monotone in a location or scale parameter), and ℓ is
    /// maximised over the remaining free parameters with a derivative-free search (Brent in one
    /// dimension, Nelder-Mead in more). That works for every family whose quantity is continuous
    /// in its parameters, where a closed-form reparameterisation exists only for location-scale
    /// families. Each side is then found by <see cref="ProfileBoundSearch"/>.
    /// </remarks>
    internal static class ProfileLikelihood
    {
        /// <summary>χ²₁ quantile at <paramref name="level"/>: the largest allowed value of twice the drop.</summary>
        public static double Critical(double level) => ChiSquared.InvCDF(1, level);

        /// <summary>The profile interval of parameter <paramref name="index"/>; <paramref name="standardError"/> (Wald, may be null) sets the first step.</summary>
        public static ProfileInterval Parameter(FitProblem problem, int index, double level, double? standardError, CancellationToken cancellation)
            => Held(
                problem.Family.Parameters[index],
                problem.Theta[index],
                standardError,
                problem.LogLikelihood,
                held =>
                {
                    var maximum = problem.Maximize(problem.Holding(index, held), cancellation);
                    return maximum.Converged || double.IsNegativeInfinity(maximum.LogLikelihood) ? maximum.LogLikelihood : null;
                },
                level,
                cancellation);

        /// <summary>
        /// The profile interval of one coordinate of a fit (a family's parameter, a regression
        /// coefficient): <paramref name="heldMaximum"/> re-fits with the coordinate held at a value
        /// and gives the maximum log-likelihood of the rest (-Infinity where the data are
        /// impossible; null when the re-fit failed or did not converge). The search runs on the
        /// coordinate's unconstrained scale (<paramref name="spec"/>), its first step the Wald
        /// standard error there.
        /// </summary>
        public static ProfileInterval Held(ParameterSpec spec, double value, double? standardError, double maximumLogLikelihood, Func<double, double?> heldMaximum, double level, CancellationToken cancellation)
        {
            double etaHat = spec.ToUnconstrained(value);
            double step = standardError is double se && se > 0 ? Math.Min(se * Math.Abs(1 / spec.Jacobian(value)), 10) : 0.1;
            if (double.IsNaN(step) || step <= 0)
            {
                step = 0.1;
            }

            double Drop(double eta)
            {
                cancellation.ThrowIfCancellationRequested();
                double held = spec.FromUnconstrained(eta);
                try
                {
                    return heldMaximum(held) is double maximum ? Math.Max(0, 2 * (maximumLogLikelihood - maximum)) : double.NaN;
                }
                catch (EstimationException)
                {
                    return double.NaN;
                }
            }

            bool Usable(double eta) => spec.Accepts(spec.FromUnconstrained(eta)) && Inside(spec, eta);
            return Solve(Drop, etaHat, step, level, Usable, spec.FromUnconstrained, EdgeBelow(spec), EdgeAbove(spec), spec.Name, increasing: true);
        }

        /// <summary>
        /// The profile interval of a derived quantity <paramref name="quantity"/>(θ), given on an
        /// unconstrained scale (log of a positive quantile, logit of a probability) and monotone in
        /// a location or scale parameter; <paramref name="toValue"/> maps it back, and
        /// <paramref name="lowerEdge"/>/<paramref name="upperEdge"/> are its range's ends.
        /// </summary>
        public static ProfileInterval Derived(FitProblem problem, Func<double[], double> quantity, Func<double, double> toValue, double lowerEdge, double upperEdge, double level, string name, CancellationToken cancellation)
        {
            var free = problem.FreeIndices();
            double psiHat = quantity(problem.Theta);
            if (free.Length == 0 || double.IsNaN(psiHat) || double.IsInfinity(psiHat))
            {
                return new ProfileInterval(null, null, $"{name} has no profile interval here (every parameter is fixed, or the quantity is at the edge of its range).", 0);
            }

            var family = problem.Family;
            int solved = ChooseSolvedParameter(problem, free, quantity, psiHat);
            int[] others = Array.FindAll(free, i => i != solved);
            var specs = family.Parameters;
            double[] warm = (double[])problem.Theta.Clone();

            // θ with parameter `solved` set so that quantity(θ) = psi, the others as in `theta`; null if none does.
            double[]? Constrained(double[] theta, double psi)
            {
                var spec = specs[solved];
                var candidate = (double[])theta.Clone();
                double Residual(double eta)
                {
                    candidate[solved] = spec.FromUnconstrained(eta);
                    return spec.Accepts(candidate[solved]) ? quantity(candidate) - psi : double.NaN;
                }

                double start = spec.ToUnconstrained(theta[solved]);
                double? root = MonotoneRoot(Residual, start);
                if (root is not double eta)
                {
                    return null;
                }

                candidate[solved] = spec.FromUnconstrained(eta);
                return candidate;
            }

            double LogLikelihoodAt(double[] theta)
            {
                cancellation.ThrowIfCancellationRequested();
                if (family.ParameterConstraintViolation(theta) is not null)
                {
                    return double.NegativeInfinity;
                }

                double value = problem.LogLikelihoodAt(theta);
                return double.IsNaN(value) ? double.NegativeInfinity : value;
            }

            double Drop(double psi)
            {
                double best;
                if (others.Length == 0)
                {
                    var theta = Constrained(warm, psi);
                    best = theta is null ? double.NegativeInfinity : LogLikelihoodAt(theta);
                }
                else
                {
                    var start = new double[others.Length];
                    for (int a = 0; a < others.Length; a++)
                    {
                        start[a] = specs[others[a]].ToUnconstrained(warm[others[a]]);
                    }

                    double[]? bestTheta = null;
                    double Objective(double[] u)
                    {
                        var theta = (double[])warm.Clone();
                        for (int a = 0; a < others.Length; a++)
                        {
                            theta[others[a]] = specs[others[a]].FromUnconstrained(u[a]);
                            if (!specs[others[a]].Accepts(theta[others[a]]))
                            {
                                return double.NegativeInfinity;
                            }
                        }

                        var constrained = Constrained(theta, psi);
                        if (constrained is null)
                        {
                            return double.NegativeInfinity;
                        }

                        double value = LogLikelihoodAt(constrained);
                        return value;
                    }

                    var u = DerivativeFreeMaximum.Maximize(Objective, start, 0.25, out best);
                    if (!double.IsNegativeInfinity(best))
                    {
                        var theta = (double[])warm.Clone();
                        for (int a = 0; a < others.Length; a++)
                        {
                            theta[others[a]] = specs[others[a]].FromUnconstrained(u[a]);
                        }

                        bestTheta = Constrained(theta, psi);
                    }

                    if (bestTheta is not null)
                    {
                        warm = bestTheta;
                    }
                }

                return double.IsNegativeInfinity(best) ? double.PositiveInfinity : Math.Max(0, 2 * (problem.LogLikelihood - best));
            }

            bool Usable(double psi) => !double.IsNaN(toValue(psi)) && toValue(psi) > lowerEdge && toValue(psi) < upperEdge && Math.Abs(psi) < 700;
            double Reset(double psi)
            {
                warm = (double[])problem.Theta.Clone();
                return psi;
            }

            return Solve(
                psi => Drop(psi),
                psiHat,
                0.1,
                level,
                Usable,
                toValue,
                lowerEdge,
                upperEdge,
                name,
                increasing: true,
                beforeSide: () => Reset(psiHat));
        }

        private static ProfileInterval Solve(Func<double, double> drop, double etaHat, double step, double level, Func<double, bool> usable, Func<double, double> toValue, double lowerEdge, double upperEdge, string name, bool increasing, Action? beforeSide = null)
        {
            double critical = Critical(level);
            beforeSide?.Invoke();
            var below = ProfileBoundSearch.Find(drop, etaHat, step, -1, critical, usable);
            beforeSide?.Invoke();
            var above = ProfileBoundSearch.Find(drop, etaHat, step, +1, critical, usable);
            string? note = null;
            double? lower = End(below, toValue, lowerEdge, name, "lower", ref note);
            double? upper = End(above, toValue, upperEdge, name, "upper", ref note);
            return increasing
                ? new ProfileInterval(lower, upper, note, below.Evaluations + above.Evaluations)
                : new ProfileInterval(upper, lower, note, below.Evaluations + above.Evaluations);
        }

        private static double? End(ProfileBound bound, Func<double, double> toValue, double edge, string name, string side, ref string? note)
        {
            switch (bound.Kind)
            {
                case ProfileBoundKind.Found:
                    return toValue(bound.Eta);
                case ProfileBoundKind.Unbounded:
                    note = Append(note, $"The profile likelihood of {name} never drops far enough on the {side} side (it is still within the interval at {Format(toValue(bound.Eta))}): the {side} bound is the edge of the parameter space, {Format(edge)}.");
                    return edge;
                default:
                    note = Append(note, $"Re-fitting with {name} held failed beyond {Format(toValue(bound.Eta))} before the profile likelihood dropped far enough: no {side} bound is reported.");
                    return null;
            }
        }

        private static string Append(string? note, string sentence) => note is null ? sentence : note + " " + sentence;

        private static string Format(double value) => value.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);

        private static double EdgeBelow(ParameterSpec spec) => spec.Domain switch
        {
            ParameterDomain.Positive => 0,
            ParameterDomain.Probability => 0,
            _ => double.NegativeInfinity,
        };

        private static double EdgeAbove(ParameterSpec spec) => spec.Domain switch
        {
            ParameterDomain.Probability => 1,
            _ => double.PositiveInfinity,
        };

        /// <summary>Whether an unconstrained value maps to a value strictly inside the domain (exp and the logistic saturate far out).</summary>
        private static bool Inside(ParameterSpec spec, double eta) => spec.Domain switch
        {
            ParameterDomain.Positive => Math.Abs(eta) < 700,
            ParameterDomain.Probability => Math.Abs(eta) < 36,
            _ => Math.Abs(eta) < 1e300,
        };

        /// <summary>
        /// The free parameter to solve the constraint for: the one the quantity moves most with on
        /// its unconstrained scale at the estimate (a location or scale parameter in practice, in
        /// which a quantile or a survival probability is monotone).
        /// </summary>
        private static int ChooseSolvedParameter(FitProblem problem, int[] free, Func<double[], double> quantity, double psiHat)
        {
            int best = free[0];
            double bestSlope = -1;
            foreach (int i in free)
            {
                var spec = problem.Family.Parameters[i];
                var theta = (double[])problem.Theta.Clone();
                double eta = spec.ToUnconstrained(theta[i]);
                double h = 1e-4 * Math.Max(1, Math.Abs(eta));
                theta[i] = spec.FromUnconstrained(eta + h);
                double up = quantity(theta);
                theta[i] = spec.FromUnconstrained(eta - h);
                double down = quantity(theta);
                double slope = Math.Abs(up - down) / (2 * h);
                if (spec.Domain == ParameterDomain.Real && !double.IsNaN(slope))
                {
                    slope *= 1.5; // a location parameter moves a quantile exactly one for one: prefer it
                }

                if (!double.IsNaN(slope) && slope > bestSlope)
                {
                    bestSlope = slope;
                    best = i;
                }
            }

            return best;
        }

        /// <summary>A root of <paramref name="f"/> near <paramref name="start"/>: a bracket by steps doubling on both sides, then Illinois; null when none is found.</summary>
        private static double? MonotoneRoot(Func<double, double> f, double start)
        {
            double f0 = f(start);
            if (double.IsNaN(f0))
            {
                return null;
            }

            if (f0 == 0)
            {
                return start;
            }

            double a = start, fa = f0, b = double.NaN, fb = double.NaN;
            bool found = false;
            for (int k = 0; k < 60 && !found; k++)
            {
                double distance = 0.1 * Math.Pow(2, k);
                foreach (int direction in new[] { +1, -1 })
                {
                    double x = start + direction * distance;
                    double fx = f(x);
                    if (!double.IsNaN(fx) && Math.Sign(fx) != Math.Sign(f0))
                    {
                        // Tighten: the nearer point on this side with the sign of f0.
                        b = x;
                        fb = fx;
                        double previous = start + direction * (k == 0 ? 0 : distance / 2);
                        double fp = k == 0 ? f0 : f(previous);
                        if (!double.IsNaN(fp) && Math.Sign(fp) == Math.Sign(f0))
                        {
                            a = previous;
                            fa = fp;
                        }

                        found = true;
                        break;
                    }
                }
            }

            if (!found)
            {
                return null;
            }

            int side = 0;
            for (int i = 0; i < 200; i++)
            {
                if (Math.Abs(b - a) <= 1e-14 * Math.Max(1.0, Math.Abs(a)))
                {
                    break;
                }

                double c = (i % 3 == 2) ? (a + b) / 2 : b - fb * (b - a) / (fb - fa);
                if (!(c > Math.Min(a, b) && c < Math.Max(a, b)))
                {
                    c = (a + b) / 2;
                }

                double fc = f(c);
                if (double.IsNaN(fc))
                {
                    return null;
                }

                if (fc == 0)
                {
                    return c;
                }

                if (Math.Sign(fc) == Math.Sign(fb))
                {
                    b = c;
                    fb = fc;
                    if (side == +1)
                    {
                        fa /= 2;
                    }

                    side = +1;
                }
                else
                {
                    a = b;
                    fa = fb;
                    b = c;
                    fb = fc;
                    side = -1;
                }
            }

            return Math.Abs(fa) < Math.Abs(fb) ? a : b;
        }
    }
}
