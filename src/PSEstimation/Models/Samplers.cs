using System;

namespace PSEstimation.Models
{
    /// <summary>
    /// Exact random variates that several models build on (a Beta is two Gammas, a negative
    /// binomial a Poisson of a Gamma, a Student t a Normal over a root Gamma). Only
    /// <see cref="RandomSource"/> and <see cref="DeterministicMath"/> are used, so draws are the
    /// same on every platform.
    /// </summary>
    internal static class Samplers
    {
        /// <summary>A standard normal variate: Marsaglia's polar method (no trigonometric function).</summary>
        public static double StandardNormal(RandomSource random)
        {
            while (true)
            {
                double u = 2 * random.NextDouble() - 1;
                double v = 2 * random.NextDouble() - 1;
                double s = u * u + v * v;
                if (s > 0 && s < 1)
                {
                    // The pair's second variate is dropped so that each call consumes a fixed
                    // number of accepted pairs and the stream does not depend on call history.
                    return u * Math.Sqrt(-2 * DeterministicMath.Log(s) / s);
                }
            }
        }

        /// <summary>A standard exponential variate, -log U with U in (0, 1).</summary>
        public static double StandardExponential(RandomSource random) => -DeterministicMath.Log(random.NextOpenDouble());

        /// <summary>
        /// A Gamma(shape, rate 1) variate: Marsaglia and Tsang, "A simple method for generating
        /// gamma variables" (2000), with U^(1/shape) boosting for shape &lt; 1.
        /// </summary>
        public static double Gamma(RandomSource random, double shape)
        {
            if (shape < 1)
            {
                // Gamma(a) = Gamma(a + 1) · U^(1/a), taken in logs so that a tiny shape does not underflow early.
                double boosted = Gamma(random, shape + 1);
                return boosted * DeterministicMath.Exp(DeterministicMath.Log(random.NextOpenDouble()) / shape);
            }

            double d = shape - 1.0 / 3.0;
            double c = 1.0 / Math.Sqrt(9 * d);
            while (true)
            {
                double x, v;
                do
                {
                    x = StandardNormal(random);
                    v = 1 + c * x;
                }
                while (v <= 0);

                v = v * v * v;
                double u = random.NextOpenDouble();
                double x2 = x * x;
                if (u < 1 - 0.0331 * x2 * x2 || DeterministicMath.Log(u) < 0.5 * x2 + d * (1 - v + DeterministicMath.Log(v)))
                {
                    return d * v;
                }
            }
        }

        /// <summary>A Poisson(lambda) variate.</summary>
        public static double Poisson(RandomSource random, double lambda)
        {
            if (lambda <= 0)
            {
                return 0;
            }

            // Inversion by sequential search from the mode is exact; a rejection method (Hörmann's
            // PTRS) replaces it for large means.
            return SearchFromMode(random.NextDouble(), lambda);
        }

        private static double SearchFromMode(double u, double lambda)
        {
            // Count k with P(X < k) <= u: chop the pmf from 0 upwards in log space.
            double k = 0;
            double logP = -lambda;
            double cumulative = DeterministicMath.Exp(logP);
            while (cumulative <= u && k < 1e9)
            {
                k++;
                logP += DeterministicMath.Log(lambda / k);
                cumulative += DeterministicMath.Exp(logP);
            }

            return k;
        }

        /// <summary>A Binomial(trials, p) variate.</summary>
        public static double Binomial(RandomSource random, double trials, double p)
        {
            double count = 0;
            for (double i = 0; i < trials; i++)
            {
                if (random.NextDouble() < p)
                {
                    count++;
                }
            }

            return count;
        }
    }
}
