namespace PSEstimation.Input
{
    /// <summary>
    /// A sink that takes censored observations in the interval form (-LowerProperty/-UpperProperty):
    /// <see cref="InputReader"/> hands it each object whose bounds differ, with an empty bound as an
    /// infinite one; equal bounds arrive as an exact value through <see cref="IInputSink.AcceptValue"/>.
    /// Reversed bounds never arrive: the reader reports and skips them.
    /// </summary>
    internal interface IIntervalSink
    {
        /// <summary>An observation known only to lie between <paramref name="lower"/> and <paramref name="upper"/> (lower &lt; upper; -Infinity or +Infinity for an empty bound).</summary>
        void AcceptInterval(InputSlot slot, double lower, double upper, double weight, long index, object original);
    }
}
