using System;
using System.Linq;
using System.Text.Json;
using PSEstimation.Regression;
using Xunit;

namespace PSEstimation.Tests.Regression
{
    /// <summary>
    /// Every case of tests/reference/regression.json through the core fitter: coefficients within
    /// 1e-8 relative, standard errors within 1e-6, log-likelihood within 1e-8 (issue 17's accuracy).
    /// </summary>
    public class RegressionReferenceTests
    {
        public static TheoryData<string> Ids()
        {
            var data = new TheoryData<string>();
            foreach (var id in RegressionReference.Ids)
            {
                data.Add((string)id[0]);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Ids))]
        public void FitsTheReferenceCase(string id)
        {
            var c = RegressionReference.Case(id);
            var problem = RegressionReference.Problem(c);
            var prior = RegressionReference.Prior(c, problem);
            var fit = new RegressionFitter().Fit(problem, prior);
            var result = RegressionEstimator.Shape(problem, fit, 0.95, c.GetProperty("Response").GetString()!, Array.Empty<string>());

            Assert.True(result.Converged, id + " did not converge");
            var expected = c.GetProperty("Coefficients").EnumerateArray().ToArray();
            Assert.Equal(expected.Select(e => e.GetProperty("Name").GetString()), result.Coefficients.Select(k => k.Name));
            for (int j = 0; j < expected.Length; j++)
            {
                var actual = result.Coefficients[j];
                Close(expected[j].GetProperty("Value").GetDouble(), actual.Value, 1e-8, $"{id} {actual.Name} value");
                Close(expected[j].GetProperty("StandardError").GetDouble(), actual.StandardError!.Value, 1e-6, $"{id} {actual.Name} SE");
                Close(expected[j].GetProperty("ZValue").GetDouble(), actual.ZValue!.Value, 1e-6, $"{id} {actual.Name} Z");
                Close(expected[j].GetProperty("Lower").GetDouble(), actual.Lower!.Value, 1e-6, $"{id} {actual.Name} Lower");
                Close(expected[j].GetProperty("Upper").GetDouble(), actual.Upper!.Value, 1e-6, $"{id} {actual.Name} Upper");
                Close(expected[j].GetProperty("PValue").GetDouble(), actual.PValue!.Value, 1e-5, $"{id} {actual.Name} P");
            }

            foreach (var parameter in c.GetProperty("Parameters").EnumerateArray())
            {
                var actual = result.Parameters.Single(p => p.Name == parameter.GetProperty("Name").GetString());
                Close(parameter.GetProperty("Value").GetDouble(), actual.Value, 1e-8, $"{id} {actual.Name} value");
                Close(parameter.GetProperty("StandardError").GetDouble(), actual.StandardError!.Value, 1e-6, $"{id} {actual.Name} SE");
            }

            Close(c.GetProperty("LogLikelihood").GetDouble(), result.LogLikelihood, 1e-8, id + " LogLikelihood");
            Assert.Equal(c.GetProperty("SampleSize").GetDouble(), result.SampleSize);
            Assert.Equal(c.GetProperty("CensoredCount").GetInt32(), result.CensoredCount);
            if (c.TryGetProperty("AIC", out JsonElement aic))
            {
                Close(aic.GetDouble(), result.AIC, 1e-8, id + " AIC");
                Close(c.GetProperty("BIC").GetDouble(), result.BIC, 1e-8, id + " BIC");
            }

            if (c.TryGetProperty("LogPosterior", out JsonElement logPosterior))
            {
                Close(logPosterior.GetDouble(), result.LogPosterior!.Value, 1e-8, id + " LogPosterior");
            }
        }

        internal static void Close(double expected, double actual, double relative, string what)
        {
            double error = Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), 1e-300);
            Assert.True(error <= relative, $"{what}: expected {expected:R}, got {actual:R} (relative error {error:G3})");
        }
    }
}
