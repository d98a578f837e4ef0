namespace PSEstimation.Input
{
    /// <summary>One -GroupBy value and its slots (one per -Property name); without -GroupBy, the single unnamed group.</summary>
    internal sealed class InputGroup
    {
        public InputGroup(object? value, bool isNamed)
        {
            Value = value;
            IsNamed = isNamed;
        }

        /// <summary>The grouping property's value ($null for objects without it); null without -GroupBy.</summary>
        public object? Value { get; }

        /// <summary>Whether the group comes from -GroupBy (results then carry <see cref="Value"/> as their Group).</summary>
        public bool IsNamed { get; }

        /// <summary>The group's slots, in -Property order.</summary>
        public InputSlot[] Slots { get; internal set; } = new InputSlot[0];

        /// <summary>"'web01'" or "$null".</summary>
        public string Describe() => GroupTable<InputGroup>.Describe(Value);
    }
}
