using System.Linq;
using System.Text.Json;
using System.Threading;
using PSEstimation.Distributions;
using PSEstimation.Estimation;
using PSEstimation.Tests.Commands;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Numerics
{
    /// <summary>
    /// The censored core without PowerShell, through <see cref="CensoredSample.Build"/> (the hook a
    /// command that fits several families to buffered input uses): every case of
    /// tests/reference/censored.json from its intervals, and from its data with its limits.
    /// </summary>
    public class CensoredSampleTests
    {
        [Theory]
        [MemberData(nameof(CensoredReferenceTests.CaseForms), MemberType = typeof(CensoredReferenceTests))]
        public void Build_and_fit_matches_the_reference(string id, string form)
        {
            var c = CensoredReferenceTests.Case("Cases", id);
            var name = System.Enum.Parse<DistributionName>(c.GetProperty("Distribution").GetString()!);
            var family = DistributionFamilies.Create(name, new System.Collections.Generic.Dictionary<string, double>());
            var fixedValues = new double?[family.Parameters.Count];
            double? above = c.TryGetProperty("CensoredAbove", out var a) ? a.GetDouble() : null;
            double? below = c.TryGetProperty("CensoredBelow", out var b) ? b.GetDouble() : null;
            var rule = CensoringRule.Create(family, fixedValues, form == "Interval" ? null : above, form == "Interval" ? null : below);
            var values = form == "Interval"
                ? Enumerable.Empty<(double, double)>()
                : ReferenceData.Doubles(c.GetProperty("Data")).Select(x => (x, 1.0));
            var bounds = form != "Interval"
                ? Enumerable.Empty<(double, double, double)>()
                : c.GetProperty("Intervals").EnumerateArray().Select(pair =>
                {
                    var e = pair.EnumerateArray().ToArray();
                    return (e[0].ValueKind == JsonValueKind.Null ? double.NegativeInfinity : e[0].GetDouble(),
                            e[1].ValueKind == JsonValueKind.Null ? double.PositiveInfinity : e[1].GetDouble(),
                            1.0);
                });
            var sample = CensoredSample.Build(rule, fixedValues, values, bounds, out long skipped);
            Assert.Equal(0, skipped);
            var fit = new CensoredEstimator(family, 0.95).Fit(sample, fixedValues, CancellationToken.None);
            var parameters = c.GetProperty("Parameters").EnumerateArray().ToArray();
            for (int i = 0; i < parameters.Length; i++)
            {
                Tolerance.Relative(parameters[i].GetProperty("Value").GetDouble(), fit.Parameters[i].Value, 1e-6, $"{id} {parameters[i].GetProperty("Name").GetString()}");
            }

            Tolerance.Relative(c.GetProperty("LogLikelihood").GetDouble(), fit.LogLikelihood, 1e-8, $"{id} LogLikelihood");
            Assert.Equal(c.GetProperty("CensoredCount").GetDouble(), fit.CensoredCount);
        }
    }
}
