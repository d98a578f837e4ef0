using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Internal;

namespace PSEstimation.Input
{
    /// <summary>
    /// The input layer of the cmdlets that take values from the pipeline, composed by each of
    /// them: enumerates arrays, reads -Property (one slot per name), -GroupBy (one group of slots
    /// per value), -Weight or -WeightProperty, converts by the contract's rules, and reports each
    /// unusable value through <see cref="Skips"/> (a non-terminating error with a stable id, its
    /// value and index; counted per slot and summed up in one warning at the end). The cmdlet's
    /// <see cref="IInputSink"/> sees only usable values.
    /// </summary>
    /// <remarks>
    /// The path of a piped double is kept short on purpose (see bench/, "pipe 10^6 doubles"): without
    /// -Property, -GroupBy, weights and Categorical, <see cref="Read"/> tests for a double and hands it
    /// to the sink with no lookup. Arrays and lists of primitive numbers (the bulk path: a double[] of
    /// 10^7 values fits in about the time of one sum over it) reach <see cref="IInputSink.TryAcceptBulk"/>
    /// without boxing each element, a double[] without even a copy.
    /// </remarks>
    internal sealed class InputReader
    {
        /// <summary>Size of the buffer through which int[], List&lt;double&gt; and the like reach the bulk path.</summary>
        private const int BulkChunk = 1 << 16;

        private readonly Cmdlet cmdlet;
        private readonly InputOptions options;
        private readonly IInputSink sink;
        private readonly GroupTable<InputGroup>? groups;
        private readonly InputGroup? singleGroup;
        private readonly InputSlot? plainSlot;
        private readonly bool weighted;
        private long nextIndex;
        private long objectCount;
        private double[]? bulkBuffer;
        private bool objectHintGiven;

        public InputReader(Cmdlet cmdlet, InputOptions options, IInputSink sink)
        {
            this.cmdlet = cmdlet;
            this.options = options;
            this.sink = sink;
            weighted = options.Weights is not null || options.WeightProperty is not null;
            Skips = new SkipReport(cmdlet);
            if (options.GroupBy is null)
            {
                singleGroup = NewGroup(null, isNamed: false);
                if (options.Properties is null && !weighted && !options.AcceptsAnyScalar && options.LowerProperty is null)
                {
                    plainSlot = singleGroup.Slots[0];
                }
            }
            else
            {
                groups = new GroupTable<InputGroup>(options.GroupBy, value => NewGroup(value, isNamed: true));
            }
        }

        /// <summary>Every slot so far, in order of appearance (group by group, -Property order within one).</summary>
        public List<InputSlot> Slots { get; } = new List<InputSlot>();

        /// <summary>How many input values (after enumerating arrays; $null included) have been seen.</summary>
        public long InputCount => nextIndex;

        /// <summary>The command's skipped values: their errors, the cap on them and the summary.</summary>
        public SkipReport Skips { get; }

        /// <summary>Reads one pipeline item (ProcessRecord's InputObject).</summary>
        public void Read(object? input)
        {
            // The common case first: one double from the pipeline, nothing to look up. The engine
            // hands piped values over wrapped in a PSObject, so the test looks inside it.
            if (plainSlot is not null)
            {
                // The value's own box goes on as the original (for messages), so no record allocates.
                if (input is double d)
                {
                    AcceptDouble(plainSlot, d, nextIndex++, input);
                    return;
                }

                if (input is PSObject { BaseObject: double wrapped } ps)
                {
                    AcceptDouble(plainSlot, wrapped, nextIndex++, ps.BaseObject);
                    return;
                }
            }

            ReadItem(input);
        }

        /// <summary>
        /// At the end of the input: the warning that sums up the skipped values, then the -GroupBy
        /// checks (a terminating error when no object had the property, a warning when some had not).
        /// </summary>
        public void Finish()
        {
            Skips.WriteSummary();
            groups?.Finish(cmdlet, objectCount, options.GroupVerb);
        }

        /// <summary>Counts a value of <paramref name="slot"/> as skipped and reports it (within the cap).</summary>
        public void Skip(InputSlot slot, string reason, string errorId, string message, object? target, bool report = true)
        {
            slot.SkippedCount++;
            Skips.Skip(reason, errorId, message, target, report);
        }

        /// <summary>Throws a terminating error with a stable id.</summary>
        public void Terminate(string errorId, string message, ErrorCategory category = ErrorCategory.InvalidArgument, object? target = null)
            => cmdlet.ThrowTerminatingError(new ErrorRecord(new ArgumentException(message), errorId, category, target));

        private InputGroup NewGroup(object? value, bool isNamed)
        {
            var group = new InputGroup(value, isNamed);
            int count = options.Properties?.Length ?? 1;
            var slots = new InputSlot[count];
            for (int i = 0; i < count; i++)
            {
                slots[i] = new InputSlot(Slots.Count, group, i, options.Properties?[i]);
                Slots.Add(slots[i]);
            }

            group.Slots = slots;
            foreach (var slot in slots)
            {
                sink.AddSlot(slot);
            }

            return group;
        }

        private void AcceptDouble(InputSlot slot, double d, long index, object? boxed = null)
        {
            if (double.IsNaN(d) || double.IsInfinity(d))
            {
                Skip(slot, SkipReason.ForValue(d), ErrorIds.NonFiniteValue, $"Value {NumericConversion.Describe(d)} at index {index} is not finite; it was skipped.", boxed ?? d);
                return;
            }

            sink.AcceptValue(slot, d, 1.0, index, boxed ?? d);
        }

        private void ReadItem(object? item)
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
                if (plainSlot is not null && TryReadNumericArray(plainSlot, value))
                {
                    return;
                }

                foreach (object? element in (IEnumerable)value)
                {
                    ReadItem(element);
                }

                return;
            }

            long index = nextIndex++;
            objectCount++;
            PSObject? psObject = null;
            InputGroup group = singleGroup ?? groups!.For(psObject = PSObject.AsPSObject(item), value);
            double weight = 1.0;
            if (weighted && !TryReadWeight(group, item, value, index, out weight))
            {
                return;
            }

            if (options.LowerProperty is string lowerName)
            {
                ReadInterval(group.Slots[0], psObject ?? PSObject.AsPSObject(item), value, item, lowerName, options.UpperProperty!, weight, index);
                return;
            }

            string[]? properties = options.Properties;
            if (properties is null)
            {
                ReadObjectItself(group.Slots[0], item, value, weight, index);
                return;
            }

            psObject ??= PSObject.AsPSObject(item);
            for (int i = 0; i < properties.Length; i++)
            {
                var slot = group.Slots[i];
                if (!PropertyReader.TryRead(psObject, value, properties[i], out object? propertyValue))
                {
                    Skip(slot, SkipReason.MissingProperty(properties[i]), ErrorIds.PropertyNotFound, $"The input at index {index} has no property '{properties[i]}'; it was skipped.", item);
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
        /// -LowerProperty/-UpperProperty: reads both bounds (null, '' or blank is an empty bound),
        /// skips an object with no bound at all, an unusable one, or reversed bounds (each a
        /// non-terminating error, counted), and hands the rest on: equal bounds as an exact value.
        /// </summary>
        private void ReadInterval(InputSlot slot, PSObject psObject, object value, object item, string lowerName, string upperName, double weight, long index)
        {
            if (!TryReadBound(slot, psObject, value, item, lowerName, double.NegativeInfinity, index, out double lower)
                || !TryReadBound(slot, psObject, value, item, upperName, double.PositiveInfinity, index, out double upper))
            {
                return;
            }

            if (double.IsNegativeInfinity(lower) && double.IsPositiveInfinity(upper))
            {
                Skip(slot, "with both bounds empty", ErrorIds.InvalidInterval, $"The input at index {index}{slot.Suffix} has neither a lower ('{lowerName}') nor an upper ('{upperName}') bound, so it says nothing about the value; it was skipped.", item);
                return;
            }

            if (lower > upper)
            {
                Skip(
                    slot,
                    "with reversed bounds",
                    ErrorIds.InvalidInterval,
                    $"The input at index {index}{slot.Suffix} has lower bound {NumericConversion.Describe(lower)} above its upper bound {NumericConversion.Describe(upper)}; it was skipped.",
                    item);
                return;
            }

            if (lower == upper)
            {
                sink.AcceptValue(slot, lower, weight, index, lower);
                return;
            }

            if (sink is IIntervalSink intervals)
            {
                intervals.AcceptInterval(slot, lower, upper, weight, index, item);
            }
        }

        private bool TryReadBound(InputSlot slot, PSObject psObject, object value, object item, string name, double empty, long index, out double bound)
        {
            bound = empty;
            if (!PropertyReader.TryRead(psObject, value, name, out object? raw))
            {
                Skip(slot, SkipReason.MissingProperty(name), ErrorIds.PropertyNotFound, $"The input at index {index} has no property '{name}'; it was skipped.", item);
                return false;
            }

            var failure = NumericConversion.TryConvertBound(raw, empty, out bound);
            if (failure == NumericConversion.Failure.None)
            {
                return true;
            }

            string what = failure == NumericConversion.Failure.NotFinite ? "is not finite" : "is not a number";
            Skip(slot, SkipReason.ForValue(raw), failure == NumericConversion.Failure.NotFinite ? ErrorIds.NonFiniteValue : ErrorIds.NotANumber, $"The bound '{name}' = {NumericConversion.Describe(raw)} of the input at index {index}{slot.Suffix} {what}; it was skipped.", item);
            return false;
        }

        /// <summary>Without -Property: the value is the object itself, or its implied property, or an object that needed -Property.</summary>
        private void ReadObjectItself(InputSlot slot, object item, object value, double weight, long index)
        {
            if (!ObjectProperties.HasProperties(value) || (options.AcceptsAnyScalar && NumericConversion.IsScalar(value)))
            {
                Convert(slot, value, weight, index);
                return;
            }

            var psObject = PSObject.AsPSObject(item);
            if (options.ImpliedProperty is string implied && PropertyReader.TryRead(psObject, value, implied, out object? impliedValue))
            {
                slot.Property ??= implied;
                if (impliedValue is not null)
                {
                    Convert(slot, impliedValue, weight, index);
                }

                return;
            }

            // Rows piped without -Property: one error that names their properties and -Property,
            // then only counted, instead of one "not a number" per row.
            string id = options.AcceptsAnyScalar ? ErrorIds.NotAScalar : ErrorIds.NotANumber;
            string what = options.AcceptsAnyScalar ? "is not a scalar (a string, number, boolean, enum or date)" : "is not a number";
            string message = $"Value {NumericConversion.Describe(value)} at index {index}{slot.Suffix} {what}; it was skipped.";
            if (!objectHintGiven)
            {
                message += " " + ObjectProperties.Hint(psObject, value, new[] { options.WeightProperty, options.GroupBy });
            }

            Skip(slot, SkipReason.ObjectWithoutProperty, id, message, item, report: !objectHintGiven);
            objectHintGiven = true;
        }

        /// <summary>
        /// The bulk path: arrays and lists of primitive numbers go to <see cref="IInputSink.TryAcceptBulk"/>
        /// without boxing each element; double[] without even a copy.
        /// </summary>
        private bool TryReadNumericArray(InputSlot slot, object value)
        {
            switch (value)
            {
                case double[] doubles:
                    OfferBulk(slot, doubles);
                    return true;
                case int[] ints:
                    OfferChunks(slot, ints.Length, (start, buffer, count) => { for (int i = 0; i < count; i++) { buffer[i] = ints[start + i]; } });
                    return true;
                case long[] longs:
                    OfferChunks(slot, longs.Length, (start, buffer, count) => { for (int i = 0; i < count; i++) { buffer[i] = longs[start + i]; } });
                    return true;
                case float[] floats:
                    OfferChunks(slot, floats.Length, (start, buffer, count) => { for (int i = 0; i < count; i++) { buffer[i] = floats[start + i]; } });
                    return true;
                case List<double> list:
                    OfferChunks(slot, list.Count, (start, buffer, count) => list.CopyTo(start, buffer, 0, count));
                    return true;
                case List<int> intList:
                    OfferChunks(slot, intList.Count, (start, buffer, count) => { for (int i = 0; i < count; i++) { buffer[i] = intList[start + i]; } });
                    return true;
                default:
                    return false;
            }
        }

        private void OfferChunks(InputSlot slot, int length, Action<int, double[], int> fill)
        {
            for (int start = 0; start < length; start += BulkChunk)
            {
                int count = Math.Min(BulkChunk, length - start);
                double[] buffer = count == BulkChunk ? (bulkBuffer ??= new double[BulkChunk]) : new double[count];
                fill(start, buffer, count);
                OfferBulk(slot, buffer);
            }
        }

        private void OfferBulk(InputSlot slot, double[] values)
        {
            long first = nextIndex;
            nextIndex += values.Length;
            objectCount += values.Length;
            if (sink.TryAcceptBulk(slot, values, first))
            {
                return;
            }

            for (int i = 0; i < values.Length; i++)
            {
                AcceptDouble(slot, values[i], first + i);
            }
        }

        private bool TryReadWeight(InputGroup group, object item, object baseObject, long index, out double weight)
        {
            object? raw;
            string source;
            if (options.Weights is double[] weights)
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
                source = $"property '{options.WeightProperty}'";
                if (!PropertyReader.TryRead(PSObject.AsPSObject(item), baseObject, options.WeightProperty!, out raw))
                {
                    SkipAllSlots(group, SkipReason.MissingProperty(options.WeightProperty!), ErrorIds.PropertyNotFound, $"The input at index {index} has no weight property '{options.WeightProperty}'; it was skipped.", item);
                    weight = 0;
                    return false;
                }
            }

            if (raw is null || NumericConversion.TryConvert(raw, allowBoolean: false, out weight) != NumericConversion.Failure.None || weight < 0)
            {
                SkipAllSlots(group, SkipReason.InvalidWeight, ErrorIds.InvalidWeight, $"The weight {NumericConversion.Describe(raw)} ({source}) of the input at index {index} is not a finite number >= 0; the value was skipped.", item);
                weight = 0;
                return false;
            }

            return true;
        }

        /// <summary>An object that cannot be used at all: every slot counts it, one error reports it.</summary>
        private void SkipAllSlots(InputGroup group, string reason, string errorId, string message, object? target)
        {
            for (int i = 1; i < group.Slots.Length; i++)
            {
                group.Slots[i].SkippedCount++;
            }

            Skip(group.Slots[0], reason, errorId, message, target);
        }

        private void Convert(InputSlot slot, object value, double weight, long index)
        {
            if (options.AcceptsAnyScalar)
            {
                object scalar = value is PSObject ps ? ps.BaseObject : value;
                if (NumericConversion.IsNonFinite(scalar))
                {
                    // NaN marks a missing value, not a category; infinities are not categories either.
                    Skip(slot, SkipReason.ForValue(scalar), ErrorIds.NonFiniteValue, $"Value {NumericConversion.Describe(value)} at index {index}{slot.Suffix} is not finite; it was skipped.", value);
                }
                else if (!NumericConversion.IsScalar(scalar))
                {
                    // A hashtable or object has no value identity or readable name: two of them would
                    // be two categories with the same name.
                    Skip(slot, SkipReason.NotAScalar, ErrorIds.NotAScalar, $"Value {NumericConversion.Describe(value)} at index {index}{slot.Suffix} is not a scalar (a string, number, boolean, enum or date); it was skipped.", value);
                }
                else
                {
                    sink.AcceptScalar(slot, scalar, weight, index);
                }

                return;
            }

            switch (NumericConversion.TryConvert(value, options.AllowBoolean, out double number))
            {
                case NumericConversion.Failure.None:
                    sink.AcceptValue(slot, number, weight, index, value);
                    break;
                case NumericConversion.Failure.NotFinite:
                    Skip(slot, SkipReason.ForValue(value), ErrorIds.NonFiniteValue, $"Value {NumericConversion.Describe(value)} at index {index}{slot.Suffix} is not finite; it was skipped.", value);
                    break;
                default:
                    Skip(slot, SkipReason.ForValue(value), ErrorIds.NotANumber, $"Value {NumericConversion.Describe(value)} at index {index}{slot.Suffix} is not a number; it was skipped.", value);
                    break;
            }
        }
    }
}
