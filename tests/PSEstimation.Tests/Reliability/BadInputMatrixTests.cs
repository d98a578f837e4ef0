using System.Collections.Generic;
using System.Linq;
using PSEstimation.Tests.Hosting;
using Xunit;

namespace PSEstimation.Tests.Reliability
{
    /// <summary>
    /// Issue 8's bad-input matrix: every cmdlet × every family (or pair position) × every hostile
    /// input, through the real engine. Each row has one expected outcome (CmdletSpecs): a result
    /// equal to reference.json (mpmath, scipy, exact fractions), a non-terminating error with its
    /// full id naming the value and its index followed by the result of the ordinary sample, or
    /// a terminating error with its full id and no output. Nothing else may happen: no other
    /// error, no unhandled .NET exception, no silent NaN.
    /// </summary>
    [Collection(ModuleCollection.Name)]
    public class BadInputMatrixTests
    {
        private readonly ModuleFixture module;

        public BadInputMatrixTests(ModuleFixture module) => this.module = module;

        public static IEnumerable<object[]> Rows()
        {
            foreach (var spec in CmdletSpecs.ByName.Values)
            {
                foreach (string column in spec.Columns)
                {
                    foreach (var c in HostileCases.All)
                    {
                        if (spec.Expect(column, c) is not null)
                        {
                            yield return new object[] { spec.Name, column, c.Name };
                        }
                    }
                }
            }
        }

        [Theory]
        [MemberData(nameof(Rows))]
        public void Row(string cmdlet, string column, string caseName)
        {
            var spec = CmdletSpecs.ByName[cmdlet];
            var c = HostileCases.Get(caseName);
            var expected = spec.Expect(column, c)!;
            var (script, args) = spec.Invocation(column, c);
            var result = module.Run(script, args);
            string context = $"{cmdlet} {column} {caseName}: expected {expected}; got {result.Objects.Count} objects, errors [{string.Join(", ", result.ErrorIds)}], "
                + $"terminating {result.TerminatingError?.FullyQualifiedErrorId ?? "none"} ({result.TerminatingError?.Exception.Message}), warnings [{string.Join(" | ", result.Warnings.Select(w => w.Message))}]";

            if (expected.Kind == OutcomeKind.Terminating)
            {
                Assert.True(result.TerminatingError is not null, context);
                Assert.True(spec.QualifiedId(expected.ErrorId!) == result.TerminatingError!.FullyQualifiedErrorId, context);
                Assert.True(result.Objects.Count == 0, context);
                return;
            }

            Assert.True(result.TerminatingError is null, context);
            var expectedErrors = expected.Kind == OutcomeKind.Skipped ? new[] { spec.QualifiedId(expected.ErrorId!) } : new string[0];
            Assert.True(expectedErrors.SequenceEqual(result.ErrorIds), context);
            if (expected.Kind == OutcomeKind.Skipped)
            {
                // The message names the value's position: it follows the ordinary sample, so its index is n.
                int index = args[0] is object[] input ? input.Length - 1 : -1;
                Assert.True(result.Errors[0].Exception.Message.Contains($"at index {index}"), context + " — message: " + result.Errors[0].Exception.Message);
            }

            if (expected.Warning)
            {
                Assert.True(result.Warnings.Count > 0, context);
            }

            Assert.True(result.Objects.Count == 1, context);
            if (expected.Kind == OutcomeKind.NotConverged)
            {
                Assert.False(Assert.IsType<MLEstimate>(result.Objects[0]).Converged, context);
                Assert.True(result.Warnings.Any(w => w.Message.Contains("did not converge")), context);
                return;
            }

            try
            {
                spec.CheckResult(column, c, expected, result.Objects[0]);
            }
            catch (System.Exception e)
            {
                throw new Xunit.Sdk.XunitException(context + "\n" + e.Message);
            }
        }

        [Fact]
        public void Every_cmdlet_and_case_has_rows()
        {
            var rows = Rows().Select(r => ((string)r[0], (string)r[2])).ToList();
            foreach (var spec in CmdletSpecs.ByName.Values)
            {
                Assert.Contains(rows, r => r.Item1 == spec.Name);
            }

            foreach (var c in HostileCases.All.Where(c => c.Name != "MalformedPrior"))
            {
                Assert.Contains(rows, r => r.Item2 == c.Name);
            }
        }
    }
}
