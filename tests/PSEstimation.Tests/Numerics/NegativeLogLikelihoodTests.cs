using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using PSEstimation.Distributions;
using PSEstimation.Estimation;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Numerics
{
    /// <summary>
    /// The negative log-likelihood at given parameters, through the numerical core
    /// (<see cref="NegativeLogLikelihoodEvaluator"/>), against tests/reference/nll.json (analytic
    /// formulas checked with R's d-functions, numDeriv and scipy) and mle.json (R fitdistrplus/MASS,
    /// scipy). Every case of a family listed in <see cref="MleReferenceTests.Implemented"/> runs.
    /// </summary>
    public class NegativeLogLikelihoodTests
    {
        private static readonly double[] Seed = { 2.3, 2.5, 3.1, 3.8, 2.7 };

        public static IEnumerable<object[]> NllCases()
            => ReferenceData.Ids("nll", c => MleReferenceTests.Implemented.Contains(c.GetProperty("Distribution").GetString()!));

        public static IEnumerable<object[]> MleCases() => MleReferenceTests.Cases();

        /// <summary>The family of a reference case, with the constants its table gives (Binomial's Trials).</summary>
        internal static DistributionFamily FamilyOf(JsonElement testCase, string table)
        {
            var name = Enum.Parse<DistributionName>(testCase.GetProperty("Distribution").GetString()!);
            var values = ReferenceData.Numbers(testCase, table);
            var constants = DistributionFamilies.ConstantNames(name).Where(values.ContainsKey).ToDictionary(c => c, c => values[c]);
            return DistributionFamilies.Create(name, constants);
        }

        internal static NegativeLogLikelihood Evaluate(DistributionFamily family, IEnumerable<double> data, double[] theta)
        {
            var evaluator = new NegativeLogLikelihoodEvaluator(family, theta);
            long index = 0;
            foreach (double x in data)
            {
                evaluator.Add(x, index++);
            }

            return evaluator.ToResult(null, 0);
        }

        private static double Nll(DistributionFamily family, double[] data, double[] theta) => Evaluate(family, data, theta).Value;

        /// <summary>Relative where the reference is not 0; absolute where it is (a gradient at the optimum).</summary>
        private static void Near(double expected, double actual, double tolerance, string what)
        {
            if (double.IsNaN(expected))
            {
                // No information exists (Uniform's boundary MLE): both sides must say so.
                Xunit.Assert.True(double.IsNaN(actual), $"{what}: expected NaN, got {actual:R}");
            }
            else if (Math.Abs(expected) <= tolerance)
            {
                Tolerance.Absolute(expected, actual, tolerance, what);
            }
            else
            {
                Tolerance.Relative(expected, actual, tolerance, what);
            }
        }

        [Theory]
        [MemberData(nameof(NllCases))]
        public void Matches_the_nll_reference(string id)
        {
            // tests/reference/nll.json, case `id`: analytic, checked with R d-functions, numDeriv and scipy.
            var testCase = ReferenceData.Case("nll", id);
            var family = FamilyOf(testCase, "Parameter");
            var order = testCase.GetProperty("ParameterOrder").EnumerateArray().Select(e => e.GetString()!).ToArray();
            Assert.Equal(order, family.Parameters.Select(p => p.Name).ToArray());
            var parameter = ReferenceData.Numbers(testCase, "Parameter");
            double[] theta = order.Select(name => parameter[name]).ToArray();
            double[] data = ReferenceData.Doubles(testCase.GetProperty("Data"));

            var result = Evaluate(family, data, theta);

            Tolerance.Relative(testCase.GetProperty("Value").GetDouble(), result.Value, 1e-12, id + " Value");
            Tolerance.Relative(testCase.GetProperty("LogLikelihood").GetDouble(), result.LogLikelihood, 1e-12, id + " LogLikelihood");
            double[] gradient = ReferenceData.Doubles(testCase.GetProperty("Gradient"));
            Assert.Equal(gradient.Length, result.Gradient.Length);
            for (int i = 0; i < gradient.Length; i++)
            {
                Near(gradient[i], result.Gradient[i], 1e-12, $"{id} Gradient[{order[i]}]");
            }

            var information = testCase.GetProperty("FisherInformation").EnumerateArray().Select(ReferenceData.Doubles).ToArray();
            for (int i = 0; i < order.Length; i++)
            {
                for (int j = 0; j < order.Length; j++)
                {
                    Near(information[i][j], result.FisherInformation[i, j], 1e-12, $"{id} FisherInformation[{i},{j}]");
                }
            }

            Assert.Equal(data.Length, result.SampleSize);
            Tolerance.Relative(result.Value / data.Length, result.MeanNegativeLogLikelihood, 1e-15, id + " MeanNegativeLogLikelihood");
            Assert.Equal(0, result.OutsideSupportCount);
            Assert.Equal(order, result.Parameters.Keys.Cast<string>().Take(order.Length).ToArray());
        }

        [Theory]
        [MemberData(nameof(NllCases))]
        public void Gradient_matches_finite_differences(string id)
        {
            // Central differences of the NLL itself (step 1e-6 relative), independent of AddScore.
            var testCase = ReferenceData.Case("nll", id);
            var family = FamilyOf(testCase, "Parameter");
            var parameter = ReferenceData.Numbers(testCase, "Parameter");
            double[] theta = family.Parameters.Select(p => parameter[p.Name]).ToArray();
            double[] data = ReferenceData.Doubles(testCase.GetProperty("Data"));
            double[] gradient = Evaluate(family, data, theta).Gradient;
            for (int i = 0; i < theta.Length; i++)
            {
                double h = 1e-6 * Math.Max(1, Math.Abs(theta[i]));
                var up = (double[])theta.Clone();
                var down = (double[])theta.Clone();
                up[i] += h;
                down[i] -= h;
                double numeric = (Nll(family, data, up) - Nll(family, data, down)) / (2 * h);
                Tolerance.Absolute(numeric, gradient[i], 1e-6 * Math.Max(1, Math.Abs(numeric)), $"{id} d NLL / d {family.Parameters[i].Name}");
            }
        }

        [Theory]
        [MemberData(nameof(MleCases))]
        public void At_a_fit_the_gradient_is_minus_its_score(string id)
        {
            // tests/reference/mle.json, case `id`: fit with the core, then evaluate the NLL at the
            // estimate: Value = -LogLikelihood and Gradient = -Score of the same fit, to rounding of
            // two different summations (sufficient statistics against per-observation sums for Normal).
            var testCase = ReferenceData.Case("mle", id);
            var fit = MleReferenceFits.FitWithCore(testCase);
            var family = FamilyOf(testCase, "Fixed");
            double[] theta = fit.Parameters.Select(p => p.Value).ToArray();
            double[] data = ReferenceData.Doubles(testCase.GetProperty("Data"));

            var result = Evaluate(family, data, theta);

            Tolerance.Relative(-fit.LogLikelihood, result.Value, 1e-12, id + " Value");
            for (int i = 0; i < theta.Length; i++)
            {
                // Rounding scale: Σ |∂ log f(x) / ∂θᵢ| over the sample.
                double scale = 0;
                foreach (double x in data)
                {
                    var term = new double[theta.Length];
                    family.AddScore(x, 1.0, theta, term);
                    scale += Math.Abs(term[i]);
                }

                Tolerance.Absolute(-fit.Score[i], result.Gradient[i], 1e-12 * Math.Max(1, scale), $"{id} Gradient[{i}] = -Score[{i}]");
            }

            for (int i = 0; i < theta.Length; i++)
            {
                for (int j = 0; j < theta.Length; j++)
                {
                    Near(fit.FisherInformation[i, j], result.FisherInformation[i, j], 1e-12, $"{id} FisherInformation[{i},{j}]");
                }
            }
        }

        [Theory]
        [MemberData(nameof(MleCases))]
        public void At_the_reference_estimate_the_nll_is_minus_the_reference_log_likelihood(string id)
        {
            // tests/reference/mle.json: the certified estimate and R's/scipy's log-likelihood there.
            // Near an optimum the NLL is flat, so the 17-digit estimate reproduces it to ~1e-15.
            var testCase = ReferenceData.Case("mle", id);
            var family = FamilyOf(testCase, "Fixed");
            var estimate = testCase.GetProperty("Parameters").EnumerateArray()
                .ToDictionary(p => p.GetProperty("Name").GetString()!, p => p.GetProperty("Value").GetDouble());
            double[] theta = family.Parameters.Select(p => estimate[p.Name]).ToArray();
            var result = Evaluate(family, ReferenceData.Doubles(testCase.GetProperty("Data")), theta);
            Tolerance.Relative(-testCase.GetProperty("LogLikelihood").GetDouble(), result.Value, 1e-10, id + " Value");
        }

        [Fact]
        public void Seed_numbers_of_the_contract()
        {
            // CONTRACT.md: NLL of 2.3, 2.5, 3.1, 3.8, 2.7 at the MLE (2.88, 0.2816) is 3.926523529277739,
            // gradient ≈ (0, 0); FisherInformation diagonal 17.75568182, 31.52642368 (nll.json seed_normal_at_mle).
            var result = Evaluate(new NormalFamily(), Seed, new[] { 2.88, 0.2816 });
            Tolerance.Relative(3.926523529277739, result.Value, 1e-14, "Value");
            Tolerance.Absolute(0, result.Gradient[0], 1e-13, "Gradient[Mean]");
            Tolerance.Absolute(0, result.Gradient[1], 1e-13, "Gradient[Variance]");
            Tolerance.Relative(17.75568181818182, result.FisherInformation[0, 0], 1e-14, "I[0,0]");
            Tolerance.Relative(31.52642368285125, result.FisherInformation[1, 1], 1e-14, "I[1,1]");
            Assert.Equal(0, result.FisherInformation[0, 1]);
        }

        [Fact]
        public void Each_observation_nll_matches_scipy()
        {
            // 0.5·log(2π·0.5) + (x - 3)²/(2·0.5) (hand formula of -log dnorm), evaluated with mpmath 1.3 at 50 digits.
            double[] expected = { 1.0623649429247003, 0.82236494292470009, 0.58236494292470010, 1.2123649429246998, 0.66236494292469998 };
            var evaluator = new NegativeLogLikelihoodEvaluator(new NormalFamily(), new[] { 3.0, 0.5 }, computeGradient: false);
            for (int i = 0; i < Seed.Length; i++)
            {
                Tolerance.Relative(expected[i], evaluator.Add(Seed[i], i), 1e-14, $"NLL of {Seed[i]}");
            }

            Assert.All(evaluator.Gradient(), g => Assert.True(double.IsNaN(g)));
        }

        [Fact]
        public void A_million_values_stay_exact()
        {
            // x = i mod 10 for i < 10^6: every digit 10^5 times, mean 4.5, Σ(x - 4.5)² = 10^5 · 82.5.
            // At the MLE (4.5, 8.25): NLL = n/2 · log(2π · 8.25) + n/2 = 2474045.1333779675501
            // (hand derivation, evaluated with mpmath 1.3 at 50 digits); the gradient is exactly 0.
            const int n = 1_000_000;
            var data = Enumerable.Range(0, n).Select(i => (double)(i % 10));
            var result = Evaluate(new NormalFamily(), data, new[] { 4.5, 8.25 });
            Assert.Equal(n, result.SampleSize);
            Tolerance.Relative(2474045.1333779675501, result.Value, 1e-13, "Value");
            Tolerance.Absolute(0, result.Gradient[0], 1e-9, "Gradient[Mean]");
            Tolerance.Absolute(0, result.Gradient[1], 1e-9, "Gradient[Variance]");
            Tolerance.Relative(n / 8.25, result.FisherInformation[0, 0], 1e-15, "I[0,0]");
        }

        [Theory]
        // Values from mpmath 1.3 at 50 digits on the exact doubles (hand formulas of the Normal NLL and its gradient).
        [InlineData(new[] { 1e300, 1.2e300 }, 1.1e300, 1e308, 1.0000000000000001e+290, 0.0, -1.0000000000000001e-18)]
        [InlineData(new[] { -1e308, 1e308 }, 0.0, 1e308, 1.0e+308, 0.0, -1.0)]
        [InlineData(new[] { 1e-300, 3e-300, -2e-300 }, 1e-300, 1e-300, -1033.4064762477065, 0.99999999999999983, 1.5e+300)]
        public void Extreme_values_do_not_overflow(double[] data, double mean, double variance, double value, double gradientMean, double gradientVariance)
        {
            var result = Evaluate(new NormalFamily(), data, new[] { mean, variance });
            Tolerance.Relative(value, result.Value, 1e-14, "Value");
            Near(gradientMean, result.Gradient[0], 1e-14, "Gradient[Mean]");
            Tolerance.Relative(gradientVariance, result.Gradient[1], 1e-14, "Gradient[Variance]");
        }

        [Fact]
        public void A_density_below_the_smallest_log_is_zero_likelihood()
        {
            // Normal(0, 1e-300) at 1e300: log f = -(1e300)² / 2e-300 = -5e899, below -1.8e308 (hand
            // derivation): the NLL is +Infinity in double precision, and so is the total.
            var evaluator = new NegativeLogLikelihoodEvaluator(new NormalFamily(), new[] { 0.0, 1e-300 });
            Assert.True(double.IsFinite(evaluator.Add(0, 0)));
            Assert.Equal(double.PositiveInfinity, evaluator.Add(1e300, 1));
            Assert.Equal(1, evaluator.ZeroLikelihoodCount);
            Assert.Equal(0, evaluator.OutsideSupportCount);
            var result = evaluator.ToResult(null, 0);
            Assert.Equal(double.PositiveInfinity, result.Value);
            Assert.Equal(double.NegativeInfinity, result.LogLikelihood);
            Assert.All(result.Gradient, g => Assert.True(double.IsNaN(g)));
            Assert.Equal(1, result.OutsideSupportCount);
        }

        [Fact]
        public void Values_outside_the_support_give_infinity_and_are_counted()
        {
            // PowerFamily: f(x) = a·x^(a-1) on [0, 1] (hand-made test family, below).
            var evaluator = new NegativeLogLikelihoodEvaluator(new PowerFamily(), new[] { 2.0 });
            double[] values = { 0.5, 2, -1, 0.25, 3, 4, 5, 6, 7 };
            var nll = values.Select((x, i) => evaluator.Add(x, 10 + i)).ToArray();
            // -log(2 · 0.5) = 0, -log(2 · 0.25) = log 2 (hand).
            Assert.Equal(0.0, nll[0]);
            Assert.False(double.IsNegative(nll[0]), "an NLL of 0 is +0, not -0");
            Tolerance.Relative(Math.Log(2), nll[3], 1e-15, "NLL(0.25)");
            Assert.All(new[] { 1, 2, 4, 5, 6, 7, 8 }, i => Assert.Equal(double.PositiveInfinity, nll[i]));
            Assert.Equal(7, evaluator.ZeroLikelihoodCount);
            Assert.Equal(7, evaluator.OutsideSupportCount);
            Assert.Equal(new long[] { 11, 12, 14, 15, 16 }, evaluator.FirstZeroLikelihoodIndices);
            var result = evaluator.ToResult("P", 3);
            Assert.Equal(double.PositiveInfinity, result.Value);
            Assert.Equal(double.PositiveInfinity, result.MeanNegativeLogLikelihood);
            Assert.True(double.IsNaN(result.Gradient[0]));
            // The information counts every value: 9 · 1/a² (hand).
            Assert.Equal(9 / 4.0, result.FisherInformation[0, 0]);
            Assert.Equal(9, result.SampleSize);
            Assert.Equal(3, result.SkippedCount);
            Assert.Equal("P", result.Property);
        }

        [Fact]
        public void Zero_density_inside_the_support_is_zero_likelihood_too()
        {
            // PowerFamily with a = 2 at x = 0: f(0) = 0 (hand), inside the support [0, 1].
            var evaluator = new NegativeLogLikelihoodEvaluator(new PowerFamily(), new[] { 2.0 });
            Assert.Equal(double.PositiveInfinity, evaluator.Add(0, 0));
            Assert.Equal(1, evaluator.ZeroLikelihoodCount);
            Assert.Equal(0, evaluator.OutsideSupportCount);
        }

        [Fact]
        public void An_unbounded_density_gives_minus_infinity()
        {
            // PowerFamily with a = 0.5 at x = 0: f(0) = +Infinity (hand), as Weibull with Shape < 1 at 0.
            var evaluator = new NegativeLogLikelihoodEvaluator(new PowerFamily(), new[] { 0.5 });
            Assert.Equal(double.NegativeInfinity, evaluator.Add(0, 0));
            Assert.True(double.IsFinite(evaluator.Add(0.5, 1)));
            var result = evaluator.ToResult(null, 0);
            Assert.Equal(double.NegativeInfinity, result.Value);
            Assert.Equal(double.PositiveInfinity, result.LogLikelihood);
            Assert.True(double.IsNaN(result.Gradient[0]));
            Assert.Equal(0, result.OutsideSupportCount);
        }

        [Fact]
        public void An_undefined_log_density_is_an_error_not_a_nan()
        {
            var evaluator = new NegativeLogLikelihoodEvaluator(new PowerFamily(), new[] { 2.0 });
            var e = Assert.Throws<EstimationException>(() => evaluator.Add(PowerFamily.Poison, 4));
            Assert.Equal("UndefinedLogDensity", e.ErrorId);
            Assert.Contains("index 4", e.Message);
        }

        [Fact]
        public void Power_family_derivatives_are_right()
        {
            // The test family's own score, checked like every family's.
            FiniteDifferences.AssertDerivatives(new PowerFamily(), new[] { 0.2, 0.5, 0.9 }, new[] { 1.7 });
        }

        [Fact]
        public void Result_reads_well_in_a_log_line()
        {
            var result = Evaluate(new NormalFamily(), Seed, new[] { 3.0, 0.5 });
            Assert.Equal("Normal(Mean = 3, Variance = 0.5): NLL = 4.341824715, n = 5, gradient (1.2, 2.04)", result.ToString());
        }

        /// <summary>
        /// A one-parameter family made for these tests: f(x | a) = a·x^(a-1) on [0, 1] (Beta(a, 1)),
        /// whose density is 0 at x = 0 for a &gt; 1 and unbounded there for a &lt; 1.
        /// log f = log a + (a - 1) log x; ∂/∂a = 1/a + log x; ∂²/∂a² = -1/a²; information 1/a².
        /// F(x) = x^a, so log F = a log x, log S = log(1 - x^a), F⁻¹(p) = p^(1/a).
        /// </summary>
        private sealed class PowerFamily : DistributionFamily
        {
            /// <summary>A value inside the support whose log-density this family reports as NaN.</summary>
            public const double Poison = PowerModel.Poison;

            public PowerFamily()
                : base(new PowerModel())
            {
            }

            public override bool CanFit(double x, double?[] fixedValues) => x >= 0 && x <= 1;
        }

        private sealed class PowerModel : PSEstimation.Models.DistributionModel
        {
            public const double Poison = 0.123456789;

            public PowerModel()
                : base(DistributionName.Beta, new ParameterSpec("Alpha", ParameterDomain.Positive))
            {
            }

            public override bool IsDiscrete => false;

            public override string SupportDescription => "0 <= x <= 1";

            public override bool IsInSupport(double x, double[] theta) => x >= 0 && x <= 1;

            public override double LogDensity(double x, double[] theta)
            {
                double a = theta[0];
                if (x == Poison)
                {
                    return double.NaN;
                }

                if (x == 0)
                {
                    return a > 1 ? double.NegativeInfinity : a < 1 ? double.PositiveInfinity : 0;
                }

                return Math.Log(a) + (a - 1) * Math.Log(x);
            }

            public override void AddScore(double x, double weight, double[] theta, double[] score)
                => score[0] += weight * (1 / theta[0] + Math.Log(x));

            public override void AddHessian(double x, double weight, double[] theta, double[,] hessian)
                => hessian[0, 0] -= weight / (theta[0] * theta[0]);

            public override double[,] ExpectedInformation(double[] theta)
                => new[,] { { 1 / (theta[0] * theta[0]) } };

            public override double LogCdf(double x, double[] theta)
                => x <= 0 ? double.NegativeInfinity : x >= 1 ? 0 : theta[0] * Math.Log(x);

            public override double LogSurvival(double x, double[] theta)
                => x <= 0 ? 0 : x >= 1 ? double.NegativeInfinity : Math.Log(1 - Math.Pow(x, theta[0]));

            public override double Quantile(double p, double[] theta) => Math.Pow(p, 1 / theta[0]);

            public override double InverseSurvival(double q, double[] theta) => Math.Pow(1 - q, 1 / theta[0]);

            public override double Sample(PSEstimation.Models.RandomSource random, double[] theta) => Quantile(random.NextOpenDouble(), theta);
        }
    }
}
