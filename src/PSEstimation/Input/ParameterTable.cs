using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using PSEstimation.Distributions;

namespace PSEstimation.Input
{
    /// <summary>
    /// Reads a hashtable of parameter values (-Fixed, -Parameter) against a family's parameter
    /// names: numbers by the input rules, names case-insensitive, unknown names and values
    /// outside a parameter's domain rejected with a message that lists what is expected.
    /// </summary>
    internal static class ParameterTable
    {
        /// <summary>Name → number, every key checked to be a parameter or constant name of the family.</summary>
        public static Dictionary<string, double> Read(IDictionary? table, DistributionName distribution, string parameterName)
        {
            var result = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
            if (table is null)
            {
                return result;
            }

            var known = KnownNames(distribution);
            foreach (DictionaryEntry entry in table)
            {
                string key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                string? canonical = known.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
                if (canonical is null)
                {
                    throw new EstimationException(
                        ErrorIds.UnknownParameter,
                        $"-{parameterName} names '{key}', which is not a parameter of {distribution}. Expected: {Expected(distribution)}.");
                }

                if (entry.Value is null || NumericConversion.TryConvert(entry.Value, allowBoolean: false, out double value) != NumericConversion.Failure.None)
                {
                    throw new EstimationException(
                        ErrorIds.InvalidParameterValue,
                        $"-{parameterName} gives {canonical} = {NumericConversion.Describe(entry.Value)}, which is not a finite number. Expected: {Expected(distribution)}.");
                }

                result[canonical] = value;
            }

            return result;
        }

        /// <summary>
        /// A table of values as it may arrive: a dictionary (a hashtable, a fit's Estimate, also
        /// after a CliXml round trip) as it is, or an object's properties in their order, as
        /// ConvertFrom-Json makes of a table (a PSCustomObject). Null for anything else.
        /// </summary>
        public static IDictionary? FromObject(object? value)
        {
            value = MatrixShape.Unwrap(value);
            if (value is IDictionary dictionary)
            {
                return dictionary;
            }

            if (value is PSObject custom && custom.BaseObject is PSCustomObject)
            {
                var table = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
                foreach (var property in custom.Properties)
                {
                    table[property.Name] = MatrixShape.Unwrap(property.Value);
                }

                return table;
            }

            return null;
        }

        /// <summary>The constants of the family (e.g. Trials), taken out of a table.</summary>
        public static Dictionary<string, double> Constants(Dictionary<string, double> values, DistributionName distribution)
        {
            var constants = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
            foreach (string name in DistributionFamilies.ConstantNames(distribution))
            {
                if (values.TryGetValue(name, out double value))
                {
                    constants[name] = value;
                }
            }

            return constants;
        }

        /// <summary>
        /// Fixed values in parameter order (null = free), each checked against its domain.
        /// </summary>
        public static double?[] FixedVector(DistributionFamily family, Dictionary<string, double> values, string parameterName)
        {
            var result = new double?[family.Parameters.Count];
            for (int i = 0; i < result.Length; i++)
            {
                var spec = family.Parameters[i];
                if (values.TryGetValue(spec.Name, out double value))
                {
                    if (!spec.Accepts(value))
                    {
                        throw new EstimationException(
                            ErrorIds.InvalidParameterValue,
                            $"-{parameterName} gives {spec.Name} = {value.ToString("R", CultureInfo.InvariantCulture)}, outside its domain. Expected: {Expected(family.Name)}.");
                    }

                    result[i] = value;
                }
            }

            return result;
        }

        /// <summary>
        /// Every parameter's value in parameter order, for evaluating a likelihood: each one is
        /// required (MissingParameter lists the absent ones) and checked against its domain.
        /// </summary>
        public static double[] FullVector(DistributionFamily family, Dictionary<string, double> values, string parameterName)
        {
            var missing = family.Parameters.Where(p => !values.ContainsKey(p.Name)).Select(p => p.Name).ToList();
            if (missing.Count > 0)
            {
                throw new EstimationException(
                    ErrorIds.MissingParameter,
                    $"-{parameterName} has no value for {string.Join(", ", missing)}. Expected: {Expected(family.Name)}.");
            }

            var given = FixedVector(family, values, parameterName);
            var theta = new double[given.Length];
            for (int i = 0; i < theta.Length; i++)
            {
                theta[i] = given[i]!.Value;
            }

            return theta;
        }

        /// <summary>"Mean (finite), Variance (> 0)", plus constants.</summary>
        public static string Expected(DistributionName distribution)
        {
            var family = TryCreateForDescription(distribution);
            var parts = new List<string>();
            if (family is not null)
            {
                parts.AddRange(family.Parameters.Select(p => p.Describe()));
            }

            parts.AddRange(DistributionFamilies.ConstantNames(distribution).Select(c => c + " (a whole number >= 1, required)"));
            return string.Join(", ", parts);
        }

        private static IReadOnlyList<string> KnownNames(DistributionName distribution)
        {
            var names = new List<string>();
            var family = TryCreateForDescription(distribution);
            if (family is not null)
            {
                names.AddRange(family.Parameters.Select(p => p.Name));
            }

            names.AddRange(DistributionFamilies.ConstantNames(distribution));
            return names;
        }

        private static DistributionFamily? TryCreateForDescription(DistributionName distribution)
        {
            try
            {
                return DistributionFamilies.CreateForDescription(distribution);
            }
            catch (EstimationException)
            {
                return null;
            }
        }
    }
}
