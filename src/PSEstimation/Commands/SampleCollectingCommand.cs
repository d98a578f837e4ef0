using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using PSEstimation.Input;

namespace PSEstimation.Commands
{
    /// <summary>
    /// What Test-GoodnessOfFit and Compare-Distribution share: the values of each input slot kept
    /// as they are (an EDF statistic needs every value, not sufficient statistics), frequency
    /// weights expanded into repeated values (a weight must be a whole number: a goodness-of-fit
    /// statistic counts observations), and Ctrl+C.
    /// </summary>
    public abstract class SampleCollectingCommand : NumericInputCommand, IInputSink
    {
        private readonly CancellationTokenSource cancellation = new CancellationTokenSource();

        /// <summary>Frequency weights, one per input value in input order: whole numbers; a value with weight 3 counts as three observations.</summary>
        [Parameter]
        [ValidateNotNull]
        public double[]? Weight { get; set; }

        /// <summary>The property of each input object that holds its frequency weight (a whole number).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? WeightProperty { get; set; }

        /// <summary>Per slot, the values (weights expanded).</summary>
        internal List<List<double>> Values { get; } = new List<List<double>>();

        /// <summary>Cancelled by Ctrl+C (StopProcessing).</summary>
        internal CancellationToken Cancellation => cancellation.Token;

        /// <summary>Starts reading; the subclass calls it at the end of its BeginProcessing.</summary>
        internal void StartCollecting(string verb, string? lowerProperty = null, string? upperProperty = null)
        {
            if (Weight is not null && WeightProperty is not null)
            {
                Terminate(ErrorIds.InvalidWeight, "Give frequency weights either as -Weight (one per input value) or as -WeightProperty (a property of each input object), not both.");
            }

            StartReading(new InputOptions { Weights = Weight, WeightProperty = WeightProperty, GroupVerb = verb, LowerProperty = lowerProperty, UpperProperty = upperProperty }, this);
        }

        /// <summary>Why <paramref name="value"/> cannot enter the sample (outside the hypothesis' support), or null.</summary>
        internal virtual string? Rejects(double value) => null;

        void IInputSink.AddSlot(InputSlot slot) => Values.Add(new List<double>());

        void IInputSink.AcceptValue(InputSlot slot, double value, double weight, long index, object original)
        {
            if (Rejects(value) is string support)
            {
                Reader.Skip(slot, SkipReason.OutsideSupport, ErrorIds.ValueOutsideSupport, $"Value {NumericConversion.Describe(original)} at index {index}{slot.Suffix} is outside the support of {support}; it was skipped.", original);
                return;
            }

            if (weight != Math.Floor(weight) || weight > int.MaxValue)
            {
                Reader.Skip(slot, SkipReason.InvalidWeight, ErrorIds.InvalidWeight, $"The weight {weight.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} of the value at index {index}{slot.Suffix} is not a whole number; a goodness-of-fit statistic counts observations, so the value was skipped.", original);
                return;
            }

            var list = Values[slot.Index];
            for (int i = 0; i < (int)weight; i++)
            {
                list.Add(value);
            }
        }

        void IInputSink.AcceptScalar(InputSlot slot, object value, double weight, long index)
        {
        }

        bool IInputSink.TryAcceptBulk(InputSlot slot, double[] values, long firstIndex)
        {
            for (int i = 0; i < values.Length; i++)
            {
                double x = values[i];
                if (double.IsNaN(x) || double.IsInfinity(x) || Rejects(x) is not null)
                {
                    return false;
                }
            }

            Values[slot.Index].AddRange(values);
            return true;
        }

        /// <summary>Finishes the input (skip summary, weight count check).</summary>
        internal void FinishReading()
        {
            if (Weight is not null && Weight.Length != Reader.InputCount)
            {
                Terminate(ErrorIds.InvalidWeight, $"-Weight has {Weight.Length} values but the input has {Reader.InputCount}; give one weight per input value.");
            }

            Reader.Finish();
        }

        /// <summary>
        /// Runs <paramref name="work"/> on another thread while this one reports its progress
        /// (the engine takes WriteProgress from the pipeline thread only); false when cancelled.
        /// </summary>
        internal bool RunWithProgress(Action work, Func<int> completed, int total, string activity)
        {
            var task = System.Threading.Tasks.Task.Run(work);
            var record = new ProgressRecord(1, activity, "Simulating");
            while (!task.Wait(250))
            {
                int done = completed();
                record.PercentComplete = total > 0 ? Math.Min(100, (int)(100L * done / total)) : 0;
                record.StatusDescription = $"{done} of {total} simulations";
                WriteProgress(record);
            }

            record.RecordType = ProgressRecordType.Completed;
            WriteProgress(record);
            try
            {
                task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                return false;
            }

            return !Cancellation.IsCancellationRequested;
        }

        /// <inheritdoc/>
        protected override void StopProcessing() => cancellation.Cancel();
    }
}
