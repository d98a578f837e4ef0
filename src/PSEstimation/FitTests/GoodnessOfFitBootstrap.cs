using System;
using System.Threading;
using System.Threading.Tasks;
using PSEstimation.Distributions;
using PSEstimation.Models;

namespace PSEstimation.FitTests
{
    /// <summary>
    /// Monte-Carlo p-values of the EDF statistics when the parameters were estimated from the
    /// data (the Lilliefors problem: the tabulated laws assume known parameters and give p-values
    /// far too large). Each simulation draws n values from the fitted distribution, re-fits them
    /// with the same fixed parameters, and computes the statistics at the re-fit; the p-value is
    /// (b + 1)/(m + 1) with b the simulated statistics at least the observed one among the m
    /// simulations whose re-fit converged (Davison and Hinkley 1997, eq. 4.11; as
    /// scipy.stats.goodness_of_fit). Simulation i draws from its own stream,
    /// <see cref="RandomSource.ForWorkItem"/>(i) of the seed's stream, so the answer depends on
    /// the seed only, never on the number of cores or the order the work runs in.
    /// </summary>
    internal sealed class GoodnessOfFitBootstrap
    {
        private int completed;

        public GoodnessOfFitBootstrap(DistributionFamily family, double?[] fixedValues, double[] theta, int sampleSize)
        {
            Family = family;
            FixedValues = fixedValues;
            Theta = theta;
            SampleSize = sampleSize;
        }

        public DistributionFamily Family { get; }

        public double?[] FixedValues { get; }

        public double[] Theta { get; }

        public int SampleSize { get; }

        /// <summary>Threads to use; the result does not depend on it (default: every core).</summary>
        public int MaxDegreeOfParallelism { get; set; } = Environment.ProcessorCount;

        /// <summary>Simulations finished so far (read from another thread for progress).</summary>
        public int Completed => Volatile.Read(ref completed);

        /// <summary>Runs <paramref name="simulations"/> simulations and returns the p-value of each observed statistic.</summary>
        public BootstrapResult Run(EdfValues observed, int simulations, RandomSource root, CancellationToken cancellation)
        {
            var model = Family.Model!;
            long ks = 0, cvm = 0, ad = 0, failed = 0;
            var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, MaxDegreeOfParallelism), CancellationToken = cancellation };
            Parallel.For(
                0,
                simulations,
                options,
                () => new double[SampleSize],
                (i, _, buffer) =>
                {
                    var random = root.ForWorkItem(i);
                    model.Sample(random, Theta, buffer);
                    var refit = Refit.Estimate(Family, buffer, FixedValues, cancellation);
                    if (refit is null)
                    {
                        Interlocked.Increment(ref failed);
                    }
                    else
                    {
                        Array.Sort(buffer);
                        var simulated = EdfStatistics.Compute(buffer, model, refit);
                        if (simulated.KolmogorovSmirnov >= observed.KolmogorovSmirnov)
                        {
                            Interlocked.Increment(ref ks);
                        }

                        if (simulated.CramerVonMises >= observed.CramerVonMises)
                        {
                            Interlocked.Increment(ref cvm);
                        }

                        if (simulated.AndersonDarling >= observed.AndersonDarling)
                        {
                            Interlocked.Increment(ref ad);
                        }
                    }

                    Interlocked.Increment(ref completed);
                    return buffer;
                },
                _ => { });

            long used = simulations - failed;
            return new BootstrapResult(
                (ks + 1.0) / (used + 1.0),
                (cvm + 1.0) / (used + 1.0),
                (ad + 1.0) / (used + 1.0),
                (int)used,
                (int)failed);
        }
    }

    /// <summary>The bootstrap p-values, the simulations they rest on and the re-fits that failed.</summary>
    internal sealed class BootstrapResult
    {
        public BootstrapResult(double kolmogorovSmirnov, double cramerVonMises, double andersonDarling, int simulations, int failed)
        {
            KolmogorovSmirnov = kolmogorovSmirnov;
            CramerVonMises = cramerVonMises;
            AndersonDarling = andersonDarling;
            Simulations = simulations;
            Failed = failed;
        }

        public double KolmogorovSmirnov { get; }

        public double CramerVonMises { get; }

        public double AndersonDarling { get; }

        /// <summary>Simulations whose re-fit converged (m).</summary>
        public int Simulations { get; }

        /// <summary>Simulations whose re-fit failed or did not converge (left out of m).</summary>
        public int Failed { get; }

        public double Of(GoodnessOfFitTest test) => test switch
        {
            GoodnessOfFitTest.KolmogorovSmirnov => KolmogorovSmirnov,
            GoodnessOfFitTest.CramerVonMises => CramerVonMises,
            GoodnessOfFitTest.AndersonDarling => AndersonDarling,
            _ => throw new ArgumentOutOfRangeException(nameof(test)),
        };
    }
}
