using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;

namespace PSEstimation.Input
{
    /// <summary>
    /// Turns one pipeline item into a double, by the contract's rules: any numeric type,
    /// numeric strings in the invariant culture; nothing else. Never evaluates input: a string
    /// is parsed as a number or rejected.
    /// </summary>
    internal static class NumericConversion
    {
        /// <summary>Why a value could not be used.</summary>
        public enum Failure
        {
            None,
            NotANumber,
            NotFinite,
        }

        /// <summary>
        /// One bound of the interval form (-LowerProperty/-UpperProperty): null, DBNull, '' or
        /// blank is the open side, given as <paramref name="empty"/> (-Infinity for a lower bound,
        /// +Infinity for an upper one), and so is an infinite bound on its own side; anything else
        /// must be a finite number. None when <paramref name="bound"/> holds the bound.
        /// </summary>
        public static Failure TryConvertBound(object? raw, double empty, out double bound)
        {
            bound = empty;
            object? plain = raw is PSObject wrapped ? wrapped.BaseObject : raw;
            if (plain is null || plain is DBNull || (plain is string text && text.Trim().Length == 0))
            {
                return Failure.None;
            }

            var failure = TryConvert(plain, allowBoolean: false, out bound);
            if (failure == Failure.NotFinite && bound == empty)
            {
                return Failure.None;
            }

            return failure;
        }

        /// <summary>
        /// Converts <paramref name="item"/>. Booleans count as 1 and 0 only where
        /// <paramref name="allowBoolean"/> (Bernoulli's $true/$false); elsewhere they are not numbers.
        /// </summary>
        public static Failure TryConvert(object item, bool allowBoolean, out double value)
        {
            switch (item)
            {
                case double d:
                    value = d;
                    break;
                case int i:
                    value = i;
                    break;
                case long l:
                    value = l;
                    break;
                case float f:
                    value = f;
                    break;
                case decimal m:
                    value = (double)m;
                    break;
                case short s:
                    value = s;
                    break;
                case byte b:
                    value = b;
                    break;
                case sbyte sb:
                    value = sb;
                    break;
                case ushort us:
                    value = us;
                    break;
                case uint ui:
                    value = ui;
                    break;
                case ulong ul:
                    value = ul;
                    break;
                case System.Numerics.BigInteger big:
                    value = (double)big;
                    break;
                case bool flag when allowBoolean:
                    value = flag ? 1 : 0;
                    break;
                case string text:
                    if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
                    {
                        return Failure.NotANumber;
                    }

                    break;
                case PSObject wrapped:
                    return TryConvert(wrapped.BaseObject, allowBoolean, out value);
                default:
                    value = double.NaN;
                    return Failure.NotANumber;
            }

            return double.IsNaN(value) || double.IsInfinity(value) ? Failure.NotFinite : Failure.None;
        }

        /// <summary>
        /// Whether an item is a single value that can be a category: a string, character,
        /// boolean, number, enum, date, time span or GUID (not a hashtable, object or array).
        /// </summary>
        public static bool IsScalar(object item)
            => item is IConvertible convertible
                ? convertible.GetTypeCode() != TypeCode.Object && convertible.GetTypeCode() != TypeCode.DBNull
                : item is DateTimeOffset || item is TimeSpan || item is Guid || item is System.Numerics.BigInteger;

        /// <summary>Whether an item is a floating-point NaN or infinity.</summary>
        public static bool IsNonFinite(object item)
            => (item is double d && (double.IsNaN(d) || double.IsInfinity(d)))
            || (item is float f && (float.IsNaN(f) || float.IsInfinity(f)));

        /// <summary>
        /// Whether a pipeline item is a collection to enumerate (arrays, lists), as opposed to a
        /// scalar. Strings and dictionaries are scalars here.
        /// </summary>
        public static bool IsCollection(object item)
            => item is IEnumerable && !(item is string) && !(item is IDictionary);

        /// <summary>The item as PowerShell would show it in a message, shortened.</summary>
        public static string Describe(object? item)
        {
            if (item is null)
            {
                return "$null";
            }

            string text = item is PSObject ps ? (ps.BaseObject is PSCustomObject ? ps.ToString() : ps.BaseObject?.ToString() ?? string.Empty) : Convert.ToString(item, CultureInfo.InvariantCulture) ?? string.Empty;
            if (text.Length > 60)
            {
                text = text.Substring(0, 57) + "...";
            }

            return "'" + text + "'";
        }
    }
}
