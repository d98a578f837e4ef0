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

        /// <summary>The exact values and (once <see cref="StartImputed"/>) a point of each censored interval; null if not kept.</summary>
        public SampleAccumulator? StartSample { get; }

        /// <summary>Whether the censored observations' points have been added to <see cref="StartSample"/>.</summary>
        public bool StartImputed { get; set; }

        /// <summary>Adds an exact value the family's support check has accepted.</summary>
        public void AddExact(double x, double weight)
        {
            Exact.Add(x, weight);
            StartSample?.Add(x, weight);
        }

        /// <summary>Adds unit-weight exact values already accepted by the family's bulk check into <see cref="Exact"/>.</summary>
        public void AddExactRangeToStart(double[] values) => StartSample?.AddRange(values);

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
