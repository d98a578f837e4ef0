using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using PSEstimation.Distributions;
using PSEstimation.Regression;

namespace PSEstimation.Input
{
    /// <summary>
    /// A regression model as the cmdlets that use one (Add-Prediction, Out-Plot) need it: the
    /// family, the design columns, the coefficients with their covariance, the family's other
    /// parameters, and what the model was fitted to.
    /// </summary>
    internal sealed class RegressionModel
    {
        public RegressionModel(DistributionName family, DesignColumn[] columns, double[] coefficients, double[,]? covariance, Dictionary<string, double> parameters, string response, string[] predictors)
        {
            Family = family;
            Columns = columns;
            Coefficients = coefficients;
            Covariance = covariance;
            Parameters = parameters;
            Response = response;
            Predictors = predictors;
        }

        public DistributionName Family { get; }

        public DesignColumn[] Columns { get; }

        public double[] Coefficients { get; }

        /// <summary>The coefficients' block of the model's covariance, or null when it did not come with the model.</summary>
        public double[,]? Covariance { get; }

        public Dictionary<string, double> Parameters { get; }

        public string Response { get; }

        public string[] Predictors { get; }

        /// <summary>The levels each categorical predictor had in the data (live models only; null otherwise).</summary>
        public Dictionary<string, HashSet<string>>? Levels { get; set; }

        public object? Group { get; set; }

        public int CensoredCount { get; set; }

        private RegressionPredictor? predictor;

        /// <summary>The predictions of this model (with their intervals when the covariance came with it).</summary>
        public RegressionPredictor Predictor => predictor ??= new RegressionPredictor(Family, Columns, Coefficients, Covariance, Parameters);
    }

    /// <summary>
    /// Reads a regression model given as -Estimate: a live RegressionEstimate, the property bag a
    /// CliXml round trip leaves of one (Import-Clixml, a job), or a ConvertFrom-Json object: the
    /// same properties by name, a flat covariance reshaped by <see cref="MatrixShape"/>.
    /// </summary>
    internal static class RegressionModelReader
    {
        public static RegressionModel Read(PSObject estimate)
        {
            if (estimate.BaseObject is RegressionEstimate live)
            {
                var columns = live.Columns ?? RegressionPredictor.ColumnsFromNames(live.Coefficients.Select(c => c.Name).ToList(), live.Predictor);
                return new RegressionModel(
                    ParseFamily(live.Distribution),
                    columns,
                    live.Coefficients.Select(c => c.Value).ToArray(),
                    CoefficientBlock(live.Covariance, live.Coefficients.Length),
                    live.Parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.OrdinalIgnoreCase),
                    live.Response,
                    live.Predictor)
                {
                    Levels = live.Levels?.ToDictionary(pair => pair.Key, pair => new HashSet<string>(pair.Value, StringComparer.Ordinal), StringComparer.OrdinalIgnoreCase),
                    Group = live.Group,
                    CensoredCount = live.CensoredCount,
                };
            }

            var family = ParseFamily(Text(EstimateReader.ReadMember(estimate, "Distribution")));
            var coefficients = Items(EstimateReader.ReadMember(estimate, "Coefficients"))
                .Select(c => (Name: Text(EstimateReader.ReadMember(c, "Name")), Value: Number(EstimateReader.ReadMember(c, "Value"))))
                .ToList();
            if (coefficients.Count == 0)
            {
                throw NotAModel();
            }

            var predictors = Items(EstimateReader.ReadMember(estimate, "Predictor")).Select(p => Text(p.BaseObject)).ToArray();
            var parameters = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
            foreach (var p in Items(EstimateReader.ReadMember(estimate, "Parameters")))
            {
                parameters[Text(EstimateReader.ReadMember(p, "Name"))] = Number(EstimateReader.ReadMember(p, "Value"));
            }

            var covariance = MatrixShape.Read(EstimateReader.ReadMember(estimate, "Covariance"));
            object? group = EstimateReader.ReadMember(estimate, "Group");
            object? censored = EstimateReader.ReadMember(estimate, "CensoredCount");
            object? response = EstimateReader.ReadMember(estimate, "Response");
            return new RegressionModel(
                family,
                RegressionPredictor.ColumnsFromNames(coefficients.Select(c => c.Name).ToList(), predictors),
                coefficients.Select(c => c.Value).ToArray(),
                covariance is null ? null : CoefficientBlock(covariance, coefficients.Count),
                parameters,
                response is null ? string.Empty : Text(response),
                predictors)
            {
                Group = group is PSObject wrapped ? wrapped.BaseObject : group,
                CensoredCount = censored is null ? 0 : (int)Number(censored),
            };
        }

        /// <summary>The top-left p x p block (coefficients come first, then the family's parameters), or null when the matrix is smaller.</summary>
        private static double[,]? CoefficientBlock(double[,] covariance, int p)
        {
            if (covariance.GetLength(0) < p || covariance.GetLength(1) < p)
            {
                return null;
            }

            var block = new double[p, p];
            for (int a = 0; a < p; a++)
            {
                for (int b = 0; b < p; b++)
                {
                    block[a, b] = covariance[a, b];
                }
            }

            return block;
        }

        private static DistributionName ParseFamily(string name)
            => Enum.TryParse(name, ignoreCase: true, out DistributionName family) ? family : throw NotAModel();

        private static IEnumerable<PSObject> Items(object? value)
        {
            if (value is null || value is string)
            {
                return value is string s ? new[] { PSObject.AsPSObject(s) } : Array.Empty<PSObject>();
            }

            return value is IEnumerable items ? items.Cast<object>().Select(PSObject.AsPSObject) : new[] { PSObject.AsPSObject(value) };
        }

        private static string Text(object? value)
            => Convert.ToString(value is PSObject ps ? ps.BaseObject : value, CultureInfo.InvariantCulture) is string s && s.Length > 0 ? s : throw NotAModel();

        private static double Number(object? value)
            => value is not null && NumericConversion.TryConvert(value is PSObject ps ? ps.BaseObject : value, false, out double d) == NumericConversion.Failure.None ? d : throw NotAModel();

        private static EstimationException NotAModel()
            => new EstimationException(ErrorIds.InvalidEstimate, "-Estimate is not a readable regression model: pass a RegressionEstimate from Get-MLEstimate or Get-MAPEstimate with -Response and -Predictor (live, from Import-Clixml or from ConvertFrom-Json).");
    }
}
