using System;
using System.Management.Automation;

namespace PSEstimation
{
    /// <summary>
    /// Lets PowerShell rehydrate results after a CliXml round trip. PSEstimation.Types.ps1xml
    /// names this converter for every result class and sets TargetTypeForDeserialization on the
    /// Deserialized.PSEstimation.* type names, so in a session where the module is loaded
    /// Import-Clixml, Receive-Job and remoting give back live PSEstimation.MLEstimate (...) objects
    /// with double[,] matrices, instead of property bags. Used by the engine, not called directly.
    /// </summary>
    public sealed class ResultTypeConverter : PSTypeConverter
    {
        /// <summary>True for a deserialized property bag of <paramref name="destinationType"/>.</summary>
        public override bool CanConvertFrom(PSObject sourceValue, Type destinationType)
            => Array.IndexOf(ResultRehydrator.ResultTypes, destinationType) >= 0 && ResultRehydrator.IsBagOf(sourceValue, destinationType);

        /// <summary>The live result rebuilt from the bag.</summary>
        public override object ConvertFrom(PSObject sourceValue, Type destinationType, IFormatProvider formatProvider, bool ignoreCase)
        {
            if (!CanConvertFrom(sourceValue, destinationType))
            {
                throw new InvalidCastException($"Only a deserialized {destinationType.FullName} converts to one.");
            }

            return ResultRehydrator.Rehydrate(sourceValue, destinationType);
        }

        /// <summary>Not used: the converter only rebuilds from property bags.</summary>
        public override bool CanConvertFrom(object sourceValue, Type destinationType) => false;

        /// <summary>Not used.</summary>
        public override object ConvertFrom(object sourceValue, Type destinationType, IFormatProvider formatProvider, bool ignoreCase)
            => throw new InvalidCastException();

        /// <summary>Not used: results convert to other types by PowerShell's own rules.</summary>
        public override bool CanConvertTo(object sourceValue, Type destinationType) => false;

        /// <summary>Not used.</summary>
        public override object ConvertTo(object sourceValue, Type destinationType, IFormatProvider formatProvider, bool ignoreCase)
            => throw new InvalidCastException();
    }
}
