using System;
using System.Collections.Generic;
using System.Linq;

namespace PSEstimation.Regression
{
    /// <summary>Runs the fit of a <see cref="RegressionProblem"/> and shapes a <see cref="RegressionEstimate"/>.</summary>
    internal static class RegressionEstimator
    {
        public const string LassoZeroNote = "exactly 0 under the Laplace prior (the lasso): the log-posterior has a kink here, so its curvature gives no standard error";

        public static RegressionEstimate Estimate(RegressionProblem problem, RegressionPrior? prior, double confidenceLevel, string response, string[] predictors, RegressionFitter fitter, Action<string> warn)
        {
            var fit = fitter.Fit(problem, prior);
            foreach (string warning in fit.Warnings)
            {
                warn(warning);
            }

            return Shape(problem, fit, confidenceLevel, response, predictors);
        }

        public static RegressionEstimate Shape(RegressionProblem problem, RegressionFit fit, double confidenceLevel, string response, string[] predictors)
        {
            double z = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, (1 + confidenceLevel) / 2);
            int p = problem.CoefficientCount;
            var names = problem.Design.Names;
            var coefficients = new CoefficientEstimate[p];
            for (int j = 0; j < p; j++)
            {
                double value = fit.V[j];
                if (fit.AtKink.Contains(j))
                {
                    coefficients[j] = new CoefficientEstimate(names[j], value, null, null, null, LassoZeroNote);
                    continue;
                }

                double variance = fit.Covariance[j, j];
                double? se = variance >= 0 ? Math.Sqrt(variance) : null;
                coefficients[j] = new CoefficientEstimate(names[j], value, se, se is double s ? value - z * s : null, se is double t ? value + z * t : null, null);
            }

            var parameters = new List<ParameterEstimate>();
            var model = problem.Model;
            for (int a = 0; a < model.Parameters.Count; a++)
            {
                if (a == problem.Link.Index)
                {
                    continue;
                }

                string name = model.Parameters[a].Name;
                if (problem.FixedValues[a] is double fixedValue)
                {
                    parameters.Add(new ParameterEstimate(name, fixedValue, 0, fixedValue, fixedValue, isFixed: true));
                    continue;
                }

                int k = Array.IndexOf(problem.FreeParameters, a);
                double value = fit.V[p + k];
                double variance = fit.Covariance[p + k, p + k];
                double? se = variance >= 0 ? Math.Sqrt(variance) : null;
                parameters.Add(new ParameterEstimate(name, value, se, se is double s ? value - z * s : null, se is double t ? value + z * t : null, isFixed: false));
            }

            foreach (var constant in model.Constants)
            {
                parameters.Add(new ParameterEstimate(constant.Key, constant.Value, 0, constant.Value, constant.Value, isFixed: true));
            }

            var result = new RegressionEstimate(
                model.Name.ToString(),
                problem.Link.Link.ToString(),
                response,
                predictors,
                problem.SampleSize,
                coefficients,
                parameters.ToArray(),
                fit.LogLikelihood,
                problem.Dimension,
                fit.Covariance,
                problem.CensoredCount,
                confidenceLevel,
                fit.Method,
                fit.Iterations,
                fit.Converged)
            {
                LogPosterior = fit.LogPosterior,
                Columns = problem.Design.Columns.ToArray(),
                Levels = problem.Design.Levels.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.OrdinalIgnoreCase),
            };
            return result;
        }
    }
}
