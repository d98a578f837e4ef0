using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using PSEstimation.Distributions;
using PSEstimation.Estimation;
using PSEstimation.Tests.Reference;

namespace PSEstimation.Tests.Numerics
{
    /// <summary>Fits a case of tests/reference/mle.json with the numerical core, and checks it against the file.</summary>
    public static class MleReferenceFits
    {
        public static MLEstimate FitWithCore(JsonElement testCase)
        {
            var name = System.Enum.Parse<DistributionName>(testCase.GetProperty("Distribution").GetString()!);
            var fixedTable = ReferenceData.Numbers(testCase, "Fixed");
            var constants = DistributionFamilies.ConstantNames(name)
                .Where(fixedTable.ContainsKey)
                .ToDictionary(c => c, c => fixedTable[c]);
            var family = DistributionFamilies.Create(name, constants);
            var fixedValues = family.Parameters.Select(p => fixedTable.TryGetValue(p.Name, out double v) ? (double?)v : null).ToArray();
            var sample = family.CreateAccumulator();
            foreach (double x in ReferenceData.Doubles(testCase.GetProperty("Data")))
            {
                Xunit.Assert.True(family.CanFit(x, fixedValues), $"reference value {x} rejected by {name}");
                sample.Add(x, 1.0);
            }

            return new MaximumLikelihoodEstimator(family, 0.95).Fit(sample, fixedValues, CancellationToken.None);
        }

        /// <summary>
        /// The accuracy the MLE issue asks for: estimates to 1e-9 (closed form) or 1e-6
        /// (iterative), standard errors to 1e-4, log-likelihood, AIC and BIC to 1e-8, all relative.
        /// </summary>
        public static void AssertMatches(JsonElement testCase, MLEstimate fit)
        {
            string id = testCase.GetProperty("Id").GetString()!;
            bool closedForm = testCase.GetProperty("ClosedForm").GetBoolean();
            Tolerance.Relative(testCase.GetProperty("SampleSize").GetDouble(), fit.SampleSize, 0, id + " SampleSize");
            var expected = testCase.GetProperty("Parameters").EnumerateArray().ToList();
            foreach (var parameter in expected)
            {
                string name = parameter.GetProperty("Name").GetString()!;
                var actual = fit.Parameters.Single(p => p.Name == name);
                Tolerance.Relative(parameter.GetProperty("Value").GetDouble(), actual.Value, closedForm ? 1e-9 : 1e-6, $"{id} {name}");
                double? se = ReferenceData.NullableDouble(parameter.GetProperty("StandardError"));
                if (se is null)
                {
                    Xunit.Assert.Null(actual.StandardError);
                }
                else
                {
                    Xunit.Assert.NotNull(actual.StandardError);
                    Tolerance.Relative(se.Value, actual.StandardError!.Value, 1e-4, $"{id} SE({name})");
                }
            }

            Tolerance.Relative(testCase.GetProperty("LogLikelihood").GetDouble(), fit.LogLikelihood, 1e-8, id + " LogLikelihood");
            Tolerance.Relative(testCase.GetProperty("AIC").GetDouble(), fit.AIC, 1e-8, id + " AIC");
            Tolerance.Relative(testCase.GetProperty("BIC").GetDouble(), fit.BIC, 1e-8, id + " BIC");
        }
    }
}
