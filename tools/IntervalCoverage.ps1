# Coverage of the 95% intervals of Get-MLEstimate and Get-Quantile by -IntervalMethod, for samples
# of n = 10 from Gamma(Shape 2, Rate 1): the fraction of samples whose interval holds the true
# Shape (2) and the true p99 (R: qgamma(0.99, 2, 1) = 6.638352).
# Run under pwsh with the built module:
#   pwsh -c "Import-Module ./out/PSEstimation/PSEstimation.psd1; ./tools/IntervalCoverage.ps1 -Samples 2000"
# or in the embedded host (core cmdlets only), as the guide's table was made:
#   dotnet src/PSEstimation.Host/bin/Release/net10.0/PSEstimation.Host.dll "$(cat tools/IntervalCoverage.ps1)"
param([int]$Samples = 2000, [int]$Size = 10, [int]$Simulations = 999, [int]$FirstSeed = 1)
$truth = @{ Shape = 2; Rate = 1 }
$p99 = 6.638352
$hits = @{}
foreach ($m in 'Wald', 'Profile', 'Bootstrap') { $hits["Shape$m"] = 0; $hits["P99$m"] = 0; $hits["Shape$m" + 'Width'] = 0.0 }
$failures = 0
$started = [datetime]::UtcNow
for ($i = $FirstSeed; $i -lt $FirstSeed + $Samples; $i++) {
    [double[]]$x = Get-RandomSample -Distribution Gamma -Parameter $truth -Count $Size -SetSeed $i
    foreach ($m in 'Wald', 'Profile', 'Bootstrap') {
        $fit = Get-MLEstimate Gamma -InputObject $x -IntervalMethod $m -Simulations $Simulations -SetSeed $i -WarningAction SilentlyContinue
        $s = $fit.Parameters[0]
        if ($null -ne $s.Lower -and $s.Lower -le 2 -and 2 -le $s.Upper) { $hits["Shape$m"]++ }
        $q = $fit | Get-Quantile 0.99 -IntervalMethod $m -Simulations $Simulations -SetSeed $i -WarningAction SilentlyContinue
        if ($null -ne $q.Lower -and $q.Lower -le $p99 -and $p99 -le $q.Upper) { $hits["P99$m"]++ }
        if ($m -eq 'Bootstrap') { $failures += $fit.BootstrapFailures }
    }
}
$seconds = ([datetime]::UtcNow - $started).TotalSeconds
"Gamma(Shape 2, Rate 1), n = $Size, $Samples samples (seeds $FirstSeed to $($FirstSeed + $Samples - 1)), 95% intervals, bootstrap $Simulations re-fits ($failures failed in all), $([math]::Round($seconds)) s"
"| method | Shape | p99 |"
"| --- | --- | --- |"
foreach ($m in 'Wald', 'Profile', 'Bootstrap') {
    "| $m | {0:P1} | {1:P1} |" -f ($hits["Shape$m"] / $Samples), ($hits["P99$m"] / $Samples)
}
