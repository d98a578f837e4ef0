using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using PSEstimation.Bayesian;
using PSEstimation.Distributions;
using PSEstimation.Models;
using PSEstimation.Regression;
using PSEstimation.Tests.Hosting;

namespace PSEstimation.Tests.Regression
{
    /// <summary>
    /// tests/reference/regression.json (R lm, quantreg::rq, glm, MASS::glm.nb, survival::survreg
    /// refined at 50 digits) and regression_more.json (Gamma, Exponential, Cauchy: statsmodels,
    /// scipy and mpmath, tools/make_regression_more_reference.py); see the README.
    /// </summary>
    internal static class RegressionReference
    {
        private static readonly Lazy<JsonDocument[]> Documents = new Lazy<JsonDocument[]>(
            () => new[] { "regression.json", "regression_more.json" }.Select(f => JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Reference, f)))).ToArray());

        public static IEnumerable<JsonElement> Cases => Documents.Value.SelectMany(d => d.RootElement.GetProperty("Cases").EnumerateArray());

        public static JsonElement Case(string id) => Cases.First(c => c.GetProperty("Id").GetString() == id);

        public static IEnumerable<object[]> Ids => Cases.Select(c => new object[] { c.GetProperty("Id").GetString()! });

        /// <summary>The case's problem: its rows as the input layer would read them (censored times from StatusProperty).</summary>
        public static RegressionProblem Problem(JsonElement c, bool intercept = true)
        {
            var name = Enum.Parse<DistributionName>(c.GetProperty("Distribution").GetString()!);
            var model = DistributionFamilies.CreateModel(name, new Dictionary<string, double>());
            string response = c.GetProperty("Response").GetString()!;
            string[] predictors = c.GetProperty("Predictor").EnumerateArray().Select(e => e.GetString()!).ToArray();
            string? status = c.TryGetProperty("StatusProperty", out var s) ? s.GetString() : null;
            var columns = predictors.Select(p => new PredictorColumn(p)).ToList();
            var observations = new List<Observation>();
            foreach (var row in c.GetProperty("Rows").EnumerateArray())
            {
                for (int j = 0; j < predictors.Length; j++)
                {
                    var value = row.GetProperty(predictors[j]);
                    if (value.ValueKind == JsonValueKind.String)
                    {
                        columns[j].AddText(value.GetString()!);
                    }
                    else
                    {
                        columns[j].AddNumber(value.GetDouble(), null);
                    }
                }

                double y = row.GetProperty(response).GetDouble();
                bool censored = status is not null && row.GetProperty(status).GetDouble() == 1;
                observations.Add(censored ? new Observation(y, double.PositiveInfinity, 1, observations.Count) : new Observation(y, y, 1, observations.Count));
            }

            var design = DesignMatrix.Build(columns, observations.Count, intercept);
            var fixedValues = new double?[model.Parameters.Count];
            return new RegressionProblem(model, LinkedParameter.For(name)!, design, observations.ToArray(), fixedValues);
        }

        /// <summary>The case's prior, if it is a MAP case.</summary>
        public static RegressionPrior? Prior(JsonElement c, RegressionProblem problem)
        {
            if (!c.GetProperty("Map").GetBoolean())
            {
                return null;
            }

            var prior = new RegressionPrior();
            string text = c.GetProperty("Prior").GetProperty("Coefficients").GetString()!;
            var normal = (NormalPrior)PriorParser.Parse(text, "test");
            for (int j = 0; j < problem.CoefficientCount; j++)
            {
                if (!problem.Design.Columns[j].IsIntercept)
                {
                    prior.Smooth[j] = normal;
                }
            }

            return prior;
        }
    }
}
