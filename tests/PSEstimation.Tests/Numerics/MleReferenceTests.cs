using System.Collections.Generic;
using System.Linq;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Numerics
{
    /// <summary>Every case of tests/reference/mle.json (R fitdistrplus/MASS and scipy, certified at 40 digits) through the numerical core.</summary>
    public class MleReferenceTests
    {
        /// <summary>
        /// The families implemented so far. Every family of the contract joins this list as it
        /// lands; a case of a listed family that fails is a real failure.
        /// </summary>
        public static readonly HashSet<string> Implemented = new HashSet<string>
        {
            "Normal",
            "LogNormal", "Exponential", "Rayleigh", "Pareto", "Uniform", "Laplace",
            "Poisson", "Bernoulli", "Binomial", "Geometric", "NegativeBinomial",
            "Gamma", "Beta", "Weibull",
            "Logistic", "Cauchy", "StudentT",
        };

        public static IEnumerable<object[]> Cases()
            => ReferenceData.Ids("mle", c => Implemented.Contains(c.GetProperty("Distribution").GetString()!));

        [Theory]
        [MemberData(nameof(Cases))]
        public void Fit_matches_the_reference(string id)
        {
            var testCase = ReferenceData.Case("mle", id);
            MleReferenceFits.AssertMatches(testCase, MleReferenceFits.FitWithCore(testCase));
        }
    }
}
