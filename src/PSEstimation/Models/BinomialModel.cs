using System;
using System.Collections.Generic;
using System.Globalization;
using PSEstimation.Distributions;

namespace PSEstimation.Models
{
    /// <summary>
    /// Binomial(Trials, P) on 0..Trials, Trials a known constant:
    /// log f(x) = log C(Trials, x) + x log p + (Trials - x) log(1 - p) (Loader's form).
    /// F(k) = I_{1-p}(Trials - k, k + 1) and S(k) = I_p(k + 1, Trials - k), both tails direct
    /// (<see cref="IncompleteBetaTails"/>).
    /// </summary>
    internal sealed class BinomialModel : DistributionModel
    {
        private readonly Dictionary<string, double> constants;

        public BinomialModel(double trials)
            : base(DistributionName.Binomial, new ParameterSpec("P", ParameterDomain.Probability))
        {
            Trials = trials;
            constants = new Dictionary<string, double> { ["Trials"] = trials };
        }

        /// <summary>The number of trials of each observation.</summary>
        public double Trials { get; }

        public override IReadOnlyDictionary<string, double> Constants => constants;

        public override bool IsDiscrete => true;

        public override string SupportDescription
            => "a whole number from 0 to Trials = " + Trials.ToString("R", CultureInfo.InvariantCulture);

        public override bool IsInSupport(double x, double[] theta)
            => Counts.IsCount(x) && x <= Trials && (x == 0 || theta[0] > 0) && (x == Trials || theta[0] < 1);

        public override double LogDensity(double x, double[] theta)
            => IsInSupport(x, theta)
                ? (theta[0] == 0 || theta[0] == 1 ? 0 : Counts.BinomialLogPmf(x, Trials, theta[0], 1 - theta[0]))
                : double.NegativeInfinity;

        public override void AddScore(double x, double weight, double[] theta, double[] score)
        {
            double p = theta[0];
            score[0] += weight * (Counts.Ratio(x, p) - Counts.Ratio(Trials - x, 1 - p));
        }

        public override void AddHessian(double x, double weight, double[] theta, double[,] hessian)
        {
            double p = theta[0], q = 1 - p;
            hessian[0, 0] -= weight * (Counts.Ratio(Counts.Ratio(x, p), p) + Counts.Ratio(Counts.Ratio(Trials - x, q), q));
        }

        /// <summary>Trials / (p(1 - p)) per observation (infinite at p = 0 or 1).</summary>
        public override double[,] ExpectedInformation(double[] theta)
            => new[,] { { Trials / (theta[0] * (1 - theta[0])) } };

        public override double LogCdf(double x, double[] theta)
        {
            Tails(x, theta[0], out double lower, out _);
            return lower;
        }

        public override double LogSurvival(double x, double[] theta)
        {
            Tails(x, theta[0], out _, out double upper);
            return upper;
        }

        /// <summary>
        /// dF(k)/dp = -n·b(k; n - 1, p) = -(n - k) f(k)/(1 - p) =: -G·F, so ∂ log F = -G and
        /// ∂² log F = -G (k/p - (n - 1 - k)/(1 - p)) - G² (the derivative of b(k; n - 1, p) in p).
        /// </summary>
        public override void AddLogCdfDerivatives(double x, double weight, double[] theta, double[] gradient, double[,]? hessian)
        {
            double k = Math.Floor(x);
            if (!(k >= 0))
            {
                gradient[0] = double.NaN;
                return;
            }

            if (k >= Trials)
            {
                return;
            }

            double p = theta[0], q = 1 - p;
            double g = Math.Exp(LogSlope(k, p) - LogCdf(k, theta));
            gradient[0] -= weight * g;
            if (hessian is not null)
            {
                hessian[0, 0] -= weight * (g * (k / p - (Trials - 1 - k) / q) + g * g);
            }
        }

        /// <summary>dS(k)/dp = n·b(k; n - 1, p) =: H·S: ∂ log S = H, ∂² log S = H (k/p - (n - 1 - k)/(1 - p)) - H².</summary>
        public override void AddLogSurvivalDerivatives(double x, double weight, double[] theta, double[] gradient, double[,]? hessian)
        {
            double k = Math.Floor(x);
            if (double.IsNaN(k) || k >= Trials)
            {
                gradient[0] = double.NaN;
                return;
            }

            if (k < 0)
            {
                return;
            }

            double p = theta[0], q = 1 - p;
            double h = Math.Exp(LogSlope(k, p) - LogSurvival(k, theta));
            gradient[0] += weight * h;
            if (hessian is not null)
            {
                hessian[0, 0] += weight * (h * (k / p - (Trials - 1 - k) / q) - h * h);
            }
        }

        public override double Quantile(double p, double[] theta)
        {
            if (double.IsNaN(p) || p < 0 || p > 1)
            {
                return double.NaN;
            }

            if (p == 0 || theta[0] == 0)
            {
                return 0;
            }

            if (p == 1 || theta[0] == 1)
            {
                return Trials;
            }

            return DiscreteQuantileSearch.Quantile(this, theta, p, Start(StandardNormal.Quantile(p), theta[0]), 0, Trials);
        }

        public override double InverseSurvival(double q, double[] theta)
        {
            if (double.IsNaN(q) || q < 0 || q > 1)
            {
                return double.NaN;
            }

            if (q == 1 || theta[0] == 0)
            {
                return 0;
            }

            if (q == 0 || theta[0] == 1)
            {
                return Trials;
            }

            return DiscreteQuantileSearch.InverseSurvival(this, theta, q, Start(-StandardNormal.Quantile(q), theta[0]), 0, Trials);
        }

        public override double Sample(RandomSource random, double[] theta) => Samplers.Binomial(random, Trials, theta[0]);

        private double Start(double z, double p)
        {
            double q = 1 - p, sd = Math.Sqrt(Trials * p * q);
            return DiscreteQuantileSearch.CornishFisher(z, Trials * p, sd, (q - p) / sd);
        }

        /// <summary>log[n·b(k; n - 1, p)] = log(n - k) + log f(k) - log(1 - p), for 0 &lt;= k &lt; n, 0 &lt; p &lt; 1.</summary>
        private double LogSlope(double k, double p)
            => Math.Log(Trials - k) + Counts.BinomialLogPmf(k, Trials, p, 1 - p) - LogSpace.Log1p(-p);

        private void Tails(double x, double p, out double logLower, out double logUpper)
        {
            double k = Math.Floor(x);
            if (double.IsNaN(k) || double.IsNaN(p))
            {
                logLower = logUpper = double.NaN;
            }
            else if (k < 0)
            {
                logLower = double.NegativeInfinity;
                logUpper = 0;
            }
            else if (k >= Trials || p == 0)
            {
                logLower = 0;
                logUpper = double.NegativeInfinity;
            }
            else if (p == 1)
            {
                logLower = double.NegativeInfinity;
                logUpper = 0;
            }
            else
            {
                IncompleteBetaTails.Log(1 - p, p, Trials - k, k + 1, out logLower, out logUpper);
            }
        }
    }
}
