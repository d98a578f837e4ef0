using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using PSEstimation.Losses;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Numerics
{
    /// <summary>
    /// The regression-loss core (Losses/) against scikit-learn and exact arithmetic.
    /// Extra reference values were made with Debian's scikit-learn 1.2.1 / numpy 1.24.2 under
    /// /usr/bin/python3, and with mpmath at 50-60 digits where scikit-learn has no function (Huber,
    /// log-cosh, the likelihoods' closed forms) or overflows (residuals of 1e300 and 1e-300):
    /// <code>
    /// from sklearn.metrics import (mean_squared_error as mse, mean_absolute_error as mae,
    ///     median_absolute_error as medae, mean_absolute_percentage_error as mape, r2_score as r2,
    ///     explained_variance_score as ev, mean_pinball_loss as pin)
    /// mse(y, p, sample_weight=w); mse(y, p, sample_weight=w, squared=False); mae(y, p, sample_weight=w)
    /// medae(y, p, sample_weight=w); mape(y, p, sample_weight=w); r2(y, p, sample_weight=w)
    /// ev(y, p, sample_weight=w); pin(y, p, sample_weight=w, alpha=0.1 | 0.5 | 0.9)
    /// # mpmath, mp.dps = 50, from the same doubles, r = y - p, W = sum(w):
    /// huber = sum(w*(r**2/2 if abs(r) &lt;= delta else delta*(abs(r) - delta/2)))/W
    /// logcosh = sum(w*log(cosh(r)))/W
    /// gaussian_nll = W/2*(log(2*pi*MSE) + 1); laplace_nll = W*(log(2*MAE) + 1)
    /// </code>
    /// y and p are the loss.json cases' Actual and Predicted; the weights are given in each test.
    /// </summary>
    public class RegressionLossTests
    {
        private const double Tight = 1e-12;

        public static IEnumerable<object[]> CaseIds() => ReferenceData.Ids("loss");

        private static RegressionLoss Measure(double[] actual, double[] predicted, double[]? weights = null, double delta = 1, double quantile = 0.5, List<string>? warnings = null)
        {
            var sample = new RegressionLossAccumulator(delta, quantile, weights is not null);
            for (int i = 0; i < actual.Length; i++)
            {
                sample.Add(actual[i], predicted[i], weights?[i] ?? 1.0);
            }

            return RegressionLossCalculator.Compute(sample, warnings ?? new List<string>());
        }

        private static (double[] Actual, double[] Predicted) Data(string id)
        {
            var testCase = ReferenceData.Case("loss", id);
            return (ReferenceData.Doubles(testCase.GetProperty("Actual")), ReferenceData.Doubles(testCase.GetProperty("Predicted")));
        }

        [Theory]
        [MemberData(nameof(CaseIds))]
        public void Reference_case_through_the_core(string id)
        {
            // tests/reference/loss.json, case `id` (scikit-learn 1.2.1 and R formulas): every
            // property of Expected, and PinballLoss at the quantiles listed under PinballLoss.
            var testCase = ReferenceData.Case("loss", id);
            var (actual, predicted) = Data(id);
            var loss = Measure(actual, predicted);
            AssertExpected(testCase, loss, id);
            Assert.Equal(actual.Length, loss.SampleSize);
            Assert.Equal(1.0, loss.HuberDelta);
            Assert.Equal(0.5, loss.Quantile);

            foreach (var entry in testCase.GetProperty("PinballLoss").EnumerateObject())
            {
                double quantile = double.Parse(entry.Name, System.Globalization.CultureInfo.InvariantCulture);
                var atQuantile = Measure(actual, predicted, quantile: quantile);
                Tolerance.Relative(entry.Value.GetDouble(), atQuantile.PinballLoss, Tight, $"{id} PinballLoss at {entry.Name}");
            }
        }

        internal static void AssertExpected(JsonElement testCase, RegressionLoss loss, string what)
        {
            foreach (var entry in testCase.GetProperty("Expected").EnumerateObject())
            {
                var property = typeof(RegressionLoss).GetProperty(entry.Name);
                Assert.True(property is not null, $"RegressionLoss has no property {entry.Name}");
                Tolerance.Relative(entry.Value.GetDouble(), (double)property!.GetValue(loss)!, Tight, $"{what} {entry.Name}");
            }
        }

        [Fact]
        public void Seed_likelihoods_are_the_contract_numbers()
        {
            // CONTRACT.md worked example: MSE 0.01, MAE 0.1, Gaussian likelihood at variance = MSE
            // 82.94956719377812, Laplace likelihood at scale = MAE 21.05608437214218.
            var loss = Measure(new[] { 2.3, 2.5, 3.1, 3.8, 2.7 }, new[] { 2.4, 2.6, 3.0, 3.7, 2.8 });
            Tolerance.Relative(0.01, loss.MSE, 1e-13, "MSE");
            Tolerance.Relative(0.1, loss.MAE, 1e-13, "MAE");
            Tolerance.Relative(Math.Log(82.94956719377812), loss.GaussianLogLikelihood, Tight, "Gaussian log-likelihood");
            Tolerance.Relative(Math.Log(21.05608437214218), loss.LaplaceLogLikelihood, Tight, "Laplace log-likelihood");
            Tolerance.Relative(82.94956719377812, Math.Exp(loss.GaussianLogLikelihood), Tight, "Gaussian likelihood");
            Tolerance.Relative(21.05608437214218, Math.Exp(loss.LaplaceLogLikelihood), Tight, "Laplace likelihood");
            Assert.Equal(loss.MeanSquaredError, loss.GaussianVariance);
            Assert.Equal(loss.MeanAbsoluteError, loss.LaplaceScale);
            Assert.Equal(-loss.GaussianNegativeLogLikelihood, loss.GaussianLogLikelihood);
            Assert.Equal(-loss.LaplaceNegativeLogLikelihood, loss.LaplaceLogLikelihood);
        }

        [Fact]
        public void Alias_properties_return_the_same_values()
        {
            var (actual, predicted) = Data("cars_lm_dist_speed");
            var loss = Measure(actual, predicted);
            Assert.Equal(loss.MeanSquaredError, loss.MSE);
            Assert.Equal(loss.RootMeanSquaredError, loss.RMSE);
            Assert.Equal(loss.MeanAbsoluteError, loss.MAE);
            Assert.Equal(loss.RSquared, loss.R2);
        }

        [Fact]
        public void Weighted_seed_matches_scikit_learn()
        {
            // loss.json "seed" with sample_weight = [1, 2, 0.5, 3, 1.5] (W = 8), scikit-learn 1.2.1:
            var (actual, predicted) = Data("seed");
            double[] w = { 1, 2, 0.5, 3, 1.5 };
            var loss = Measure(actual, predicted, w);
            Assert.Equal(8, loss.SampleSize);
            Tolerance.Relative(0.009999999999999967, loss.MeanSquaredError, Tight, "mse");
            Tolerance.Relative(0.09999999999999984, loss.RootMeanSquaredError, Tight, "mse squared=False");
            Tolerance.Relative(0.09999999999999984, loss.MeanAbsoluteError, Tight, "mae");
            Tolerance.Relative(0.09999999999999964, loss.MedianAbsoluteError, Tight, "median_absolute_error");
            Tolerance.Relative(0.034263777138029694, loss.MeanAbsolutePercentageError, Tight, "mape");
            Tolerance.Relative(0.9736733854380915, loss.RSquared, Tight, "r2_score");
            Tolerance.Relative(0.9740847387906212, loss.ExplainedVariance, Tight, "explained_variance_score");
            Tolerance.Relative(0.04999999999999992, loss.PinballLoss, Tight, "mean_pinball_loss alpha=0.5");
            Tolerance.Relative(0.05499999999999996, Measure(actual, predicted, w, quantile: 0.1).PinballLoss, Tight, "mean_pinball_loss alpha=0.1");
            Tolerance.Relative(0.04499999999999988, Measure(actual, predicted, w, quantile: 0.9).PinballLoss, Tight, "mean_pinball_loss alpha=0.9");

            // mpmath (50 digits):
            Tolerance.Relative(0.0049999999999999839, loss.HuberLoss, Tight, "Huber");
            Tolerance.Relative(0.0049916888216465142, loss.LogCoshLoss, Tight, "log-cosh");
            Tolerance.Relative(-7.0691724783149964, loss.GaussianNegativeLogLikelihood, Tight, "Gaussian NLL, W/2(log(2π MSE)+1)");
            Tolerance.Relative(-4.8755032994728159, loss.LaplaceNegativeLogLikelihood, Tight, "Laplace NLL, W(log(2 MAE)+1)");
        }

        [Theory]
        [InlineData("integer weights 1 + (i mod 3)", 99.0,
            220.25131664696625, 14.840866438552913, 11.499691808596921, 10.863328467153288, 0.39835542059460977, 0.6333567684636946, 0.6376032321896156,
            6.3887138833591415, 5.749845904298461, 5.11097792523778, 11.007489342467245, 10.829100877540622, 407.51599230409127, 409.41127421544256)]
        [InlineData("fractional weights 0.25 + i/8", 165.625,
            283.9154125422084, 16.84978968836728, 13.164509197080294, 11.204262773722625, 0.2893284693434734, 0.5548108013865121, 0.5549639387169469,
            6.457250946150669, 6.582254598540147, 6.707258250929624, 12.669506555539173, 12.487597170702033, 702.79270484905811, 707.32999897475538)]
        public void Weighted_cars_matches_scikit_learn(
            string weighting, double totalWeight,
            double mse, double rmse, double mae, double medae, double mape, double r2, double ev,
            double pinball01, double pinball05, double pinball09, double huber, double logCosh, double gaussianNll, double laplaceNll)
        {
            // loss.json "cars_lm_dist_speed" (i = 0..49) with sample_weight as named; the first ten
            // numbers are scikit-learn 1.2.1 (mse, mse squared=False, mae, median_absolute_error,
            // mape, r2_score, explained_variance_score, mean_pinball_loss alpha 0.1/0.5/0.9), the
            // last four mpmath (Huber δ = 1, log-cosh, W/2(log(2π MSE)+1), W(log(2 MAE)+1)).
            var (actual, predicted) = Data("cars_lm_dist_speed");
            double[] w = Enumerable.Range(0, actual.Length)
                .Select(i => weighting.StartsWith("integer", StringComparison.Ordinal) ? 1 + (i % 3) : 0.25 + i / 8.0)
                .ToArray();
            var loss = Measure(actual, predicted, w);
            Assert.Equal(totalWeight, loss.SampleSize);
            Assert.Equal(actual.Length, loss.PairCount);
            Tolerance.Relative(mse, loss.MeanSquaredError, Tight, "mse");
            Tolerance.Relative(rmse, loss.RootMeanSquaredError, Tight, "rmse");
            Tolerance.Relative(mae, loss.MeanAbsoluteError, Tight, "mae");
            Tolerance.Relative(medae, loss.MedianAbsoluteError, Tight, "median_absolute_error");
            Tolerance.Relative(mape, loss.MeanAbsolutePercentageError, Tight, "mape");
            Tolerance.Relative(r2, loss.RSquared, Tight, "r2_score");
            Tolerance.Relative(ev, loss.ExplainedVariance, Tight, "explained_variance_score");
            Tolerance.Relative(pinball05, loss.PinballLoss, Tight, "pinball 0.5");
            Tolerance.Relative(pinball01, Measure(actual, predicted, w, quantile: 0.1).PinballLoss, Tight, "pinball 0.1");
            Tolerance.Relative(pinball09, Measure(actual, predicted, w, quantile: 0.9).PinballLoss, Tight, "pinball 0.9");
            Tolerance.Relative(huber, loss.HuberLoss, Tight, "Huber");
            Tolerance.Relative(logCosh, loss.LogCoshLoss, Tight, "log-cosh");
            Tolerance.Relative(gaussianNll, loss.GaussianNegativeLogLikelihood, Tight, "Gaussian NLL");
            Tolerance.Relative(laplaceNll, loss.LaplaceNegativeLogLikelihood, Tight, "Laplace NLL");
        }

        [Fact]
        public void Weighted_median_is_scikit_learns_lower_weighted_median()
        {
            // loss.json "huber_branches", first four pairs: |r| = 0.5, 1, 0.2, 2.5.
            // scikit-learn 1.2.1: median_absolute_error(y, p) = 0.75 (np.median averages 0.5 and 1);
            // median_absolute_error(y, p, sample_weight=[1, 1, 1, 1]) = 0.5 (_weighted_percentile
            // takes the first value whose cumulative weight reaches half the total).
            var (actual, predicted) = Data("huber_branches");
            double[] a = actual.Take(4).ToArray(), p = predicted.Take(4).ToArray();
            Assert.Equal(0.75, Measure(a, p).MedianAbsoluteError);
            var weighted = Measure(a, p, new double[] { 1, 1, 1, 1 });
            Assert.Equal(0.5, weighted.MedianAbsoluteError);

            // The other weighted losses equal the unweighted ones at unit weights (scikit-learn:
            // mse 1.885, r2_score -0.508, explained_variance_score -0.266, mape 0.42291666666666666).
            Tolerance.Relative(1.885, weighted.MeanSquaredError, Tight, "mse");
            Tolerance.Relative(-0.508, weighted.RSquared, Tight, "r2");
            Tolerance.Relative(-0.266, weighted.ExplainedVariance, Tight, "ev");
            Tolerance.Relative(0.42291666666666666, weighted.MeanAbsolutePercentageError, Tight, "mape");
        }

        [Fact]
        public void Zero_weight_pairs_count_for_nothing()
        {
            // loss.json "seed" with sample_weight = [1, 0, 1, 1, 1], scikit-learn 1.2.1.
            var (actual, predicted) = Data("seed");
            var loss = Measure(actual, predicted, new double[] { 1, 0, 1, 1, 1 });
            Assert.Equal(4, loss.SampleSize);
            Assert.Equal(5, loss.PairCount);
            Tolerance.Relative(0.009999999999999974, loss.MeanSquaredError, Tight, "mse");
            Tolerance.Relative(0.09999999999999964, loss.MedianAbsoluteError, Tight, "median_absolute_error");
            Tolerance.Relative(0.03477228797410383, loss.MeanAbsolutePercentageError, Tight, "mape");
            Tolerance.Relative(0.9674134419551935, loss.RSquared, Tight, "r2");
            Tolerance.Relative(0.9674134419551935, loss.ExplainedVariance, Tight, "ev");

            // MaxError (scikit-learn's max_error has no weights) is over the pairs of positive
            // weight: a zero-weighted pair with residual 100 does not count (hand derivation).
            var masked = Measure(new[] { 1.0, 2.0, 103.0 }, new[] { 1.5, 1.0, 3.0 }, new[] { 1.0, 1.0, 0.0 });
            Assert.Equal(1.0, masked.MaxError);
        }

        [Fact]
        public void Huber_delta_moves_the_branch_point()
        {
            // loss.json "huber_branches" (residuals -0.5, 1, -0.2, -2.5, 1) at δ = 0.5, hand derivation:
            // 0.125 + 0.375 + 0.02 + 1.125 + 0.375 = 2.02, / 5 = 0.404 (mpmath agrees).
            var (actual, predicted) = Data("huber_branches");
            Tolerance.Relative(0.404, Measure(actual, predicted, delta: 0.5).HuberLoss, Tight, "Huber δ = 0.5");
            Assert.Equal(0.5, Measure(actual, predicted, delta: 0.5).HuberDelta);
        }

        [Fact]
        public void A_million_pairs_give_finite_exact_likelihoods()
        {
            // r_i = ((i mod 7) - 3)/4 for i < 10^6, all exact in binary. Exact rationals (Python
            // fractions): MSE = 800001/3200000 = 0.2500003125, MAE = 1714287/4000000 = 0.42857175;
            // mpmath closed forms: Gaussian NLL n/2(log(2π MSE)+1) = 725791.97764433680769,
            // Laplace NLL n(log(2 MAE)+1) = 845850.07017246044585. The product of a million
            // densities would underflow to 0 (a log-likelihood of -7.3e5 is e^-725792).
            const int n = 1_000_000;
            var sample = new RegressionLossAccumulator(1, 0.5, weighted: false);
            for (int i = 0; i < n; i++)
            {
                double actual = 0.5 * i;
                sample.Add(actual, actual - (((i % 7) - 3) / 4.0));
            }

            var loss = RegressionLossCalculator.Compute(sample, new List<string>());
            Assert.Equal(n, loss.SampleSize);
            Tolerance.Relative(0.2500003125, loss.MeanSquaredError, 1e-15, "MSE");
            Tolerance.Relative(0.42857175, loss.MeanAbsoluteError, 1e-15, "MAE");
            Assert.True(double.IsFinite(loss.GaussianLogLikelihood) && double.IsFinite(loss.LaplaceLogLikelihood));
            Tolerance.Relative(725791.97764433680769, loss.GaussianNegativeLogLikelihood, Tight, "Gaussian NLL");
            Tolerance.Relative(845850.07017246044585, loss.LaplaceNegativeLogLikelihood, Tight, "Laplace NLL");
            Tolerance.Relative(n / 2.0 * (Math.Log(2 * Math.PI * loss.MeanSquaredError) + 1), loss.GaussianNegativeLogLikelihood, Tight, "identity n/2(log(2π MSE)+1)");
            Tolerance.Relative(n * (Math.Log(2 * loss.MeanAbsoluteError) + 1), loss.LaplaceNegativeLogLikelihood, Tight, "identity n(log(2 MAE)+1)");
            // |r| takes 0 (1/7 of the pairs), 0.25, 0.5 and 0.75 (2/7 each): the cumulative share
            // passes 1/2 at 0.5 (3/7 < 1/2 < 5/7), so the median is 0.5.
            Assert.Equal(0.5, loss.MedianAbsoluteError);
            Assert.Equal(0.75, loss.MaxError);
        }

        [Fact]
        public void Residuals_of_1e300_keep_RMSE_R2_and_likelihoods_exact()
        {
            // Actual 1e300, 2e300, 3e300 against 0: MSE = 14e600/3 overflows a double; mpmath (60
            // digits): RMSE 2.1602468994692869e300, R² -6, explained variance 0, Gaussian NLL
            // 2078.8940668556759, Laplace NLL 2079.4854667780008, MAE and log-cosh 2e300.
            var warnings = new List<string>();
            var loss = Measure(new[] { 1e300, 2e300, 3e300 }, new[] { 0.0, 0.0, 0.0 }, warnings: warnings);
            Assert.Equal(double.PositiveInfinity, loss.MeanSquaredError);
            Assert.Contains(warnings, w => w.Contains("MeanSquaredError") && w.Contains("Infinity"));
            Tolerance.Relative(2.1602468994692869e300, loss.RootMeanSquaredError, Tight, "RMSE");
            Tolerance.Relative(2e300, loss.MeanAbsoluteError, Tight, "MAE");
            Tolerance.Relative(-6, loss.RSquared, Tight, "R²");
            Tolerance.Absolute(0, loss.ExplainedVariance, 1e-15, "explained variance");
            Tolerance.Relative(2078.8940668556759, loss.GaussianNegativeLogLikelihood, Tight, "Gaussian NLL");
            Tolerance.Relative(2079.4854667780008, loss.LaplaceNegativeLogLikelihood, Tight, "Laplace NLL");
            Tolerance.Relative(2e300, loss.LogCoshLoss, Tight, "log-cosh");
            Tolerance.Relative(2e300, loss.HuberLoss, Tight, "Huber: mean of |r| - 1/2");
            Tolerance.Relative(1e300, loss.PinballLoss, Tight, "pinball at 0.5: MAE/2");
            Tolerance.Relative(1, loss.MeanAbsolutePercentageError, Tight, "MAPE: |r| = |y|");
            Assert.Equal(2e300, loss.MedianAbsoluteError);
            Assert.Equal(3e300, loss.MaxError);
        }

        [Fact]
        public void Residuals_of_1e_minus_300_keep_RMSE_R2_and_likelihoods_exact()
        {
            // Actual 1e-300, 2e-300, 3e-300 against 0: MSE = 14e-600/3 underflows to 0; mpmath (60
            // digits): RMSE 2.1602468994692869e-300, R² -5.9999999999999993, explained variance 0,
            // Gaussian NLL -2065.7591005336064, Laplace NLL -2065.1677006112814 (finite: the
            // predictions are not perfect).
            var warnings = new List<string>();
            var loss = Measure(new[] { 1e-300, 2e-300, 3e-300 }, new[] { 0.0, 0.0, 0.0 }, warnings: warnings);
            Assert.Equal(0, loss.MeanSquaredError);
            Assert.Contains(warnings, w => w.Contains("MeanSquaredError") && w.Contains("reported as 0"));
            Tolerance.Relative(2.1602468994692869e-300, loss.RootMeanSquaredError, Tight, "RMSE");
            Tolerance.Relative(2e-300, loss.MeanAbsoluteError, Tight, "MAE");
            Tolerance.Relative(-5.9999999999999993, loss.RSquared, Tight, "R²");
            Tolerance.Absolute(0, loss.ExplainedVariance, 1e-15, "explained variance");
            Tolerance.Relative(-2065.7591005336064, loss.GaussianNegativeLogLikelihood, Tight, "Gaussian NLL");
            Tolerance.Relative(-2065.1677006112814, loss.LaplaceNegativeLogLikelihood, Tight, "Laplace NLL");
        }

        [Fact]
        public void Scale_changes_in_any_order_give_the_same_result()
        {
            // Residuals 1e-300, 1, 1e300 in every order move the internal power-of-two scale up
            // through all three ranges. Hand derivation: RMSE = sqrt((1e600 + 1 + 1e-600)/3) =
            // 1e300/sqrt(3) to double precision, MAE = (1e300 + 1 + 1e-300)/3.
            double[] residuals = { 1e-300, 1, 1e300 };
            foreach (var order in new[] { new[] { 0, 1, 2 }, new[] { 2, 1, 0 }, new[] { 1, 0, 2 }, new[] { 1, 2, 0 } })
            {
                double[] actual = order.Select(i => residuals[i]).ToArray();
                var loss = Measure(actual, new double[3]);
                Tolerance.Relative(1e300 / Math.Sqrt(3), loss.RootMeanSquaredError, 1e-15, "RMSE " + string.Join(",", order));
                Tolerance.Relative(1e300 / 3, loss.MeanAbsoluteError, 1e-15, "MAE " + string.Join(",", order));
                Tolerance.Relative(1.5 * (Math.Log(2 * Math.PI) + 600 * Math.Log(10) - Math.Log(3) + 1), loss.GaussianNegativeLogLikelihood, 1e-14, "Gaussian NLL");
            }
        }

        [Fact]
        public void Offset_of_1e9_keeps_R2_and_explained_variance_exact()
        {
            // Actual 1e9 + (0.1, 0.25, 0.3, 0.45, 0.6), predicted 1e9 + (0.12, 0.2, 0.33, 0.41, 0.62)
            // as doubles; mpmath (60 digits) from those doubles: R² 0.96054418350579551,
            // explained variance 0.96108840009836757, MSE 0.0011600011253392495
            // (scikit-learn 1.2.1 r2_score 0.9605441835058077, explained_variance_score
            // 0.9610884000983796, mean_squared_error 0.0011600011253392495).
            double[] actual = new[] { 0.1, 0.25, 0.3, 0.45, 0.6 }.Select(d => 1e9 + d).ToArray();
            double[] predicted = new[] { 0.12, 0.2, 0.33, 0.41, 0.62 }.Select(d => 1e9 + d).ToArray();
            var loss = Measure(actual, predicted);
            Tolerance.Relative(0.96054418350579551, loss.RSquared, Tight, "R²");
            Tolerance.Relative(0.96108840009836757, loss.ExplainedVariance, Tight, "explained variance");
            Tolerance.Relative(0.0011600011253392495, loss.MeanSquaredError, Tight, "MSE");
            Tolerance.Relative(-9.8036430933373655, loss.GaussianNegativeLogLikelihood, Tight, "Gaussian NLL");
            Tolerance.Relative(-8.7443582959040305, loss.LaplaceNegativeLogLikelihood, Tight, "Laplace NLL");
        }

        [Fact]
        public void Zero_actual_value_divides_by_epsilon_as_scikit_learn_and_warns()
        {
            // scikit-learn 1.2.1: mean_absolute_percentage_error([0, 1, 2], [0.5, 1.5, 2]) = 750599937895082.9
            // (0.5 / 2.220446049250313e-16 for the zero actual value).
            var warnings = new List<string>();
            var loss = Measure(new[] { 0.0, 1, 2 }, new[] { 0.5, 1.5, 2 }, warnings: warnings);
            Tolerance.Relative(750599937895082.9, loss.MeanAbsolutePercentageError, Tight, "MAPE");
            Assert.Single(warnings, w => w.Contains("1 actual value is 0") && w.Contains("2.220446049250313e-16"));
            Tolerance.Relative(0.16666666666666666, loss.MeanSquaredError, Tight, "mean_squared_error");
        }

        [Fact]
        public void Perfect_predictions_give_minus_infinity_with_a_warning_not_NaN()
        {
            var warnings = new List<string>();
            var loss = Measure(new[] { 1.0, 2, 4 }, new[] { 1.0, 2, 4 }, warnings: warnings);
            Assert.Equal(0, loss.MeanSquaredError);
            Assert.Equal(double.NegativeInfinity, loss.GaussianNegativeLogLikelihood);
            Assert.Equal(double.PositiveInfinity, loss.GaussianLogLikelihood);
            Assert.Equal(double.NegativeInfinity, loss.LaplaceNegativeLogLikelihood);
            Assert.Equal(1.0, loss.RSquared);   // scikit-learn r2_score: 1.0 for a perfect fit
            Assert.Equal(1.0, loss.ExplainedVariance);
            Assert.Single(warnings, w => w.Contains("-Infinity"));
        }

        [Fact]
        public void One_pair_has_no_R2_as_in_scikit_learn()
        {
            // scikit-learn 1.2.1: r2_score([1.0], [2.0]) = nan (with UndefinedMetricWarning),
            // explained_variance_score([1.0], [2.0]) = 1.0.
            var warnings = new List<string>();
            var loss = Measure(new[] { 1.0 }, new[] { 2.0 }, warnings: warnings);
            Assert.True(double.IsNaN(loss.RSquared));
            Assert.Equal(1.0, loss.ExplainedVariance);
            Assert.Contains(warnings, w => w.Contains("fewer than two pairs"));
            Assert.Equal(1, loss.MeanSquaredError);
            Tolerance.Relative(0.5 * (Math.Log(2 * Math.PI) + 1), loss.GaussianNegativeLogLikelihood, 1e-15, "Gaussian NLL n = 1, MSE = 1");
        }

        [Fact]
        public void Constant_actual_values_follow_scikit_learns_force_finite()
        {
            // scikit-learn 1.2.1: r2_score([5, 5, 5], [4, 5, 6]) = 0.0, explained_variance_score = 0.0,
            // r2_score([5, 5, 5], [5, 5, 5]) = 1.0.
            var warnings = new List<string>();
            var loss = Measure(new[] { 5.0, 5, 5 }, new[] { 4.0, 5, 6 }, warnings: warnings);
            Assert.Equal(0.0, loss.RSquared);
            Assert.Equal(0.0, loss.ExplainedVariance);
            Assert.Contains(warnings, w => w.Contains("actual values are all equal"));
        }

        [Theory]
        // mpmath (40 digits) log(cosh(r)) of the double r:
        [InlineData(1e-5, 4.9999999999166674847e-11)]   // ≈ r²/2 - r⁴/12: log(cosh r) of a rounded cosh would be wrong in the 6th digit
        [InlineData(0.1, 0.004991688821646530821)]
        [InlineData(0.999, 0.43301944642088479211)]     // just below the branch point
        [InlineData(1.0, 0.43378083048302718703)]
        [InlineData(30.0, 29.306852819440054691)]
        [InlineData(1000.0, 999.30685281944005469)]     // cosh(1000) overflows a double
        [InlineData(-1000.0, 999.30685281944005469)]
        [InlineData(1e300, 1e300)]                      // 1e300 - log 2 rounds to 1e300
        public void Log_cosh_is_accurate_and_never_overflows(double residual, double expected)
        {
            Tolerance.Relative(expected, PointwiseLoss.LogCosh(residual), 1e-14, $"log cosh({residual})");
        }

        [Fact]
        public void Accumulator_rejects_parameters_outside_their_domain()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new RegressionLossAccumulator(0, 0.5, false));
            Assert.Throws<ArgumentOutOfRangeException>(() => new RegressionLossAccumulator(double.PositiveInfinity, 0.5, false));
            Assert.Throws<ArgumentOutOfRangeException>(() => new RegressionLossAccumulator(1, 1, false));
            Assert.Throws<ArgumentOutOfRangeException>(() => new RegressionLossAccumulator(1, double.NaN, false));
        }

        [Fact]
        public void No_weight_at_all_is_an_estimation_error()
        {
            var sample = new RegressionLossAccumulator(1, 0.5, weighted: true);
            sample.Add(1, 2, 0);
            var e = Assert.Throws<PSEstimation.Distributions.EstimationException>(() => RegressionLossCalculator.Compute(sample, new List<string>()));
            Assert.Equal("NoUsableInput", e.ErrorId);
        }
    }
}
