using System;

namespace HelpBuilder
{
    /// <summary>
    /// Entry point: dotnet HelpBuilder.dll --docs docs --out out/PSEstimation/en-US.
    /// Exit codes: 0 help written, 1 a page is malformed (messages are "file:line: problem"),
    /// 2 bad command line.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            CommandLineOptions options;
            try
            {
                options = CommandLineOptions.Parse(args);
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"HelpBuilder: {e.Message}");
                Console.Error.WriteLine(CommandLineOptions.Usage);
                return 2;
            }

            if (options.ShowHelp)
            {
                Console.WriteLine(CommandLineOptions.Usage);
                return 0;
            }

            return new HelpBuildRunner(Console.Out, Console.Error).Run(options);
        }
    }
}
