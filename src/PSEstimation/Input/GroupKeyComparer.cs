using System;
using System.Collections.Generic;

namespace PSEstimation.Input
{
    /// <summary>
    /// -GroupBy values compare as PowerShell's Group-Object does for the common types: strings
    /// case-insensitively, others by Equals.
    /// </summary>
    internal sealed class GroupKeyComparer : IEqualityComparer<object>
    {
        public static readonly GroupKeyComparer Instance = new GroupKeyComparer();

        public new bool Equals(object? x, object? y)
            => x is string a && y is string b ? string.Equals(a, b, StringComparison.OrdinalIgnoreCase) : object.Equals(x, y);

        public int GetHashCode(object obj)
            => obj is string s ? StringComparer.OrdinalIgnoreCase.GetHashCode(s) : obj.GetHashCode();
    }
}
