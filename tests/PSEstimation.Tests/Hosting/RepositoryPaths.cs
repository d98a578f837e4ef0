using System;
using System.IO;

namespace PSEstimation.Tests.Hosting
{
    /// <summary>Where the repository and its reference values are, found from the test's own folder.</summary>
    public static class RepositoryPaths
    {
        private static readonly Lazy<string> RootPath = new Lazy<string>(FindRoot);

        /// <summary>The repository root (the folder holding PSEstimation.sln).</summary>
        public static string Root => RootPath.Value;

        /// <summary>
        /// tests/reference inside the repository: values from R, scipy and mpmath (its README says
        /// how each was made). A user's clone has nothing beside it, so nothing is read from outside.
        /// </summary>
        public static string Reference => Path.Combine(Root, "tests", "reference");

        private static string FindRoot()
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PSEstimation.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new DirectoryNotFoundException("PSEstimation.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
