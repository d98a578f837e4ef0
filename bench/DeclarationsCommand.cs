using System.Collections;
using System.Management.Automation;
using PSEstimation.Estimation;

namespace PSEstimation.Bench
{
    /// <summary>Stands for the module's ParameterTableTransformationAttribute (internal): it passes the value on.</summary>
    internal sealed class BenchTableTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object inputData) => inputData;
    }

    /// <summary>
    /// The engine's floor for Get-MLEstimate: a cmdlet that does nothing, with Get-MLEstimate's
    /// parameters declared as it declares them (the same names, types, positions and
    /// attributes). The engine's binding of each piped record walks the unbound parameters once
    /// per binding state and parameter set, so it costs more than the one-parameter no-op's;
    /// Program.cs checks that the declarations still match Get-MLEstimate's.
    /// </summary>
    [Cmdlet("Invoke", "BenchDeclarations")]
    public sealed class InvokeBenchDeclarationsCommand : PSCmdlet
    {
        [Parameter(Position = 1, ValueFromPipeline = true)] [AllowNull] public object? InputObject { get; set; }
        [Parameter] [ValidateNotNullOrEmpty] public string[]? Property { get; set; }
        [Parameter] [ValidateNotNullOrEmpty] public string? GroupBy { get; set; }
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateSet("Normal", "Gaussian", "LogNormal", "Exponential", "Gamma", "Weibull", "Beta", "Laplace", "Logistic", "Cauchy", "StudentT", "Uniform", "Pareto", "Rayleigh", "Poisson", "Bernoulli", "Binomial", "Geometric", "NegativeBinomial", "Categorical")]
        public DistributionName Distribution { get; set; }
        [Parameter] [BenchTableTransformation] public Hashtable? Fixed { get; set; }
        [Parameter] public double ConfidenceLevel { get; set; } = 0.95;
        [Parameter] [ValidateNotNull] public double[]? Weight { get; set; }
        [Parameter] [ValidateNotNullOrEmpty] public string? WeightProperty { get; set; }
        [Parameter] [ValidateNotNullOrEmpty] public string? Response { get; set; }
        [Parameter] [ValidateNotNull] public string[]? Predictor { get; set; }
        [Parameter] public SwitchParameter NoIntercept { get; set; }
        [Parameter] public double? CensoredAbove { get; set; }
        [Parameter] public double? CensoredBelow { get; set; }
        [Parameter] [ValidateNotNullOrEmpty] public string? LowerProperty { get; set; }
        [Parameter] [ValidateNotNullOrEmpty] public string? UpperProperty { get; set; }
        [Parameter] public IntervalMethod IntervalMethod { get; set; } = IntervalMethod.Wald;
        [Parameter] public int Simulations { get; set; } = 999;
        [Parameter] public int? SetSeed { get; set; }
    }
}
