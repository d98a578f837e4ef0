using System;
using PSEstimation.Models;

namespace PSEstimation.FitTests
{
    /// <summary>
    /// The three EDF statistics of a sorted sample against a continuous distribution, by their
    /// exact computing formulas over the order statistics x(1) &lt;= ... &lt;= x(n):
    /// KS = max_i max(i/n - F(x(i)), F(x(i)) - (i-1)/n);
    /// CvM = 1/(12n) + Σ (F(x(i)) - (2i-1)/(2n))²;
    /// AD = -n - (1/n) Σ (2i-1) (log F(x(i)) + log S(x(n+1-i))).
    /// The Anderson-Darling terms take log F and log S from the model (never log of 1 - F), so a
    /// point far in either tail gives a large but finite statistic. Ties need nothing special:
    /// the formulas are identities for the integrals that define the statistics whatever the order.
    /// </summary>
    internal static class EdfStatistics
    {
        /// <summary>The statistics of <paramref name="sorted"/> (ascending) under the model at <paramref name="theta"/>.</summary>
        public static EdfValues Compute(double[] sorted, DistributionModel model, double[] theta)
        {
            int n = sorted.Length;
            var logF = new double[n];
            var logS = new double[n];
            // One distribution function per point: the smaller tail directly (log F below the
            // median, log S above), the other as log(1 - e^that), which is exact there because
            // that probability is at most 1/2. Half the special-function work of computing both.
            double median = model.Quantile(0.5, theta);
            bool split = !double.IsNaN(median);
            for (int i = 0; i < n; i++)
            {
                double x = sorted[i];
                if (!split)
                {
                    logF[i] = model.LogCdf(x, theta);
                    logS[i] = model.LogSurvival(x, theta);
                }
                else if (x <= median)
                {
                    logF[i] = model.LogCdf(x, theta);
                    logS[i] = LogSpace.Log1MinusExp(logF[i]);
                }
                else
                {
                    logS[i] = model.LogSurvival(x, theta);
                    logF[i] = LogSpace.Log1MinusExp(logS[i]);
                }
            }

            return FromLogs(logF, logS);
        }

        /// <summary>The statistics from log F and log S at the sorted points.</summary>
        public static EdfValues FromLogs(double[] logF, double[] logS)
        {
            int n = logF.Length;
            double ks = 0, cvm = 0, ad = 0;
            double cvmCompensation = 0, adCompensation = 0;
            for (int i = 0; i < n; i++)
            {
                // F from whichever of log F and log S is the more accurate (the smaller probability).
                double f = logF[i] < logS[i] ? Math.Exp(logF[i]) : -LogSpace.Expm1(logS[i]);
                double up = (i + 1.0) / n - f;
                double down = f - (double)i / n;
                ks = Math.Max(ks, Math.Max(up, down));

                double d = f - (2.0 * i + 1.0) / (2.0 * n);
                Kahan(ref cvm, ref cvmCompensation, d * d);
                Kahan(ref ad, ref adCompensation, (2.0 * i + 1.0) * (logF[i] + logS[n - 1 - i]));
            }

            return new EdfValues(ks, 1.0 / (12.0 * n) + cvm, -n - ad / n);
        }

        private static void Kahan(ref double sum, ref double compensation, double term)
        {
            if (double.IsInfinity(term) || double.IsInfinity(sum))
            {
                // A point on the edge of the support (log F or log S = -Infinity): the statistic is infinite.
                sum += term;
                compensation = 0;
                return;
            }

            double y = term - compensation;
            double t = sum + y;
            compensation = (t - sum) - y;
            sum = t;
        }
    }

    /// <summary>The three EDF statistics of one sample.</summary>
    internal readonly struct EdfValues
    {
        public EdfValues(double kolmogorovSmirnov, double cramerVonMises, double andersonDarling)
        {
            KolmogorovSmirnov = kolmogorovSmirnov;
            CramerVonMises = cramerVonMises;
            AndersonDarling = andersonDarling;
        }

        public double KolmogorovSmirnov { get; }

        public double CramerVonMises { get; }

        public double AndersonDarling { get; }

        /// <summary>The statistic of <paramref name="test"/>.</summary>
        public double Of(GoodnessOfFitTest test) => test switch
        {
            GoodnessOfFitTest.KolmogorovSmirnov => KolmogorovSmirnov,
            GoodnessOfFitTest.CramerVonMises => CramerVonMises,
            GoodnessOfFitTest.AndersonDarling => AndersonDarling,
            _ => throw new ArgumentOutOfRangeException(nameof(test)),
        };
    }
}
