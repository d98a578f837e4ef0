using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using PSEstimation.Bench;
using PSEstimation.Host;

// The performance issue's figures, each as a ratio against a baseline measured in this run.
// Usage: dotnet run -c Release --project bench [-- --quick] [--no-scipy] [--fits-only | --same-model [--only Gamma,Beta] | --targets | --scaling]
// --targets: the issue's targets 3, 4 and 5 alone (pipeline floor, fixed cost per call, memory, flat ratios 10^4..10^7);
// --scaling: target 5's flat ratios alone.
bool quick = Array.IndexOf(args, "--quick") >= 0;
bool targetsOnly = Array.IndexOf(args, "--targets") >= 0;
bool scipy = Array.IndexOf(args, "--no-scipy") < 0;
int onlyAt = Array.IndexOf(args, "--only");
ISet<string>? only = onlyAt >= 0 && onlyAt + 1 < args.Length ? new HashSet<string>(args[onlyAt + 1].Split(','), StringComparer.OrdinalIgnoreCase) : null;
int pairs = quick ? 3 : 7;
int pipelineCount = quick ? 200_000 : 1_000_000;
int bulkCount = quick ? 2_000_000 : 10_000_000;
long memoryCount = quick ? 1_000_000 : 10_000_000;

var report = new Report();
if (Array.IndexOf(args, "--fits-only") >= 0)
{
    IterativeFits.Run(report, quick ? 200_000 : 1_000_000, compareWithScipy: scipy);
    return report.Print();
}

if (Array.IndexOf(args, "--intervals") >= 0)
{
    IntervalTimings.Run(report);
    return report.Print();
}

string manifest = ModuleRunspace.FindModuleManifest();
using var session = new ModuleRunspace(manifest, TextWriter.Null, Console.Error);
if (Array.IndexOf(args, "--censored-only") >= 0)
{
    CensoredFit(session, report, pipelineCount, pairs);
    return report.Print();
}

Run(session, "Import-Module -Name $args[0]", typeof(InvokeBenchNoOpCommand).Assembly.Location);
if (Array.IndexOf(args, "--regression") >= 0)
{
    RegressionBench.Run(report, session, pipelineCount, pairs, compareWithStatsmodels: scipy);
    return report.Print();
}

Console.WriteLine($"PSEstimation benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}, module {manifest}");
Console.WriteLine();
if (Array.IndexOf(args, "--plot-only") >= 0)
{
    PlotBench(session, report);
    return report.Print();
}

if (Array.IndexOf(args, "--scaling") >= 0)
{
    PipedScaling(session, report, quick);
    SameModelFits.RatioScaling(session, report, quick);
    return report.Print();
}

if (Array.IndexOf(args, "--same-model") >= 0)
{
    SameModelFits.Run(session, report, 1_000_000, scipy, only);
    return report.Print();
}

// 1. Pipeline floor: piping doubles into the module against piping them into a no-op cmdlet.
var continuous = Values(pipelineCount, i => 1.0 + (i % 1000) * 0.001);
var counts = Values(pipelineCount, i => i % 17);
foreach (var (family, data) in new[] { ("Normal", continuous), ("Exponential", continuous), ("Poisson", counts), ("Gamma", continuous), ("LogNormal", continuous) })
{
    Run(session, "$global:benchData = $args[0]", (object)data);
    var (ratio, a, b) = Measure.Paired(
        () => Run(session, $"$null = $global:benchData | Get-MLEstimate {family}"),
        () => Run(session, "$global:benchData | Invoke-BenchNoOp"),
        pairs);
    report.Add($"pipe {Count(pipelineCount)} doubles | Get-MLEstimate {family}", ratio, 1.15, "x no-op", $"{a:F3} s vs {b:F3} s");
}

// The engine's share of that: the same pipe into a no-op with Get-MLEstimate's parameter declarations.
Run(session, "$global:benchData = $args[0]", (object)continuous);
var declarations = Measure.Paired(
    () => Run(session, "$null = $global:benchData | Invoke-BenchDeclarations Normal"),
    () => Run(session, "$global:benchData | Invoke-BenchNoOp"),
    pairs);
report.Info($"pipe {Count(pipelineCount)} doubles | no-op with Get-MLEstimate's declarations{DeclarationsDrift(session)}",
    $"{declarations.Ratio:F2} x no-op ({declarations.MedianA:F3} s vs {declarations.MedianB:F3} s): the engine's floor for target 3");
Run(session, "$global:benchData = $null");

// 1c. Fixed cost of one call: a loop of small fits against a loop of no-op calls with the same argument.
// Timed twice. First early, after one untimed run of each side: .NET's tiered JIT then still runs
// the module's once-per-call code (BeginProcessing, the fit, the result) as quickly compiled,
// unoptimized code, and the engine keeps compiling new code as loops run, which delays the
// recompilation. The engine's own code is precompiled (ReadyToRun): both sides speed up as the
// session warms, ours by far more. Then after a warm-up of fixedCostWarmupRuns runs of each side:
// the steady state of a script that fits many small groups, which target 4 is checked against.
const int calls = 2000;
const int fixedCostWarmupRuns = 20;
string fitLoop = $"for ($i = 0; $i -lt {calls}; $i++) {{ $null = Get-MLEstimate Normal -InputObject 1,2,3 }}";
string noOpLoop = $"for ($i = 0; $i -lt {calls}; $i++) {{ $null = Invoke-BenchNoOp -InputObject 1,2,3 }}";
string declarationsLoop = $"for ($i = 0; $i -lt {calls}; $i++) {{ $null = Invoke-BenchDeclarations Normal -InputObject 1,2,3 }}";
string PerCall((double Ratio, double MedianA, double MedianB) loops) => $"{loops.MedianA / calls * 1000:F3} ms vs {loops.MedianB / calls * 1000:F3} ms per call";
var coldFixedCost = Measure.Paired(() => Run(session, fitLoop), () => Run(session, noOpLoop), pairs);
for (int i = 0; i < fixedCostWarmupRuns; i++)
{
    Run(session, fitLoop);
    Run(session, noOpLoop);
    Run(session, declarationsLoop);
}

var fixedCost = Measure.Paired(() => Run(session, fitLoop), () => Run(session, noOpLoop), pairs);
report.Add($"Get-MLEstimate Normal -InputObject 1,2,3 in a loop (per call, after {fixedCostWarmupRuns * calls} warm-up calls)", fixedCost.Ratio, 2.0, "x no-op",
    PerCall(fixedCost));
report.Info("the same loop before the warm-up (tiered JIT still compiling)",
    $"{coldFixedCost.Ratio:F2} x no-op ({PerCall(coldFixedCost)})");
var fixedFloor = Measure.Paired(() => Run(session, declarationsLoop), () => Run(session, noOpLoop), pairs);
report.Info("no-op with Get-MLEstimate's declarations, -InputObject 1,2,3 in a loop (per call, warm)",
    $"{fixedFloor.Ratio:F2} x no-op ({PerCall(fixedFloor)}): the engine's floor for target 4");

// 2. Bulk path: a whole double[] against a plain C# loop that sums it in this process.
var bulk = Values(bulkCount, i => 1e9 + (i % 1000) * 0.001);
Run(session, "$global:benchBulk = $args[0]", (object)bulk);
double sink = 0;
var bulkResult = Measure.Paired(
    () => Run(session, "$null = Get-MLEstimate Normal -InputObject $global:benchBulk"),
    () => { double s = 0; foreach (double x in bulk) { s += x; } sink += s; },
    pairs);
report.Add($"Get-MLEstimate Normal -InputObject double[{Count(bulkCount)}]", bulkResult.Ratio, 3.0, "x C# sum loop",
    $"{bulkCount / bulkResult.MedianA / 1e6:F0} M values/s; loop {bulkCount / bulkResult.MedianB / 1e6:F0} M values/s");
foreach (var (label, script) in new[] { ("int[]", "[int[]]$global:benchBulkOther"), ("List[double]", "[System.Collections.Generic.List[double]]$global:benchBulkOther") })
{
    Run(session, "$global:benchBulkOther = [int[]](1..$args[0])", bulkCount / 10);
    Run(session, $"$global:benchTyped = {script}");
    double seconds = Measure.Median(new[] { 0, 1, 2 }.Select(_ => Measure.Seconds(() => Run(session, "$null = Get-MLEstimate Normal -InputObject $global:benchTyped"))));
    report.Info($"Get-MLEstimate Normal -InputObject {label} of {Count(bulkCount / 10)}", $"{bulkCount / 10 / seconds / 1e6:F0} M values/s");
}

Run(session, "$global:benchBulk = $global:benchBulkOther = $global:benchTyped = $null");
GC.KeepAlive(sink);

// 3. Constant memory: the heap while a streaming family holds 10^7 values against 10^4.
var streaming = new[] { "Normal", "LogNormal", "Exponential", "Gamma", "Rayleigh", "Pareto", "Uniform", "Poisson", "Geometric" };
foreach (string family in streaming)
{
    string kind = family is "Poisson" or "Geometric" ? " -Integers" : string.Empty;
    Run(session, $"$null = Get-BenchValues 10000{kind} | Get-MLEstimate {family}");
    long small = GetBenchValuesCommand.HeapAfterLastValue;
    Run(session, $"$null = Get-BenchValues {memoryCount}{kind} | Get-MLEstimate {family}");
    long large = GetBenchValuesCommand.HeapAfterLastValue;
    double megabytes = (large - small) / 1048576.0;
    report.Add($"heap growth, {Count(memoryCount)} vs 10^4 values piped to {family}", megabytes, 1.0, "MB", $"{small / 1048576.0:F1} MB -> {large / 1048576.0:F1} MB");
}

if (targetsOnly)
{
    PipedScaling(session, report, quick);
    SameModelFits.RatioScaling(session, report, quick);
    return report.Print();
}

// 4. Every family's fit of 10^6 values from a double[], against scipy's fit of the same model
//    and the one-pass floor; then the iterative fits through the core alone.
SameModelFits.Run(session, report, 1_000_000, scipy, only);
IterativeFits.Run(report, quick ? 200_000 : 1_000_000, compareWithScipy: scipy);
PipedScaling(session, report, quick);
SameModelFits.RatioScaling(session, report, quick);

// 5. Scaling: piping n values into Get-MLEstimate Normal against piping the same n values into
// the no-op, in alternation at each n from 10^4 to 10^7, so that the machine's speed (which moves
// by half within minutes here) is the same on both sides of each ratio. Flat means the ratio at
// one size is within 1.5x of the ratio at any other: no cost that grows faster than the input.
static void PipedScaling(ModuleRunspace session, Report report, bool quick)
{
    var ratios = new List<(long N, double Ratio, double Ours)>();
    foreach (long n in quick ? new long[] { 10_000, 100_000, 1_000_000 } : new long[] { 10_000, 100_000, 1_000_000, 10_000_000 })
    {
        // 7 pairs (3 for 10^7 values, which take seconds each), after a warm-up of each side.
        var (ratio, ours, _) = Measure.Paired(
            () => Run(session, $"$null = Get-BenchValues {n} -NoHeapProbe | Get-MLEstimate Normal"),
            () => Run(session, $"Get-BenchValues {n} -NoHeapProbe | Invoke-BenchNoOp"),
            n < 10_000_000 ? 7 : 3);
        ratios.Add((n, ratio, ours));
    }

    double max = ratios.Max(r => r.Ratio), min = ratios.Min(r => r.Ratio);
    report.Add("pipe 10^4 .. 10^7 doubles | Normal, x no-op (max/min)", max / min, 1.5, "x",
        string.Join(", ", ratios.Select(r => $"{Count(r.N)}: {r.Ratio:F2}x ({r.Ours / r.N * 1e9:F0} ns per value)")));
}

// 7. Get-Probability -Value over 10^6 points (values per second), against emitting as many objects
//    from a no-op: the work per point is a log density, a CDF and a survival in log space.
var points = Values(pipelineCount, i => 50.0 + (i % 10000) * 0.1);
Run(session, "$global:benchPoints = $args[0]", (object)points);
var probability = Measure.Paired(
    () => Run(session, "$null = Get-Probability -Value $global:benchPoints -Distribution LogNormal -Parameter @{ MeanLog = 5; SdLog = 0.6 }"),
    () => Run(session, "$null = $global:benchPoints | Invoke-BenchNoOp -PassThru"),
    quick ? 2 : 3);
report.Info($"Get-Probability -Value double[{Count(pipelineCount)}] (LogNormal)",
    $"{pipelineCount / probability.MedianA / 1e6:F2} M values/s ({probability.MedianA:F3} s; piping as many through a no-op that emits them: {probability.MedianB:F3} s)");
Run(session, "$global:benchPoints = $null");

// 8. Compare-Distribution: 10 continuous families fitted to the same 10^5 values, with their EDF
//    statistics (target: well under a second); and the same with -Simulations 999 on 10^3 values
//    (a parametric bootstrap re-fitting every simulated sample, for each family).
if (Exists(session, "Compare-Distribution"))
{
    const string tenFamilies = "Normal, LogNormal, Exponential, Gamma, Weibull, Laplace, Logistic, Cauchy, StudentT, Rayleigh";
    Run(session, "$global:benchCompare = [double[]](Get-RandomSample 100000 -Distribution Gamma -Parameter @{ Shape = 2; Rate = 1 } -SetSeed 1)");
    Run(session, $"$null = Compare-Distribution {tenFamilies} -InputObject $global:benchCompare");
    double compare = Measure.Median(Enumerable.Range(0, 3).Select(_ => Measure.Seconds(() => Run(session, $"$null = Compare-Distribution {tenFamilies} -InputObject $global:benchCompare"))));
    report.Add("Compare-Distribution, 10 families on 10^5 values", compare, 0.5, "s", "fits, AIC/BIC, KS, CvM, AD of each");
    Run(session, "$global:benchCompare = [double[]](Get-RandomSample 1000 -Distribution Gamma -Parameter @{ Shape = 2; Rate = 1 } -SetSeed 2)");
    double simulated = Measure.Seconds(() => Run(session, $"$null = Compare-Distribution {tenFamilies} -InputObject $global:benchCompare -Simulations 999 -SetSeed 1"));
    report.Info("Compare-Distribution, 10 families on 10^3 values, -Simulations 999", $"{simulated:F2} s ({Environment.ProcessorCount} cores)");
    Run(session, "$global:benchCompare = $null");
}

// 9. Out-Plot of 10^6 values given as one array, against a fit: the four default panels as text
//    and as SVG (median of 3 after a warm-up); sorting the values is most of it.
PlotBench(session, report);

// 10. Censored fit: 10^6 LogNormal values, 5% right-censored, against the same fit uncensored (target 3x).
CensoredFit(session, report, pipelineCount, pairs);

// 1b. Pipeline floor for objects, last of the pipeline figures: a million live PSObjects make
// every later garbage collection in this process slower (a 10^5-value fit took 13 times as long
// while they were alive, and stayed slow after), which would distort the figures measured after them.
if (Exists(session, "Measure-RegressionLoss"))
{
    var objects = new PSObject[pipelineCount];
    for (int i = 0; i < objects.Length; i++)
    {
        var o = new PSObject();
        o.Properties.Add(new PSNoteProperty("Actual", 1.0 + i % 100));
        o.Properties.Add(new PSNoteProperty("Predicted", 1.5 + i % 97));
        objects[i] = o;
    }

    Run(session, "$global:benchObjects = $args[0]", (object)objects);
    var (ratio, a, b) = Measure.Paired(
        () => Run(session, "$null = $global:benchObjects | Measure-RegressionLoss"),
        () => Run(session, "$global:benchObjects | Invoke-BenchNoOp"),
        pairs);
    report.Add($"pipe {Count(pipelineCount)} objects | Measure-RegressionLoss", ratio, 1.3, "x no-op", $"{a:F3} s vs {b:F3} s");
    Run(session, "$global:benchObjects = $null");
    objects = null!;
}

// Issue 17: regression fits of 10^6 rows and Add-Prediction over them (alone: --regression).
if (Exists(session, "Add-Prediction"))
{
    RegressionBench.Run(report, session, pipelineCount, pairs, compareWithStatsmodels: scipy);
}

// 6. Import-Module: a fresh runspace, then the import alone.
var importTimes = new List<double>();
for (int i = 0; i < 3; i++)
{
    using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
    runspace.Open();
    using var shell = PowerShell.Create();
    shell.Runspace = runspace;
    shell.AddCommand("Import-Module").AddParameter("Name", manifest);
    importTimes.Add(Measure.Seconds(() => shell.Invoke()));
}

report.Info("Import-Module (fresh runspace, median of 3)", $"{Measure.Median(importTimes) * 1000:F0} ms (the first includes loading the assembly)");

return report.Print();

// 8. Censored fit (issue #15): 10^6 LogNormal values with 5% right-censored (at the 95th
// percentile, -CensoredAbove) against the same fit uncensored, both as a whole double[].
static void CensoredFit(ModuleRunspace session, Report report, int n, int pairs)
{
    var random = new Random(15);
    var values = new double[n];
    for (int i = 0; i < n; i++)
    {
        // Box-Muller: a standard Normal, exponentiated.
        double u = 1 - random.NextDouble(), v = random.NextDouble();
        values[i] = Math.Exp(Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v));
    }

    double limit = Math.Exp(1.6448536269514722); // the 95th percentile of LogNormal(0, 1)
    session.Invoke("$global:benchCensored = $args[0]", (object)values);
    var censored = Measure.Paired(
        () => Run(session, $"$null = Get-MLEstimate LogNormal -InputObject $global:benchCensored -CensoredAbove {limit.ToString("R", CultureInfo.InvariantCulture)}"),
        () => Run(session, "$null = Get-MLEstimate LogNormal -InputObject $global:benchCensored"),
        pairs);
    var check = session.Invoke($"(Get-MLEstimate LogNormal -InputObject $global:benchCensored -CensoredAbove {limit.ToString("R", CultureInfo.InvariantCulture)}).CensoredCount").Objects;
    report.Add($"Get-MLEstimate LogNormal -InputObject double[{Count(n)}] -CensoredAbove (5% censored)", censored.Ratio, 3.0, "x uncensored",
        $"{censored.MedianA:F3} s vs {censored.MedianB:F3} s; {check.FirstOrDefault()} censored");
    session.Invoke("$global:benchCensored = $null");
}

// " (DECLARATIONS DIFFER: ...)" when Invoke-BenchDeclarations no longer declares what Get-MLEstimate does
// (parameter names, types, sets, positions, mandatory, pipeline input), so its floor would be stale.
static string DeclarationsDrift(ModuleRunspace session)
{
    const string describe = "(Get-Command $args[0]).ParameterSets | ForEach-Object { $set = $_.Name; $_.Parameters | ForEach-Object { '{0}:{1}:{2}:{3}:{4}:{5}' -f $set, $_.Name, $_.ParameterType.Name, $_.Position, $_.IsMandatory, $_.ValueFromPipeline } }";
    var ours = session.Invoke(describe, "Get-MLEstimate").Objects.Select(o => o?.ToString()).OrderBy(x => x, StringComparer.Ordinal).ToList();
    var clone = session.Invoke(describe, "Invoke-BenchDeclarations").Objects.Select(o => o?.ToString()).OrderBy(x => x, StringComparer.Ordinal).ToList();
    var missing = ours.Except(clone).Concat(clone.Except(ours)).ToList();
    return missing.Count == 0 ? string.Empty : $" (DECLARATIONS DIFFER: {string.Join(", ", missing.Take(3))})";
}

static double[] Values(int n, Func<int, double> f)
{
    var values = new double[n];
    for (int i = 0; i < n; i++)
    {
        values[i] = f(i);
    }

    return values;
}

static string Count(long n) => n switch
{
    >= 1_000_000 when n % 1_000_000 == 0 => $"{n / 1_000_000}M",
    >= 1_000 when n % 1_000 == 0 => $"{n / 1_000}k",
    _ => n.ToString(CultureInfo.InvariantCulture),
};

static void Run(ModuleRunspace session, string script, params object?[] args)
{
    var result = session.Invoke(script, args);
    if (result.TerminatingError is not null || result.Errors.Count > 0)
    {
        throw new InvalidOperationException($"'{script}' failed: {result.TerminatingError ?? result.Errors[0]}");
    }
}

static void PlotBench(ModuleRunspace session, Report report)
{
    string svg = Path.Combine(Path.GetTempPath(), "psestimation-bench-plot.svg");
    Run(session, "[double[]]$global:plotData = Get-RandomSample 1000000 -Distribution Gamma -Parameter @{ Shape = 2; Rate = 1 } -SetSeed 1; $global:plotFit = Get-MLEstimate Gamma -InputObject $global:plotData");
    foreach (var (label, script) in new[] { ("text, 120 x 33", "$null = Out-Plot -InputObject $global:plotData -Estimate $global:plotFit -Width 120 -Height 33"), ("SVG", "$null = Out-Plot -InputObject $global:plotData -Estimate $global:plotFit -Path $args[0]") })
    {
        Run(session, script, svg);
        double seconds = Measure.Median(Enumerable.Range(0, 3).Select(_ => Measure.Seconds(() => Run(session, script, svg))));
        report.Add($"Out-Plot of 1M values (Histogram, QQ, PP, CDF), {label}", seconds, 1.0, "s", $"{seconds * 1000:F0} ms");
    }

    report.Info("Out-Plot SVG file for 1M values", $"{new FileInfo(svg).Length / 1024} KiB");
    File.Delete(svg);
    Run(session, "$global:plotData = $global:plotFit = $null");
}

static bool Exists(ModuleRunspace session, string command)
    => session.Invoke("[bool](Get-Command $args[0] -ErrorAction SilentlyContinue)", command).Objects is [bool found] && found;
