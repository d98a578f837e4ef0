using System;
using System.Globalization;
using System.Threading;
using PSEstimation.Distributions;

namespace PSEstimation.Regression
{
    /// <summary>
    /// Fits a <see cref="RegressionProblem"/>: maximum likelihood, or the posterior mode with a
    /// <see cref="RegressionPrior"/>. Newton on the log-likelihood (plus smooth log prior) from a
    /// least-squares start, with backtracking line search, Levenberg damping where the Hessian is
    /// not negative definite, and an iteration cap; the lasso by proximal Newton (each step's
    /// penalised quadratic solved exactly by coordinate descent, so zeros are exact) with its
    /// optimality (KKT) conditions checked at the end. Laplace noise (least absolute deviations)
    /// goes to <see cref="LeastAbsoluteDeviations"/>. Standard errors from the inverse of the
    /// negative Hessian at the optimum (observed information, or the log-posterior's curvature).
    /// </summary>
    internal sealed class RegressionFitter
    {
        public const int MaxIterations = 200;

        public Action<string>? Trace { get; set; }

        public CancellationToken Cancellation { get; set; }

        /// <summary>
        /// A start for Newton besides the least-squares one (a bootstrap replicate starts from the
        /// fit it was simulated from); the better of the two by the objective is used. Ignored by
        /// least squares and least absolute deviations, whose own starts are exact.
        /// </summary>
        public double[]? Start { get; set; }

        /// <summary>Leaves out the covariance (a bootstrap replicate or a profile re-fit uses only the estimate and its log-likelihood).</summary>
        public bool EstimateOnly { get; set; }

        public RegressionFit Fit(RegressionProblem problem, RegressionPrior? prior)
        {
            Require(problem);
            if (problem.Model.Name == DistributionName.Laplace && prior is null)
            {
                return LeastAbsoluteDeviations.Fit(problem);
            }

            if (problem.Dimension == 0)
            {
                // Everything held (a profile of an intercept-only model): the likelihood at that point.
                var held = new RegressionFit(problem, new double[0]) { Method = "every coefficient and parameter held", Converged = true };
                held.LogLikelihood = RegressionLikelihood.Evaluate(problem, held.V, null, null);
                held.Covariance = new double[0, 0];
                return held;
            }

            double[] v = StartingValues.For(problem);
            if (problem.Model.Name is DistributionName.Normal && problem.CensoredCount == 0)
            {
                RequireResiduals(problem, v);
                if (prior is null)
                {
                    // Least squares is the MLE itself: one Newton step from it only confirms it.
                    var closed = Newton(problem, null, v);
                    closed.Method = "least squares (closed form; Variance = RSS/n)";
                    Finish(problem, null, closed, EstimateOnly);
                    return closed;
                }
            }

            if (!(Objective(problem, prior, v) > double.NegativeInfinity))
            {
                // A start outside the data's reach (a log link at a start mean of 0 ...): from zero.
                Array.Clear(v, 0, problem.CoefficientCount);
            }

            if (Start is double[] warm && warm.Length == v.Length && Objective(problem, prior, warm) > Objective(problem, prior, v))
            {
                v = RegressionProblem.Copy(warm);
            }

            var fit = prior is not null && prior.HasLasso ? ProximalNewton(problem, prior, v) : Newton(problem, prior, v);
            Finish(problem, prior, fit, EstimateOnly);
            return fit;
        }

        private static void Require(RegressionProblem problem)
        {
            int k = problem.Dimension;
            if (problem.Observations.Length < k || problem.SampleSize < k)
            {
                throw new EstimationException(
                    ErrorIds.TooFewObservations,
                    string.Format(CultureInfo.InvariantCulture, "A {0} regression with {1} coefficients and {2} other estimated parameters needs at least {3} observations; it has {4}.", problem.Model.Name, problem.CoefficientCount, problem.FreeParameters.Length, k, problem.Observations.Length));
            }

            var weights = new double[problem.Design.Rows];
            foreach (var o in problem.Observations)
            {
                weights[o.Row] = o.Weight;
            }

            var collinear = problem.Design.CollinearColumns(weights);
            if (collinear.Count > 0)
            {
                throw DesignMatrix.Collinear(collinear);
            }
        }

        /// <summary>A Normal model whose least-squares residuals are all 0 has Variance 0: no likelihood to maximise.</summary>
        private static void RequireResiduals(RegressionProblem problem, double[] v)
        {
            double rss = 0, scale = 0;
            foreach (var o in problem.Observations)
            {
                double r = o.Lower - problem.LinearPredictor(o.Row, v);
                rss += o.Weight * r * r;
                scale += o.Weight * o.Lower * o.Lower;
            }

            bool varianceFree = Array.IndexOf(problem.FreeParameters, 1) >= 0;
            if (varianceFree && !(rss > 1e-26 * scale))
            {
                throw new EstimationException(
                    ErrorIds.PerfectFit,
                    "The predictors fit the response exactly (every least-squares residual is 0), so the MLE of the Normal Variance is 0 and the likelihood is unbounded. Fix the Variance (-Fixed @{ Variance = ... }) or check that the response is not one of the predictors.");
            }
        }

        /// <summary>Log-likelihood plus the whole log prior (lasso included).</summary>
        internal static double Objective(RegressionProblem problem, RegressionPrior? prior, double[] v)
        {
            if (!problem.InDomain(v))
            {
                return double.NegativeInfinity;
            }

            double ll = RegressionLikelihood.Evaluate(problem, v, null, null);
            return prior is null ? ll : ll + prior.LogDensity(v);
        }

        /// <summary>The smooth part (log-likelihood plus smooth priors) with gradient and Hessian.</summary>
        private static double Smooth(RegressionProblem problem, RegressionPrior? prior, double[] v, double[] g, double[,] h)
        {
            double ll = RegressionLikelihood.Evaluate(problem, v, g, h);
            if (prior is not null)
            {
                ll += prior.SmoothLogDensity(v);
                prior.AddSmoothDerivatives(v, g, h);
            }

            return ll;
        }

        private RegressionFit Newton(RegressionProblem problem, RegressionPrior? prior, double[] v)
        {
            int d = problem.Dimension;
            var g = new double[d];
            var h = new double[d, d];
            var fit = new RegressionFit(problem, v) { Method = "Newton-Raphson from a least-squares start" };
            double current = Objective(problem, prior, v);
            for (int iteration = 1; iteration <= MaxIterations; iteration++)
            {
                Cancellation.ThrowIfCancellationRequested();
                Smooth(problem, prior, v, g, h);
                double[]? step = DampedStep(g, h, out bool damped);
                if (step is null)
                {
                    fit.Iterations = iteration;
                    return fit;
                }

                double decrement = 0;
                for (int a = 0; a < d; a++)
                {
                    decrement += g[a] * step[a];
                }

                var trial = new double[d];
                double t = 1, value = double.NegativeInfinity;
                bool accepted = false;
                for (int halving = 0; halving < 60; halving++)
                {
                    for (int a = 0; a < d; a++)
                    {
                        trial[a] = v[a] + t * step[a];
                    }

                    value = Objective(problem, prior, trial);
                    // Near the optimum Newton's full step is right even where rounding hides the gain.
                    if (value >= current || (!damped && t == 1 && decrement < 1e-10 && value > double.NegativeInfinity && current - value < 1e-9 * (1 + Math.Abs(current))))
                    {
                        accepted = true;
                        break;
                    }

                    t /= 2;
                }

                fit.Iterations = iteration;
                Trace?.Invoke(string.Format(CultureInfo.InvariantCulture, "Newton {0}: objective {1:R}, decrement {2:G3}, step {3}", iteration, value, decrement, t));
                if (!accepted)
                {
                    fit.Converged = decrement < 1e-8;
                    return fit;
                }

                Array.Copy(trial, v, d);
                current = value;
                if (!damped && decrement < 1e-20 * Math.Max(1, Math.Abs(current)))
                {
                    fit.Converged = true;
                    return fit;
                }
            }

            return fit;
        }

        /// <summary>
        /// Solves (-H) s = g; where -H is not positive definite, adds Levenberg damping (a
        /// multiple of its diagonal) until it is. Null when the gradient is already zero.
        /// </summary>
        internal static double[]? DampedStep(double[] g, double[,] h, out bool damped)
        {
            int d = g.Length;
            var a = new double[d, d];
            double scale = 0;
            for (int i = 0; i < d; i++)
            {
                scale = Math.Max(scale, Math.Abs(h[i, i]));
            }

            damped = false;
            for (double lambda = 0; ; lambda = lambda == 0 ? 1e-8 : lambda * 10)
            {
                for (int i = 0; i < d; i++)
                {
                    for (int j = 0; j < d; j++)
                    {
                        a[i, j] = -h[i, j];
                    }

                    a[i, i] += lambda * (Math.Abs(h[i, i]) + 1e-12 * scale + 1e-300);
                }

                double[]? s = DenseAlgebra.SolveSymmetric(a, g);
                if (s is not null && Array.TrueForAll(s, x => !double.IsNaN(x) && !double.IsInfinity(x)))
                {
                    damped = lambda > 0;
                    return s;
                }

                if (lambda > 1e12)
                {
                    // A gradient step, scaled to the diagonal.
                    var step = new double[d];
                    for (int i = 0; i < d; i++)
                    {
                        step[i] = g[i] / (Math.Abs(h[i, i]) + 1);
                    }

                    damped = true;
                    return step;
                }
            }
        }

        private RegressionFit ProximalNewton(RegressionProblem problem, RegressionPrior prior, double[] v)
        {
            int d = problem.Dimension;
            var g = new double[d];
            var h = new double[d, d];
            var fit = new RegressionFit(problem, v) { Method = "proximal Newton with coordinate descent (lasso)" };
            var isL1 = new bool[d];
            foreach (int j in prior.LaplaceIndices)
            {
                isL1[j] = true;
            }

            double m0 = prior.LaplaceLocation, threshold = 1 / prior.LaplaceScale;
            double current = Objective(problem, prior, v);
            for (int iteration = 1; iteration <= MaxIterations * 5; iteration++)
            {
                Cancellation.ThrowIfCancellationRequested();
                Smooth(problem, prior, v, g, h);

                // Q = -H, damped to positive definite on its diagonal.
                var q = new double[d, d];
                for (int a = 0; a < d; a++)
                {
                    for (int b = 0; b < d; b++)
                    {
                        q[a, b] = -h[a, b];
                    }
                }

                for (double lambda = 0; DenseAlgebra.Cholesky(q) is null && lambda < 1e12; lambda = lambda == 0 ? 1e-8 : lambda * 10)
                {
                    for (int a = 0; a < d; a++)
                    {
                        q[a, a] = -h[a, a] + lambda * (Math.Abs(h[a, a]) + 1e-300);
                    }
                }

                // Coordinate descent on z: max g'(z - v) - (z - v)'Q(z - v)/2 - sum |z_j - m| / b.
                var z = RegressionProblem.Copy(v);
                for (int sweep = 0; sweep < 10000; sweep++)
                {
                    double change = 0;
                    for (int j = 0; j < d; j++)
                    {
                        double qjj = q[j, j];
                        double c = -g[j];
                        for (int k = 0; k < d; k++)
                        {
                            if (k != j)
                            {
                                c += q[j, k] * (z[k] - v[k]);
                            }
                        }

                        double unpenalised = v[j] - c / qjj;
                        double next = unpenalised;
                        if (isL1[j])
                        {
                            double u = unpenalised - m0, shrink = threshold / qjj;
                            next = Math.Abs(u) <= shrink ? m0 : m0 + Math.Sign(u) * (Math.Abs(u) - shrink);
                        }

                        change = Math.Max(change, Math.Abs(next - z[j]) / (1 + Math.Abs(z[j])));
                        z[j] = next;
                    }

                    if (change < 1e-15)
                    {
                        break;
                    }
                }

                var trial = new double[d];
                double t = 1, value = double.NegativeInfinity;
                bool accepted = false;
                double stepSize = 0;
                for (int a = 0; a < d; a++)
                {
                    stepSize = Math.Max(stepSize, Math.Abs(z[a] - v[a]) / (1 + Math.Abs(v[a])));
                }

                for (int halving = 0; halving < 60; halving++)
                {
                    for (int a = 0; a < d; a++)
                    {
                        trial[a] = t == 1 ? z[a] : v[a] + t * (z[a] - v[a]);
                    }

                    value = Objective(problem, prior, trial);
                    if (value >= current || (t == 1 && stepSize < 1e-9 && value > double.NegativeInfinity && current - value < 1e-10 * (1 + Math.Abs(current))))
                    {
                        accepted = true;
                        break;
                    }

                    t /= 2;
                }

                fit.Iterations = iteration;
                Trace?.Invoke(string.Format(CultureInfo.InvariantCulture, "Proximal Newton {0}: objective {1:R}, step {2:G3}", iteration, value, stepSize));
                if (!accepted)
                {
                    fit.Converged = stepSize < 1e-8;
                    break;
                }

                Array.Copy(trial, v, d);
                current = value;
                if (stepSize < 1e-14)
                {
                    fit.Converged = true;
                    break;
                }
            }

            foreach (int j in prior.LaplaceIndices)
            {
                if (v[j] == m0)
                {
                    fit.AtKink.Add(j);
                }
            }

            // KKT: the smooth gradient is 0 off the lasso, sign(v - m)/b at a nonzero lasso
            // coefficient, and within [-1/b, 1/b] at one that sits on m.
            Smooth(problem, prior, v, g, h);
            string? violation = KktViolation(v, g, isL1, m0, threshold, h);
            if (violation is not null)
            {
                fit.Converged = false;
                fit.Warnings.Add("The lasso solution does not meet its optimality (KKT) conditions to working precision: " + violation + ".");
            }

            return fit;
        }

        /// <summary>The first violated optimality condition of a lasso solution, or null.</summary>
        internal static string? KktViolation(double[] v, double[] g, bool[] isL1, double m0, double threshold, double[,] h)
        {
            for (int j = 0; j < v.Length; j++)
            {
                double tolerance = 1e-6 * (threshold + Math.Sqrt(Math.Abs(h[j, j])) + 1e-8 * Math.Abs(h[j, j]) * (1 + Math.Abs(v[j])));
                double excess = !isL1[j] ? Math.Abs(g[j])
                    : v[j] == m0 ? Math.Abs(g[j]) - threshold
                    : Math.Abs(g[j] - Math.Sign(v[j] - m0) * threshold);
                if (excess > tolerance)
                {
                    return string.Format(CultureInfo.InvariantCulture, "the gradient at coordinate {0} is off by {1:G3}", j, excess);
                }
            }

            return null;
        }

        private static void Finish(RegressionProblem problem, RegressionPrior? prior, RegressionFit fit, bool estimateOnly = false)
        {
            int d = problem.Dimension;
            if (estimateOnly && prior is null)
            {
                fit.LogLikelihood = RegressionLikelihood.Evaluate(problem, fit.V, null, null);
                fit.Covariance = new double[d, d];
                if (problem.Model.Name is DistributionName.Bernoulli or DistributionName.Binomial)
                {
                    CheckSeparation(problem, fit);
                }

                return;
            }

            var g = new double[d];
            var h = new double[d, d];
            fit.LogLikelihood = RegressionLikelihood.Evaluate(problem, fit.V, g, h);
            if (prior is not null)
            {
                fit.LogPosterior = fit.LogLikelihood + prior.LogDensity(fit.V);
                prior.AddSmoothDerivatives(fit.V, g, h);
            }

            fit.Covariance = Covariance(h, fit.AtKink);
            if (!fit.Converged)
            {
                fit.Warnings.Add(string.Format(CultureInfo.InvariantCulture, "The fit did not converge in {0} iterations; the estimates are the best point found.", fit.Iterations));
            }

            if (problem.Model.Name is DistributionName.Bernoulli or DistributionName.Binomial)
            {
                CheckSeparation(problem, fit);
            }
        }

        /// <summary>
        /// The inverse of the negative Hessian over the coordinates not at a lasso kink (those get
        /// NaN rows and columns: the curvature says nothing there). NaN throughout when it is singular.
        /// </summary>
        internal static double[,] Covariance(double[,] h, System.Collections.Generic.ICollection<int> excluded)
        {
            int d = h.GetLength(0);
            var keep = new System.Collections.Generic.List<int>();
            for (int a = 0; a < d; a++)
            {
                if (!excluded.Contains(a))
                {
                    keep.Add(a);
                }
            }

            var information = new double[keep.Count, keep.Count];
            for (int a = 0; a < keep.Count; a++)
            {
                for (int b = 0; b < keep.Count; b++)
                {
                    information[a, b] = -h[keep[a], keep[b]];
                }
            }

            var inverse = DenseAlgebra.InverseSymmetric(information);
            var covariance = new double[d, d];
            for (int a = 0; a < d; a++)
            {
                for (int b = 0; b < d; b++)
                {
                    covariance[a, b] = double.NaN;
                }
            }

            if (inverse is null)
            {
                return covariance;
            }

            for (int a = 0; a < keep.Count; a++)
            {
                for (int b = 0; b < keep.Count; b++)
                {
                    covariance[keep[a], keep[b]] = inverse[a, b];
                }
            }

            return covariance;
        }

        /// <summary>
        /// Perfect (or quasi-complete) separation: the likelihood keeps rising as some
        /// coefficients go to infinity, so Newton stops only where fitted probabilities round to
        /// 0 or 1. Reported as a warning with Converged = false (the estimate has no finite MLE).
        /// </summary>
        private static void CheckSeparation(RegressionProblem problem, RegressionFit fit)
        {
            int extreme = 0;
            foreach (var o in problem.Observations)
            {
                double eta = problem.LinearPredictor(o.Row, fit.V);
                if (Math.Abs(eta) > 25)
                {
                    extreme++;
                }
            }

            if (extreme > 0 && (fit.LogPosterior is null))
            {
                fit.Converged = false;
                fit.Warnings.Add(string.Format(CultureInfo.InvariantCulture, "Perfect separation: {0} observation(s) have fitted probabilities of 0 or 1 to within 1e-11, so the maximum-likelihood coefficients are infinite and the ones shown (with their standard errors) are where the search stopped. Leave out the predictor that separates the outcomes, or fit with Get-MAPEstimate and a prior on the coefficients.", extreme));
            }
        }
    }
}
