using System.Collections.Generic;
using PSEstimation.Distributions;
using PSEstimation.Models;

namespace PSEstimation.Estimation
{
    /// <summary>
    /// A sample of observations some of which are censored: the exact values in the family's own
    /// accumulator (so its fused sample-level log-likelihood, score and Hessian still serve them),
    /// and the censored observations beside it, merged by their bounds (every value at a timeout
    /// of 30000 is one observation "at least 30000" with their summed weight, so -CensoredAbove
    /// costs one term per limit, not one per value).
    /// </summary>
    internal sealed class CensoredSample
    {
        private readonly Dictionary<(double Lower, double Upper), int> positions = new Dictionary<(double Lower, double Upper), int>();
        private readonly List<Observation> censored = new List<Observation>();
        private long startCount;

        /// <param name="exact">The family's accumulator for the exact values.</param>
        /// <param name="startSample">
        /// A second accumulator of the same family that receives the exact values too, and before
        /// the fit one point inside each censored interval: the robust start when few values are exact.
        /// </param>
        public CensoredSample(SampleAccumulator exact, SampleAccumulator? startSample = null)
        {
            Exact = exact;
            StartSample = startSample;
        }

        /// <summary>The exact values, in the family's accumulator.</summary>
        public SampleAccumulator Exact { get; }

        /// <summary>
        /// How many exact values <see cref="StartSample"/> keeps at most: the start that imputes the
        /// censored observations is for samples with few exact values; beyond this many the start on
        /// the exact values is good enough, and a second accumulator would double the cost of the
        /// input (10^6 LogNormal values: 0.2 s).
        /// </summary>
        public const long StartSampleCapacity = 4096;

        /// <summary>The exact values and (once <see cref="StartImputed"/>) a point of each censored interval; null if not kept.</summary>
        public SampleAccumulator? StartSample { get; }

        /// <summary>Whether <see cref="StartSample"/> holds every exact value (false once more than <see cref="StartSampleCapacity"/> came).</summary>
        public bool StartSampleComplete { get; private set; } = true;

        /// <summary>Whether the censored observations' points have been added to <see cref="StartSample"/>.</summary>
        public bool StartImputed { get; set; }

        /// <summary>Adds an exact value the family's support check has accepted.</summary>
        public void AddExact(double x, double weight)
        {
            Exact.Add(x, weight);
            if (StartSample is not null && StartSampleComplete)
            {
                if (startCount < StartSampleCapacity)
                {
                    StartSample.Add(x, weight);
                    startCount++;
                }
                else
                {
                    StartSampleComplete = false;
                }
            }
        }

        /// <summary>Adds unit-weight exact values, already added to <see cref="Exact"/> by the family's bulk check, to <see cref="StartSample"/>.</summary>
        public void AddExactRangeToStart(double[] values)
        {
            if (StartSample is null || !StartSampleComplete || values.Length == 0)
            {
                return;
            }

            if (startCount + values.Length <= StartSampleCapacity)
            {
                StartSample.AddRange(values);
                startCount += values.Length;
            }
            else
            {
                StartSampleComplete = false;
            }
        }

        /// <summary>The censored observations, one per distinct pair of bounds, with summed weights.</summary>
        public IReadOnlyList<Observation> Censored => censored;

        /// <summary>Weighted count of right-censored observations.</summary>
        public double RightCensoredWeight { get; private set; }

        /// <summary>Weighted count of left-censored observations.</summary>
        public double LeftCensoredWeight { get; private set; }

        /// <summary>Weighted count of interval-censored observations.</summary>
        public double IntervalCensoredWeight { get; private set; }

        /// <summary>The weight of every observation that is not an exact value (the result's CensoredCount).</summary>
        public double CensoredWeight => RightCensoredWeight + LeftCensoredWeight + IntervalCensoredWeight;

        /// <summary>The sample size: exact and censored observations together.</summary>
        public double TotalWeight => Exact.TotalWeight + CensoredWeight;

        /// <summary>Adds a censored observation (an exact one belongs in <see cref="Exact"/>).</summary>
        public void AddCensored(in Observation observation)
        {
            if (!(observation.Weight > 0))
            {
                return;
            }

            switch (observation.Kind)
            {
                case ObservationKind.RightCensored:
                    RightCensoredWeight += observation.Weight;
                    break;
                case ObservationKind.LeftCensored:
                    LeftCensoredWeight += observation.Weight;
                    break;
                case ObservationKind.IntervalCensored:
                    IntervalCensoredWeight += observation.Weight;
                    break;
                default:
                    throw new System.ArgumentException("An exact value belongs in the exact accumulator.");
            }

            var key = (observation.Lower, observation.Upper);
            if (positions.TryGetValue(key, out int at))
            {
                var merged = censored[at];
                censored[at] = new Observation(merged.Lower, merged.Upper, merged.Weight + observation.Weight);
            }
            else
            {
                positions.Add(key, censored.Count);
                censored.Add(observation);
            }
        }

        /// <summary>
        /// The hook for a command that fits several families to the same buffered input
        /// (Compare-Distribution): a censored sample of <paramref name="rule"/>'s family from
        /// values (censored by -CensoredAbove/-CensoredBelow) and bounds (the interval form: lower
        /// &lt; upper, infinite for an empty bound). Values outside the family's support, and
        /// intervals that miss it, are left out and counted in <paramref name="skipped"/>. Fit the
        /// result with <see cref="CensoredEstimator.Fit"/>.
        /// </summary>
        public static CensoredSample Build(
            CensoringRule rule,
            double?[] fixedValues,
            IEnumerable<(double Value, double Weight)> values,
            IEnumerable<(double Lower, double Upper, double Weight)> bounds,
            out long skipped)
        {
            var family = rule.Family;
            var sample = new CensoredSample(family.CreateAccumulator(), family.CreateAccumulator());
            skipped = 0;
            foreach (var (x, w) in values)
            {
                if (rule.TryCensor(x, w, out var censored))
                {
                    sample.AddCensored(censored);
                }
                else if (family.CanFit(x, fixedValues))
                {
                    if (w > 0)
                    {
                        sample.AddExact(x, w);
                    }
                }
                else
                {
                    skipped++;
                }
            }

            foreach (var (lower, upper, w) in bounds)
            {
                if (lower == upper)
                {
                    if (family.CanFit(lower, fixedValues))
                    {
                        sample.AddExact(lower, w);
                    }
                    else
                    {
                        skipped++;
                    }
                }
                else if (rule.FromBounds(lower, upper, w, out _) is Observation observation)
                {
                    sample.AddCensored(observation);
                }
                else
                {
                    skipped++;
                }
            }

            return sample;
        }

        /// <summary>"17 right-censored, 3 interval-censored", for Method and messages.</summary>
        public string Describe()
        {
            var parts = new List<string>();
            if (LeftCensoredWeight > 0)
            {
                parts.Add(Format(LeftCensoredWeight) + " left-censored");
            }

            if (RightCensoredWeight > 0)
            {
                parts.Add(Format(RightCensoredWeight) + " right-censored");
            }

            if (IntervalCensoredWeight > 0)
            {
                parts.Add(Format(IntervalCensoredWeight) + " interval-censored");
            }

            return parts.Count == 0 ? "no censored observation" : string.Join(", ", parts);
        }

        private static string Format(double weight) => weight.ToString("G10", System.Globalization.CultureInfo.InvariantCulture);
    }
}
