using System;
using System.Collections.Generic;
using System.Linq;
using MathNet.Numerics;
using PSEstimation.Distributions;

namespace PSEstimation.Bayesian
{
    /// <summary>
    /// Categorical counts nₖ with a symmetric Dirichlet(α) prior over the K categories seen:
    /// the posterior is Dirichlet(α + n₁, ..., α + n_K). Its mode is (aₖ - 1)/(A - K) with
    /// aₖ = α + nₖ and A = Σ aₖ when every aₖ &gt; 1 (α = 1 gives the relative frequencies, the MLE;
    /// α = 2 gives Laplace's add-one rule); a category with aₖ &lt;= 1 sits at 0 and the others
    /// share the rest. Each probability's marginal is Beta(aₖ, A - aₖ), and
    /// Cov(pᵢ, pⱼ) = (aᵢ A δᵢⱼ - aᵢ aⱼ) / (A² (A + 1)).
    /// </summary>
    internal static class DirichletUpdate
    {
        public static ConjugateResult Update(DirichletPrior prior, CategoricalCounts counts, double level)
        {
            int k = counts.CategoryCount;
            var names = counts.Categories.Select(CategoricalCounts.NameOf).ToArray();
            var a = counts.Counts.Select(n => prior.Alpha + n).ToArray();
            double total = a.Sum();

            double excess = a.Where(x => x > 1).Sum(x => x - 1);
            var mode = a.Select(x => excess > 0 ? (x > 1 ? (x - 1) / excess : 0) : double.NaN).ToArray();

            var marginals = new PosteriorMarginal[k];
            var covariance = new double[k, k];
            for (int i = 0; i < k; i++)
            {
                marginals[i] = k == 1
                    ? new PosteriorMarginal(1, 1, 0, 1, 1)
                    : PosteriorMarginal.Beta(a[i], total - a[i], level).WithMode(mode[i]);
                for (int j = 0; j < k; j++)
                {
                    covariance[i, j] = ((i == j ? a[i] * total : 0) - a[i] * a[j]) / (total * total * (total + 1));
                }
            }

            var hyperparameters = new List<(string, double)>();
            for (int i = 0; i < k; i++)
            {
                hyperparameters.Add((names[i], a[i]));
            }

            return new ConjugateResult(
                ConjugateResult.Distribution("Dirichlet", names, hyperparameters.ToArray()),
                Enumerable.Range(0, k).ToArray(),
                marginals,
                covariance,
                LogDensity(prior.Alpha, mode),
                "Closed form: Dirichlet prior on the category probabilities is conjugate; Value is the joint posterior mode, and each probability's mean, standard deviation and credible interval are those of its Beta marginal");
        }

        /// <summary>log Dirichlet(p; α, ..., α) = log Γ(Kα) - K log Γ(α) + (α - 1) Σ log pₖ.</summary>
        public static double LogDensity(double alpha, IReadOnlyList<double> p)
        {
            int k = p.Count;
            double sum = alpha == 1 ? 0 : (alpha - 1) * p.Sum(Math.Log);
            return SpecialFunctions.GammaLn(k * alpha) - k * SpecialFunctions.GammaLn(alpha) + sum;
        }
    }
}
