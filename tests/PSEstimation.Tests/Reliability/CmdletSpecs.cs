using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Reliability
{
    /// <summary>
    /// One cmdlet under the bad-input matrix: its columns (families, or where the hostile value
    /// goes), the expected outcome of each (column, case) (null where the case does not apply),
    /// how to run it, and how to check a result against reference.json.
    /// </summary>
    public sealed class CmdletSpec
    {
        public CmdletSpec(
            string name,
            string commandClass,
            IReadOnlyList<string> columns,
            Func<string, HostileCase, Expected?> expect,
            Func<string, HostileCase, (string Script, object?[] Args)> invocation,
            Action<string, HostileCase, Expected, object> checkResult)
        {
            Name = name;
            CommandClass = commandClass;
            Columns = columns;
            Expect = expect;
            Invocation = invocation;
            CheckResult = checkResult;
        }

        public string Name { get; }

        /// <summary>The class in FullyQualifiedErrorId: "GetMLEstimateCommand".</summary>
        public string CommandClass { get; }

        public IReadOnlyList<string> Columns { get; }

        public Func<string, HostileCase, Expected?> Expect { get; }

        public Func<string, HostileCase, (string Script, object?[] Args)> Invocation { get; }

        public Action<string, HostileCase, Expected, object> CheckResult { get; }

        public string QualifiedId(string errorId) => errorId + ",PSEstimation.Commands." + CommandClass;
    }

    /// <summary>
    /// The matrix's table of cmdlets, keyed by name. A cmdlet joins the matrix by adding an entry
    /// here (Get-MAPEstimate: its columns are the families with a prior, its MalformedPrior case
    /// expects a terminating error, the value cases follow Get-MLEstimate's rules).
    /// </summary>
    public static class CmdletSpecs
    {
        public static readonly IReadOnlyList<string> Families = new[]
        {
            "Normal", "LogNormal", "Exponential", "Gamma", "Weibull", "Beta", "Laplace", "Logistic", "Cauchy", "StudentT",
            "Uniform", "Pareto", "Rayleigh", "Poisson", "Bernoulli", "Binomial", "Geometric", "NegativeBinomial", "Categorical",
        };

        /// <summary>Families whose fit is a closed form: compared at 1e-12, the iterative ones at 1e-9.</summary>
        private static readonly HashSet<string> ClosedForm = new HashSet<string>
        {
            "Normal", "LogNormal", "Exponential", "Rayleigh", "Pareto", "Uniform", "Laplace", "Poisson", "Bernoulli", "Binomial", "Geometric", "Categorical",
        };

        public static readonly IReadOnlyDictionary<string, CmdletSpec> ByName = new Dictionary<string, CmdletSpec>
        {
            ["Get-MLEstimate"] = new CmdletSpec("Get-MLEstimate", "GetMLEstimateCommand", Families, ExpectFit, InvokeFit, CheckFit),
            // Categorical's NLL takes any scalar and a probability table: tested on its own in
            // Commands/CategoricalNegativeLogLikelihoodTests (it landed after this matrix was written).
            ["Measure-NegativeLogLikelihood"] = new CmdletSpec("Measure-NegativeLogLikelihood", "MeasureNegativeLogLikelihoodCommand", Families.Where(f => f != "Categorical").ToArray(), ExpectNll, InvokeNll, CheckNll),
            ["Measure-RegressionLoss"] = new CmdletSpec(
                "Measure-RegressionLoss",
                "MeasureRegressionLossCommand",
                new[] { "Actual", "Predicted", "PipelineActual", "PipelinePredicted" },
                ExpectLoss,
                InvokeLoss,
                CheckLoss),
        };

        // ---------------------------------------------------------------- support

        /// <summary>
        /// Whether Get-MLEstimate takes a number for a family: the support column of the
        /// contract's table (Rayleigh: x > 0 for the fit; Binomial with Trials = 10).
        /// </summary>
        public static bool InFitSupport(string family, double x) => family switch
        {
            "Normal" or "Laplace" or "Logistic" or "Cauchy" or "StudentT" or "Uniform" or "Categorical" => true,
            "LogNormal" or "Gamma" or "Weibull" or "Rayleigh" or "Pareto" => x > 0,
            "Exponential" => x >= 0,
            "Beta" => x > 0 && x < 1,
            "Poisson" or "Geometric" or "NegativeBinomial" => x >= 0 && Math.Floor(x) == x,
            "Bernoulli" => x == 0 || x == 1,
            "Binomial" => x >= 0 && x <= 10 && Math.Floor(x) == x,
            _ => throw new ArgumentException(family),
        };

        private static double NumberOf(string caseName) => caseName switch
        {
            "DecimalMax" => (double)decimal.MaxValue,
            "Huge" => 1e308,
            "Subnormal" => 1e-320,
            "Int64Min" => long.MinValue,
            "Negative" => -1,
            "Zero" => 0,
            "NonInteger" => 2.5,
            "One" => 1,
            "Outlier" => 1e15,
            _ => throw new ArgumentException(caseName),
        };

        private static Hashtable? FixedFor(string family) => family == "Binomial" ? new Hashtable { ["Trials"] = 10 } : null;

        /// <summary>The base sample followed by the case's hostile value.</summary>
        private static object?[] WithValue(string family, HostileCase c)
            => ReliabilityReference.Sample(family, "Base").Cast<object?>().Append(c.Value!(family)).ToArray();

        // ---------------------------------------------------------------- Get-MLEstimate

        /// <summary>
        /// Samples that identify no estimate, by family: n = 1 and all-equal samples for the
        /// families with a scale or shape, two values for Cauchy (the likelihood is flat on a
        /// half-circle reaching Scale → 0) and the negative binomial (variance below the mean).
        /// </summary>
        private static string? Degenerate(string family, string caseName) => (family, caseName) switch
        {
            ("Normal" or "LogNormal" or "Gamma" or "Weibull" or "Beta" or "Logistic" or "Cauchy" or "StudentT" or "Laplace" or "Uniform" or "Pareto", "SingleValue" or "AllEqual") => "ZeroVariance",
            ("NegativeBinomial", "SingleValue" or "AllEqual" or "TwoValues") => "NoFiniteEstimate",
            ("Cauchy", "TwoValues") => "UnboundedLikelihood",
            _ => null,
        };

        /// <summary>
        /// Fits of valid but extreme samples that end in a terminating error instead of a result:
        /// an estimate beyond the double range (reference.json says Infinity) is EstimateOutOfRange;
        /// where the estimate is a double but its Fisher information is not, the fit cannot be
        /// carried out and says to rescale (InformationOutOfRange): Gamma with 1e308 (Rate 1.3e-310,
        /// information ∝ 1/Rate²) and Logistic with 1e308 (Scale 1.2e307, information ∝ 1/Scale²,
        /// which underflows). Counts cannot be rescaled: the negative binomial with 1e308 (P = 1.1e-310)
        /// reports its estimate with NaN standard errors instead. Where the score equations have no
        /// maximum (the Student t likelihood with one value near 1e28 or 1e308 climbs without
        /// bound as DegreesOfFreedom → 0 and Scale → 0, and its only root is a saddle) the fit
        /// reports Converged = False.
        /// </summary>
        private static Expected FitOfNumber(string family, string caseName)
        {
            if ((family, caseName) is ("Gamma", "Huge") or ("Logistic", "Huge"))
            {
                return Expected.Terminating("InformationOutOfRange");
            }

            var reference = ReliabilityReference.Fit(family + "/" + caseName)
                ?? throw new InvalidOperationException($"reference.json has no fit {family}/{caseName}: regenerate it with make_reference.py.");
            if (reference.TryGetProperty("NoMaximum", out _))
            {
                return Expected.NotConverged();
            }

            if (reference.TryGetProperty("Parameters", out var parameters)
                && parameters.EnumerateObject().Any(p => double.IsInfinity(ReliabilityReference.Number(p.Value))))
            {
                return Expected.Terminating("EstimateOutOfRange");
            }

            // A warning must also say why a standard error is missing where its variance or the
            // information leaves the double range (Rayleigh, Laplace with 1e308).
            bool infiniteLogLikelihood = double.IsInfinity(ReliabilityReference.Number(reference.GetProperty("LogLikelihood")));
            bool standardErrorOutOfRange = (family, caseName) is ("Rayleigh", "Huge") or ("Laplace", "Huge");
            return Expected.Result(caseName, warning: infiniteLogLikelihood || standardErrorOutOfRange);
        }

        private static Expected? ExpectFit(string family, HostileCase c)
        {
            bool categorical = family == "Categorical";
            switch (c.Name)
            {
                case "Null":
                    return Expected.Result("Base");
                case "String" or "CultureComma" or "CodeString" or "CommandString":
                    return categorical ? Expected.Result(c.Name) : Expected.Skipped("NotANumber");
                case "NaN" or "PositiveInfinity" or "NegativeInfinity":
                    return Expected.Skipped("NonFiniteValue");
                case "True":
                    return categorical || family == "Bernoulli" ? Expected.Result("True") : Expected.Skipped("NotANumber");
                case "Hashtable":
                    return Expected.Skipped(categorical ? "NotAScalar" : "NotANumber");
                case "DateTime":
                    return categorical ? Expected.Result("DateTime") : Expected.Skipped("NotANumber");
                case "Nested":
                    return Expected.Result("Nested");
                case "EmptyPipeline" or "EmptyArray" or "OnlyNull":
                    return Expected.Terminating("NoUsableInput");
                case "SingleValue" or "TwoValues" or "AllEqual":
                    return Degenerate(family, c.Name) is string id ? Expected.Terminating(id) : Expected.Result(c.Name);
                case "UnknownDistribution":
                    // The engine's own binding error: the enum lists the valid names. Once, not per family.
                    return family == Families[0] ? Expected.Terminating("CannotConvertArgumentNoMessage") : null;
                case "UnknownParameter":
                    return Expected.Terminating("UnknownParameter");
                case "ConfidenceLevel0" or "ConfidenceLevel1" or "ConfidenceLevel1.5" or "ConfidenceLevelNaN":
                    return Expected.Terminating("InvalidConfidenceLevel");
                case "UnequalLengths" or "MalformedPrior":
                    return null;
            }

            if (categorical)
            {
                return Expected.Result(c.Name);
            }

            return InFitSupport(family, NumberOf(c.Name)) ? FitOfNumber(family, c.Name) : Expected.Skipped("ValueOutsideSupport");
        }

        private static (string, object?[]) InvokeFit(string family, HostileCase c)
        {
            const string Fit = "Get-MLEstimate -Distribution $d -Fixed $fixed";
            var fixedValues = FixedFor(family);
            switch (c.Kind)
            {
                case CaseKind.Value:
                    return ("param($in, $d, $fixed) $in | " + Fit, new object?[] { WithValue(family, c), family, fixedValues });
                case CaseKind.Sample:
                    return c.Name switch
                    {
                        "EmptyPipeline" => ("param($d, $fixed) @() | " + Fit, new object?[] { family, fixedValues }),
                        "EmptyArray" => ("param($d, $fixed) " + Fit + " -InputObject @()", new object?[] { family, fixedValues }),
                        "OnlyNull" => ("param($d, $fixed) $null | " + Fit, new object?[] { family, fixedValues }),
                        _ => ("param($in, $d, $fixed) $in | " + Fit, new object?[] { ReliabilityReference.Sample(family, c.Name), family, fixedValues }),
                    };
                default:
                    var sample = ReliabilityReference.Sample(family, "Base");
                    return c.Name switch
                    {
                        "UnknownDistribution" => ("param($in) $in | Get-MLEstimate -Distribution 'NoSuchDistribution'", new object?[] { sample }),
                        "UnknownParameter" => ("param($in, $d, $fixed) $in | " + Fit, new object?[] { sample, family, new Hashtable { ["NoSuchParameter"] = 1, ["Trials"] = 10 } }),
                        _ => ("param($in, $d, $fixed, $level) $in | " + Fit + " -ConfidenceLevel $level", new object?[] { sample, family, fixedValues, HostileCases.ConfidenceLevel(c.Name) }),
                    };
            }
        }

        private static void CheckFit(string family, HostileCase c, Expected expected, object output)
        {
            var fit = Assert.IsType<MLEstimate>(output);
            var reference = ReliabilityReference.Fit(family + "/" + expected.Reference) ?? throw new InvalidOperationException("No reference " + family + "/" + expected.Reference);
            double tolerance = ClosedForm.Contains(family) ? 1e-12 : 1e-9;
            Assert.Equal(ReliabilityReference.Number(reference.GetProperty("SampleSize")), fit.SampleSize);
            Assert.Equal(expected.Kind == OutcomeKind.Skipped ? 1 : 0, fit.SkippedCount);
            Assert.True(fit.Converged, "Converged");
            if (family == "Categorical")
            {
                var probabilities = reference.GetProperty("Probabilities").EnumerateArray().Select(ReliabilityReference.Number).ToArray();
                Assert.Equal(probabilities.Length, fit.Parameters.Length);
                for (int i = 0; i < probabilities.Length; i++)
                {
                    Tolerance.Relative(probabilities[i], fit.Parameters[i].Value, tolerance, "P[" + fit.Parameters[i].Name + "]");
                }
            }
            else
            {
                foreach (var parameter in reference.GetProperty("Parameters").EnumerateObject())
                {
                    double actual = fit.Parameters.Single(p => p.Name == parameter.Name).Value;
                    Tolerance.Relative(ReliabilityReference.Number(parameter.Value), actual, tolerance, parameter.Name);
                }
            }

            AssertNumber(ReliabilityReference.Number(reference.GetProperty("LogLikelihood")), fit.LogLikelihood, tolerance, "LogLikelihood", floor: 1);
        }

        // ---------------------------------------------------------------- Measure-NegativeLogLikelihood

        private static Expected? ExpectNll(string family, HostileCase c)
        {
            if (c.Name == "UnknownDistribution")
            {
                return family == Families[0] ? Expected.Terminating("CannotConvertArgumentNoMessage") : null;
            }

            if (c.Name is "ConfidenceLevel0" or "ConfidenceLevel1" or "ConfidenceLevel1.5" or "ConfidenceLevelNaN" or "UnequalLengths" or "MalformedPrior")
            {
                return null;
            }

            switch (c.Name)
            {
                case "Null":
                    return Expected.Result("Base");
                case "String" or "CultureComma" or "CodeString" or "CommandString" or "Hashtable" or "DateTime":
                    return Expected.Skipped("NotANumber");
                case "NaN" or "PositiveInfinity" or "NegativeInfinity":
                    return Expected.Skipped("NonFiniteValue");
                case "True":
                    return family == "Bernoulli" ? NllResult(family, "True") : Expected.Skipped("NotANumber");
                case "EmptyPipeline" or "EmptyArray" or "OnlyNull":
                    return Expected.Terminating("NoUsableInput");
                case "UnknownParameter":
                    return Expected.Terminating("UnknownParameter");
                default:
                    // Every number is evaluated: outside the support its likelihood is 0 (NLL +Infinity, with a warning).
                    return NllResult(family, c.Name);
            }
        }

        private static Expected NllResult(string family, string caseName)
        {
            var reference = ReliabilityReference.Nll(family + "/" + caseName)
                ?? throw new InvalidOperationException($"reference.json has no NLL {family}/{caseName}.");
            return Expected.Result(caseName, warning: double.IsInfinity(ReliabilityReference.Number(reference.GetProperty("Value"))));
        }

        private static Hashtable ParametersFor(string family)
        {
            if (family == "Categorical")
            {
                return new Hashtable { ["a"] = 0.5, ["b"] = 0.3, ["c"] = 0.2 };
            }

            var table = new Hashtable();
            foreach (var entry in ReliabilityReference.Theta(family))
            {
                table[entry.Key] = entry.Value;
            }

            return table;
        }

        private static (string, object?[]) InvokeNll(string family, HostileCase c)
        {
            const string Nll = "Measure-NegativeLogLikelihood -Distribution $d -Parameter $p";
            var parameters = ParametersFor(family);
            switch (c.Kind)
            {
                case CaseKind.Value:
                    return ("param($in, $d, $p) $in | " + Nll, new object?[] { WithValue(family, c), family, parameters });
                case CaseKind.Sample:
                    return c.Name switch
                    {
                        "EmptyPipeline" => ("param($d, $p) @() | " + Nll, new object?[] { family, parameters }),
                        "EmptyArray" => ("param($d, $p) " + Nll + " -InputObject @()", new object?[] { family, parameters }),
                        "OnlyNull" => ("param($d, $p) $null | " + Nll, new object?[] { family, parameters }),
                        _ => ("param($in, $d, $p) $in | " + Nll, new object?[] { ReliabilityReference.Sample(family, c.Name), family, parameters }),
                    };
                default:
                    var sample = ReliabilityReference.Sample(family, "Base");
                    if (c.Name == "UnknownDistribution")
                    {
                        return ("param($in, $p) $in | Measure-NegativeLogLikelihood -Distribution 'NoSuchDistribution' -Parameter $p", new object?[] { sample, parameters });
                    }

                    parameters["NoSuchParameter"] = 1;
                    return ("param($in, $d, $p) $in | " + Nll, new object?[] { sample, family, parameters });
            }
        }

        private static void CheckNll(string family, HostileCase c, Expected expected, object output)
        {
            var result = Assert.IsType<NegativeLogLikelihood>(output);
            var reference = ReliabilityReference.Nll(family + "/" + expected.Reference) ?? throw new InvalidOperationException("No NLL reference " + family + "/" + expected.Reference);
            Assert.Equal(ReliabilityReference.Number(reference.GetProperty("SampleSize")), result.SampleSize);
            Assert.Equal(expected.Kind == OutcomeKind.Skipped ? 1 : 0, result.SkippedCount);
            AssertNumber(ReliabilityReference.Number(reference.GetProperty("Value")), result.Value, 1e-12, "NLL", floor: 1);
        }

        // ---------------------------------------------------------------- Measure-RegressionLoss

        private static Expected? ExpectLoss(string column, HostileCase c)
        {
            bool pipeline = column.StartsWith("Pipeline", StringComparison.Ordinal);
            string position = pipeline ? column.Substring("Pipeline".Length) : column;
            switch (c.Name)
            {
                case "Null" or "String" or "CultureComma" or "CodeString" or "CommandString" or "Hashtable" or "DateTime" or "True" or "Nested":
                    // A pair needs two numbers: anything else (a nested array included: pairs go by position) skips the pair.
                    return Expected.Skipped("NotANumber");
                case "NaN" or "PositiveInfinity" or "NegativeInfinity":
                    return Expected.Skipped("NonFiniteValue");
                case "EmptyPipeline" or "OnlyNull":
                    return pipeline || c.Name == "OnlyNull" ? Expected.Terminating("NoUsableInput") : null;
                case "EmptyArray":
                    return pipeline ? null : Expected.Terminating("NoUsableInput");
                case "UnequalLengths":
                    return pipeline ? null : Expected.Terminating("LengthMismatch");
                case "SingleValue" or "TwoValues" or "AllEqual":
                    return position == "Actual" ? LossResult(c.Name) : null;
                case "UnknownDistribution" or "UnknownParameter" or "ConfidenceLevel0" or "ConfidenceLevel1" or "ConfidenceLevel1.5" or "ConfidenceLevelNaN" or "MalformedPrior":
                    return null;
                default:
                    return LossResult(position + "/" + c.Name);
            }
        }

        /// <summary>
        /// A loss result; a warning must come with an MSE beyond the double range, and with an actual
        /// value of 0 or below ε = 2.2e-16 in magnitude, whose percentage error divides by ε.
        /// </summary>
        private static Expected LossResult(string key)
        {
            var reference = ReliabilityReference.Loss(key) ?? throw new InvalidOperationException("reference.json has no loss " + key);
            bool tinyActual = key is "Actual/Zero" or "Actual/Subnormal";
            return Expected.Result(key, warning: tinyActual || double.IsInfinity(ReliabilityReference.Number(reference.GetProperty("MeanSquaredError"))));
        }

        private static (string, object?[]) InvokeLoss(string column, HostileCase c)
        {
            bool pipeline = column.StartsWith("Pipeline", StringComparison.Ordinal);
            bool actualSide = column.EndsWith("Actual", StringComparison.Ordinal);
            var actual = ReliabilityReference.Sample("Loss", "Actual").Cast<object?>().ToList();
            var predicted = ReliabilityReference.Sample("Loss", "Predicted").Cast<object?>().ToList();
            switch (c.Name)
            {
                case "EmptyPipeline":
                    return ("@() | Measure-RegressionLoss", Array.Empty<object?>());
                case "EmptyArray":
                    return ("Measure-RegressionLoss -Actual @() -Predicted @()", Array.Empty<object?>());
                case "OnlyNull":
                    return pipeline
                        ? ("$null | Measure-RegressionLoss", Array.Empty<object?>())
                        : ("Measure-RegressionLoss -Actual @($null) -Predicted @($null)", Array.Empty<object?>());
                case "UnequalLengths":
                    predicted.RemoveAt(predicted.Count - 1);
                    break;
                case "SingleValue":
                    actual = actual.Take(1).ToList();
                    predicted = predicted.Take(1).ToList();
                    break;
                case "TwoValues":
                    actual = actual.Take(2).ToList();
                    predicted = predicted.Take(2).ToList();
                    break;
                case "AllEqual":
                    actual = Enumerable.Repeat(actual[0], 4).ToList();
                    predicted = Enumerable.Repeat(predicted[0], 4).ToList();
                    break;
                default:
                    object? value = c.Name == "Nested" ? new object[] { 1.0, new object[] { 2.0, 3.0 } } : c.Value!(column);
                    actual.Add(actualSide ? value : 3.0);
                    predicted.Add(actualSide ? 3.0 : value);
                    break;
            }

            return pipeline
                ? ("param($a, $p) & { for ($i = 0; $i -lt $a.Count; $i++) { [pscustomobject]@{ Actual = $a[$i]; Predicted = $p[$i] } } } | Measure-RegressionLoss", new object?[] { actual.ToArray(), predicted.ToArray() })
                : ("param($a, $p) Measure-RegressionLoss -Actual $a -Predicted $p", new object?[] { actual.ToArray(), predicted.ToArray() });
        }

        private static void CheckLoss(string column, HostileCase c, Expected expected, object output)
        {
            var loss = Assert.IsType<RegressionLoss>(output);
            var reference = ReliabilityReference.Loss(expected.Reference!) ?? throw new InvalidOperationException("No loss reference " + expected.Reference);
            Assert.Equal(ReliabilityReference.Number(reference.GetProperty("SampleSize")), loss.SampleSize);
            Assert.Equal(expected.Kind == OutcomeKind.Skipped ? 1 : 0, loss.SkippedCount);
            AssertNumber(ReliabilityReference.Number(reference.GetProperty("MeanSquaredError")), loss.MeanSquaredError, 1e-12, "MSE");
            AssertNumber(ReliabilityReference.Number(reference.GetProperty("MeanAbsoluteError")), loss.MeanAbsoluteError, 1e-12, "MAE");
            AssertNumber(ReliabilityReference.Number(reference.GetProperty("MedianAbsoluteError")), loss.MedianAbsoluteError, 1e-12, "MedianAbsoluteError");
            AssertNumber(ReliabilityReference.Number(reference.GetProperty("MaxError")), loss.MaxError, 1e-12, "MaxError");
            AssertNumber(ReliabilityReference.Number(reference.GetProperty("RSquared")), loss.RSquared, 1e-12, "RSquared");
        }

        // ---------------------------------------------------------------- shared

        /// <summary>Relative comparison (to max(|expected|, floor)); ±Infinity and NaN must match exactly.</summary>
        public static void AssertNumber(double expected, double actual, double relative, string what, double floor = 1e-300)
        {
            if (double.IsNaN(expected) || double.IsInfinity(expected))
            {
                Assert.True(expected.Equals(actual), $"{what}: expected {expected}, got {actual:R}");
                return;
            }

            Tolerance.Relative(expected, actual, relative, what, floor);
        }
    }
}
