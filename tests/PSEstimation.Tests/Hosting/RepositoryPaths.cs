using System;
using System.IO;

namespace PSEstimation.Tests.Hosting
{
    /// <summary>Where the repository and the shared reference values are, found from the test's own folder.</summary>
    public static class RepositoryPaths
    {
        private static readonly Lazy<string> RootPath = new Lazy<string>(FindRoot);

        /// <summary>The repository root (the folder holding PSEstimation.sln).</summary>
        public static string Root => RootPath.Value;

        /// <summary>../shared/reference beside the repository: values from R and scipy.</summary>
        public static string Reference
        {
            get
            {
                string path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "reference"));
                if (!Directory.Exists(path))
                {
                    throw new DirectoryNotFoundException($"The reference values are expected at {path} (the shared/ folder beside the repository).");
                }

                return path;
            }
        }

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
