using System.Management.Automation;

namespace PSEstimation.Input
{
    /// <summary>
    /// The short "why" under which <see cref="SkipReport"/> counts a skipped value: the text of a
    /// string that is not a number ('timeout', 'n/a'), "empty" for an empty one, and a phrase for
    /// every other reason.
    /// </summary>
    internal static class SkipReason
    {
        public const string OutsideSupport = "outside the support";
        public const string NotAScalar = "not scalars";
        public const string InvalidWeight = "with an unusable weight";
        public const string ObjectWithoutProperty = "objects with properties but no -Property";

        /// <summary>A value that is not a number, or not finite.</summary>
        public static string ForValue(object? value)
        {
            object? raw = value is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : value;
            switch (raw)
            {
                case null:
                    return "$null";
                case string text:
                    return text.Trim().Length == 0 ? "empty" : NumericConversion.Describe(text.Trim());
                case double _:
                case float _:
                    return NumericConversion.Describe(raw);
                case PSObject _:
                    return "objects";
                default:
                    return raw.GetType().Name;
            }
        }

        /// <summary>An input object without a property that was asked for.</summary>
        public static string MissingProperty(string name) => $"without property '{name}'";
    }
}
