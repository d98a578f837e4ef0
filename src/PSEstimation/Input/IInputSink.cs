namespace PSEstimation.Input
{
    /// <summary>
    /// What a cmdlet does with the input <see cref="InputReader"/> has read: only usable values
    /// arrive here, each with its slot, frequency weight and 0-based index in the input.
    /// </summary>
    internal interface IInputSink
    {
        /// <summary>A new slot appeared (all of them at once without -GroupBy; per new group with it): make its state.</summary>
        void AddSlot(InputSlot slot);

        /// <summary>A usable number; <paramref name="original"/> is the value as it came in, for messages.</summary>
        void AcceptValue(InputSlot slot, double value, double weight, long index, object original);

        /// <summary>With <see cref="InputOptions.AcceptsAnyScalar"/> (Categorical): a usable scalar as it is.</summary>
        void AcceptScalar(InputSlot slot, object value, double weight, long index);

        /// <summary>
        /// Takes a whole array of unit-weight numbers for <paramref name="slot"/> (starting at input
        /// index <paramref name="firstIndex"/>), or returns false to have them offered one by one
        /// (e.g. when one of them is unusable and must be reported).
        /// </summary>
        bool TryAcceptBulk(InputSlot slot, double[] values, long firstIndex);
    }
}
