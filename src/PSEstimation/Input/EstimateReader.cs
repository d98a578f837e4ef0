using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using PSEstimation.Distributions;

namespace PSEstimation.Input
{
    /// <summary>
    /// Reads -Estimate, the one reader of every cmdlet that takes a fit. A fit arrives as a live
    /// MLEstimate or MAPEstimate; as a rebuilt one (Import-Clixml or Receive-Job where the module
    /// is loaded); as a Deserialized.PSEstimation.* property bag (the same, where it was not
    /// loaded: tables become dictionaries, matrices flat lists); or as a PSCustomObject from
    /// ConvertFrom-Json (tables become objects, matrices flat lists). Each form is read by member
    /// name, so any object with Distribution and Estimate members works.
    /// </summary>
    internal static class EstimateReader
    {
        private const string Alternative = "Use -Distribution and -Parameter (a hashtable such as @{ Mean = 0; Variance = 1 }) instead.";

        /// <summary>The fit's distribution, values, property, parameter order, fixed flags and covariance.</summary>
        public static EstimateReading Read(PSObject? estimate, string parameterName = "Estimate")
        {
            object? baseObject = estimate?.BaseObject;
            if (baseObject is null)
            {
                throw new EstimationException(ErrorIds.InvalidEstimate, $"-{parameterName} is null. Pass a fit result, e.g. $fit = $data | Get-MLEstimate Normal; ... -{parameterName} $fit.");
            }

            if (NumericConversion.IsCollection(baseObject))
            {
                int count = ((IEnumerable)baseObject).Cast<object>().Count();
                throw new EstimationException(
                    ErrorIds.InvalidEstimate,
                    $"-{parameterName} takes one fit result; it got {count} objects (one per -Property name?). Pass one of them, e.g. -{parameterName} $fit[0].");
            }

            object? distribution = ReadMember(estimate!, "Distribution");
            var values = ParameterTable.FromObject(ReadMember(estimate!, "Estimate"));
            if (distribution is null || values is null)
            {
                throw new EstimationException(
                    ErrorIds.InvalidEstimate,
                    $"-{parameterName} needs an object with a Distribution name and an Estimate table of parameter values (as Get-MLEstimate and Get-MAPEstimate return, also after Import-Clixml, Receive-Job or ConvertFrom-Json); a {Describe(estimate!)} {(distribution is null ? "has no Distribution" : "has no Estimate table")}. {Alternative}");
            }

            var name = ReadDistribution(distribution, parameterName);
            var (names, isFixed) = ReadParameters(ReadMember(estimate!, "Parameters"));
            return new EstimateReading(
                name,
                values,
                ReadMember(estimate!, "Property") is object property ? Convert.ToString(property, CultureInfo.InvariantCulture) : null,
                names,
                isFixed,
                ReadCovariance(ReadMember(estimate!, "Covariance"), names.Length));
        }

        private static DistributionName ReadDistribution(object distribution, string parameterName)
        {
            if (distribution is DistributionName known)
            {
                return known;
            }

            string text = (Convert.ToString(distribution, CultureInfo.InvariantCulture) ?? string.Empty).Trim();
            string? canonical = Enum.GetNames(typeof(DistributionName)).FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
            if (canonical is null)
            {
                throw new EstimationException(
                    ErrorIds.InvalidEstimate,
                    $"-{parameterName} names the distribution '{text}', which is not one of: {string.Join(", ", Enum.GetNames(typeof(DistributionName)))}.");
            }

            return (DistributionName)Enum.Parse(typeof(DistributionName), canonical);
        }

        /// <summary>Names in order, and the Fixed flags when every entry has one (a bag or JSON object has; a bare string does not).</summary>
        private static (string[] Names, bool[]? Fixed) ReadParameters(object? parameters)
        {
            if (parameters is null || parameters is string || !(parameters is IEnumerable list))
            {
                return (new string[0], null);
            }

            var names = new List<string>();
            var flags = new List<bool>();
            bool everyFlag = true;
            foreach (object? item in list)
            {
                if (item is null)
                {
                    return (new string[0], null);
                }

                var entry = PSObject.AsPSObject(item);
                if (!(ReadMember(entry, "Name") is object parameterName))
                {
                    return (new string[0], null);
                }

                names.Add(Convert.ToString(parameterName, CultureInfo.InvariantCulture) ?? string.Empty);
                object? flag = ReadMember(entry, "Fixed");
                if (flag is bool b)
                {
                    flags.Add(b);
                }
                else
                {
                    everyFlag = false;
                }
            }

            return (names.ToArray(), everyFlag ? flags.ToArray() : null);
        }

        private static double[,]? ReadCovariance(object? covariance, int side)
        {
            if (covariance is null || side == 0)
            {
                return null;
            }

            try
            {
                return MatrixShape.Read(covariance, side);
            }
            catch (Exception e) when (e is FormatException || e is InvalidCastException || e is OverflowException)
            {
                // Only cmdlets that draw intervals from the fit need it; they say so when it is null.
                return null;
            }
        }

        /// <summary>A property of an object, or a key of a dictionary, case-insensitive; null when absent.</summary>
        internal static object? ReadMember(PSObject source, string name)
        {
            object? value = null;
            if (source.BaseObject is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary)
                {
                    if (string.Equals(entry.Key as string, name, StringComparison.OrdinalIgnoreCase))
                    {
                        value = entry.Value;
                    }
                }
            }
            else
            {
                value = source.Properties[name]?.Value;
            }

            return MatrixShape.Unwrap(value);
        }

        private static string Describe(PSObject source)
            => source.BaseObject is PSCustomObject
                ? (source.TypeNames.FirstOrDefault(t => t.StartsWith("Deserialized.", StringComparison.Ordinal)) ?? "PSCustomObject")
                : source.BaseObject.GetType().FullName ?? "object";
    }
}
