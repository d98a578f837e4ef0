using System;
using PSEstimation.Distributions;
using PSEstimation.Tests.Reference;

namespace PSEstimation.Tests.Numerics
{
    /// <summary>Checks a family's analytic score and Hessian against central differences of its own log-density.</summary>
    public static class FiniteDifferences
    {
        internal static void AssertDerivatives(DistributionFamily family, double[] data, double[] theta, double relative = 1e-5)
        {
            int p = theta.Length;
            var score = new double[p];
            var hessian = new double[p, p];
            foreach (double x in data)
            {
                family.AddScore(x, 1.0, theta, score);
                family.AddHessian(x, 1.0, theta, hessian);
            }

            double LogLik(double[] t)
            {
                double sum = 0;
                foreach (double x in data)
                {
                    sum += family.LogDensity(x, t);
                }

                return sum;
            }

            double[] Score(double[] t)
            {
                var g = new double[p];
                foreach (double x in data)
                {
                    family.AddScore(x, 1.0, t, g);
                }

                return g;
            }

            for (int i = 0; i < p; i++)
            {
                double h = 1e-5 * Math.Max(1, Math.Abs(theta[i]));
                var up = (double[])theta.Clone();
                var down = (double[])theta.Clone();
                up[i] += h;
                down[i] -= h;
                double numeric = (LogLik(up) - LogLik(down)) / (2 * h);
                Tolerance.Relative(numeric, score[i], relative, $"{family.Name} score[{i}]", floor: 1e-3);
                var gUp = Score(up);
                var gDown = Score(down);
                for (int j = 0; j < p; j++)
                {
                    double second = (gUp[j] - gDown[j]) / (2 * h);
                    Tolerance.Relative(second, hessian[j, i], relative, $"{family.Name} hessian[{j},{i}]", floor: 1e-3);
                }
            }
        }
    }
}
