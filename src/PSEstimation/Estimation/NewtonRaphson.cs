using System;
using System.Threading;
using MathNet.Numerics.LinearAlgebra;
using PSEstimation.Distributions;

namespace PSEstimation.Estimation
{
    /// <summary>
    /// Maximises an objective (a log-likelihood or log-posterior) over the free parameters by
    /// Newton-Raphson with the analytic gradient and Hessian, on unconstrained scales (log for positive parameters, logit
    /// for probabilities), with a backtracking line search and Levenberg damping where the
    /// Hessian is not negative definite.
    /// </summary>
    /// <remarks>
    /// Written here rather than taken from MathNet because MathNet's Newton and BFGS minimizers
    /// throw MaximumIterationsException instead of returning the best point (MathNet #1113,
    /// #1125) and do not damp an indefinite Hessian, which Cauchy and Student t likelihoods
    /// have away from the optimum. MathNet still does the linear algebra. The iteration cap
    /// makes every fit end (MathNet #648 is a Weibull fit that never returns).
    /// </remarks>
    internal static class NewtonRaphson
    {
        public const int DefaultMaxIterations = 200;

        /// <summary>
        /// Largest step of a log- or logit-scale parameter in one iteration (e^5 ≈ 150× for a
        /// positive parameter). Real parameters (locations) are not capped: they have no natural
        /// unit here (data in millions move them by millions), and the line search guards them.
        /// </summary>
        private const double MaxStep = 5.0;

        public static OptimizationResult Maximize(
            ILogObjective objective,
            System.Collections.Generic.IReadOnlyList<ParameterSpec> specs,
            double[] start,
            double?[] fixedValues,
            CancellationToken cancellation,
            Action<string>? trace = null,
            int maxIterations = DefaultMaxIterations)
        {
            int[] free = FreeIndices(fixedValues);
            int k = free.Length;
            var theta = (double[])start.Clone();
            double logLik = objective.Value(theta);
            if (k == 0)
            {
                return new OptimizationResult(theta, logLik, 0, true);
            }

            if (double.IsNaN(logLik) || double.IsInfinity(logLik))
            {
                throw new EstimationException(ErrorIds.NoFiniteStart, "The objective is not finite at the starting point; the data cannot be fitted.");
            }

            for (int iteration = 1; iteration <= maxIterations; iteration++)
            {
                cancellation.ThrowIfCancellationRequested();
                double[] score = objective.Gradient(theta);
                double[,] hessian = objective.Hessian(theta);

                // Chain rule onto the unconstrained scale η, θ = h(η):
                // g_η = g_θ h'(η), H_η = h'ᵢ H_θ h'ⱼ + δᵢⱼ g_θ h''(η).
                var gradient = Vector<double>.Build.Dense(k);
                var negHessian = Matrix<double>.Build.Dense(k, k);
                for (int a = 0; a < k; a++)
                {
                    var spec = specs[free[a]];
                    double ja = spec.Jacobian(theta[free[a]]);
                    gradient[a] = score[free[a]] * ja;
                    for (int b = 0; b < k; b++)
                    {
                        double jb = specs[free[b]].Jacobian(theta[free[b]]);
                        negHessian[a, b] = -hessian[free[a], free[b]] * ja * jb;
                    }

                    negHessian[a, a] -= score[free[a]] * spec.Curvature(theta[free[a]]);
                }

                var step = SolveDamped(negHessian, gradient);
                double scale = Math.Min(1.0, MaxStep / Math.Max(CappedMaximum(specs, free, step), 1e-300));
                step *= scale;

                // The Newton decrement gᵀ(-H)⁻¹g is the predicted gain; below rounding level we are done.
                double decrement = gradient.DotProduct(step);
                if (double.IsNaN(decrement))
                {
                    // A score or curvature that overflowed (a value near 1e308 against a Scale near 1):
                    // no step can be trusted. This is not convergence, whatever the step's size.
                    trace?.Invoke($"Newton iteration {iteration}: the gradient or curvature is not finite; stopping.");
                    return new OptimizationResult(theta, logLik, iteration, false);
                }

                if (decrement <= 1e-22 * Math.Max(1.0, Math.Abs(logLik)))
                {
                    trace?.Invoke($"Newton iteration {iteration}: converged, objective {logLik:R}");
                    return new OptimizationResult(theta, logLik, iteration, true);
                }

                // Backtrack until the log-likelihood does not decrease.
                double t = 1.0;
                double[]? candidate = null;
                double candidateLogLik = double.NegativeInfinity;
                for (int halving = 0; halving < 60; halving++)
                {
                    // Each trial is a pass over the data (30 ms for 3·10^6 values): up to 60 of
                    // them made Stop() wait 1.6 s when the check was only once per iteration.
                    cancellation.ThrowIfCancellationRequested();
                    var trial = Step(specs, theta, free, step, t);
                    double trialLogLik = objective.Value(trial);
                    if (!double.IsNaN(trialLogLik) && trialLogLik >= logLik - 1e-14 * Math.Abs(logLik))
                    {
                        candidate = trial;
                        candidateLogLik = trialLogLik;
                        break;
                    }

                    // Near the optimum the predicted gain can sink below the rounding noise of the
                    // log-likelihood (a sum of large terms that cancel, e.g. a Gamma shape of 300),
                    // and comparing values no longer says whether the full Newton step helps: the
                    // halving would shrink it to nothing and the test below call that convergence,
                    // some 1e-7 short of the optimum. There the gradient decides instead.
                    if (t == 1.0 && decrement <= 1e-8 * Math.Max(1.0, Math.Abs(logLik))
                        && !double.IsNaN(trialLogLik) && !double.IsInfinity(trialLogLik)
                        && DecrementAt(objective, specs, free, trial, negHessian) < 0.25 * decrement)
                    {
                        candidate = trial;
                        candidateLogLik = trialLogLik;
                        break;
                    }

                    t *= 0.5;
                }

                if (candidate is null)
                {
                    // No step improves: we sit at the optimum to rounding, or the model is degenerate.
                    bool flat = decrement <= 1e-12 * Math.Max(1.0, Math.Abs(logLik));
                    trace?.Invoke($"Newton iteration {iteration}: no improving step (decrement {decrement:G3}); stopping.");
                    return new OptimizationResult(theta, logLik, iteration, flat);
                }

                trace?.Invoke($"Newton iteration {iteration}: objective {candidateLogLik:R}, step length {t:G3}, decrement {decrement:G3}");
                bool tiny = IsTiny(specs, theta, free, step, t);
                theta = candidate;
                logLik = candidateLogLik;
                if (tiny)
                {
                    return new OptimizationResult(theta, logLik, iteration, true);
                }
            }

            trace?.Invoke($"Newton: iteration cap {maxIterations} reached.");
            return new OptimizationResult(theta, logLik, maxIterations, false);
        }

        /// <summary>The Newton decrement at <paramref name="theta"/>, measured with a given (damped) curvature.</summary>
        private static double DecrementAt(
            ILogObjective objective,
            System.Collections.Generic.IReadOnlyList<ParameterSpec> specs,
            int[] free,
            double[] theta,
            Matrix<double> negHessian)
        {
            double[] score = objective.Gradient(theta);
            var gradient = Vector<double>.Build.Dense(free.Length, a => score[free[a]] * specs[free[a]].Jacobian(theta[free[a]]));
            return gradient.DotProduct(SolveDamped(negHessian, gradient));
        }

        private static int[] FreeIndices(double?[] fixedValues)
        {
            var free = new System.Collections.Generic.List<int>();
            for (int i = 0; i < fixedValues.Length; i++)
            {
                if (fixedValues[i] is null)
                {
                    free.Add(i);
                }
            }

            return free.ToArray();
        }

        /// <summary>The largest |step| among the parameters on a log or logit scale (0 if all are real).</summary>
        private static double CappedMaximum(System.Collections.Generic.IReadOnlyList<ParameterSpec> specs, int[] free, Vector<double> step)
        {
            double max = 0;
            for (int a = 0; a < free.Length; a++)
            {
                if (specs[free[a]].Domain != ParameterDomain.Real)
                {
                    max = Math.Max(max, Math.Abs(step[a]));
                }
            }

            return max;
        }

        /// <summary>
        /// Whether the accepted step moved every parameter by less than 1e-13 on its unconstrained
        /// scale or by a few units in the last place of it: nothing further can change the point
        /// (a location near 1e9 moves in steps of 1.2e-7 at best).
        /// </summary>
        private static bool IsTiny(System.Collections.Generic.IReadOnlyList<ParameterSpec> specs, double[] theta, int[] free, Vector<double> step, double t)
        {
            for (int a = 0; a < free.Length; a++)
            {
                double eta = specs[free[a]].ToUnconstrained(theta[free[a]]);
                if (Math.Abs(step[a] * t) >= Math.Max(1e-13, 1e-15 * Math.Abs(eta)))
                {
                    return false;
                }
            }

            return true;
        }

        private static double[] Step(System.Collections.Generic.IReadOnlyList<ParameterSpec> specs, double[] theta, int[] free, Vector<double> step, double t)
        {
            var next = (double[])theta.Clone();
            for (int a = 0; a < free.Length; a++)
            {
                var spec = specs[free[a]];
                next[free[a]] = spec.FromUnconstrained(spec.ToUnconstrained(theta[free[a]]) + t * step[a]);
            }

            return next;
        }

        /// <summary>
        /// Solves (A + μI) x = g with the smallest μ ≥ 0 (from a short ladder) that makes the
        /// matrix positive definite, so the step always ascends.
        /// </summary>
        private static Vector<double> SolveDamped(Matrix<double> a, Vector<double> g)
        {
            // Only finite curvatures set the scale: an entry that overflowed (the information of a
            // rate near 1e-300 is near 1e600) would make the fallback step zero, which the
            // Newton decrement test in Maximize would then take for convergence.
            double diagonalScale = 0;
            for (int i = 0; i < a.RowCount; i++)
            {
                double d = Math.Abs(a[i, i]);
                if (!double.IsInfinity(d) && !double.IsNaN(d))
                {
                    diagonalScale = Math.Max(diagonalScale, d);
                }
            }

            diagonalScale = Math.Max(diagonalScale, 1e-12);
            double mu = 0;
            for (int attempt = 0; attempt < 40; attempt++)
            {
                var damped = mu == 0 ? a : a + Matrix<double>.Build.DenseIdentity(a.RowCount) * mu;
                if (TryCholeskySolve(damped, g, out var x))
                {
                    return x;
                }

                mu = mu == 0 ? 1e-8 * diagonalScale : mu * 10;
            }

            // Fall back to a short gradient step.
            return g / diagonalScale;
        }

        private static bool TryCholeskySolve(Matrix<double> a, Vector<double> g, out Vector<double> x)
        {
            x = g;
            for (int i = 0; i < a.RowCount; i++)
            {
                if (!(a[i, i] > 0) || double.IsInfinity(a[i, i]))
                {
                    return false;
                }
            }

            try
            {
                x = a.Cholesky().Solve(g);
                return x.ForAll(v => !double.IsNaN(v) && !double.IsInfinity(v));
            }
            catch (ArgumentException)
            {
                return false;
            }
        }
    }
}
