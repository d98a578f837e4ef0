using System.Text.RegularExpressions;

namespace PSEstimation.Host
{
    /// <summary>
    /// PowerShell 7 wraps table headers in ANSI escape sequences even when its output rendering
    /// is PlainText in a custom host; they are stripped where the output is not a terminal.
    /// </summary>
    public static class AnsiText
    {
        private static readonly Regex Escape = new Regex("\u001b\\[[0-9;?]*[A-Za-z]", RegexOptions.Compiled);

        public static string Strip(string text) => text.IndexOf('\u001b') < 0 ? text : Escape.Replace(text, string.Empty);
    }
}
