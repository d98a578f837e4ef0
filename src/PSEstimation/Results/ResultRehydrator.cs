using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.Serialization;
using PSEstimation.Input;

namespace PSEstimation
{
    /// <summary>
    /// Rebuilds a live result object from the property bag that a CliXml round trip (a job,
    /// remoting, Import-Clixml) leaves of it, so that $r.FisherInformation[1,1], $r.Parameters[0].Lower
    /// and $r.Estimate.mean work again. A bag carries every property by name; this sets each one
    /// back, converting arrays, matrices (flattened by the serializer), dictionaries and nested
    /// results to the property's own type. It works from the property list of the result class, so
    /// a property added to a class later travels without a change here.
    /// </summary>
    internal static class ResultRehydrator
    {
        /// <summary>The result classes that are rebuilt: every public class of Results/ whose public properties are all it holds (not RegressionEstimate, whose design is internal).</summary>
        public static readonly Type[] ResultTypes =
        {
            typeof(MLEstimate),
            typeof(MAPEstimate),
            typeof(ParameterEstimate),
            typeof(MAPParameterEstimate),
            typeof(ParameterDistribution),
            typeof(NegativeLogLikelihood),
            typeof(ObservationNegativeLogLikelihood),
            typeof(RegressionLoss),
            typeof(RegressionResidual),
            typeof(Quantile),
            typeof(Probability),
            typeof(GoodnessOfFit),
            typeof(DistributionComparison),
        };

        /// <summary>Whether <paramref name="bag"/> is what the serializer made of a <paramref name="type"/>.</summary>
        public static bool IsBagOf(PSObject? bag, Type type)
            => bag is not null
                && bag.BaseObject is PSCustomObject
                && bag.TypeNames.Contains("Deserialized." + type.FullName);

        /// <summary>
        /// A <paramref name="type"/> with every property read from <paramref name="bag"/> (a
        /// deserialized object, or any object with properties of these names, such as a
        /// PSCustomObject from ConvertFrom-Json). A property the bag lacks keeps its default.
        /// </summary>
        public static object Rehydrate(PSObject bag, Type type)
        {
            // The result classes have internal constructors that compute from raw fit quantities
            // (AIC from the free-parameter count, ...); a bag holds the computed values, so the
            // object is made without a constructor and each stored value is put back as it was.
#if NET8_0_OR_GREATER
            object result = System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(type);
#else
            object result = FormatterServices.GetUninitializedObject(type);
#endif
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var store = Store(type, property);
                if (store is null || !(bag.Properties[property.Name] is PSPropertyInfo source))
                {
                    continue;
                }

                store(result, Convert(source.Value, property.PropertyType, property.Name));
            }

            return result;
        }

        /// <summary>
        /// How to set a property: its setter (internal set), or else the compiler's backing field
        /// of a get-only auto-property. Null for a computed property (MSE => MeanSquaredError),
        /// which needs nothing.
        /// </summary>
        private static Action<object, object?>? Store(Type type, PropertyInfo property)
        {
            var setter = property.GetSetMethod(nonPublic: true);
            if (setter is not null)
            {
                return (target, value) => setter.Invoke(target, new[] { value });
            }

            var field = type.GetField("<" + property.Name + ">k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic);
            return field is null ? null : (target, value) => field.SetValue(target, value);
        }

        private static object? Convert(object? value, Type type, string name)
        {
            value = MatrixShape.Unwrap(value);
            if (value is null)
            {
                return null;
            }

            if (type.IsInstanceOfType(value) && !(value is Array) && !(value is OrderedDictionary))
            {
                return value;
            }

            if (type == typeof(double[,]))
            {
                return MatrixShape.Read(value);
            }

            if (type == typeof(OrderedDictionary))
            {
                return Dictionary(value);
            }

            if (type.IsArray)
            {
                var elementType = type.GetElementType()!;
                var items = value is IEnumerable list && !(value is string) ? list.Cast<object?>().ToList() : new List<object?> { value };
                var array = Array.CreateInstance(elementType, items.Count);
                for (int i = 0; i < items.Count; i++)
                {
                    array.SetValue(Convert(items[i], elementType, name), i);
                }

                return array;
            }

            if (ResultTypes.Contains(type))
            {
                return value is PSCustomObject || value is PSObject
                    ? Rehydrate(PSObject.AsPSObject(value), type)
                    : throw new InvalidCastException($"{name}: a {type.FullName} was expected, not a {value.GetType().FullName}");
            }

            if (type == typeof(object))
            {
                return value;
            }

            return LanguagePrimitives.ConvertTo(value, type, CultureInfo.InvariantCulture);
        }

        /// <summary>Name → value, case-insensitive as every table of the results is, in the order it came.</summary>
        private static OrderedDictionary Dictionary(object value)
        {
            var table = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
            if (value is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary)
                {
                    table[entry.Key] = MatrixShape.Unwrap(entry.Value);
                }
            }
            else
            {
                foreach (var property in PSObject.AsPSObject(value).Properties)
                {
                    table[property.Name] = MatrixShape.Unwrap(property.Value);
                }
            }

            return table;
        }
    }
}
