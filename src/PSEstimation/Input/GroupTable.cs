using System.Collections.Generic;
using System.Management.Automation;

namespace PSEstimation.Input
{
    /// <summary>
    /// The groups of a -GroupBy: each input object's value of the grouping property finds (or
    /// opens) its group, in order of first appearance; objects without the property fall in the
    /// group $null and are counted, so that a misspelt -GroupBy (no object has it) is an error
    /// and a partly missing one a warning, the same in every cmdlet.
    /// </summary>
    /// <typeparam name="TGroup">What a cmdlet keeps per group.</typeparam>
    internal sealed class GroupTable<TGroup>
        where TGroup : class
    {
        private static readonly object NullKey = new object();

        private readonly Dictionary<object, TGroup> index = new Dictionary<object, TGroup>(GroupKeyComparer.Instance);
        private readonly System.Func<object?, TGroup> create;
        private TGroup? lastGroup;
        private object? lastKey;

        public GroupTable(string property, System.Func<object?, TGroup> create)
        {
            Property = property;
            this.create = create;
        }

        /// <summary>The -GroupBy property.</summary>
        public string Property { get; }

        /// <summary>The groups in order of first appearance.</summary>
        public List<TGroup> Groups { get; } = new List<TGroup>();

        /// <summary>How many input objects had no grouping property (they are in the group $null).</summary>
        public long MissingCount { get; private set; }

        /// <summary>The group of one input object.</summary>
        public TGroup For(PSObject psObject, object baseObject)
        {
            if (!PropertyReader.TryRead(psObject, baseObject, Property, out object? value))
            {
                MissingCount++;
            }

            return ForValue(value is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : value);
        }

        /// <summary>The group of a grouping value ($null included).</summary>
        public TGroup ForValue(object? value)
        {
            object key = value ?? NullKey;

            // Input usually arrives sorted or in runs of one group: try the last one first.
            if (lastGroup is not null && GroupKeyComparer.Instance.Equals(key, lastKey))
            {
                return lastGroup;
            }

            if (!index.TryGetValue(key, out var group))
            {
                group = create(value);
                index.Add(key, group);
                Groups.Add(group);
            }

            lastGroup = group;
            lastKey = key;
            return group;
        }

        /// <summary>
        /// At the end of the input: the terminating error when none of the <paramref name="objectCount"/>
        /// input objects had the property (a misspelling), else the warning when some had not.
        /// </summary>
        /// <paramref name="verb"/> says what is done with a group ("measured", "fitted").
        public void Finish(Cmdlet cmdlet, long objectCount, string verb)
        {
            if (MissingCount > 0 && MissingCount == objectCount)
            {
                cmdlet.ThrowTerminatingError(new ErrorRecord(
                    new System.ArgumentException($"None of the {MissingCount} input objects has the -GroupBy property '{Property}'; check its spelling (grouping every object under $null would pool what it was meant to separate)."),
                    ErrorIds.PropertyNotFound,
                    ErrorCategory.InvalidArgument,
                    null));
            }

            if (MissingCount > 0)
            {
                cmdlet.WriteWarning($"{MissingCount} input object{(MissingCount == 1 ? " has" : "s have")} no property '{Property}'; {(MissingCount == 1 ? "it is" : "they are")} {verb} in the group $null.");
            }
        }

        /// <summary>"'web01'" or "$null", as messages name a group.</summary>
        public static string Describe(object? value)
            => value is null ? "$null" : "'" + (System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty) + "'";
    }
}
