using System;
using PSEstimation.Distributions;

namespace PSEstimation.Models
{
    /// <summary>
    /// LogNormal(MeanLog, SdLog): log x ~ Normal(MeanLog, SdLog²), x > 0. The distribution
    /// functions are the standard normal's (<see cref="StandardNormal"/>) at
    /// z = (log x - MeanLog) / SdLog, with log x - MeanLog formed in extra precision
    /// (<see cref="LogMinus"/>): at x = 1e300 log x is 690.8, and its rounding alone would cost
    /// a survival probability of 1e-300 at SdLog 1 about 700·37 ulps.
    /// </summary>
    internal sealed class LogNormalModel : DistributionModel
    {
        private const double LogTwoPi = 1.8378770664093454835606594728112;
        private const double HalfLogTwoPi = 0.91893853320467274178032973640562;

        // log 2 split so that e·Ln2High is exact for every binary exponent e of a double (fdlibm's split).
        private const double Ln2High = 6.93147180369123816490e-01;
        private const double Ln2Low = 1.90821492927058770002e-10;

        public LogNormalModel()
            : base(DistributionName.LogNormal,
                   new ParameterSpec("MeanLog", ParameterDomain.Real),
                   new ParameterSpec("SdLog", ParameterDomain.Positive))
        {
        }

        public override bool IsDiscrete => false;

        public override string SupportDescription => "x > 0";

        public override bool IsInSupport(double x, double[] theta) => x > 0;

        public override double LogDensity(double x, double[] theta)
        {
            if (!(x > 0))
            {
                return double.NegativeInfinity;
            }

            double y = Math.Log(x), z = (y - theta[0]) / theta[1];
            return -y - Math.Log(theta[1]) - 0.5 * LogTwoPi - 0.5 * z * z;
        }

        public override void AddScore(double x, double weight, double[] theta, double[] score)
        {
            if (!(x > 0))
            {
                score[0] = score[1] = double.NaN;
                return;
            }

            double s = theta[1], d = Math.Log(x) - theta[0];
            score[0] += weight * d / (s * s);
            score[1] += weight * (d * d / (s * s) - 1) / s;
        }

        public override void AddHessian(double x, double weight, double[] theta, double[,] hessian)
        {
            if (!(x > 0))
            {
                hessian[0, 0] = hessian[0, 1] = hessian[1, 0] = hessian[1, 1] = double.NaN;
                return;
            }

            double s = theta[1], s2 = s * s, d = Math.Log(x) - theta[0];
            double cross = -2 * weight * d / (s2 * s);
            hessian[0, 0] -= weight / s2;
            hessian[0, 1] += cross;
            hessian[1, 0] += cross;
            hessian[1, 1] += weight * (1 - 3 * d * d / s2) / s2;
        }

        /// <summary>diag(1/SdLog², 2/SdLog²): the Normal information in (mean, standard deviation).</summary>
        public override double[,] ExpectedInformation(double[] theta)
        {
            double s2 = theta[1] * theta[1];
            return new[,] { { 1 / s2, 0 }, { 0, 2 / s2 } };
        }

        /// <summary>φ(z) / (x · SdLog), with z from the extra-precision log x - MeanLog.</summary>
        public override double Density(double x, double[] theta)
        {
            if (!(x > 0) || double.IsInfinity(x))
            {
                return double.IsNaN(x) ? double.NaN : 0;
            }

            double z = Standardized(x, theta);
            double value = Math.Exp(-0.5 * z * z - HalfLogTwoPi) / theta[1] / x;
            return value >= 1e-300 && !double.IsInfinity(value)
                ? value
                : Math.Exp(-0.5 * z * z - HalfLogTwoPi - Math.Log(theta[1]) - Math.Log(x));
        }

        public override double LogCdf(double x, double[] theta)
            => double.IsNaN(x) ? double.NaN : x > 0 ? StandardNormal.LogCdf(Standardized(x, theta)) : double.NegativeInfinity;

        public override double LogSurvival(double x, double[] theta)
            => double.IsNaN(x) ? double.NaN : x > 0 ? StandardNormal.LogCdf(-Standardized(x, theta)) : 0;

        public override double Cdf(double x, double[] theta)
            => double.IsNaN(x) ? double.NaN : x > 0 ? StandardNormal.Cdf(Standardized(x, theta)) : 0;

        public override double Survival(double x, double[] theta)
            => double.IsNaN(x) ? double.NaN : x > 0 ? StandardNormal.Cdf(-Standardized(x, theta)) : 1;

        /// <summary>
        /// log F = log Φ(z): ∂/∂z = m(z) = φ(z)/Φ(z), ∂²/∂z² = -m(z)(z + m(z)), with
        /// ∂z/∂MeanLog = -1/SdLog, ∂z/∂SdLog = -z/SdLog, ∂²z/∂MeanLog∂SdLog = 1/SdLog², ∂²z/∂SdLog² = 2z/SdLog².
        /// </summary>
        public override void AddLogCdfDerivatives(double x, double weight, double[] theta, double[] gradient, double[,]? hessian)
        {
            if (!(x > 0) || double.IsInfinity(x))
            {
                CumulativeHazardTail.AddUndefined(gradient, hessian);
                return;
            }

            AddLogPhiDerivatives(Standardized(x, theta), 1, weight, theta, gradient, hessian);
        }

        /// <summary>log S = log Φ(-z): as <see cref="AddLogCdfDerivatives"/> through w = -z.</summary>
        public override void AddLogSurvivalDerivatives(double x, double weight, double[] theta, double[] gradient, double[,]? hessian)
        {
            if (double.IsNaN(x) || double.IsInfinity(x))
            {
                CumulativeHazardTail.AddUndefined(gradient, hessian);
                return;
            }

            if (x > 0)
            {
                AddLogPhiDerivatives(-Standardized(x, theta), -1, weight, theta, gradient, hessian);
            }
        }

        public override double Quantile(double p, double[] theta) => FromStandard(StandardNormal.Quantile(p), theta);

        public override double InverseSurvival(double q, double[] theta) => FromStandard(-StandardNormal.Quantile(q), theta);

        public override double Sample(RandomSource random, double[] theta)
            => DeterministicMath.Exp(theta[0] + theta[1] * Samplers.StandardNormal(random));

        /// <summary>
        /// Adds the derivatives of log Φ(w) with w = sign·z: ∂w/∂θ = sign·∂z/∂θ, and so on.
        /// </summary>
        private static void AddLogPhiDerivatives(double w, double sign, double weight, double[] theta, double[] gradient, double[,]? hessian)
        {
            double s = theta[1], z = sign * w;
            double m = InverseMillsRatio(w);
            double mPrime = double.IsInfinity(w) ? 0 : -m * (w + m);
            double[] dw = { -sign / s, -sign * z / s };
            gradient[0] += weight * m * dw[0];
            gradient[1] += weight * m * dw[1];
            if (hessian is null)
            {
                return;
            }

            var d2w = new[,] { { 0, sign / (s * s) }, { sign / (s * s), sign * 2 * z / (s * s) } };
            for (int i = 0; i < 2; i++)
            {
                for (int j = 0; j < 2; j++)
                {
                    hessian[i, j] += weight * (mPrime * dw[i] * dw[j] + m * d2w[i, j]);
                }
            }
        }

        /// <summary>
        /// φ(w)/Φ(w): from the logs where Φ is moderate; below w = -37.5 from the same asymptotic
        /// series of Mills' ratio as <see cref="StandardNormal.LogCdf"/> (m = -w / series), which
        /// does not lose the digits exp(log φ - log Φ) would at w² ≈ 10⁴.
        /// </summary>
        private static double InverseMillsRatio(double w)
        {
            if (w < -37.5)
            {
                double v = 1 / (w * w);
                double series = 1 - v * (1 - 3 * v * (1 - 5 * v * (1 - 7 * v * (1 - 9 * v))));
                return -w / series;
            }

            return Math.Exp(-0.5 * w * w - HalfLogTwoPi - StandardNormal.LogCdf(w));
        }

        /// <summary>exp(MeanLog + SdLog · z), infinite ends kept.</summary>
        private static double FromStandard(double z, double[] theta)
        {
            if (double.IsNaN(z))
            {
                return double.NaN;
            }

            if (double.IsInfinity(z))
            {
                return z > 0 ? double.PositiveInfinity : 0;
            }

            return Math.Exp(theta[0] + theta[1] * z);
        }

        private static double Standardized(double x, double[] theta) => LogMinus(x, theta[0]) / theta[1];

        /// <summary>
        /// log x - m for x > 0 with an absolute error of a few ulps of the result rather than of
        /// log x: x = f · 2^e with f in [√½, √2), log x = e·log 2 + log f, where e·Ln2High is exact,
        /// the subtraction of m from it is exact or correctly rounded, and log f is small.
        /// </summary>
        internal static double LogMinus(double x, double m)
        {
            if (double.IsInfinity(x) || double.IsInfinity(m) || double.IsNaN(x) || double.IsNaN(m))
            {
                return Math.Log(x) - m;
            }

            long bits = BitConverter.DoubleToInt64Bits(x);
            int exponent = (int)((bits >> 52) & 0x7FF);
            int e;
            if (exponent == 0)
            {
                // Subnormal: scale into the normal range first.
                bits = BitConverter.DoubleToInt64Bits(x * 18014398509481984.0); // 2^54
                exponent = (int)((bits >> 52) & 0x7FF);
                e = exponent - 1023 - 54;
            }
            else
            {
                e = exponent - 1023;
            }

            double f = BitConverter.Int64BitsToDouble((bits & 0x000FFFFFFFFFFFFFL) | 0x3FF0000000000000L);
            if (f > 1.4142135623730951)
            {
                f *= 0.5;
                e++;
            }

            return (e * Ln2High - m) + (e * Ln2Low + SpecialMath.Log1p(f - 1));
        }
    }
}
