using System;
using System.Threading;
using PSEstimation.Distributions;
using PSEstimation.Models;

namespace PSEstimation.Estimation
{
    /// <summary>The re-fitted estimates of a parametric bootstrap, in replicate order (null where a replicate failed).</summary>
    internal sealed class BootstrapReplicates
    {
        public BootstrapReplicates(double[]?[] thetas, int failures)
        {
            Thetas = thetas;
            Failures = failures;
        }

        /// <summary>Replicate b's estimate, or null when its fit failed or did not converge.</summary>
        public double[]?[] Thetas { get; }

        /// <summary>Replicates whose fit failed (an error, such as a constant sample) or did not converge.</summary>
        public int Failures { get; }

        public int Simulations => Thetas.Length;

        /// <summary>The replicates whose fit failed (null).</summary>
        public static int CountFailures(double[]?[] thetas)
        {
            int failures = 0;
            foreach (var theta in thetas)
            {
                if (theta is null)
                {
                    failures++;
                }
            }

            return failures;
        }

        /// <summary>The percentile interval of <paramref name="quantity"/> over the successful replicates; null when too few.</summary>
        public (double Lower, double Upper)? Percentile(Func<double[], double> quantity, double level)
        {
            var values = new System.Collections.Generic.List<double>(Thetas.Length);
            foreach (var theta in Thetas)
            {
                if (theta is not null)
                {
                    double v = quantity(theta);
                    if (!double.IsNaN(v))
                    {
                        values.Add(v);
                    }
                }
            }

            if (values.Count < 2)
            {
                return null;
            }

            var sorted = values.ToArray();
            Array.Sort(sorted);
            double alpha = (1 - level) / 2;
            return (OrderStatistic(sorted, alpha), OrderStatistic(sorted, 1 - alpha));
        }

        /// <summary>
        /// The p-quantile of a sorted sample at position (B + 1)·p (Hyndman and Fan's type 6, the
        /// rule of Davison and Hinkley 1997, §5.2), linear between order statistics: with 999
        /// replicates the 2.5% and 97.5% points are exactly the 25th and 975th values.
        /// </summary>
        internal static double OrderStatistic(double[] sorted, double p)
        {
            int b = sorted.Length;
            double h = (b + 1) * p;
            if (h <= 1)
            {
                return sorted[0];
            }

            if (h >= b)
            {
                return sorted[b - 1];
            }

            int k = (int)Math.Floor(h);
            double fraction = h - k;
            return fraction == 0 ? sorted[k - 1] : sorted[k - 1] + fraction * (sorted[k] - sorted[k - 1]);
        }
    }

    /// <summary>
    /// The parametric bootstrap (Efron and Tibshirani 1993, ch. 6; fitdistrplus::bootdist): samples
    /// of the fit's size simulated from the fitted model, each fitted again with the same
    /// parameters held, through <see cref="FitProblem.Maximize(DistributionFamily, SampleAccumulator, double?[], CancellationToken)"/>.
    /// The replicates run through <see cref="ReplicateRunner"/>, so the result depends on the
    /// seed only, never on the number of threads or the order they run in.
    /// </summary>
    internal static class ParametricBootstrap
    {
        /// <summary>The default -Simulations: 999 makes (B + 1)·0.025 and (B + 1)·0.975 whole numbers (the 25th and 975th of 999), and puts the Monte-Carlo error of a 95% percentile bound at about 0.1 standard errors of the estimate.</summary>
        public const int DefaultSimulations = 999;

        /// <summary>
        /// Runs <paramref name="simulations"/> replicates. <paramref name="progress"/> is called
        /// (from worker threads) after each; <paramref name="maxDegreeOfParallelism"/> -1 uses every core.
        /// </summary>
        public static BootstrapReplicates Run(FitProblem problem, int simulations, RandomSource seedStream, int maxDegreeOfParallelism, CancellationToken cancellation, Action? progress = null)
        {
            var model = problem.Family.Model ?? throw new EstimationException("BootstrapNotAvailable", $"{problem.Family.Name} has no sampler.");
            if (problem.BootstrapRefusal is string refusal)
            {
                throw new EstimationException("BootstrapNotAvailable", refusal);
            }

            long n = (long)Math.Round(problem.TotalWeight);
            if (n < 1 || n > int.MaxValue)
            {
                throw new EstimationException("BootstrapNotAvailable", $"A bootstrap needs a sample size between 1 and {int.MaxValue}; this fit's is {problem.TotalWeight}.");
            }

            var thetas = ReplicateRunner.Run(
                simulations,
                seedStream,
                maxDegreeOfParallelism,
                cancellation,
                () => new double[n],
                (random, buffer) =>
                {
                    model.Sample(random, problem.Theta, buffer);
                    return problem.Censoring is CensoringRule rule
                        ? CensoredReplicate(problem, rule, buffer, cancellation)
                        : Replicate(problem, buffer, cancellation);
                },
                progress);
            int failures = BootstrapReplicates.CountFailures(thetas);
            return new BootstrapReplicates(thetas, failures);
        }

        /// <summary>
        /// A replicate of a fit censored by fixed limits: the simulated values censored by the
        /// same limits (a value at or above -CensoredAbove becomes "at least" it), as the cmdlet
        /// censors its input, and fitted censored with the same parameters held.
        /// </summary>
        private static double[]? CensoredReplicate(FitProblem problem, CensoringRule rule, double[] values, CancellationToken cancellation)
        {
            var pairs = new (double Value, double Weight)[values.Length];
            int count = 0;
            foreach (double x in values)
            {
                if (!double.IsNaN(x) && !double.IsInfinity(x))
                {
                    pairs[count++] = (x, 1.0);
                }
            }

            var sample = CensoredSample.Build(rule, problem.FixedValues, new ArraySegment<(double Value, double Weight)>(pairs, 0, count), Array.Empty<(double Lower, double Upper, double Weight)>(), out _);
            if (sample.TotalWeight <= 0)
            {
                return null;
            }

            return Checked(() => FitProblem.MaximizeCensored(problem.Family, sample, problem.FixedValues, cancellation));
        }

        private static double[]? Replicate(FitProblem problem, double[] values, CancellationToken cancellation)
        {
            var family = problem.Family;
            var sample = family.CreateAccumulator();
            sample.Cancellation = cancellation;
            if (!family.TryAddRange(sample, values, problem.FixedValues))
            {
                // A draw the fit cannot take (a Weibull draw that underflowed to 0): leave it out, as the cmdlet would.
                sample = family.CreateAccumulator();
                foreach (double x in values)
                {
                    if (!double.IsNaN(x) && !double.IsInfinity(x) && family.CanFit(x, problem.FixedValues))
                    {
                        sample.Add(x, 1.0);
                    }
                }

                if (sample.TotalWeight <= 0)
                {
                    return null;
                }
            }

            return Checked(() => FitProblem.Maximize(family, sample, problem.FixedValues, cancellation));
        }

        /// <summary>The estimate of one replicate's fit, or null when it failed, did not converge or is not finite.</summary>
        internal static double[]? Checked(Func<ConstrainedMaximum> fit)
        {
            try
            {
                var maximum = fit();
                if (!maximum.Converged)
                {
                    return null;
                }

                foreach (double v in maximum.Theta)
                {
                    if (double.IsNaN(v) || double.IsInfinity(v))
                    {
                        return null;
                    }
                }

                return maximum.Theta;
            }
            catch (EstimationException)
            {
                return null;
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                // Any other failure of one replicate's fit (a MathNet routine that did not converge on
                // an extreme simulated sample) is a failed replicate: counted, reported, left out.
                return null;
            }
        }
    }
}
