using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace PSEstimation
{
    /// <summary>
    /// One row of plain values for a fit, for Export-Csv and other flat sinks that would otherwise
    /// write type names (PSEstimation.ParameterEstimate[], System.Double[,]). Every scalar property
    /// of the result in its declared order; at the place of Parameters, each parameter's value in a
    /// column named after it and its other numbers as &lt;Name&gt;&lt;Property&gt; (MeanStandardError,
    /// MeanLower ...); Prior and Posterior as their text ("Mean ~ Normal(2, 0.5)"). Tables and
    /// matrices that repeat or need two dimensions (Estimate, Score, FisherInformation, Covariance,
    /// MLEstimate) are left out: CliXml and JSON carry those.
    /// </summary>
    internal static class FlatView
    {
        public static PSObject Of(object result)
        {
            var row = new PSObject();
            foreach (var property in result.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                object? value = property.GetValue(result);
                switch (property.Name)
                {
                    case "Parameters" when value is IEnumerable parameters:
                        foreach (object parameter in parameters)
                        {
                            AddParameter(row, parameter);
                        }

                        break;
                    case "Prior" when value is ParameterDistribution[] prior:
                        Add(row, property.Name, string.Join("; ", prior.Select(p => string.Join(", ", p.Target) + " ~ " + p)));
                        break;
                    case "Posterior":
                        Add(row, property.Name, value?.ToString());
                        break;
                    default:
                        if (IsScalar(property.PropertyType, value))
                        {
                            Add(row, property.Name, value);
                        }

                        break;
                }
            }

            return row;
        }

        private static void AddParameter(PSObject row, object parameter)
        {
            var properties = parameter.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance);
            string name = Convert.ToString(properties.First(p => p.Name == "Name").GetValue(parameter), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
            // IntervalNote is prose; the fit's own IntervalNote carries every parameter's in one column.
            foreach (var property in properties.Where(p => p.Name != "Name" && p.Name != "IntervalNote"))
            {
                object? value = property.GetValue(parameter);
                if (IsScalar(property.PropertyType, value))
                {
                    Add(row, property.Name == "Value" ? name : name + property.Name, value);
                }
            }
        }

        private static bool IsScalar(Type type, object? value)
        {
            var underlying = Nullable.GetUnderlyingType(type) ?? type;
            if (underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(decimal))
            {
                return true;
            }

            // An object-typed property (Group) is written when what it holds is one value.
            return underlying == typeof(object) && (value is null || value is string || !(value is IEnumerable));
        }

        /// <summary>A column; a Categorical category that repeats a column's name (a category called AIC) gets a "Parameter" prefix.</summary>
        private static void Add(PSObject row, string name, object? value)
        {
            while (row.Properties[name] is not null)
            {
                name = "Parameter" + name;
            }

            row.Properties.Add(new PSNoteProperty(name, value));
        }
    }
}
