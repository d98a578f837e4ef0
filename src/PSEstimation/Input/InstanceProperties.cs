using System;
using System.Linq.Expressions;
using System.Management.Automation;
using System.Reflection;

namespace PSEstimation.Input
{
    /// <summary>
    /// The fast path for a PSCustomObject row (Import-Csv, [pscustomobject]@{...}): its properties
    /// are the object's own instance members, which PowerShell keeps in one table and consults
    /// first on every lookup. <c>row.Properties[name]</c> reaches the same table but through the
    /// member-integrating collection (tracing scope, reserved-member check, then on a miss the
    /// type table and the adapter): 200 to 300 ns a hit and 1 to 2 µs a miss here, against tens
    /// of nanoseconds for the table itself, which is most of what Add-Prediction and a regression
    /// fit spend per row beyond the pipeline's own cost.
    /// </summary>
    /// <remarks>
    /// The table is not public (PSObject.InstanceMembers, internal since PowerShell 3), so it is
    /// reached by one compiled accessor built once. Where that fails (another engine's layout) or
    /// for a name this path cannot answer (not an instance member, or a reserved name such as
    /// psobject that the engine materialises on demand), callers use the public lookup: the
    /// result is the same either way, only the cost differs.
    /// </remarks>
    internal static class InstanceProperties
    {
        private static readonly Func<PSObject, string, PSMemberInfo?>? Lookup = Build();

        /// <summary>Whether the fast path works in this engine (else every call returns null).</summary>
        public static bool IsAvailable => Lookup is not null;

        /// <summary>
        /// The instance property <paramref name="name"/> of a PSCustomObject row, or null when the
        /// public lookup must answer (not a PSCustomObject, no such instance property, reserved name).
        /// </summary>
        public static PSPropertyInfo? Find(PSObject row, string name)
        {
            if (Lookup is null || !(row.ImmediateBaseObject is PSCustomObject) || IsReserved(name))
            {
                return null;
            }

            try
            {
                return Lookup(row, name) as PSPropertyInfo;
            }
            catch (Exception e) when (!(e is OutOfMemoryException))
            {
                return null;
            }
        }

        // psbase, psadapted, psextended, psobject, pstypenames: generated on first use by the engine.
        private static bool IsReserved(string name)
            => name.Length >= 6 && name.StartsWith("ps", StringComparison.OrdinalIgnoreCase)
               && (string.Equals(name, "psbase", StringComparison.OrdinalIgnoreCase)
                   || string.Equals(name, "psadapted", StringComparison.OrdinalIgnoreCase)
                   || string.Equals(name, "psextended", StringComparison.OrdinalIgnoreCase)
                   || string.Equals(name, "psobject", StringComparison.OrdinalIgnoreCase)
                   || string.Equals(name, "pstypenames", StringComparison.OrdinalIgnoreCase));

        private static Func<PSObject, string, PSMemberInfo?>? Build()
        {
            try
            {
                var members = typeof(PSObject).GetProperty("InstanceMembers", BindingFlags.Instance | BindingFlags.NonPublic);
                var indexer = members?.PropertyType.GetProperty("Item", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public, null, typeof(PSMemberInfo), new[] { typeof(string) }, null);
                if (members is null || indexer is null || indexer.GetGetMethod(nonPublic: true) is null)
                {
                    return null;
                }

                var row = Expression.Parameter(typeof(PSObject), "row");
                var name = Expression.Parameter(typeof(string), "name");
                var body = Expression.Property(Expression.Property(row, members), indexer, name);
                var lookup = Expression.Lambda<Func<PSObject, string, PSMemberInfo?>>(body, row, name).Compile();

                // Proof on a known row that the table answers as the public lookup does.
                var probe = new PSObject();
                probe.Properties.Add(new PSNoteProperty("Probe", 1));
                return lookup(probe, "probe") is PSNoteProperty found && found.Value is int one && one == 1 && lookup(probe, "Absent") is null ? lookup : null;
            }
            catch (Exception e) when (!(e is OutOfMemoryException))
            {
                return null;
            }
        }
    }
}
