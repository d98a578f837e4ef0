using System;
using System.Linq;
using PSEstimation.Distributions;
using PSEstimation.Models;

namespace PSEstimation.Regression
{
    /// <summary>
    /// A least-squares start for Newton: the coefficients of a weighted least-squares fit of the
    /// response moved onto the link's scale (GLM practice: (y + mean y) / 2 for log links, (y +
    /// 1/2) / 2 for logit), and the other parameters from the residuals by moments.
    /// </summary>
    internal static class StartingValues
    {
        public static double[] For(RegressionProblem problem)
        {
            var obs = problem.Observations;
            int n = obs.Length, p = problem.CoefficientCount;
            var y = new double[n];
            var w = new double[n];
            double sum = 0, total = 0;
            for (int i = 0; i < n; i++)
            {
                y[i] = RegressionProblem.Representative(obs[i]);
                w[i] = obs[i].Weight;
                sum += w[i] * y[i];
                total += w[i];
            }

            double mean = sum / total;
            var name = problem.Model.Name;
            double trials = problem.Model.Constants.TryGetValue("Trials", out double t) ? t : 1;
            var z = new double[n];
            for (int i = 0; i < n; i++)
            {
                z[i] = name switch
                {
                    DistributionName.Poisson or DistributionName.NegativeBinomial or DistributionName.Exponential or DistributionName.Gamma or DistributionName.Weibull
                        => Math.Log(Math.Max((y[i] + mean) / 2, 1e-8 * Math.Abs(mean) + 1e-300)),
                    DistributionName.LogNormal => Math.Log(y[i]),
                    DistributionName.Bernoulli or DistributionName.Binomial => Logit((y[i] / trials + 0.5) / 2),
                    _ => y[i],
                };
            }

            // A held coefficient's offset is part of the linear predictor: regress what is left of z.
            var zFree = z;
            if (problem.Offset is double[] offset)
            {
                zFree = new double[n];
                for (int i = 0; i < n; i++)
                {
                    zFree[i] = z[i] - offset[obs[i].Row];
                }
            }

            double[] beta = p == 0 ? new double[0] : DenseAlgebra.WeightedLeastSquares(problem.Design.Values, n, p, zFree, w) ?? new double[p];
            var v = new double[problem.Dimension];
            Array.Copy(beta, v, p);

            // Residual moments on the link's scale (or of y about its start mean).
            double ss = 0, sa = 0;
            var absolute = new double[n];
            for (int i = 0; i < n; i++)
            {
                double r = z[i] - problem.LinearPredictor(obs[i].Row, v);
                ss += w[i] * r * r;
                sa += w[i] * Math.Abs(r);
                absolute[i] = Math.Abs(r);
            }

            double mse = Math.Max(ss / total, 1e-12 * (1 + mean * mean));
            double mae = Math.Max(sa / total, 1e-12 * (1 + Math.Abs(mean)));
            Array.Sort(absolute);
            double medianAbsolute = Math.Max(absolute[n / 2], 1e-6 * Math.Sqrt(mse));
            for (int k = 0; k < problem.FreeParameters.Length; k++)
            {
                string parameter = problem.ParameterName(problem.FreeParameters[k]);
                v[p + k] = (name, parameter) switch
                {
                    (_, "Variance") => mse,
                    (DistributionName.Laplace, "Scale") => mae,
                    (DistributionName.Logistic, "Scale") => Math.Sqrt(3 * mse) / Math.PI,
                    (DistributionName.Cauchy, "Scale") => medianAbsolute,
                    (DistributionName.StudentT, "Scale") => 1.4826 * medianAbsolute,
                    (DistributionName.StudentT, "DegreesOfFreedom") => 5,
                    (DistributionName.LogNormal, "SdLog") => Math.Sqrt(mse),
                    (DistributionName.Weibull, "Shape") => Math.Max(0.05, Math.Min(50, Math.PI / Math.Sqrt(6 * LogResidualVariance(problem, v, y, w)))),
                    (DistributionName.Gamma, "Shape") => Math.Max(0.05, 1 / Math.Max(RelativeVariance(problem, v, y, w), 1e-6)),
                    (DistributionName.NegativeBinomial, "Size") => NegativeBinomialSize(problem, v, y, w),
                    _ => 1,
                };
            }

            return v;
        }

        private static double Logit(double p) => Math.Log(p / (1 - p));

        private static double LogResidualVariance(RegressionProblem problem, double[] v, double[] y, double[] w)
        {
            double s = 0, s2 = 0, total = 0;
            for (int i = 0; i < y.Length; i++)
            {
                double r = Math.Log(Math.Max(y[i], 1e-300)) - problem.LinearPredictor(problem.Observations[i].Row, v);
                s += w[i] * r;
                s2 += w[i] * r * r;
                total += w[i];
            }

            double m = s / total;
            return Math.Max(s2 / total - m * m, 1e-8);
        }

        private static double RelativeVariance(RegressionProblem problem, double[] v, double[] y, double[] w)
        {
            double s = 0, total = 0;
            for (int i = 0; i < y.Length; i++)
            {
                double mu = Math.Exp(problem.LinearPredictor(problem.Observations[i].Row, v));
                double r = y[i] / mu - 1;
                s += w[i] * r * r;
                total += w[i];
            }

            return s / total;
        }

        private static double NegativeBinomialSize(RegressionProblem problem, double[] v, double[] y, double[] w)
        {
            // Var = mu + mu^2 / Size, by moments over the rows.
            double excess = 0, square = 0;
            for (int i = 0; i < y.Length; i++)
            {
                double mu = Math.Exp(problem.LinearPredictor(problem.Observations[i].Row, v));
                excess += w[i] * ((y[i] - mu) * (y[i] - mu) - mu);
                square += w[i] * mu * mu;
            }

            double size = excess > 0 ? square / excess : 100;
            return Math.Max(0.01, Math.Min(size, 1e4));
        }
    }
}
