using System;
using System.Linq;
using System.Threading;
using PSEstimation.Tests.Hosting;
using Xunit;
using Xunit.Abstractions;

namespace PSEstimation.Tests.Reliability
{
    /// <summary>
    /// Ctrl+C in a console is PowerShell.Stop(): it must end a long fit promptly.
    /// Each test runs a fit of a few million values in its own runspace, stops it from this
    /// thread after about 100 ms, and bounds the time Stop() takes to return by a sort of the same
    /// values (<see cref="StopBound"/>): every phase checks the cancellation at least every 65536
    /// values (the sorts for the starting quantiles too: CancellableSort) or once per parallel chunk of
    /// a pass.
    /// </summary>
    [Collection(ModuleCollection.Name)]
    public class CancellationTests
    {
        private readonly ModuleFixture module;
        private readonly ITestOutputHelper output;

        public CancellationTests(ModuleFixture module, ITestOutputHelper output)
        {
            this.module = module;
            this.output = output;
        }

        /// <summary>A heavy-tailed sample whose iterative fits need many passes over it.</summary>
        private static double[] HeavyTailed(int n, bool positive)
        {
            var random = new Random(20240611);
            var data = new double[n];
            for (int i = 0; i < n; i++)
            {
                double t = MathNet.Numerics.Distributions.StudentT.Sample(random, 0, 1, 3);
                data[i] = positive ? Math.Exp(t) : t;
            }

            return data;
        }

        public static TheoryData<string, int, bool> LongFits() => new TheoryData<string, int, bool>
        {
            // Stopped about 100 ms in, during the point estimate. Unstopped, the point estimate alone
            // would end a few hundred ms later, within the bound; with -IntervalMethod Profile the whole
            // call runs for 6 to 25 s here, so a Stop() that went unheeded would exceed the bound by far.
            { "StudentT", 4000000, false },
            { "Cauchy", 4000000, false },
            { "Logistic", 4000000, false },
            { "Weibull", 2000000, true },
        };

        [Theory]
        [MemberData(nameof(LongFits))]
        public void Stop_ends_a_long_fit_promptly(string family, int n, bool positive)
        {
            var data = HeavyTailed(n, positive);
            using var runspace = module.OpenRunspace();

            StopBound.Check(output, $"the {family} fit of {n} values", data, sorts: 1, runspace,
                shell => shell.AddCommand("Get-MLEstimate").AddParameter("Distribution", family).AddParameter("InputObject", data).AddParameter("IntervalMethod", "Profile"),
                delayMilliseconds: 100);
        }

        [Fact]
        public void Newton_stops_within_one_pass_of_a_cancellation()
        {
            // Deterministic: ℓ(x) = -x² with a curvature reported 10^6 times too flat, so the first
            // Newton step overshoots by 10^6 and the line search halves it about 20 times, each
            // halving a pass over the data. The token is cancelled at the first trial; before the
            // line search checked it, the remaining halvings all ran.
            using var source = new CancellationTokenSource();
            var objective = new OvershootingObjective(source);
            var specs = new[] { new PSEstimation.Distributions.ParameterSpec("X", PSEstimation.Distributions.ParameterDomain.Real) };
            Assert.ThrowsAny<OperationCanceledException>(() => PSEstimation.Estimation.NewtonRaphson.Maximize(objective, specs, new[] { 1.0 }, new double?[1], source.Token));
            Assert.True(objective.EvaluationsAfterCancel <= 1, $"{objective.EvaluationsAfterCancel} passes after the cancellation");
        }

        /// <summary>ℓ(x) = -x² whose Hessian is reported as -2e-6; cancels its token at the second evaluation.</summary>
        private sealed class OvershootingObjective : PSEstimation.Estimation.ILogObjective
        {
            private readonly CancellationTokenSource source;
            private int evaluations;

            public OvershootingObjective(CancellationTokenSource source) => this.source = source;

            public int EvaluationsAfterCancel => Math.Max(0, evaluations - 2);

            public double Value(double[] theta)
            {
                if (++evaluations == 2)
                {
                    source.Cancel();
                }

                return -theta[0] * theta[0];
            }

            public double[] Gradient(double[] theta) => new[] { -2 * theta[0] };

            public double[,] Hessian(double[] theta) => new[,] { { -2e-6 } };
        }

        [Theory]
        [InlineData("Logistic")]
        [InlineData("Cauchy")]
        [InlineData("StudentT")]
        public void A_cancelled_fit_does_not_start(string family)
        {
            // Deterministic: with the token already cancelled the start (sorting, quantiles, moments)
            // throws at its first check instead of passing over the data.
            var model = PSEstimation.Distributions.DistributionFamilies.Create(
                (PSEstimation.DistributionName)Enum.Parse(typeof(PSEstimation.DistributionName), family),
                new System.Collections.Generic.Dictionary<string, double>());
            var sample = model.CreateAccumulator();
            sample.AddRange(HeavyTailed(1000, positive: false));
            using var source = new CancellationTokenSource();
            source.Cancel();
            var estimator = new PSEstimation.Estimation.MaximumLikelihoodEstimator(model, 0.95);
            Assert.ThrowsAny<OperationCanceledException>(() => estimator.Fit(sample, new double?[model.Parameters.Count], source.Token));
            Assert.Equal(0, ((PSEstimation.Distributions.BufferedSample)sample).Passes);
        }

        [Fact]
        public void Stop_ends_a_long_pipeline_promptly()
        {
            // The input phase: values from the pipeline one by one; the engine stops between records.
            using var runspace = module.OpenRunspace();
            StopBound.Check(output, "1..10^8 | Get-MLEstimate Normal", HeavyTailed(4000000, positive: false), sorts: 1, runspace,
                shell => shell.AddScript("1..100000000 | Get-MLEstimate Normal"),
                delayMilliseconds: 300);
        }
    }
}
