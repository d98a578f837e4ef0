using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Internal;
using PSEstimation.Input;

namespace PSEstimation.Commands
{
    /// <summary>
    /// The input layer shared by the cmdlets that take numbers from the pipeline: enumerates
    /// arrays, reads -Property, converts by the contract's rules, reads frequency weights where
    /// the cmdlet has them, and reports each unusable value as a non-terminating error with a
    /// stable id, its value and its index, counting it as skipped. Subclasses see only usable
    /// numbers, through <see cref="AcceptValue"/> (or whole arrays through <see cref="TryAcceptBulk"/>).
    /// </summary>
    public abstract class NumericInputCommand : PSCmdlet
    {
        /// <summary>Size of the buffer through which int[], List&lt;double&gt; and the like reach the bulk path.</summary>
        private const int BulkChunk = 1 << 16;

        private long nextIndex;
        private double[]? bulkBuffer;

        // No -Property, no weights, numbers wanted (not Categorical's scalars): decided at the first
        // record, once every subclass's BeginProcessing has run (Measure-NegativeLogLikelihood learns
        // whether it is Categorical only from -Estimate there).
        private bool? plainNumbers;

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

        /// <summary>How many input values (after enumerating arrays) have been seen.</summary>
        internal long InputCount => nextIndex;

        /// <summary>Whether $true and $false count as 1 and 0 (Bernoulli).</summary>
        internal virtual bool AllowBoolean => false;

        /// <summary>Whether values are taken as they are (any scalar: Categorical) instead of as numbers.</summary>
        internal virtual bool AcceptsAnyScalar => false;

        /// <summary>Frequency weights by input index (-Weight), or null.</summary>
        internal virtual double[]? WeightValues => null;

        /// <summary>The property holding each object's frequency weight (-WeightProperty), or null.</summary>
        internal virtual string? WeightPropertyName => null;

        private bool Weighted => WeightValues is not null || WeightPropertyName is not null;

        /// <summary>Called with each usable number, its weight, its slot and its 0-based index in the input.</summary>
        internal abstract void AcceptValue(int slot, double value, double weight, long index, object original);

        /// <summary>With <see cref="AcceptsAnyScalar"/>: called with each scalar as it is.</summary>
        internal virtual void AcceptScalar(int slot, object value, double weight, long index)
        {
        }

        /// <summary>
        /// Takes <paramref name="values"/> (all of slot 0, unit weights, starting at input index
        /// <paramref name="firstIndex"/>) in one call, or returns false to have them offered one
        /// by one (e.g. when one of them is unusable and must be reported).
        /// </summary>
        internal virtual bool TryAcceptBulk(double[] values, long firstIndex) => false;

        /// <inheritdoc/>
        protected override void BeginProcessing()
        {
            SkippedCounts = new long[SlotCount];
        }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            // The common case first: one double from the pipeline, nothing to look up. The engine
            // hands piped values over wrapped in a PSObject, so the test looks inside it.
            object? input = InputObject;
            plainNumbers ??= Property is null && !Weighted && !AcceptsAnyScalar;
            double? number = input is double d ? d : input is PSObject { BaseObject: double wrapped } ? wrapped : null;
            if (plainNumbers.Value && number is double value)
            {
                AcceptDouble(value, 1.0, nextIndex++);
                return;
            }

            ProcessItem(input);
        }

        /// <summary>Writes a non-terminating error for an unusable value and counts it as skipped.</summary>
        internal void SkipValue(int slot, string errorId, string message, object? target)
        {
            SkippedCounts[slot]++;
            WriteError(new ErrorRecord(new ArgumentException(message), errorId, ErrorCategory.InvalidData, target));
        }

        /// <summary>" (property 'Latency')" when -Property is used, else empty.</summary>
        internal string SlotSuffix(int slot) => Property is null ? string.Empty : $" (property '{Property[slot]}')";

        /// <summary>Throws a terminating error with a stable id.</summary>
        internal void Terminate(string errorId, string message, ErrorCategory category = ErrorCategory.InvalidArgument, object? target = null)
            => ThrowTerminatingError(new ErrorRecord(new ArgumentException(message), errorId, category, target));

        private void AcceptDouble(double d, double weight, long index)
        {
            if (double.IsNaN(d) || double.IsInfinity(d))
            {
                SkipValue(0, ErrorIds.NonFiniteValue, $"Value {NumericConversion.Describe(d)} at index {index} is not finite; it was skipped.", d);
                return;
            }

            AcceptValue(0, d, weight, index, d);
        }

        private void ProcessItem(object? item)
        {
            if (item == AutomationNull.Value)
            {
                return;
            }

            if (item is null)
            {
                // $null is ignored, but keeps its place: Index is the position in the input.
                nextIndex++;
                return;
            }

            object value = item is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : item;
            if (NumericConversion.IsCollection(value))
            {
                if (Property is null && !Weighted && !AcceptsAnyScalar && TryProcessNumericArray(value))
                {
                    return;
                }

                foreach (object? element in (IEnumerable)value)
                {
                    ProcessItem(element);
                }

                return;
            }

            long index = nextIndex++;
            double weight = 1.0;
            if (Weighted && !TryReadWeight(item, value, index, out weight))
            {
                return;
            }

            if (Property is null)
            {
                Convert(0, value, weight, index);
                return;
            }

            var psObject = PSObject.AsPSObject(item);
            for (int slot = 0; slot < Property.Length; slot++)
            {
                if (!PropertyReader.TryRead(psObject, value, Property[slot], out object? propertyValue))
                {
                    SkipValue(slot, ErrorIds.PropertyNotFound, $"The input at index {index} has no property '{Property[slot]}'; it was skipped.", item);
                    continue;
                }

                if (propertyValue is null)
                {
                    continue;
                }

                Convert(slot, propertyValue, weight, index);
            }
        }

        /// <summary>
        /// The bulk path: arrays and lists of primitive numbers go to <see cref="TryAcceptBulk"/>
        /// without boxing each element; double[] without even a copy.
        /// </summary>
        private bool TryProcessNumericArray(object value)
        {
            switch (value)
            {
                case double[] doubles:
                    OfferBulk(doubles);
                    return true;
                case int[] ints:
                    OfferChunks(ints.Length, (start, buffer, count) => { for (int i = 0; i < count; i++) { buffer[i] = ints[start + i]; } });
                    return true;
                case long[] longs:
                    OfferChunks(longs.Length, (start, buffer, count) => { for (int i = 0; i < count; i++) { buffer[i] = longs[start + i]; } });
                    return true;
                case float[] floats:
                    OfferChunks(floats.Length, (start, buffer, count) => { for (int i = 0; i < count; i++) { buffer[i] = floats[start + i]; } });
                    return true;
                case List<double> list:
                    OfferChunks(list.Count, (start, buffer, count) => list.CopyTo(start, buffer, 0, count));
                    return true;
                case List<int> intList:
                    OfferChunks(intList.Count, (start, buffer, count) => { for (int i = 0; i < count; i++) { buffer[i] = intList[start + i]; } });
                    return true;
                default:
                    return false;
            }
        }

        private void OfferChunks(int length, Action<int, double[], int> fill)
        {
            for (int start = 0; start < length; start += BulkChunk)
            {
                int count = Math.Min(BulkChunk, length - start);
                double[] buffer = count == BulkChunk ? (bulkBuffer ??= new double[BulkChunk]) : new double[count];
                fill(start, buffer, count);
                OfferBulk(buffer);
            }
        }

        private void OfferBulk(double[] values)
        {
            long first = nextIndex;
            nextIndex += values.Length;
            if (TryAcceptBulk(values, first))
            {
                return;
            }

            for (int i = 0; i < values.Length; i++)
            {
                AcceptDouble(values[i], 1.0, first + i);
            }
        }

        private bool TryReadWeight(object item, object baseObject, long index, out double weight)
        {
            object? raw;
            string source;
            if (WeightValues is double[] weights)
            {
                if (index >= weights.Length)
                {
                    Terminate(ErrorIds.InvalidWeight, $"-Weight has {weights.Length} values but the input has more (index {index}); give one weight per input value.");
                }

                raw = weights[index];
                source = "-Weight";
            }
            else
            {
                source = $"property '{WeightPropertyName}'";
                if (!PropertyReader.TryRead(PSObject.AsPSObject(item), baseObject, WeightPropertyName!, out raw))
                {
                    SkipAllSlots(ErrorIds.PropertyNotFound, $"The input at index {index} has no weight property '{WeightPropertyName}'; it was skipped.", item);
                    weight = 0;
                    return false;
                }
            }

            if (raw is null || NumericConversion.TryConvert(raw, allowBoolean: false, out weight) != NumericConversion.Failure.None || weight < 0)
            {
                SkipAllSlots(ErrorIds.InvalidWeight, $"The weight {NumericConversion.Describe(raw)} ({source}) of the input at index {index} is not a finite number >= 0; the value was skipped.", item);
                weight = 0;
                return false;
            }

            return true;
        }

        private void SkipAllSlots(string errorId, string message, object? target)
        {
            for (int slot = 1; slot < SkippedCounts.Length; slot++)
            {
                SkippedCounts[slot]++;
            }

            SkipValue(0, errorId, message, target);
        }

        private void Convert(int slot, object value, double weight, long index)
        {
            if (AcceptsAnyScalar)
            {
                object scalar = value is PSObject ps ? ps.BaseObject : value;
                if (NumericConversion.IsNonFinite(scalar))
                {
                    // NaN marks a missing value, not a category; infinities are not categories either.
                    SkipValue(slot, ErrorIds.NonFiniteValue, $"Value {NumericConversion.Describe(value)} at index {index}{SlotSuffix(slot)} is not finite; it was skipped.", value);
                }
                else if (!NumericConversion.IsScalar(scalar))
                {
                    // A hashtable or object has no value identity or readable name: two of them would
                    // be two categories with the same name.
                    SkipValue(slot, ErrorIds.NotAScalar, $"Value {NumericConversion.Describe(value)} at index {index}{SlotSuffix(slot)} is not a scalar (a string, number, boolean, enum or date); it was skipped.", value);
                }
                else
                {
                    AcceptScalar(slot, scalar, weight, index);
                }

                return;
            }

            switch (NumericConversion.TryConvert(value, AllowBoolean, out double number))
            {
                case NumericConversion.Failure.None:
                    AcceptValue(slot, number, weight, index, value);
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
