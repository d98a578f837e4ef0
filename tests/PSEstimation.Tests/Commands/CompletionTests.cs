using System;
using System.Collections.Generic;
using System.Linq;
using PSEstimation.Tests.Hosting;
using Xunit;

namespace PSEstimation.Tests.Commands
{
    /// <summary>
    /// Tab completion of -Distribution, through the engine's own TabExpansion2 as a console
    /// runs it. DistributionName has an alias (Gaussian = Normal, the same value), which the
    /// engine's enum completion lists as Normal twice and never as Gaussian.
    /// </summary>
    [Collection(ModuleCollection.Name)]
    public class CompletionTests
    {
        private readonly ModuleFixture module;

        public CompletionTests(ModuleFixture module) => this.module = module;

        public static IEnumerable<object[]> Commands()
            => new[] { "Get-MLEstimate", "Get-MAPEstimate", "Measure-NegativeLogLikelihood", "Get-Quantile", "Get-Probability", "Get-RandomSample" }.Select(c => new object[] { c });

        [Theory]
        [MemberData(nameof(Commands))]
        public void Every_name_once_and_the_alias_too(string command)
        {
            var names = Complete(command + " -Distribution ");
            Assert.Equal(names.Distinct(StringComparer.OrdinalIgnoreCase).Count(), names.Count);
            Assert.Equal(Enum.GetNames(typeof(DistributionName)).OrderBy(n => n, StringComparer.Ordinal), names.OrderBy(n => n, StringComparer.Ordinal));
            Assert.Contains("Gaussian", names);
            Assert.Single(names, "Normal");
        }

        [Theory]
        [MemberData(nameof(Commands))]
        public void The_typed_prefix_filters_case_insensitively(string command)
        {
            Assert.Equal(new[] { "Gamma", "Gaussian", "Geometric" }, Complete(command + " -Distribution g").OrderBy(n => n, StringComparer.Ordinal));
            Assert.Equal(new[] { "Gamma", "Gaussian" }, Complete(command + " -Distribution GA").OrderBy(n => n, StringComparer.Ordinal));
            Assert.Equal(new[] { "Normal" }, Complete(command + " -Distribution nor"));
        }

        [Fact]
        public void The_positional_distribution_completes_too()
        {
            Assert.Equal(new[] { "Gamma", "Gaussian" }, Complete("1, 2 | Get-MLEstimate ga").OrderBy(n => n, StringComparer.Ordinal));
            Assert.Equal(new[] { "StudentT" }, Complete("$x | Measure-NegativeLogLikelihood stu"));
        }

        [Fact]
        public void The_set_that_completes_still_binds_every_name_and_alias()
        {
            var result = module.Run("$x = 2.3, 2.5, 3.1; ($x | Get-MLEstimate gaussian).Distribution; ($x | Get-MAPEstimate Gaussian -Prior @{ Mean = 'Normal(2, 0.5)' }).Distribution; ($x | Measure-NegativeLogLikelihood GAUSSIAN -Parameter @{ Mean = 0; Variance = 1 }).Distribution; ($x | Get-MLEstimate 3).Distribution");
            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "Normal", "Normal", "Normal", "Gamma" }, result.Objects.Select(o => (string)o));
        }

        /// <summary>The completion texts TabExpansion2 offers with the cursor at the end of <paramref name="input"/>.</summary>
        private List<string> Complete(string input)
        {
            var result = module.Run("(TabExpansion2 -inputScript $args[0] -cursorColumn $args[0].Length).CompletionMatches | ForEach-Object { $_.CompletionText }", input);
            Assert.Null(result.TerminatingError);
            Assert.Empty(result.Errors);
            return result.Objects.Select(o => (string)o).ToList();
        }
    }
}
