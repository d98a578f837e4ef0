using System;
using System.Management.Automation;
using PSEstimation.Host;

namespace PSEstimation.Bench
{
    /// <summary>
    /// Issue 17's figures: Normal and Poisson regressions of 10^6 rows x 5 predictors piped as
    /// objects (time and Newton passes), and Add-Prediction over the rows against a no-op that
    /// emits them (target: at most 1.3x).
    /// </summary>
    internal static class RegressionBench
    {
        public static void Run(Report report, ModuleRunspace session, int rows, int pairs)
        {
            var random = new Random(17);
            var objects = new PSObject[rows];
            for (int i = 0; i < rows; i++)
            {
                var o = new PSObject();
                double eta = 0.5;
                for (int j = 1; j <= 5; j++)
                {
                    double x = random.NextDouble();
                    eta += 0.2 * j * x;
                    o.Properties.Add(new PSNoteProperty("x" + j, x));
                }

                // Normal response and a Poisson count (inversion of its CDF) from the same eta.
                double u = random.NextDouble(), lambda = Math.Exp(eta), p = Math.Exp(-lambda), cdf = p;
                int k = 0;
                while (u > cdf && k < 1000)
                {
                    k++;
                    p *= lambda / k;
                    cdf += p;
                }

                o.Properties.Add(new PSNoteProperty("y", eta + 0.3 * (random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5)));
                o.Properties.Add(new PSNoteProperty("count", k));
                objects[i] = o;
            }

            Invoke(session, "$global:benchRows = $args[0]", (object)objects);
            foreach (var (family, response) in new[] { ("Normal", "y"), ("Poisson", "count") })
            {
                int iterations = 0;
                double seconds = Measure.Seconds(() =>
                {
                    var result = Invoke(session, $"($global:benchRows | Get-MLEstimate {family} -Response {response} -Predictor x1, x2, x3, x4, x5).Iterations");
                    iterations = (int)result.Objects[0];
                });
                var pipe = Measure.Seconds(() => Invoke(session, "$global:benchRows | Invoke-BenchNoOp"));
                report.Info($"Get-MLEstimate {family} -Response, {rows / 1000}k rows x 5 predictors", $"{seconds:F2} s, {iterations} Newton pass(es) (piping the rows into a no-op: {pipe:F2} s)");
            }

            Invoke(session, "$global:benchModel = $global:benchRows | Get-MLEstimate Poisson -Response count -Predictor x1, x2, x3, x4, x5");
            var (ratio, a, b) = Measure.Paired(
                () => Invoke(session, "$null = $global:benchRows | Add-Prediction -Estimate $global:benchModel"),
                () => Invoke(session, "$null = $global:benchRows | Invoke-BenchNoOp -PassThru"),
                pairs);
            report.Add($"pipe {rows / 1000}k rows | Add-Prediction (5 predictors)", ratio, 1.3, "x no-op", $"{a:F3} s vs {b:F3} s");
            Invoke(session, "$global:benchRows = $null; $global:benchModel = $null");
        }

        private static InvocationResult Invoke(ModuleRunspace session, string script, params object?[] args)
        {
            var result = session.Invoke(script, args);
            if (result.TerminatingError is not null || result.Errors.Count > 0)
            {
                throw new InvalidOperationException($"'{script}' failed: {result.TerminatingError ?? result.Errors[0]}");
            }

            return result;
        }
    }
}
