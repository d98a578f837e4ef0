namespace PSEstimation.Input
{
    /// <summary>
    /// One result's worth of input: the values of one -Property name (or the objects themselves)
    /// within one -GroupBy group. Slots are numbered in the order they appear, group by group and
    /// within a group in -Property order, so a cmdlet keeps its per-slot state in a list by
    /// <see cref="Index"/> and writes its results in that order.
    /// </summary>
    internal sealed class InputSlot
    {
        public InputSlot(int index, InputGroup group, int propertyIndex, string? property)
        {
            Index = index;
            Group = group;
            PropertyIndex = propertyIndex;
            Property = property;
        }

        /// <summary>Position among all slots (0 without -Property and -GroupBy).</summary>
        public int Index { get; }

        /// <summary>The group (the single unnamed one without -GroupBy).</summary>
        public InputGroup Group { get; }

        /// <summary>Position of <see cref="Property"/> among the -Property names (0 without them).</summary>
        public int PropertyIndex { get; }

        /// <summary>The property the values are read from, or null when they are the objects themselves.</summary>
        public string? Property { get; internal set; }

        /// <summary>How many of this slot's values were skipped.</summary>
        public long SkippedCount { get; internal set; }

        /// <summary>" (property 'Latency')", " (group 'web01', property 'Latency')", or empty: appended to messages about this slot.</summary>
        public string Suffix
        {
            get
            {
                string property = Property is null ? string.Empty : $"property '{Property}'";
                if (!Group.IsNamed)
                {
                    return property.Length == 0 ? string.Empty : $" ({property})";
                }

                return $" (group {Group.Describe()}{(property.Length == 0 ? string.Empty : ", " + property)})";
            }
        }
    }
}
