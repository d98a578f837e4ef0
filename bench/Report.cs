using System;
using System.Collections.Generic;
using System.Globalization;

namespace PSEstimation.Bench
{
    /// <summary>Collects figures with their targets and prints them as one table.</summary>
    public sealed class Report
    {
        private readonly List<(string Name, string Figure, string Target, string Verdict, string Detail)> rows = new();

        private bool missed;

        /// <summary>A figure that must be at most <paramref name="target"/>.</summary>
        public void Add(string name, double value, double target, string unit, string detail)
        {
            bool ok = value <= target;
            missed |= !ok;
            rows.Add((name, value.ToString("F2", CultureInfo.InvariantCulture) + " " + unit, "<= " + target.ToString("0.##", CultureInfo.InvariantCulture) + " " + unit, ok ? "ok" : "MISSED", detail));
            Console.Error.WriteLine($"  measured: {name}");
        }

        /// <summary>A figure reported without a target.</summary>
        public void Info(string name, string figure) => rows.Add((name, figure, "(report)", string.Empty, string.Empty));

        /// <summary>Prints the table; returns the exit code (1 when a target was missed).</summary>
        public int Print()
        {
            int width = 0;
            foreach (var row in rows)
            {
                width = Math.Max(width, row.Name.Length);
            }

            foreach (var row in rows)
            {
                Console.WriteLine($"{row.Name.PadRight(width)}  {row.Figure,-22} {row.Target,-16} {row.Verdict,-6} {row.Detail}");
            }

            Console.WriteLine();
            Console.WriteLine(missed ? "Some targets were missed." : "All targets met.");
            return missed ? 1 : 0;
        }
    }
}
