using System;
using System.Collections.Generic;

namespace HelpBuilder
{
    /// <summary>Command line: --docs &lt;dir&gt; --out &lt;cultureDir&gt; [--maml-name &lt;file&gt;].</summary>
    public sealed class CommandLineOptions
    {
        public const string DefaultMamlName = "PSEstimation.dll-Help.xml";

        public const string Usage =
            "usage: HelpBuilder --docs <docsDir> --out <cultureDir> [--maml-name <file>]\n" +
            "  --docs       folder with PlatyPS markdown: cmdlet pages and about_*.md topics\n" +
            "  --out        output folder, e.g. out/PSEstimation/en-US (created if missing)\n" +
            "  --maml-name  MAML file name (default " + DefaultMamlName + "); must match the\n" +
            "               pages' 'external help file'";

        public string DocsDirectory { get; private set; } = string.Empty;

        public string OutputDirectory { get; private set; } = string.Empty;

        public string MamlName { get; private set; } = DefaultMamlName;

        public bool ShowHelp { get; private set; }

        /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a message fit for the user.</summary>
        public static CommandLineOptions Parse(IReadOnlyList<string> args)
        {
            var options = new CommandLineOptions();
            for (int i = 0; i < args.Count; i++)
            {
                string arg = args[i];
                switch (arg)
                {
                    case "-h":
                    case "--help":
                        options.ShowHelp = true;
                        return options;
                    case "--docs":
                        options.DocsDirectory = ValueOf(args, ref i);
                        break;
                    case "--out":
                        options.OutputDirectory = ValueOf(args, ref i);
                        break;
                    case "--maml-name":
                        options.MamlName = ValueOf(args, ref i);
                        if (options.MamlName.IndexOfAny(new[] { '/', '\\' }) >= 0)
                        {
                            throw new ArgumentException("--maml-name is a file name, not a path");
                        }

                        break;
                    default:
                        throw new ArgumentException($"unknown argument '{arg}'");
                }
            }

            if (options.DocsDirectory.Length == 0 || options.OutputDirectory.Length == 0)
            {
                throw new ArgumentException("--docs and --out are required");
            }

            return options;
        }

        private static string ValueOf(IReadOnlyList<string> args, ref int i)
        {
            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"{args[i]} needs a value");
            }

            i++;
            return args[i];
        }
    }
}
