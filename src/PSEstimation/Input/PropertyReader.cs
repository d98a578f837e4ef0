using System;
using System.Collections;
using System.Management.Automation;

namespace PSEstimation.Input
{
    /// <summary>
    /// Reads a named value of an input object, as Measure-Object -Property does: a property of
    /// any object, or a key of a hashtable (case-insensitive). A PSCustomObject's own properties
    /// are read through <see cref="InstanceProperties"/> first, the same answer at a fraction of the cost.
    /// </summary>
    internal static class PropertyReader
    {
        public static bool TryRead(PSObject psObject, object baseObject, string name, out object? value)
        {
            // A PSCustomObject row (Import-Csv): its own property table, without the full lookup.
            if (InstanceProperties.Find(psObject, name) is PSPropertyInfo own)
            {
                value = own.Value;
                return true;
            }

            if (baseObject is IDictionary dictionary)
            {
                try
                {
                    if (dictionary.Contains(name))
                    {
                        value = dictionary[name];
                        return true;
                    }
                }
                catch (ArgumentException)
                {
                    // A dictionary whose keys are not strings: fall through to the scan.
                }

                foreach (DictionaryEntry entry in dictionary)
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
    }
}
