using System.Management.Automation;

namespace PSEstimation.Input
{
    /// <summary>
    /// Lets an IDictionary parameter (-Parameter) take the object ConvertFrom-Json makes of a
    /// table, e.g. -Parameter $json.Estimate, by reading its properties as name → value.
    /// Anything else binds by PowerShell's own rules.
    /// </summary>
    internal sealed class ParameterTableTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object inputData)
            => inputData is PSObject custom && custom.BaseObject is PSCustomObject
                ? ParameterTable.FromObject(custom)
                : inputData;
    }
}
