using System;
using System.IO;
using PSEstimation.Host;

// psestimation: runs PowerShell with the PSEstimation module imported.
//   PSEstimation.Host [-Module <psd1>] [-Width <n>] [-Command] '<script>'
//   PSEstimation.Host [-Module <psd1>] -File <script.ps1>
//   PSEstimation.Host [-Module <psd1>]            (reads the script from standard input)
string? module = null, command = null, file = null;
int width = Console.IsOutputRedirected ? 120 : Math.Max(80, SafeWindowWidth());
for (int i = 0; i < args.Length; i++)
{
    switch (args[i].ToLowerInvariant())
    {
        case "-module" when i + 1 < args.Length:
            module = args[++i];
            break;
        case "-width" when i + 1 < args.Length && int.TryParse(args[i + 1], out int w):
            width = w;
            i++;
            break;
        case "-file" when i + 1 < args.Length:
            file = args[++i];
            break;
        case "-command" when i + 1 < args.Length:
            command = string.Join(" ", args, i + 1, args.Length - i - 1);
            i = args.Length;
            break;
        case "-h":
        case "-help":
        case "--help":
        case "/?":
            Console.WriteLine("Usage: PSEstimation.Host [-Module <psd1>] [-Width <columns>] [-Command] '<script>' | -File <script.ps1> | (script on standard input)");
            return 0;
        default:
            command = string.Join(" ", args, i, args.Length - i);
            i = args.Length;
            break;
    }
}

string script = file is not null ? File.ReadAllText(file) : command ?? Console.In.ReadToEnd();
try
{
    using var session = new ModuleRunspace(
        module ?? ModuleRunspace.FindModuleManifest(),
        Console.Out,
        Console.Error,
        width,
        stripAnsi: Console.IsOutputRedirected);
    return session.RunFormatted(script);
}
catch (Exception e) when (e is FileNotFoundException || e is InvalidOperationException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

static int SafeWindowWidth()
{
    try
    {
        return Console.WindowWidth;
    }
    catch (IOException)
    {
        return 120;
    }
}
