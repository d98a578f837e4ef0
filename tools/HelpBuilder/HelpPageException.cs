using System;

namespace HelpBuilder
{
    /// <summary>
    /// A page that does not follow the PlatyPS schema. It carries the file and the 1-based line so
    /// the build log reads "file:line: what is wrong", which editors and CI logs turn into links.
    /// We throw instead of skipping: help that silently loses a section is worse than a failed build.
    /// </summary>
    public sealed class HelpPageException : Exception
    {
        public HelpPageException(string path, int line, string problem)
            : base($"{path}:{line}: {problem}")
        {
            Path = path;
            Line = line;
            Problem = problem;
        }

        /// <summary>The markdown file, as the caller named it.</summary>
        public string Path { get; }

        /// <summary>1-based line number in that file.</summary>
        public int Line { get; }

        /// <summary>The message without the location prefix.</summary>
        public string Problem { get; }
    }
}
