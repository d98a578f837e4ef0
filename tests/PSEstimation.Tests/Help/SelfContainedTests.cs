using System;
using System.IO;
using System.Linq;
using PSEstimation.Tests.Hosting;
using Xunit;

namespace PSEstimation.Tests.Help
{
    /// <summary>
    /// A user's clone has nothing beside it: every file the tests read (reference values, scripts)
    /// lies inside the repository.
    /// </summary>
    public class SelfContainedTests
    {
        [Fact]
        public void Reference_values_are_read_from_inside_the_repository()
        {
            string root = Path.GetFullPath(RepositoryPaths.Root) + Path.DirectorySeparatorChar;
            string reference = Path.GetFullPath(RepositoryPaths.Reference);
            Assert.StartsWith(root, reference, StringComparison.Ordinal);
            foreach (string file in new[] { "mle", "nll", "map", "loss", "quantile", "gof", "censored", "regression" })
            {
                Assert.True(File.Exists(Path.Combine(reference, file + ".json")), file + ".json missing from " + reference);
            }

            Assert.True(File.Exists(Path.Combine(reference, "README.md")), "tests/reference/README.md says how the values were made");
        }

        [Fact]
        public void No_test_reads_a_folder_beside_the_repository()
        {
            var offenders = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "tests"), "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".ps1", StringComparison.Ordinal))
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                         && !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .Where(f => f != ThisFile())
                .Where(f => File.ReadAllText(f).Contains("\"..\", \"shared\"", StringComparison.Ordinal)
                         || File.ReadAllText(f).Contains("../../../shared", StringComparison.Ordinal))
                .ToList();
            Assert.Empty(offenders);
        }

        private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
    }
}
