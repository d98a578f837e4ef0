using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PSEstimation.Distributions;
using PSEstimation.Estimation;
using PSEstimation.FitTests;
using PSEstimation.Input;
using PSEstimation.Models;

namespace PSEstimation.Commands
{
    /// <summary>
    /// Compare-Distribution: fits several families by maximum likelihood to the same observations
    /// and ranks them by AIC, with Akaike weights, BIC and the goodness-of-fit statistics of each
    /// fit; with -Simulations also the bootstrap p-values of Test-GoodnessOfFit.
    /// </summary>
    [Cmdlet(VerbsData.Compare, "Distribution")]
    [OutputType(typeof(DistributionComparison))]
    public sealed partial class CompareDistributionCommand : SampleCollectingCommand
    {
        /// <summary>The candidate families; without it, every family whose support holds the data (count families when every value is a whole number, continuous ones otherwise).</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public DistributionName[]? Distribution { get; set; }

        /// <summary>Bootstrap simulations for the p-values of the EDF statistics of each continuous candidate (default 0: none).</summary>
        [Parameter]
        public int Simulations { get; set; }

        /// <summary>A seed for the bootstrap: the same seed gives the same p-values on any machine and any number of cores.</summary>
        [Parameter]
        public int? SetSeed { get; set; }

        /// <summary>Threads (tests only: the answer does not depend on it).</summary>
        internal int MaxDegreeOfParallelism { get; set; } = Environment.ProcessorCount;

        /// <inheritdoc/>
        protected override void BeginProcessing()
        {
            if (Simulations < 0)
            {
                Terminate(ErrorIds.InvalidSimulations, $"-Simulations must be 0 or more; got {Simulations}.", target: Simulations);
            }

            BeginCensoring();
            StartCollecting("compared", LowerProperty, UpperProperty);
        }

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            FinishReading();
            foreach (var slot in Reader.Slots)
            {
                if (Cancellation.IsCancellationRequested)
                {
                    return;
                }

                foreach (var row in CompareSlot(slot))
                {
                    row.Property = slot.Property;
                    row.Group = slot.Group.IsNamed ? slot.Group.Value : null;
                    WriteResult(slot, row);
                }
            }
        }

        private IEnumerable<DistributionComparison> CompareSlot(InputSlot slot)
        {
            if (HasCensoredObservations(slot))
            {
                return CompareCensoredSlot(slot);
            }

            var sorted = Values[slot.Index].ToArray();
            Values[slot.Index].Clear();
            if (sorted.Length == 0)
            {
                FailSlot(slot, ErrorIds.NoUsableInput, $"No usable values{slot.Suffix} to compare distributions on ({slot.SkippedCount} skipped).", ErrorCategory.InvalidData);
                return Array.Empty<DistributionComparison>();
            }

            Array.Sort(sorted);
            var families = Candidates(slot, sorted);
            if (FitEach(slot, families.Count, i => Fit(families[i], sorted), out var outcomes) is not List<DistributionComparison> rows)
            {
                return Array.Empty<DistributionComparison>();
            }

            if (rows.Count == 0)
            {
                FailSlot(slot, ErrorIds.NoCandidate, $"No candidate family could be fitted to the {sorted.Length} values{slot.Suffix}.", ErrorCategory.InvalidData);
                return rows;
            }

            if (Simulations > 0 && !Bootstrap(slot, sorted, outcomes))
            {
                return Array.Empty<DistributionComparison>();
            }

            Rank(rows);
            return rows;
        }

        /// <summary>
        /// Fits the candidates in parallel (at most -MaxDegreeOfParallelism at once), then writes
        /// their warnings in candidate order, so the output does not depend on which finished
        /// first. The rows of those that could be fitted, or null when Ctrl+C stopped the fits.
        /// </summary>
        private List<DistributionComparison>? FitEach(InputSlot slot, int count, Func<int, Candidate> fit, out Candidate[] outcomes)
        {
            var fitted = new Candidate[count];
            outcomes = fitted;
            var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, MaxDegreeOfParallelism), CancellationToken = Cancellation };
            try
            {
                Parallel.For(0, count, options, i => fitted[i] = fit(i));
            }
            catch (OperationCanceledException)
            {
                return null;
            }

            var rows = new List<DistributionComparison>();
            foreach (var outcome in fitted)
            {
                foreach (string warning in outcome.Warnings)
                {
                    WriteWarning(warning + slot.Suffix);
                }

                if (outcome.Row is not null)
                {
                    rows.Add(outcome.Row);
                }
            }

            return rows;
        }

        /// <summary>The named families (or the defaults) whose support holds every value; the others are left out with a warning (named) or a verbose line (defaults).</summary>
        private List<DistributionFamily> Candidates(InputSlot slot, double[] sorted, bool checkSupport = true)
        {
            bool named = Distribution is not null;
            var names = named ? Distribution!.Distinct().Select(Canonical).Distinct().ToList() : CandidateFamilies.For(sorted).ToList();
            if (!named)
            {
                WriteVerbose(CandidateFamilies.AreCounts(sorted)
                    ? $"The values{slot.Suffix} are whole numbers with ties: comparing the count families {string.Join(", ", names)}."
                    : $"Comparing the continuous families {string.Join(", ", names)}{slot.Suffix}; name families with -Distribution to choose others.");
            }

            var families = new List<DistributionFamily>();
            foreach (var name in names)
            {
                if (name == DistributionName.Categorical || name == DistributionName.Binomial)
                {
                    WriteWarning(name == DistributionName.Categorical
                        ? "Categorical is not compared: its fit reproduces the observed frequencies, so its likelihood is not comparable with a family's."
                        : "Binomial is not compared: it needs its Trials, which Compare-Distribution cannot know; fit it with Get-MLEstimate Binomial -Fixed @{ Trials = n }.");
                    continue;
                }

                var family = DistributionFamilies.Create(name, new Dictionary<string, double>());
                var none = new double?[family.Parameters.Count];
                int outside = checkSupport ? sorted.Count(x => !family.CanFit(x, none)) : 0;
                if (outside > 0)
                {
                    string message = $"{name} was left out: {outside} of the {sorted.Length} values{slot.Suffix} are outside its support ({family.SupportDescription}), and every candidate is fitted to the same observations.";
                    if (named)
                    {
                        WriteWarning(message);
                    }
                    else
                    {
                        WriteVerbose(message);
                    }

                    continue;
                }

                families.Add(family);
            }

            if (families.Count == 0 && checkSupport)
            {
                FailSlot(slot, ErrorIds.NoCandidate, $"No candidate family{slot.Suffix} has every one of the {sorted.Length} values in its support.", ErrorCategory.InvalidData);
            }

            return families;
        }

        private static DistributionName Canonical(DistributionName name) => name == DistributionName.Gaussian ? DistributionName.Normal : name;

        private sealed class Candidate
        {
            public List<string> Warnings { get; } = new List<string>();

            public DistributionFamily Family { get; set; } = null!;

            public DistributionComparison? Row { get; set; }

            public double[] Theta { get; set; } = new double[0];

            public EdfValues Edf { get; set; }

            /// <summary>With censoring, the observations as this family takes them.</summary>
            public CensoredSample? Sample { get; set; }
        }

        private Candidate Fit(DistributionFamily family, double[] sorted)
        {
            var outcome = new Candidate { Family = family };
            var none = new double?[family.Parameters.Count];
            var estimator = new MaximumLikelihoodEstimator(family, 0.95) { Warn = outcome.Warnings.Add };
            var sample = family.CreateAccumulator();
            sample.Cancellation = Cancellation;
            family.TryAddRange(sample, sorted, none);
            MLEstimate fit;
            try
            {
                fit = estimator.Fit(sample, none, Cancellation);
            }
            catch (EstimationException e)
            {
                outcome.Warnings.Add($"{family.Name} was left out: {e.Message}");
                return outcome;
            }

            var theta = fit.Parameters.Select(p => p.Value).ToArray();
            var row = new DistributionComparison(family.Name.ToString(), sorted.Length, fit);
            if (family.IsDiscrete)
            {
                var chi = ChiSquareTest.Compute(sorted, family.Model!, theta, theta.Length);
                row.ChiSquare = chi.Statistic;
                row.ChiSquarePValue = chi.PValue;
            }
            else
            {
                var edf = EdfStatistics.Compute(sorted, family.Model!, theta);
                row.KolmogorovSmirnov = edf.KolmogorovSmirnov;
                row.CramerVonMises = edf.CramerVonMises;
                row.AndersonDarling = edf.AndersonDarling;
                outcome.Edf = edf;
            }

            outcome.Theta = theta;
            outcome.Row = row;
            return outcome;
        }

        private bool Bootstrap(InputSlot slot, double[] sorted, Candidate[] outcomes)
        {
            var continuous = outcomes.Where(o => o.Row is not null && !o.Family.IsDiscrete).ToList();
            var runs = continuous.Select(o => new GoodnessOfFitBootstrap(o.Family, new double?[o.Theta.Length], o.Theta, sorted.Length) { MaxDegreeOfParallelism = MaxDegreeOfParallelism }).ToList();
            var root = SetSeed is int seed ? new RandomSource(seed) : RandomSource.FromEntropy();
            var results = new BootstrapResult[runs.Count];
            bool finished = RunWithProgress(
                () =>
                {
                    for (int i = 0; i < runs.Count; i++)
                    {
                        // Each family its own stream from the seed, so adding a candidate changes no other's p-values.
                        results[i] = runs[i].Run(continuous[i].Edf, Simulations, root.ForWorkItem(-1 - (long)continuous[i].Family.Name), Cancellation);
                    }
                },
                () => runs.Sum(r => r.Completed),
                Simulations * runs.Count,
                $"Compare-Distribution: parametric bootstrap{slot.Suffix}");
            if (!finished)
            {
                return false;
            }

            for (int i = 0; i < runs.Count; i++)
            {
                var row = continuous[i].Row!;
                row.KolmogorovSmirnovPValue = results[i].KolmogorovSmirnov;
                row.CramerVonMisesPValue = results[i].CramerVonMises;
                row.AndersonDarlingPValue = results[i].AndersonDarling;
                row.Simulations = results[i].Simulations;
                if (results[i].Failed > 0)
                {
                    WriteWarning($"{results[i].Failed} of {Simulations} bootstrap re-fits of {row.Distribution}{slot.Suffix} failed or did not converge; its p-values rest on the other {results[i].Simulations}.");
                }
            }

            return true;
        }

        /// <summary>Best first by AIC (a NaN or infinite AIC last); DeltaAIC and Akaike weights from the AICs exactly.</summary>
        private static void Rank(List<DistributionComparison> rows)
        {
            var ordered = rows.Select((r, i) => (Row: r, Index: i))
                .OrderBy(t => IsUsable(t.Row.AIC) ? 0 : 1)
                .ThenBy(t => IsUsable(t.Row.AIC) ? t.Row.AIC : 0)
                .ThenBy(t => t.Index)
                .Select(t => t.Row)
                .ToList();
            double best = ordered.Where(r => IsUsable(r.AIC)).Select(r => r.AIC).DefaultIfEmpty(double.NaN).Min();
            double total = 0;
            foreach (var row in ordered)
            {
                row.DeltaAIC = IsUsable(row.AIC) ? row.AIC - best : double.PositiveInfinity;
                total += IsUsable(row.AIC) ? Math.Exp(-row.DeltaAIC / 2) : 0;
            }

            for (int i = 0; i < ordered.Count; i++)
            {
                var row = ordered[i];
                row.Rank = i + 1;
                row.AkaikeWeight = IsUsable(row.AIC) && total > 0 ? Math.Exp(-row.DeltaAIC / 2) / total : 0;
            }

            rows.Clear();
            rows.AddRange(ordered);
        }

        /// <summary>Whether the AIC can be ranked (finite).</summary>
        private static bool IsUsable(double aic) => !double.IsNaN(aic) && !double.IsInfinity(aic);
    }
}
