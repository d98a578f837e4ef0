using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace PSEstimation.Tests.Reliability
{
    /// <summary>What a hostile case replaces: one value added to an ordinary sample, the whole input, or a parameter.</summary>
    public enum CaseKind
    {
        /// <summary>The family's base sample followed by one hostile value (at index n).</summary>
        Value,

        /// <summary>The whole input (empty, $null only, n = 1, n = 2, all equal).</summary>
        Sample,

        /// <summary>An ordinary sample with a hostile parameter value or name.</summary>
        Parameter,
    }

    /// <summary>One row kind of the bad-input matrix: a name and the hostile thing it feeds in.</summary>
    public sealed class HostileCase
    {
        public HostileCase(string name, CaseKind kind, Func<string, object?>? value = null)
        {
            Name = name;
            Kind = kind;
            Value = value;
        }

        public string Name { get; }

        public CaseKind Kind { get; }

        /// <summary>For <see cref="CaseKind.Value"/>: the hostile value for a family (column).</summary>
        public Func<string, object?>? Value { get; }

        public override string ToString() => Name;
    }

    /// <summary>The hostile inputs of issue 8, by name. Numbers' expected results are in reference.json under the same names.</summary>
    public static class HostileCases
    {
        /// <summary>Names of the cases whose value is a valid double (so its result depends on the family's support).</summary>
        public static readonly IReadOnlyList<string> Numbers = new[]
        {
            "DecimalMax", "Huge", "Subnormal", "Int64Min", "Negative", "Zero", "NonInteger", "One", "Outlier",
        };

        public static readonly IReadOnlyList<HostileCase> All = new List<HostileCase>
        {
            new HostileCase("Null", CaseKind.Value, _ => null),
            new HostileCase("String", CaseKind.Value, _ => "abc"),
            new HostileCase("CultureComma", CaseKind.Value, _ => "1,5"),
            new HostileCase("NaN", CaseKind.Value, _ => double.NaN),
            new HostileCase("PositiveInfinity", CaseKind.Value, _ => double.PositiveInfinity),
            new HostileCase("NegativeInfinity", CaseKind.Value, _ => double.NegativeInfinity),
            new HostileCase("DecimalMax", CaseKind.Value, _ => decimal.MaxValue),
            new HostileCase("Huge", CaseKind.Value, _ => 1e308),
            new HostileCase("Subnormal", CaseKind.Value, _ => 1e-320),
            new HostileCase("Int64Min", CaseKind.Value, _ => long.MinValue),
            new HostileCase("True", CaseKind.Value, _ => true),
            new HostileCase("Hashtable", CaseKind.Value, _ => new Hashtable { ["a"] = 1 }),
            new HostileCase("Nested", CaseKind.Value, Nested),
            new HostileCase("DateTime", CaseKind.Value, _ => new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
            new HostileCase("Negative", CaseKind.Value, _ => -1),
            new HostileCase("Zero", CaseKind.Value, _ => 0),
            new HostileCase("NonInteger", CaseKind.Value, _ => 2.5),
            new HostileCase("One", CaseKind.Value, _ => 1.0),
            new HostileCase("Outlier", CaseKind.Value, _ => 1e15),
            new HostileCase("CodeString", CaseKind.Value, _ => "$(Remove-Item x)"),
            new HostileCase("CommandString", CaseKind.Value, _ => "1; calc"),
            new HostileCase("EmptyPipeline", CaseKind.Sample),
            new HostileCase("EmptyArray", CaseKind.Sample),
            new HostileCase("OnlyNull", CaseKind.Sample),
            new HostileCase("SingleValue", CaseKind.Sample),
            new HostileCase("TwoValues", CaseKind.Sample),
            new HostileCase("AllEqual", CaseKind.Sample),
            new HostileCase("UnequalLengths", CaseKind.Sample),
            new HostileCase("UnknownDistribution", CaseKind.Parameter),
            new HostileCase("UnknownParameter", CaseKind.Parameter),
            new HostileCase("ConfidenceLevel0", CaseKind.Parameter),
            new HostileCase("ConfidenceLevel1", CaseKind.Parameter),
            new HostileCase("ConfidenceLevel1.5", CaseKind.Parameter),
            new HostileCase("ConfidenceLevelNaN", CaseKind.Parameter),
            new HostileCase("MalformedPrior", CaseKind.Parameter),
        };

        public static HostileCase Get(string name) => All.Single(c => c.Name == name);

        /// <summary>-ConfidenceLevel of the ConfidenceLevel* cases.</summary>
        public static double ConfidenceLevel(string name) => name switch
        {
            "ConfidenceLevel0" => 0,
            "ConfidenceLevel1" => 1,
            "ConfidenceLevel1.5" => 1.5,
            "ConfidenceLevelNaN" => double.NaN,
            _ => throw new ArgumentException(name),
        };

        /// <summary>The family's three nested values as @(v1, @(v2, v3)): the input layer enumerates arrays recursively.</summary>
        private static object Nested(string family)
        {
            var v = ReliabilityReference.Sample(family, "Nested");
            return new object[] { v[0], new object[] { v[1], v[2] } };
        }
    }
}
