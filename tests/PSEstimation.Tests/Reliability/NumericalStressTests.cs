using System;
using System.Collections;
using System.Linq;
using System.Threading;
using PSEstimation.Distributions;
using PSEstimation.Estimation;
using PSEstimation.Tests.Hosting;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Reliability
{
    /// <summary>
    /// Issue 8's numerical stress, through the real engine: a 1e9 offset with unit spread
    /// (catastrophic cancellation), values from 1e-300 to 1e300, n = 10^6, optima on the boundary,
    /// weights beyond the double range. Expected numbers are hand derivations (named beside them)
    /// or reference.json (make_reference.py: mpmath).
    /// </summary>
    [Collection(ModuleCollection.Name)]
    public class NumericalStressTests
    {
        private const string FitId = ",PSEstimation.Commands.GetMLEstimateCommand";

        /// <summary>Unit-spread deviations, multiples of 1/4, so 1e9 + u is exact in a double (spacing 1.2e-7 there).</summary>
        private static readonly double[] Deviations = { -1.5, -0.5, 0.0, 0.25, 0.5, 1.25, 2.0, -1.0 };

        /// <summary>
        /// Hand: mean(u) = 1/8 = 0.125; deviations from it -1.625, -0.625, -0.125, 0.125, 0.375,
        /// 1.125, 1.875, -1.125, whose squares sum to 9.25, so the MLE variance is 9.25/8 = 1.15625.
        /// </summary>
        private const double OffsetMean = 0.125;
        private const double OffsetVariance = 1.15625;

        private readonly ModuleFixture module;

        public NumericalStressTests(ModuleFixture module) => this.module = module;

        private static double[] Offset(double offset) => Deviations.Select(u => offset + u).ToArray();

        private T Single<T>(string script, params object?[] args)
        {
            var result = module.Run(script, args);
            Assert.True(result.TerminatingError is null, result.TerminatingError?.ToString());
            Assert.True(result.Errors.Count == 0, string.Join("; ", result.Errors.Select(e => e.ToString())));
            return Assert.IsType<T>(Assert.Single(result.Objects));
        }

        // ------------------------------------------------------------ cancellation at 1e9

        [Theory]
        [InlineData("pipeline", "$args[0] | Get-MLEstimate Normal")]
        [InlineData("bulk double[]", "Get-MLEstimate Normal -InputObject $args[0]")]
        [InlineData("numeric strings", "$args[0] | ForEach-Object { $_.ToString('R', [cultureinfo]::InvariantCulture) } | Get-MLEstimate Normal")]
        [InlineData("weights", "Get-MLEstimate Normal -InputObject $args[0] -Weight (@(2.0) * $args[0].Length)")]
        public void Normal_variance_survives_a_1e9_offset(string form, string script)
        {
            var fit = Single<MLEstimate>(script, Offset(1e9));
            Tolerance.Relative(1e9 + OffsetMean, fit.Parameters[0].Value, 1e-15, form + ": Mean");
            Tolerance.Relative(OffsetVariance, fit.Parameters[1].Value, 1e-9, form + ": Variance");
            Assert.True(Math.Abs(fit.Score[0]) < 1e-6 && Math.Abs(fit.Score[1]) < 1e-6, form + ": score " + string.Join(", ", fit.Score));
        }

        [Fact]
        public void Normal_variance_survives_a_1e9_offset_over_100000_values()
        {
            // The same eight values 12500 times: mean and variance unchanged (hand).
            var data = Enumerable.Repeat(Offset(1e9), 12500).SelectMany(v => v).ToArray();
            var fit = Single<MLEstimate>("Get-MLEstimate Normal -InputObject $args[0]", data);
            Assert.Equal(100000, fit.SampleSize);
            Tolerance.Relative(1e9 + OffsetMean, fit.Parameters[0].Value, 1e-15, "Mean");
            Tolerance.Relative(OffsetVariance, fit.Parameters[1].Value, 1e-9, "Variance");
        }

        [Fact]
        public void Laplace_scale_survives_a_1e9_offset()
        {
            // Hand: sorted u = -1.5, -1, -0.5, 0, 0.25, 0.5, 1.25, 2, median (0 + 0.25)/2 = 0.125;
            // mean |u - 0.125| = (1.625 + 0.625 + 0.125 + 0.125 + 0.375 + 1.125 + 1.875 + 1.125)/8 = 0.875.
            var fit = Single<MLEstimate>("$args[0] | Get-MLEstimate Laplace", Offset(1e9));
            Tolerance.Relative(1e9 + 0.125, fit.Parameters[0].Value, 1e-15, "Location");
            Tolerance.Relative(0.875, fit.Parameters[1].Value, 1e-9, "Scale");
        }

        [Fact]
        public void Negative_log_likelihood_at_a_1e9_offset()
        {
            // Hand: at the MLE the Normal NLL is n/2 (log(2π σ²) + 1), and its gradient is 0.
            var parameters = new Hashtable { ["Mean"] = 1e9 + OffsetMean, ["Variance"] = OffsetVariance };
            var nll = Single<NegativeLogLikelihood>("$args[0] | Measure-NegativeLogLikelihood Normal -Parameter $args[1]", Offset(1e9), parameters);
            Tolerance.Relative(4 * (Math.Log(2 * Math.PI * OffsetVariance) + 1), nll.Value, 1e-12, "NLL");
            Assert.True(Math.Abs(nll.Gradient[0]) < 1e-6 && Math.Abs(nll.Gradient[1]) < 1e-6, "gradient " + string.Join(", ", nll.Gradient));
        }

        [Fact]
        public void Regression_losses_at_a_1e9_offset()
        {
            // Hand: residuals e = 0.25, -0.25, 0.5, 0, -0.5, 0.25, 0, -0.25 (mean 0): Σe² = 0.75, so
            // MSE = 0.09375; Σ(y - ȳ)² = 9.25, so R² = explained variance = 1 - 0.75/9.25 = 34/37.
            double[] e = { 0.25, -0.25, 0.5, 0, -0.5, 0.25, 0, -0.25 };
            var actual = Offset(1e9);
            var predicted = actual.Select((y, i) => y - e[i]).ToArray();
            var loss = Single<RegressionLoss>("Measure-RegressionLoss -Actual $args[0] -Predicted $args[1]", actual.Cast<object>().ToArray(), predicted.Cast<object>().ToArray());
            Tolerance.Relative(0.09375, loss.MeanSquaredError, 1e-9, "MSE");
            Tolerance.Relative(34.0 / 37, loss.RSquared, 1e-9, "R²");
            Tolerance.Relative(34.0 / 37, loss.ExplainedVariance, 1e-9, "ExplainedVariance");
        }

        [Theory]
        [InlineData("Logistic")]
        [InlineData("Cauchy")]
        [InlineData("StudentT")]
        public void Location_scale_fits_are_shift_equivariant_at_1e9(string family)
        {
            // Location-scale equivariance (hand): shifting the data by 1e9 shifts Location by 1e9
            // and leaves Scale alone. The data are the matrix's base sample in eighths (exact at 1e9).
            var base0 = ReliabilityReference.Sample(family, "Base").Select(v => Math.Round(Convert.ToDouble(v) * 8) / 8).ToArray();
            var plain = Single<MLEstimate>("$args[0] | Get-MLEstimate $args[1]", base0, family);
            var shifted = Single<MLEstimate>("$args[0] | Get-MLEstimate $args[1]", base0.Select(v => v + 1e9).ToArray(), family);
            Tolerance.Absolute(plain.Parameters[0].Value, shifted.Parameters[0].Value - 1e9, 1e-6, "Location - 1e9");
            for (int i = 1; i < plain.Parameters.Length; i++)
            {
                Tolerance.Relative(plain.Parameters[i].Value, shifted.Parameters[i].Value, 1e-6, plain.Parameters[i].Name);
            }

            Assert.True(shifted.Converged);
        }

        // ------------------------------------------------------------ 1e-300 to 1e300

        [Theory]
        [InlineData("LogNormal")]
        [InlineData("Exponential")]
        [InlineData("Gamma")]
        [InlineData("Weibull")]
        [InlineData("Rayleigh")]
        [InlineData("Pareto")]
        public void Values_from_1e_minus_300_to_1e300(string family)
        {
            var data = ReliabilityReference.Sample(family, "Span");
            var result = module.Run("$args[0] | Get-MLEstimate $args[1]", data, family);
            if (family == "Gamma")
            {
                // reference.json: Rate 1.3e-302, so the information n·Shape/Rate² is beyond the
                // double range: the family refuses with its documented id and says to rescale.
                Assert.Equal("InformationOutOfRange" + FitId, result.TerminatingError?.FullyQualifiedErrorId);
                return;
            }

            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            var fit = Assert.IsType<MLEstimate>(Assert.Single(result.Objects));
            var reference = ReliabilityReference.Fit(family + "/Span")!.Value;
            double tolerance = family == "Weibull" ? 1e-9 : 1e-12;
            foreach (var parameter in reference.GetProperty("Parameters").EnumerateObject())
            {
                // MeanLog is a mean of logarithms from -690.8 to 690.8 that cancel to 1.1e-17: it is
                // right to their scale (absolute 690.8 · 1e-12), not relative to itself.
                double floor = parameter.Name == "MeanLog" ? 690.8 : 1e-300;
                Tolerance.Relative(ReliabilityReference.Number(parameter.Value), fit.Parameters.Single(p => p.Name == parameter.Name).Value, tolerance, parameter.Name, floor);
            }

            Tolerance.Relative(ReliabilityReference.Number(reference.GetProperty("LogLikelihood")), fit.LogLikelihood, tolerance, "LogLikelihood");
            Assert.True(fit.Converged);

            // The fit's own NLL, evaluated again at its estimate, is finite and equal.
            var nll = Single<NegativeLogLikelihood>("$args[0] | Measure-NegativeLogLikelihood -Estimate $args[1]", data, fit);
            Tolerance.Relative(-fit.LogLikelihood, nll.Value, 1e-12, "NLL at the estimate");

            // Where a standard error is missing, a warning says why (Rayleigh: 4n/Scale² underflows).
            if (fit.Parameters.Any(p => !p.Fixed && p.StandardError is null) && family != "Pareto")
            {
                Assert.Contains(result.Warnings, w => w.Message.Contains("range of a double"));
            }
        }

        // ------------------------------------------------------------ n = 10^6

        public static TheoryData<string> MillionFamilies()
        {
            var data = new TheoryData<string>();
            foreach (string family in CmdletSpecs.Families.Where(f => f != "Categorical"))
            {
                data.Add(family);
            }

            return data;
        }

        /// <summary>
        /// 10^6 values: reference.json's 1000-value pattern repeated 1000 times, so the MLE is the
        /// pattern's and the log-likelihood 1000 times its own (make_reference.py, mpmath). Through the
        /// bulk path (a double[]); the log-likelihoods must be finite and right to 1e-9.
        /// </summary>
        [Theory]
        [MemberData(nameof(MillionFamilies))]
        public void A_million_values(string family)
        {
            var pattern = ReliabilityReference.Sample(family, "Pattern").Select(Convert.ToDouble).ToArray();
            var data = new double[1000000];
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = pattern[i % pattern.Length];
            }

            var fixedValues = family == "Binomial" ? new Hashtable { ["Trials"] = 10 } : null;
            var fit = Single<MLEstimate>("Get-MLEstimate $args[1] -InputObject $args[0] -Fixed $args[2]", data, family, fixedValues);
            var reference = ReliabilityReference.Fit(family + "/Million")!.Value;
            Assert.Equal(1000000, fit.SampleSize);
            foreach (var parameter in reference.GetProperty("Parameters").EnumerateObject())
            {
                Tolerance.Relative(ReliabilityReference.Number(parameter.Value), fit.Parameters.Single(p => p.Name == parameter.Name).Value, 1e-9, parameter.Name);
            }

            Assert.True(double.IsFinite(fit.LogLikelihood) && double.IsFinite(fit.AIC) && double.IsFinite(fit.BIC), "finite LogLikelihood, AIC, BIC");
            Tolerance.Relative(ReliabilityReference.Number(reference.GetProperty("LogLikelihood")), fit.LogLikelihood, 1e-9, "LogLikelihood");

            // The NLL of the same million at the estimate, and at the matrix's parameters.
            var atEstimate = Single<NegativeLogLikelihood>("Measure-NegativeLogLikelihood -Estimate $args[1] -InputObject $args[0]", data, fit);
            Tolerance.Relative(-fit.LogLikelihood, atEstimate.Value, 1e-9, "NLL at the estimate");
            var parameters = new Hashtable();
            foreach (var entry in ReliabilityReference.Theta(family))
            {
                parameters[entry.Key] = entry.Value;
            }

            var result = module.Run("Measure-NegativeLogLikelihood $args[1] -InputObject $args[0] -Parameter $args[2]", data, family, parameters);
            var nll = Assert.IsType<NegativeLogLikelihood>(Assert.Single(result.Objects));
            CmdletSpecs.AssertNumber(ReliabilityReference.Number(ReliabilityReference.Nll(family + "/Million")!.Value.GetProperty("Value")), nll.Value, 1e-9, "NLL at the matrix's parameters", floor: 1);
        }

        // ------------------------------------------------------------ optima on the boundary

        [Theory]
        [InlineData("Poisson", "0, 0, 0, 0", null, "Lambda", 0.0)]
        [InlineData("Geometric", "0, 0, 0, 0", null, "P", 1.0)]
        [InlineData("Bernoulli", "1, 1, 1, 1", null, "P", 1.0)]
        [InlineData("Bernoulli", "$false, $false, $false", null, "P", 0.0)]
        [InlineData("Binomial", "10, 10, 10", 10, "P", 1.0)]
        [InlineData("Binomial", "0, 0, 0", 10, "P", 0.0)]
        public void Discrete_optima_on_the_boundary(string family, string values, int? trials, string name, double value)
        {
            // Hand: every value at the edge of the support puts all the probability there; the
            // likelihood is 1, its log +0 (not -0), and the information is infinite: no standard error.
            string fixedText = trials is int t ? $" -Fixed @{{ Trials = {t} }}" : string.Empty;
            var fit = Single<MLEstimate>($"{values} | Get-MLEstimate {family}{fixedText}");
            var parameter = fit.Parameters.Single(p => p.Name == name);
            Assert.Equal(value, parameter.Value);
            Assert.Null(parameter.StandardError);
            Assert.Equal(0.0, fit.LogLikelihood);
            Assert.True(double.IsPositiveInfinity(1 / fit.LogLikelihood), $"LogLikelihood is -0 for {family}");
            Assert.True(fit.Converged);
        }

        [Fact]
        public void Uniform_and_Pareto_optima_on_the_edge_of_the_support()
        {
            // Hand: Uniform MLE (min, max) with log-likelihood -n log(max - min); Pareto Scale = min,
            // Shape = n / Σ log(x / min) (1, 2, 4, 8: Σ log = 6 log 2, Shape = 4 / (6 log 2)).
            var uniform = Single<MLEstimate>("1, 2, 4, 8 | Get-MLEstimate Uniform");
            Assert.Equal(1.0, uniform.Parameters[0].Value);
            Assert.Equal(8.0, uniform.Parameters[1].Value);
            Tolerance.Relative(-4 * Math.Log(7), uniform.LogLikelihood, 1e-14, "Uniform LogLikelihood");
            var pareto = Single<MLEstimate>("1, 2, 4, 8 | Get-MLEstimate Pareto");
            Assert.Equal(1.0, pareto.Parameters[0].Value);
            Tolerance.Relative(4 / (6 * Math.Log(2)), pareto.Parameters[1].Value, 1e-14, "Pareto Shape");
        }

        [Fact]
        public void Student_t_degrees_of_freedom_at_their_cap()
        {
            // Two values: the t likelihood grows as DegreesOfFreedom → ∞; the fit stops at the
            // documented cap 1e20, the Normal limit to rounding (Method says so), with Location and
            // Scale of the capped model (reference.json StudentT/TwoValues: mpmath with
            // DegreesOfFreedom fixed at the cap, log-likelihood the Normal fit's; for two values Scale is
            // their half-distance at every ν).
            var fit = Single<MLEstimate>("$args[0] | Get-MLEstimate StudentT", new object?[] { ReliabilityReference.Sample("StudentT", "TwoValues") });
            var reference = ReliabilityReference.Fit("StudentT/TwoValues")!.Value.GetProperty("Parameters");
            Assert.Equal(1e20, fit.Parameters[2].Value);
            Assert.Contains("capped at 1E+20", fit.Method);
            Tolerance.Relative(reference.GetProperty("Location").GetDouble(), fit.Parameters[0].Value, 1e-9, "Location");
            Tolerance.Relative(reference.GetProperty("Scale").GetDouble(), fit.Parameters[1].Value, 1e-9, "Scale");
        }

        // ------------------------------------------------------------ weights beyond the double range

        [Theory]
        [InlineData("Get-MLEstimate Normal -InputObject 1, 2, 3 -Weight 1e308, 1e308, 1e308", "GetMLEstimateCommand")]
        [InlineData("Get-MLEstimate Categorical -InputObject a, b -Weight 1e308, 1e308", "GetMLEstimateCommand")]
        [InlineData("Get-MLEstimate Poisson -InputObject 1, 2 -Weight 1e308, 1e308", "GetMLEstimateCommand")]
        [InlineData("Measure-RegressionLoss -Actual 1, 2, 3 -Predicted 1.5, 2, 2.5 -Weight 1e308, 1e308, 1e308", "MeasureRegressionLossCommand")]
        public void Weights_that_sum_beyond_the_double_range_are_refused(string script, string command)
        {
            // Before: a Normal fit blamed a variance underflow, Categorical gave every probability 0,
            // and the losses were MSE 0 and R² 1 with a warning about perfect predictions.
            var result = module.Run(script);
            Assert.Equal("InvalidWeight,PSEstimation.Commands." + command, result.TerminatingError?.FullyQualifiedErrorId);
            Assert.Empty(result.Objects);
        }

        [Fact]
        public void Large_finite_weights_still_fit()
        {
            // Weights 1e300 sum to 2e300: n is a double, the estimates are those of the unweighted
            // pair (hand: mean 1.5, variance 0.25).
            var fit = Single<MLEstimate>("Get-MLEstimate Normal -InputObject 1, 2 -Weight 1e300, 1e300");
            Assert.Equal(2e300, fit.SampleSize);
            Tolerance.Relative(1.5, fit.Parameters[0].Value, 1e-15, "Mean");
            Tolerance.Relative(0.25, fit.Parameters[1].Value, 1e-15, "Variance");
        }

        // ------------------------------------------------------------ the optimiser

        [Fact]
        public void Newton_never_calls_an_overflowed_step_convergence()
        {
            // The logistic log-likelihood of 2.3, 2.5, 3.1, 3.8, 2.7, 1e308 from the old quantile start
            // (median 2.9, Scale 0.5917): the score in Scale overflows (z·t ≈ 1.7e308 per value).
            // Before: the NaN decrement passed as a converged fit at the start, log-likelihood -1.69e308.
            var family = new LogisticFamily();
            var sample = family.CreateAccumulator();
            foreach (double x in new[] { 2.3, 2.5, 3.1, 3.8, 2.7, 1e308 })
            {
                sample.Add(x, 1);
            }

            var result = NewtonRaphson.Maximize(new LogLikelihoodObjective(family, sample), family.Parameters, new[] { 2.9, 0.5916554973 }, new double?[2], CancellationToken.None);
            Assert.False(result.Converged && result.LogLikelihood < -1e300, $"Converged = {result.Converged} at log-likelihood {result.LogLikelihood:R}");
        }
    }
}
