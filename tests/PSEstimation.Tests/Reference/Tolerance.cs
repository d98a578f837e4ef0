using System;
using Xunit.Sdk;

namespace PSEstimation.Tests.Reference
{
    /// <summary>Comparisons by relative error, as the issues state accuracy.</summary>
    public static class Tolerance
    {
        /// <summary>Asserts |actual - expected| ≤ relative · max(|expected|, floor).</summary>
        public static void Relative(double expected, double actual, double relative, string what, double floor = 1e-300)
        {
            double scale = Math.Max(Math.Abs(expected), floor);
            double error = Math.Abs(actual - expected) / scale;
            if (!(error <= relative))
            {
                throw new XunitException($"{what}: expected {expected:R}, got {actual:R} (relative error {error:G3} > {relative:G3}).");
            }
        }

        /// <summary>Asserts |actual| ≤ absolute (for values whose reference is 0, such as a score at the optimum).</summary>
        public static void Absolute(double expected, double actual, double absolute, string what)
        {
            if (!(Math.Abs(actual - expected) <= absolute))
            {
                throw new XunitException($"{what}: expected {expected:R} ± {absolute:G3}, got {actual:R}.");
            }
        }
    }
}
