using System;

namespace PSEstimation.Models
{
    /// <summary>
    /// log and exp written out in IEEE double arithmetic (+, -, ×, ÷, sqrt are correctly rounded
    /// everywhere), for the samplers: System.Math calls the platform's C library, whose last bit
    /// differs between Windows and Linux, and a seed must give the same numbers everywhere.
    /// </summary>
    internal static class DeterministicMath
    {
        // The sampling helper replaces these bodies with ports of fdlibm's __ieee754_log and
        // __ieee754_exp; until then they call System.Math (same values to the last bit or so).

        /// <summary>Natural logarithm.</summary>
        public static double Log(double x) => Math.Log(x);

        /// <summary>e^x.</summary>
        public static double Exp(double x) => Math.Exp(x);
    }
}
