using System;

namespace PSEstimation.Models
{
    /// <summary>What is known of one observation's value.</summary>
    internal enum ObservationKind
    {
        /// <summary>The value itself (Lower = Upper).</summary>
        Exact,

        /// <summary>At most Upper (left-censored: a detection limit); Lower is -Infinity.</summary>
        LeftCensored,

        /// <summary>At least Lower (right-censored: a timeout, a machine still running); Upper is +Infinity.</summary>
        RightCensored,

        /// <summary>Between Lower and Upper (interval-censored: a bucket).</summary>
        IntervalCensored,
    }

    /// <summary>
    /// The unit a likelihood is built from: a value known exactly or only to lie in an interval,
    /// with a frequency weight (a count), and the row of its covariates when a regression model
    /// sets the parameters (-1 without). The log-likelihood contribution of each kind is
    /// <see cref="ObservationLikelihood"/>'s.
    /// </summary>
    internal readonly struct Observation
    {
        public Observation(double lower, double upper, double weight = 1.0, int row = -1)
        {
            Lower = lower;
            Upper = upper;
            Weight = weight;
            Row = row;
        }

        /// <summary>The lower bound: the value itself when exact; -Infinity when left-censored.</summary>
        public double Lower { get; }

        /// <summary>The upper bound: the value itself when exact; +Infinity when right-censored.</summary>
        public double Upper { get; }

        /// <summary>The frequency weight: the observation counts this many times.</summary>
        public double Weight { get; }

        /// <summary>The row of the design matrix holding this observation's covariates, or -1.</summary>
        public int Row { get; }

        public ObservationKind Kind
            => Lower == Upper ? ObservationKind.Exact
             : double.IsNegativeInfinity(Lower) ? ObservationKind.LeftCensored
             : double.IsPositiveInfinity(Upper) ? ObservationKind.RightCensored
             : ObservationKind.IntervalCensored;

        public static Observation Exact(double value, double weight = 1.0) => new Observation(value, value, weight);

        public static Observation AtMost(double upper, double weight = 1.0) => new Observation(double.NegativeInfinity, upper, weight);

        public static Observation AtLeast(double lower, double weight = 1.0) => new Observation(lower, double.PositiveInfinity, weight);

        public static Observation Between(double lower, double upper, double weight = 1.0)
        {
            if (!(lower <= upper))
            {
                throw new ArgumentException("The lower bound of an interval must not exceed its upper bound.");
            }

            return new Observation(lower, upper, weight);
        }
    }
}
