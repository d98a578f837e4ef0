using System;
using System.Management.Automation;
using System.Management.Automation.Internal;
using PSEstimation.Input;

namespace PSEstimation.Commands
{
    /// <summary>
    /// The input layer shared by the cmdlets that take numbers from the pipeline: enumerates
    /// arrays, reads -Property, converts by the contract's rules, and reports each unusable
    /// value as a non-terminating error with a stable id, its value and its index, counting it
    /// as skipped. Subclasses see only usable numbers, through <see cref="AcceptValue"/>.
    /// </summary>
    public abstract class NumericInputCommand : PSCmdlet
    {
        private long nextIndex;

        /// <summary>
        /// The values: numbers of any numeric type, numeric strings (invariant culture), or
        /// arrays of them; with -Property, objects whose properties hold them.
        /// </summary>
        [Parameter(Position = 1, ValueFromPipeline = true)]
        [AllowNull]
        public object? InputObject { get; set; }

        /// <summary>
        /// Read these properties of each input object instead of the object itself; several
        /// names give one result per property.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Property { get; set; }

        /// <summary>Per input slot (one per -Property name, or one), how many values were skipped.</summary>
        internal long[] SkippedCounts { get; private set; } = new long[1];

        /// <summary>How many slots the input has: the number of -Property names, or 1.</summary>
        internal int SlotCount => Property?.Length ?? 1;

        /// <summary>Whether $true and $false count as 1 and 0 (Bernoulli).</summary>
        internal virtual bool AllowBoolean => false;

        /// <summary>Called with each usable number, its slot and its 0-based index in the input.</summary>
        internal abstract void AcceptValue(int slot, double value, long index, object original);

        /// <inheritdoc/>
        protected override void BeginProcessing()
        {
            SkippedCounts = new long[SlotCount];
        }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            // The common case first: one double from the pipeline, nothing to look up.
            if (InputObject is double d && Property is null)
            {
                long index = nextIndex++;
                if (double.IsNaN(d) || double.IsInfinity(d))
                {
                    SkipValue(0, ErrorIds.NonFiniteValue, $"Value {NumericConversion.Describe(d)} at index {index} is not finite; it was skipped.", d);
                    return;
                }

                AcceptValue(0, d, index, d);
                return;
            }

            ProcessItem(InputObject);
        }

        /// <summary>Writes a non-terminating error for an unusable value and counts it as skipped.</summary>
        internal void SkipValue(int slot, string errorId, string message, object? target)
        {
            SkippedCounts[slot]++;
            WriteError(new ErrorRecord(new ArgumentException(message), errorId, ErrorCategory.InvalidData, target));
        }

        /// <summary>" of property 'Latency'" when -Property is used, else empty.</summary>
        internal string SlotSuffix(int slot) => Property is null ? string.Empty : $" (property '{Property[slot]}')";

        /// <summary>Throws a terminating error with a stable id.</summary>
        internal void Terminate(string errorId, string message, ErrorCategory category = ErrorCategory.InvalidArgument, object? target = null)
            => ThrowTerminatingError(new ErrorRecord(new ArgumentException(message), errorId, category, target));

        private void ProcessItem(object? item)
        {
            if (item is null || item == AutomationNull.Value)
            {
                return;
            }

            object value = item is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : item;
            if (NumericConversion.IsCollection(value))
            {
                foreach (object? element in (System.Collections.IEnumerable)value)
                {
                    ProcessItem(element);
                }

                return;
            }

            long index = nextIndex++;
            if (Property is null)
            {
                Convert(0, value, index);
                return;
            }

            var psObject = PSObject.AsPSObject(item);
            for (int slot = 0; slot < Property.Length; slot++)
            {
                if (!TryReadProperty(psObject, value, Property[slot], out object? propertyValue))
                {
                    SkipValue(slot, ErrorIds.PropertyNotFound, $"The input at index {index} has no property '{Property[slot]}'; it was skipped.", item);
                    continue;
                }

                if (propertyValue is null)
                {
                    continue;
                }

                Convert(slot, propertyValue, index);
            }
        }

        private static bool TryReadProperty(PSObject psObject, object baseObject, string name, out object? value)
        {
            if (baseObject is System.Collections.IDictionary dictionary)
            {
                foreach (System.Collections.DictionaryEntry entry in dictionary)
                {
                    if (string.Equals(entry.Key as string, name, StringComparison.OrdinalIgnoreCase))
                    {
                        value = entry.Value;
                        return true;
                    }
                }
            }

            var property = psObject.Properties[name];
            value = property?.Value;
            return property is not null;
        }

        private void Convert(int slot, object value, long index)
        {
            switch (NumericConversion.TryConvert(value, AllowBoolean, out double number))
            {
                case NumericConversion.Failure.None:
                    AcceptValue(slot, number, index, value);
                    break;
                case NumericConversion.Failure.NotFinite:
                    SkipValue(slot, ErrorIds.NonFiniteValue, $"Value {NumericConversion.Describe(value)} at index {index}{SlotSuffix(slot)} is not finite; it was skipped.", value);
                    break;
                default:
                    SkipValue(slot, ErrorIds.NotANumber, $"Value {NumericConversion.Describe(value)} at index {index}{SlotSuffix(slot)} is not a number; it was skipped.", value);
                    break;
            }
        }
    }
}
