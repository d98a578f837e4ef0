using System;
using System.Threading;
using PSEstimation.Distributions;
using PSEstimation.Estimation;
using PSEstimation.Tests.Hosting;
using Xunit;
using Xunit.Abstractions;

namespace PSEstimation.Tests.Reliability
{
    /// <summary>
    /// Ctrl+C during the start of a fit of 2·10^7 values: Stop() at 0.3 s returned after 3.2 s while
    /// Student t sorted every value (Array.Sort cannot be interrupted). Every phase over all values
    /// now checks the cancellation at least every 65536 values; the core tests below give each phase
    /// a cancelled token and require it to stop instead of completing, and Stop() must return within
    /// half the time a sort of the values takes (<see cref="StopBound"/>).
    /// </summary>
    [Collection(ModuleCollection.Name)]
    public class LargeSampleCancellationTests
    {
        private readonly ModuleFixture module;
        private readonly ITestOutputHelper output;

        public LargeSampleCancellationTests(ModuleFixture module, ITestOutputHelper output)
        {
            this.module = module;
            this.output = output;
        }

        [Fact]
        public void Stop_ends_the_start_of_a_Student_t_fit_of_2e7_values_promptly()
        {
            var random = new Random(20240613);
            var data = new double[20_000_000];
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1);
            }

            using var runspace = module.OpenRunspace();

            // Half a sort: a start that sorted every value without checking, stopped 0.3 s in, would
            // hold Stop() for most of a sort. -IntervalMethod Profile keeps the call running far longer
            // than the bound (25 s for 4·10^6 values here), so an unheeded Stop() cannot pass by the
            // fit's ending first.
            StopBound.Check(output, "the Student t fit of 2e7 values", data, sorts: 0.5, runspace,
                shell => shell.AddCommand("Get-MLEstimate").AddParameter("Distribution", "StudentT").AddParameter("InputObject", data).AddParameter("IntervalMethod", "Profile"),
                delayMilliseconds: 300);
        }

        [Fact]
        public void The_sort_stops_within_a_run_of_a_cancellation()
        {
            var random = new Random(7);
            var keys = new double[4_000_000];
            var items = new double[keys.Length];
            for (int i = 0; i < keys.Length; i++)
            {
                keys[i] = random.NextDouble();
                items[i] = keys[i];
            }

            var sorted = (double[])keys.Clone();
            CancellableSort.Sort(sorted, CancellationToken.None);
            var expected = (double[])keys.Clone();
            Array.Sort(expected);
            Assert.Equal(expected, sorted);
            CancellableSort.Sort(keys, items, CancellationToken.None);
            Assert.Equal(expected, keys);
            Assert.Equal(expected, items);

            using var source = new CancellationTokenSource();
            source.Cancel();
            Assert.ThrowsAny<OperationCanceledException>(() => CancellableSort.Sort((double[])sorted.Clone(), source.Token));
        }

        public static TheoryData<string> Phases() => new TheoryData<string>
        {
            "StudentT start", "StudentT fit", "StudentT fit, DegreesOfFreedom fixed", "StudentT fit above the subsample threshold",
            "Logistic start", "Cauchy fit", "Cauchy fit above the subsample threshold", "Laplace closed form",
            "Weibull closed form", "Weibull fit", "log-likelihood", "score", "Hessian", "fit with covariance",
        };

        /// <summary>
        /// Each phase, given a token cancelled before it starts, must throw rather than run to its end
        /// (before: the starts' sorts and medians, the moment and kurtosis passes, Laplace's median
        /// and the per-value likelihood sums ran through, and only a later phase noticed).
        /// </summary>
        [Theory]
        [MemberData(nameof(Phases))]
        public void A_cancelled_token_stops_each_phase(string phase)
        {
            using var source = new CancellationTokenSource();
            source.Cancel();
            var token = source.Token;
            int n = phase.Contains("above the subsample") ? 300_000 : 100_000;
            var random = new Random(11);
            var sample = new BufferedSample();
            for (int i = 0; i < n; i++)
            {
                sample.Add(1 + Math.Exp(MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1)), 1.0);
            }

            sample.Cancellation = token;
            var two = new double?[2];
            var three = new double?[3];
            Action run = phase switch
            {
                "StudentT start" => () => new StudentTFamily().InitialEstimate(sample, three),
                "StudentT fit" => () => new StudentTFamily().MaximizeLikelihood(sample, three, token, null),
                "StudentT fit, DegreesOfFreedom fixed" => () => new StudentTFamily().MaximizeLikelihood(sample, new double?[] { null, null, 5 }, token, null),
                "StudentT fit above the subsample threshold" => () => new StudentTFamily().MaximizeLikelihood(sample, three, token, null),
                "Logistic start" => () => new LogisticFamily().InitialEstimate(sample, two),
                "Cauchy fit" => () => new CauchyFamily().MaximizeLikelihood(sample, two, token, null),
                "Cauchy fit above the subsample threshold" => () => new CauchyFamily().MaximizeLikelihood(sample, two, token, null),
                "Laplace closed form" => () => new LaplaceFamily().ClosedForm(sample, two),
                "Weibull closed form" => () => new WeibullFamily().ClosedForm(sample, new double?[] { 2.0, null }),
                "Weibull fit" => () => new WeibullFamily().MaximizeLikelihood(sample, two, token, null),
                "log-likelihood" => () => new LaplaceFamily().LogLikelihood(sample, new[] { 1.0, 1.0 }),
                "score" => () => new LaplaceFamily().Score(sample, new[] { 1.0, 1.0 }),
                "Hessian" => () => new LaplaceFamily().Hessian(sample, new[] { 1.0, 1.0 }),
                "fit with covariance" => () => new MaximumLikelihoodEstimator(new LaplaceFamily(), 0.95).Fit(sample, two, token),
                _ => throw new ArgumentException(phase),
            };

            Assert.ThrowsAny<OperationCanceledException>(run);
        }
    }
}
