using System;

namespace PSEstimation.Models
{
    /// <summary>
    /// Exact random variates that several models build on (a Beta is two Gammas, a negative
    /// binomial a Poisson of a Gamma, a Student t a Normal over a root Gamma). Only
    /// <see cref="RandomSource"/>, <see cref="DeterministicMath"/> and the correctly rounded
    /// operations (+, -, ×, ÷, <see cref="Math.Sqrt(double)"/>, <see cref="Math.Floor(double)"/>) are used, so
    /// draws are the same bits on every platform and runtime.
    /// </summary>
    /// <remarks>
    /// Every sampler is an exact method (rejection or a transformation valid for the whole
    /// support), never numerical inversion of a CDF; each loop accepts with probability bounded
    /// away from 0, so its expected number of rounds is a small constant (noted per sampler).
    /// The only departures from the exact distribution are the granularity of 53-bit uniforms
    /// and the double range itself, noted where they matter.
    /// </remarks>
    internal static class Samplers
    {
        private const double HalfLogTwoPi = 0.9189385332046728; // log(2π)/2, mpmath

        /// <summary>
        /// A standard normal variate: Marsaglia and Bray's polar method ("A convenient method for
        /// generating normal variables", 1964), the pair's second variate dropped.
        /// </summary>
        /// <remarks>
        /// Polar rather than a ziggurat: exact with no tables to compute or ship (a ziggurat's
        /// tables would have to be built with <see cref="DeterministicMath"/> and its tail
        /// handled separately), one log and one sqrt per draw, and 4/π ≈ 1.27 rounds on average.
        /// Its tail ends where s = u² + v² reaches its smallest positive value on the 2⁻⁵² grid of
        /// u and v, |x| ≈ 12.0, beyond which the normal has probability 3.6e-33: no simulation can
        /// see the difference, unlike inversion of a 53-bit uniform, which stops at 8.3 (1.1e-16).
        /// The second variate of the pair is dropped so that each draw's value depends only on
        /// the random stream, not on whether an earlier call left a spare.
        /// </remarks>
        public static double StandardNormal(RandomSource random)
        {
            while (true)
            {
                double u = 2 * random.NextDouble() - 1;
                double v = 2 * random.NextDouble() - 1;
                double s = u * u + v * v;
                if (s > 0 && s < 1)
                {
                    return u * Math.Sqrt(-2 * DeterministicMath.Log(s) / s);
                }
            }
        }

        /// <summary>
        /// A standard exponential variate, -log U, with U uniform at full precision at every
        /// scale (<see cref="RandomSource.NextUniformFullPrecision"/>): every value carries full
        /// relative precision and the tail reaches 708 instead of stopping at 37.
        /// </summary>
        public static double StandardExponential(RandomSource random) => -DeterministicMath.Log(random.NextUniformFullPrecision());

        /// <summary>
        /// A Gamma(shape, rate 1) variate: Marsaglia and Tsang, "A simple method for generating
        /// gamma variables" (2000), with Gamma(a) = Gamma(a + 1)·U^(1/a) for shape &lt; 1.
        /// </summary>
        /// <remarks>
        /// For shape a ≥ 1 about 1.02 to 1.05 rounds, each a normal and a uniform. Small shapes
        /// underflow legitimately: P(X &lt; 4.9e-324, the smallest double) ≈ (4.9e-324)^a / Γ(a + 1),
        /// 0.48 at a = 1e-3 and 0.93 at a = 1e-4, and those draws are exactly 0. Use
        /// <see cref="LogGamma"/> where the value's logarithm is what is needed (Beta, Dirichlet).
        /// </remarks>
        public static double Gamma(RandomSource random, double shape)
        {
            if (!(shape > 0) || double.IsPositiveInfinity(shape))
            {
                return double.NaN; // no distribution; and the loop below would never end
            }

            if (shape < 1)
            {
                return DeterministicMath.Exp(LogGamma(random, shape));
            }

            return MarsagliaTsang(random, shape);
        }

        /// <summary>
        /// The logarithm of a Gamma(shape, rate 1) variate, exact where the variate itself
        /// underflows: for shape a &lt; 1, log Gamma(a + 1) - E/a with E standard exponential
        /// (log U^(1/a) = -E/a), which reaches -708/a rather than the double range's -745.
        /// </summary>
        public static double LogGamma(RandomSource random, double shape)
        {
            if (!(shape > 0) || double.IsPositiveInfinity(shape))
            {
                return double.NaN;
            }

            if (shape < 1)
            {
                double boosted = MarsagliaTsang(random, shape + 1);
                return DeterministicMath.Log(boosted) - StandardExponential(random) / shape;
            }

            return DeterministicMath.Log(MarsagliaTsang(random, shape));
        }

        private static double MarsagliaTsang(RandomSource random, double shape)
        {
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

        /// <summary>A chi-squared variate with <paramref name="degreesOfFreedom"/> degrees of freedom: 2·Gamma(k/2).</summary>
        public static double ChiSquare(RandomSource random, double degreesOfFreedom) => 2 * Gamma(random, 0.5 * degreesOfFreedom);

        /// <summary>
        /// A Beta(a, b) variate, X/(X + Y) with X ~ Gamma(a), Y ~ Gamma(b); when a shape is below 1
        /// the ratio is formed from the Gammas' logarithms (<see cref="LogGamma"/>), so tiny shapes
        /// (1e-3, where each Gamma is 0 half the time) still give the right distribution.
        /// </summary>
        /// <remarks>
        /// With tiny shapes most of the mass sits within 1e-300 of 0 or 1: draws within 1.1e-16
        /// of 1 round to exactly 1 and draws below 4.9e-324 to exactly 0, as any double would.
        /// </remarks>
        public static double Beta(RandomSource random, double a, double b)
        {
            if (!(a > 0 && b > 0) || double.IsPositiveInfinity(a) || double.IsPositiveInfinity(b))
            {
                return double.NaN;
            }

            if (a >= 1 && b >= 1)
            {
                double x = MarsagliaTsang(random, a);
                double y = MarsagliaTsang(random, b);
                return x / (x + y);
            }

            double logX = LogGamma(random, a);
            double logY = LogGamma(random, b);
            if (logX >= logY)
            {
                return 1 / (1 + DeterministicMath.Exp(logY - logX));
            }

            double ratio = DeterministicMath.Exp(logX - logY);
            return ratio / (1 + ratio);
        }

        /// <summary>
        /// A Poisson(lambda) variate: for lambda &lt; 10 the product of uniforms (Knuth, TAOCP 2,
        /// 3.4.1: the number of unit-rate arrivals by time lambda), exact with no truncated tail
        /// and lambda + 1 uniforms on average; from 10 on Hörmann's PTRS ("The transformed
        /// rejection method for generating Poisson random variables", 1993), about 1.15 rounds
        /// whatever lambda is.
        /// </summary>
        public static double Poisson(RandomSource random, double lambda)
        {
            if (double.IsNaN(lambda) || double.IsPositiveInfinity(lambda))
            {
                return double.NaN;
            }

            if (lambda <= 0)
            {
                return 0;
            }

            if (lambda < 10)
            {
                double limit = DeterministicMath.Exp(-lambda); // >= 4.5e-5: no underflow
                double product = random.NextOpenDouble();
                double k = 0;
                while (product > limit)
                {
                    k++;
                    product *= random.NextOpenDouble();
                }

                return k;
            }

            return TransformedRejectionPoisson(random, lambda);
        }

        private static double TransformedRejectionPoisson(RandomSource random, double lambda)
        {
            // Hörmann (1993), algorithm PTRS, with his constants.
            double sqrtLambda = Math.Sqrt(lambda);
            double b = 0.931 + 2.53 * sqrtLambda;
            double a = -0.059 + 0.02483 * b;
            double logInverseAlpha = DeterministicMath.Log(1.1239 + 1.1328 / (b - 3.4));
            double vr = 0.9277 - 3.6224 / (b - 2);
            while (true)
            {
                double u = random.NextDouble() - 0.5;
                double v = random.NextOpenDouble();
                double us = 0.5 - Math.Abs(u);
                double k = Math.Floor((2 * a / us + b) * u + lambda + 0.43);
                if (us >= 0.07 && v <= vr)
                {
                    return k;
                }

                if (!(k >= 0) || (us < 0.013 && v > us))
                {
                    continue; // also rejects the NaN of us = 0
                }

                if (DeterministicMath.Log(v) + logInverseAlpha - DeterministicMath.Log(a / (us * us) + b) <= LogPoissonProbability(k, lambda))
                {
                    return k;
                }
            }
        }

        /// <summary>
        /// A Binomial(trials, p) variate for a whole number of trials: for trials·min(p, 1 - p)
        /// &lt; 10 the waiting-time method (successes are counted by geometric gaps between them,
        /// Devroye, "Non-Uniform Random Variate Generation", 1986, X.4.3), exact, with
        /// trials·p + 1 exponentials on average; from 10 on Hörmann's BTRS ("The generation of
        /// binomial random variates", 1993), about 1.15 rounds whatever the trials. Either way the
        /// cost no longer grows with the number of trials.
        /// </summary>
        public static double Binomial(RandomSource random, double trials, double p)
        {
            if (double.IsNaN(trials) || double.IsNaN(p) || double.IsInfinity(trials))
            {
                return double.NaN;
            }

            double n = Math.Floor(trials);
            if (n <= 0 || p <= 0)
            {
                return 0;
            }

            if (p >= 1)
            {
                return n;
            }

            if (p > 0.5)
            {
                return n - Binomial(random, n, 1 - p);
            }

            if (n * p < 10)
            {
                // Gap to the next success, in trials: 1 + floor(E / -log(1 - p)), Geometric(p) on {1, 2, ...}.
                double rate = -DeterministicMath.Log1p(-p);
                double position = 0;
                double count = 0;
                while (true)
                {
                    position += Math.Floor(StandardExponential(random) / rate) + 1;
                    if (position > n)
                    {
                        return count;
                    }

                    count++;
                }
            }

            return TransformedRejectionBinomial(random, n, p);
        }

        private static double TransformedRejectionBinomial(RandomSource random, double n, double p)
        {
            // Hörmann (1993), algorithm BTRS, with his constants; p <= 1/2 and n·p >= 10 here.
            double q = 1 - p;
            double spq = Math.Sqrt(n * p * q);
            double b = 1.15 + 2.53 * spq;
            double a = -0.0873 + 0.0248 * b + 0.01 * p;
            double c = n * p + 0.5;
            double vr = 0.92 - 4.2 / b;
            double logAlpha = DeterministicMath.Log((2.83 + 5.1 / b) * spq);
            double mode = Math.Floor((n + 1) * p);
            double logAtMode = LogBinomialProbability(mode, n, p);
            while (true)
            {
                double u = random.NextDouble() - 0.5;
                double v = random.NextOpenDouble();
                double us = 0.5 - Math.Abs(u);
                double k = Math.Floor((2 * a / us + b) * u + c);
                if (!(k >= 0 && k <= n))
                {
                    continue; // also rejects the NaN of us = 0
                }

                if (us >= 0.07 && v <= vr)
                {
                    return k;
                }

                double logV = DeterministicMath.Log(v) + logAlpha - DeterministicMath.Log(a / (us * us) + b);
                if (logV <= LogBinomialProbability(k, n, p) - logAtMode)
                {
                    return k;
                }
            }
        }

        /// <summary>
        /// log P(X = k) for X ~ Poisson(lambda), k a whole number &gt;= 0, in Loader's form
        /// (-stirlerr(k) - bd0(k, lambda) - log(2πk)/2), which keeps its digits at lambda = 1e15
        /// where -lambda + k log lambda - log k! cancels 15 of them.
        /// </summary>
        internal static double LogPoissonProbability(double k, double lambda)
        {
            if (k == 0)
            {
                return -lambda;
            }

            return -SaddlePointTerms.StirlingError(k) - DevianceTerm(k, lambda) - HalfLogTwoPi - 0.5 * DeterministicMath.Log(k);
        }

        /// <summary>log P(X = k) for X ~ Binomial(n, p), 0 &lt;= k &lt;= n whole numbers, 0 &lt; p &lt; 1, in Loader's form.</summary>
        internal static double LogBinomialProbability(double k, double n, double p)
        {
            double q = 1 - p;
            if (k == 0)
            {
                return n * DeterministicMath.Log1p(-p);
            }

            if (k == n)
            {
                return n * DeterministicMath.Log(p);
            }

            double rest = n - k;
            return SaddlePointTerms.StirlingError(n) - SaddlePointTerms.StirlingError(k) - SaddlePointTerms.StirlingError(rest)
                - DevianceTerm(k, n * p) - DevianceTerm(rest, n * q)
                - HalfLogTwoPi + 0.5 * DeterministicMath.Log(n / (k * rest));
        }

        /// <summary>
        /// bd0(x, m) = x log(x/m) + m - x, the deviance term of Loader (2000): its series where x is
        /// near m (<see cref="SaddlePointTerms.TryDevianceSeries"/>), else the direct form in
        /// DeterministicMath's log, so that a seed draws the same values on every machine.
        /// </summary>
        internal static double DevianceTerm(double x, double m)
        {
            if (x == 0)
            {
                return m;
            }

            return SaddlePointTerms.TryDevianceSeries(x, m, out double series) ? series : x * DeterministicMath.Log(x / m) + m - x;
        }
    }
}
