using System;
using System.Threading;
using PSEstimation.Distributions;
using PSEstimation.Estimation;
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
    /// scipy.stats.goodness_of_fit). The simulations run through <see cref="ReplicateRunner"/>
    /// (simulation i on its own stream of the seed's), so the answer depends on the seed only,
    /// never on the number of cores or the order the work runs in.
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
            var outcomes = ReplicateRunner.Run(
                simulations,
                root,
                Math.Max(1, MaxDegreeOfParallelism),
                cancellation,
                () => new double[SampleSize],
                (random, buffer) =>
                {
                    model.Sample(random, Theta, buffer);
                    var refit = Refit.Estimate(Family, buffer, FixedValues, cancellation);
                    if (refit is null)
                    {
                        return Exceedance.Failed;
                    }

                    Array.Sort(buffer);
                    var simulated = EdfStatistics.Compute(buffer, model, refit);
                    var outcome = Exceedance.None;
                    if (simulated.KolmogorovSmirnov >= observed.KolmogorovSmirnov)
                    {
                        outcome |= Exceedance.KolmogorovSmirnov;
                    }

                    if (simulated.CramerVonMises >= observed.CramerVonMises)
                    {
                        outcome |= Exceedance.CramerVonMises;
                    }

                    if (simulated.AndersonDarling >= observed.AndersonDarling)
                    {
                        outcome |= Exceedance.AndersonDarling;
                    }

                    return outcome;
                },
                () => Interlocked.Increment(ref completed));

            long ks = 0, cvm = 0, ad = 0, failed = 0;
            foreach (var outcome in outcomes)
            {
                failed += (outcome & Exceedance.Failed) != 0 ? 1 : 0;
                ks += (outcome & Exceedance.KolmogorovSmirnov) != 0 ? 1 : 0;
                cvm += (outcome & Exceedance.CramerVonMises) != 0 ? 1 : 0;
                ad += (outcome & Exceedance.AndersonDarling) != 0 ? 1 : 0;
            }

            long used = simulations - failed;
            return new BootstrapResult(
                (ks + 1.0) / (used + 1.0),
                (cvm + 1.0) / (used + 1.0),
                (ad + 1.0) / (used + 1.0),
                (int)used,
                (int)failed);
        }
    }

    /// <summary>What one simulation found: which simulated statistics reached the observed ones, or that its re-fit failed.</summary>
    [Flags]
    internal enum Exceedance
    {
        None = 0,
        KolmogorovSmirnov = 1,
        CramerVonMises = 2,
        AndersonDarling = 4,
        Failed = 8,
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
