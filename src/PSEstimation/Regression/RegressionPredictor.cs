using System;
using System.Collections.Generic;
using PSEstimation.Distributions;

namespace PSEstimation.Regression
{
    /// <summary>
    /// A fitted regression model as Add-Prediction uses it: the design's columns, the
    /// coefficients, their covariance, and the map from the linear predictor to the fitted mean
    /// of the response (Trials·P for Binomial, Scale·Γ(1 + 1/Shape) for Weibull, exp(MeanLog +
    /// SdLog²/2) for LogNormal) or its location (Laplace, Cauchy, StudentT, and Normal, Logistic
    /// whose mean it is). The interval is the Wald interval of the linear predictor carried through
    /// that map (monotone in eta), so it respects the response's range (0..1 for P).
    /// </summary>
    internal sealed class RegressionPredictor
    {
        private readonly Func<double, double> mean;

        public RegressionPredictor(DistributionName family, DesignColumn[] columns, double[] coefficients, double[,]? covariance, IReadOnlyDictionary<string, double> parameters)
        {
            Columns = columns;
            Coefficients = coefficients;
            Covariance = covariance;
            double Parameter(string name) => parameters.TryGetValue(name, out double v) ? v
                : throw new EstimationException(ErrorIds.InvalidEstimate, $"The estimate has no parameter {name}, which the {family} model's mean needs.");
            switch (family)
            {
                case DistributionName.Poisson:
                case DistributionName.NegativeBinomial:
                case DistributionName.Exponential:
                case DistributionName.Gamma:
                    mean = Math.Exp;
                    break;
                case DistributionName.Weibull:
                    {
                        double factor = Math.Exp(MathNet.Numerics.SpecialFunctions.GammaLn(1 + 1 / Parameter("Shape")));
                        mean = eta => factor * Math.Exp(eta);
                        break;
                    }

                case DistributionName.LogNormal:
                    {
                        double sd = Parameter("SdLog");
                        mean = eta => Math.Exp(eta + sd * sd / 2);
                        break;
                    }

                case DistributionName.Bernoulli:
                    mean = LinkedParameter.Logistic;
                    break;
                case DistributionName.Binomial:
                    {
                        double trials = Parameter("Trials");
                        mean = eta => trials * LinkedParameter.Logistic(eta);
                        break;
                    }

                default:
                    mean = eta => eta;
                    break;
            }
        }

        public DesignColumn[] Columns { get; }

        public double[] Coefficients { get; }

        public double[,]? Covariance { get; }

        public double LinearPredictor(double[] x)
        {
            double eta = 0;
            for (int j = 0; j < x.Length; j++)
            {
                eta += x[j] * Coefficients[j];
            }

            return eta;
        }

        public double Predict(double[] x) => mean(LinearPredictor(x));

        /// <summary>The interval of the fitted mean at level z (the standard normal quantile).</summary>
        public (double Lower, double Upper) Interval(double[] x, double z)
        {
            double eta = LinearPredictor(x);
            double variance = 0;
            var c = Covariance!;
            for (int a = 0; a < x.Length; a++)
            {
                if (x[a] == 0)
                {
                    continue;
                }

                for (int b = 0; b < x.Length; b++)
                {
                    double cab = c[a, b];
                    variance += x[a] * (double.IsNaN(cab) ? 0 : cab) * x[b];
                }
            }

            double se = Math.Sqrt(Math.Max(variance, 0));
            double lower = mean(eta - z * se), upper = mean(eta + z * se);
            return lower <= upper ? (lower, upper) : (upper, lower);
        }

        /// <summary>
        /// The columns from coefficient names, for a deserialized estimate: a name that is a
        /// predictor is numeric; otherwise the longest predictor it starts with is categorical and
        /// the rest of the name its level.
        /// </summary>
        public static DesignColumn[] ColumnsFromNames(IReadOnlyList<string> names, IReadOnlyList<string> predictors)
        {
            var columns = new DesignColumn[names.Count];
            for (int j = 0; j < names.Count; j++)
            {
                string name = names[j];
                if (string.Equals(name, DesignColumn.InterceptName, StringComparison.OrdinalIgnoreCase) && !Contains(predictors, name))
                {
                    columns[j] = DesignColumn.Intercept();
                    continue;
                }

                if (Contains(predictors, name))
                {
                    columns[j] = DesignColumn.Numeric(name);
                    continue;
                }

                string? best = null;
                foreach (string p in predictors)
                {
                    if (name.StartsWith(p, StringComparison.OrdinalIgnoreCase) && (best is null || p.Length > best.Length))
                    {
                        best = p;
                    }
                }

                if (best is null)
                {
                    throw new EstimationException(ErrorIds.InvalidEstimate, $"The estimate's coefficient '{name}' belongs to none of its predictors ({string.Join(", ", predictors)}).");
                }

                columns[j] = DesignColumn.Indicator(best, name.Substring(best.Length));
            }

            return columns;
        }

        private static bool Contains(IReadOnlyList<string> list, string name)
        {
            foreach (string s in list)
            {
                if (string.Equals(s, name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
