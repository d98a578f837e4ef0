using System;
using MathNet.Numerics.Distributions;
using PSEstimation.Models;

namespace PSEstimation.Estimation
{
    /// <summary>A derived quantity of a fit (a quantile, a survival probability) with its standard error and interval.</summary>
    internal readonly struct IntervalEstimate
    {
        public IntervalEstimate(double value, double? standardError, double? lower, double? upper)
        {
            Value = value;
            StandardError = standardError;
            Lower = lower;
            Upper = upper;
        }

        public double Value { get; }

        public double? StandardError { get; }

        public double? Lower { get; }

        public double? Upper { get; }
    }

    /// <summary>
    /// Quantiles and probabilities of a fitted model with delta-method (Wald) intervals: the
    /// gradient g of the quantity in the parameters, Var ≈ gᵀ Σ g with Σ the fit's covariance, and
    /// the interval formed on a scale that respects the quantity's range: the log scale for a
    /// quantile of a positive distribution (its interval stays positive), the logit scale for a
    /// probability (its interval stays in (0, 1), and a survival of 1e-20 keeps its digits,
    /// because the logit of a small S is log S - log F, computed from the logs).
    /// </summary>
    internal static class DerivedQuantities
    {
        /// <summary>
        /// The quantile at lower-tail probability <paramref name="probability"/>, or, when
        /// <paramref name="upperTail"/>, at exceedance probability <paramref name="probability"/>,
        /// with its interval from <paramref name="covariance"/> (null: no interval).
        /// </summary>
        public static IntervalEstimate Quantile(DistributionModel model, double[] theta, double[,]? covariance, double probability, bool upperTail, double level)
        {
            double value = upperTail ? model.InverseSurvival(probability, theta) : model.Quantile(probability, theta);
            if (covariance is null || double.IsInfinity(value) || double.IsNaN(value))
            {
                return new IntervalEstimate(value, null, null, null);
            }

            double z = Normal.InvCDF(0, 1, 0.5 + level / 2);
            if (model.IsDiscrete)
            {
                return DiscreteQuantile(model, theta, covariance, value, probability, upperTail, z);
            }

            // F(Q(θ); θ) = p, so ∂Q/∂θ = -(∂F/∂θ)/f = -F·∂log F/∂θ / f; from the tail that is smaller,
            // where the ratio of the two probabilities is exact: S·∂log S/∂θ / f for the upper tail.
            int k = theta.Length;
            var gradient = new double[k];
            double logDensity = model.LogDensity(value, theta);
            double logF = model.LogCdf(value, theta), logS = model.LogSurvival(value, theta);
            if (logS < logF)
            {
                model.AddLogSurvivalDerivatives(value, 1, theta, gradient, null);
                Scale(gradient, Math.Exp(logS - logDensity));
            }
            else
            {
                model.AddLogCdfDerivatives(value, 1, theta, gradient, null);
                Scale(gradient, -Math.Exp(logF - logDensity));
            }

            double? se = StandardError(gradient, covariance);
            if (se is not double standardError)
            {
                return new IntervalEstimate(value, null, null, null);
            }

            bool positive = model.Quantile(0, theta) >= 0 && value > 0;
            if (positive)
            {
                double logSe = standardError / value;
                return new IntervalEstimate(value, standardError, value * Math.Exp(-z * logSe), value * Math.Exp(z * logSe));
            }

            return new IntervalEstimate(value, standardError, value - z * standardError, value + z * standardError);
        }

        /// <summary>
        /// S(x) = P(X &gt; x) with its interval on the logit scale. The standard error is that of S
        /// itself (delta method on the natural scale: S·|∂log S/∂θ| propagated).
        /// </summary>
        public static IntervalEstimate Survival(DistributionModel model, double[] theta, double[,]? covariance, double x, double level)
        {
            double survival = model.Survival(x, theta);
            if (covariance is null)
            {
                return new IntervalEstimate(survival, null, null, null);
            }

            var bounds = LogitInterval(model, theta, covariance, x, level, out double? seOfS);
            if (bounds is not (double lowerLogS, double upperLogS))
            {
                return new IntervalEstimate(survival, seOfS, null, null);
            }

            return new IntervalEstimate(survival, seOfS, Math.Exp(lowerLogS), Math.Exp(upperLogS));
        }

        /// <summary>
        /// The interval of log S(x) from the logit scale, η = log S - log F: η ± z·se(η), mapped back
        /// as log S = -log(1 + e^-η). Null when the interval cannot be formed (no standard error, or
        /// S is 0 or 1 exactly).
        /// </summary>
        private static (double LowerLogSurvival, double UpperLogSurvival)? LogitInterval(DistributionModel model, double[] theta, double[,] covariance, double x, double level, out double? seOfSurvival)
        {
            seOfSurvival = null;
            double logS = model.LogSurvival(x, theta), logF = model.LogCdf(x, theta);
            if (double.IsInfinity(logS) || double.IsInfinity(logF) || double.IsNaN(logS) || double.IsNaN(logF))
            {
                return null;
            }

            int k = theta.Length;
            var dLogS = new double[k];
            var dLogF = new double[k];
            model.AddLogSurvivalDerivatives(x, 1, theta, dLogS, null);
            model.AddLogCdfDerivatives(x, 1, theta, dLogF, null);
            var dEta = new double[k];
            var dS = new double[k];
            double survival = Math.Exp(logS);
            for (int i = 0; i < k; i++)
            {
                dEta[i] = dLogS[i] - dLogF[i];
                dS[i] = survival * dLogS[i];
            }

            seOfSurvival = StandardError(dS, covariance);
            if (StandardError(dEta, covariance) is not double seEta)
            {
                return null;
            }

            double z = Normal.InvCDF(0, 1, 0.5 + level / 2);
            double eta = logS - logF;
            return (LogSurvivalOfLogit(eta - z * seEta), LogSurvivalOfLogit(eta + z * seEta));
        }

        /// <summary>
        /// A discrete quantile is a step function of the parameters, so it has no delta-method
        /// standard error; its interval inverts the CDF's: from the smallest k whose upper
        /// confidence bound of F(k) reaches p to the smallest k whose lower bound does (the upper
        /// tail: S(k) and q, mirrored).
        /// </summary>
        private static IntervalEstimate DiscreteQuantile(DistributionModel model, double[] theta, double[,] covariance, double value, double probability, bool upperTail, double z)
        {
            double level = 2 * Normal.CDF(0, 1, z) - 1;
            double logTarget = Math.Log(probability);

            // Whether k is a possible quantile at the optimistic (or pessimistic) end of the band.
            bool Reaches(double k, bool optimistic)
            {
                var band = LogitInterval(model, theta, covariance, k, level, out _);
                double logS = model.LogSurvival(k, theta);
                double lowS = band?.LowerLogSurvival ?? logS, highS = band?.UpperLogSurvival ?? logS;
                if (upperTail)
                {
                    // S(k) <= q at the lower (optimistic) or upper bound of S.
                    return (optimistic ? lowS : highS) <= logTarget;
                }

                // F(k) >= p: at the upper bound of F (lower bound of S) or the lower bound of F.
                double logF = LogSpace.Log1MinusExp(optimistic ? lowS : highS);
                return logF >= logTarget;
            }

            double start = model.Quantile(0, theta);
            double lower = value;
            while (lower > start && Reaches(lower - 1, optimistic: true))
            {
                lower--;
            }

            double upper = value;
            for (int steps = 0; steps < 1_000_000 && !Reaches(upper, optimistic: false); steps++)
            {
                upper++;
            }

            return new IntervalEstimate(value, null, lower, upper);
        }

        private static double LogSurvivalOfLogit(double eta)
            => eta > 0 ? -LogSpace.Log1p(Math.Exp(-eta)) : eta - LogSpace.Log1p(Math.Exp(eta));

        /// <summary>sqrt(gᵀ Σ g), or null when Σ has no finite value where g needs one (a non-regular fit).</summary>
        private static double? StandardError(double[] gradient, double[,] covariance)
        {
            double variance = 0;
            for (int i = 0; i < gradient.Length; i++)
            {
                if (gradient[i] == 0)
                {
                    continue;
                }

                for (int j = 0; j < gradient.Length; j++)
                {
                    if (gradient[j] != 0)
                    {
                        variance += gradient[i] * covariance[i, j] * gradient[j];
                    }
                }
            }

            return variance >= 0 && !double.IsInfinity(variance) && !double.IsNaN(variance) ? Math.Sqrt(variance) : (double?)null;
        }

        private static void Scale(double[] vector, double factor)
        {
            for (int i = 0; i < vector.Length; i++)
            {
                vector[i] *= factor;
            }
        }
    }
}
