using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace PSEstimation.Bench
{
    /// <summary>
    /// The same regressions in statsmodels (Debian's 0.13, /usr/bin/python3): the rows written as
    /// a CSV file, read with pandas.read_csv (the load, timed on its own), then OLS and a Poisson
    /// GLM (IRLS) on the intercept and x1..x5, each fit timed alone (best of three).
    /// </summary>
    public static class Statsmodels
    {
        public sealed class Result
        {
            public double LoadSeconds { get; set; }

            public double OlsSeconds { get; set; }

            public double[] OlsCoefficients { get; set; } = Array.Empty<double>();

            public double PoissonSeconds { get; set; }

            public int PoissonIterations { get; set; }

            public double[] PoissonCoefficients { get; set; } = Array.Empty<double>();
        }

        /// <summary>The figures, or null without python3, pandas or statsmodels.</summary>
        public static Result? Fit(double[][] x, double[] y, int[] count)
        {
            string csv = Path.Combine(Path.GetTempPath(), $"psestimation-bench-{Guid.NewGuid():N}.csv");
            try
            {
                using (var writer = new StreamWriter(csv, false, new UTF8Encoding(false), 1 << 20))
                {
                    writer.WriteLine("x1,x2,x3,x4,x5,y,count");
                    for (int i = 0; i < y.Length; i++)
                    {
                        var r = x[i];
                        writer.Write(string.Join(",", r.Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
                        writer.Write(',');
                        writer.Write(y[i].ToString("R", CultureInfo.InvariantCulture));
                        writer.Write(',');
                        writer.WriteLine(count[i].ToString(CultureInfo.InvariantCulture));
                    }
                }

                string script = string.Join("\n", new[]
                {
                    "import time, numpy as np, pandas as pd, statsmodels.api as sm",
                    $"t = time.perf_counter(); df = pd.read_csv(r'{csv}'); load = time.perf_counter() - t",
                    "X = sm.add_constant(df[['x1','x2','x3','x4','x5']].to_numpy()); y = df['y'].to_numpy(); c = df['count'].to_numpy()",
                    "def best(f):",
                    "    b, r = 1e9, None",
                    "    for _ in range(3):",
                    "        t = time.perf_counter(); r = f(); b = min(b, time.perf_counter() - t)",
                    "    return b, r",
                    "tols, ols = best(lambda: sm.OLS(y, X).fit())",
                    "tglm, glm = best(lambda: sm.GLM(c, X, family=sm.families.Poisson()).fit())",
                    "print(load); print(tols); print(' '.join(repr(v) for v in ols.params))",
                    "print(tglm); print(glm.fit_history['iteration']); print(' '.join(repr(v) for v in glm.params))",
                    string.Empty,
                });
                if (SystemPython.Run(script, errors => Console.Error.WriteLine("statsmodels run failed: " + errors)) is not string output)
                {
                    return null;
                }

                var lines = output.Split('\n');
                double Number(string s) => double.Parse(s.Trim(), CultureInfo.InvariantCulture);
                double[] Numbers(string s) => s.Trim().Split(' ').Select(Number).ToArray();
                return new Result
                {
                    LoadSeconds = Number(lines[0]),
                    OlsSeconds = Number(lines[1]),
                    OlsCoefficients = Numbers(lines[2]),
                    PoissonSeconds = Number(lines[3]),
                    PoissonIterations = (int)Number(lines[4]),
                    PoissonCoefficients = Numbers(lines[5]),
                };
            }
            finally
            {
                File.Delete(csv);
            }
        }
    }
}
