using System;
using System.Threading;
using PSEstimation.Distributions;
using PSEstimation.Estimation;
using Xunit;

namespace PSEstimation.Tests.Numerics
{
    /// <summary>NewtonRaphson when the objective's Hessian has an entry that overflowed.</summary>
    public class NewtonRaphsonOverflowTests
    {
        /// <summary>
        /// ℓ(a, b) = -(log a)² - (log b - 1)², maximised at a = 1, b = e (hand derivation). Its
        /// Hessian in b is reported as -∞, as a Gamma rate near 1e-300 gives (n·a/b² overflows).
        /// </summary>
        private sealed class OverflowingCurvature : ILogObjective
        {
            public double Value(double[] t) => -Math.Pow(Math.Log(t[0]), 2) - Math.Pow(Math.Log(t[1]) - 1, 2);

            public double[] Gradient(double[] t) => new[] { -2 * Math.Log(t[0]) / t[0], -2 * (Math.Log(t[1]) - 1) / t[1] };

            public double[,] Hessian(double[] t)
                => new[,] { { (2 * Math.Log(t[0]) - 2) / (t[0] * t[0]), 0 }, { 0, double.NegativeInfinity } };
        }

        [Fact]
        public void Overflowed_curvature_is_not_taken_for_convergence()
        {
            var specs = new[] { new ParameterSpec("A", ParameterDomain.Positive), new ParameterSpec("B", ParameterDomain.Positive) };
            var start = new[] { 2.0, 1.0 };
            var result = NewtonRaphson.Maximize(new OverflowingCurvature(), specs, start, new double?[2], CancellationToken.None);

            // Before the fix: Converged = True after 1 iteration at the start, where ∂ℓ/∂b = 2.
            double[] gradient = new OverflowingCurvature().Gradient(result.Theta);
            Assert.True(!result.Converged || Math.Abs(gradient[1]) < 1e-6, $"Converged = {result.Converged} at b = {result.Theta[1]} with ∂ℓ/∂b = {gradient[1]}");
            Assert.NotEqual(start[1], result.Theta[1]);
        }
    }
}
