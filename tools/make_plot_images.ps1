# Makes docs/images/*.svg with Out-Plot (then rsvg-convert turns each into the PNG the README shows).
# Run from the repository root: dotnet src/PSEstimation.Host/bin/Release/net10.0/PSEstimation.Host.dll "$(Get-Content tools/make_plot_images.ps1 -Raw)"
# or in pwsh after Import-Module ./out/PSEstimation/PSEstimation.psd1; then: for f in docs/images/*.svg; do rsvg-convert "$f" -o "${f%.svg}.png"; done
$d = 'docs/images'
$x = Get-RandomSample 400 -Distribution Gamma -Parameter @{ Shape = 2; Rate = 0.02 } -SetSeed 19
$g = $x | Get-MLEstimate Gamma
$l = $x | Get-MLEstimate LogNormal
$null = $x | Out-Plot -Estimate $g, $l -Kind Histogram -Path "$d/histogram.svg"
$null = $x | Out-Plot -Estimate $g -Kind QQ -Path "$d/qq.svg"
$null = $x | Out-Plot -Estimate $g -Kind PP -Path "$d/pp.svg"
$null = $x | Out-Plot -Estimate $g, $l -Kind CDF -Path "$d/cdf.svg"
$null = $x | Out-Plot -Estimate $g -Path "$d/four-panels.svg"
$c = Get-RandomSample 300 -Distribution Poisson -Parameter @{ Lambda = 3 } -SetSeed 3
$null = $c | Out-Plot -Distribution Poisson -Kind Histogram -Path "$d/histogram-discrete.svg"
$n = Get-RandomSample 30 -Distribution Normal -Parameter @{ Mean = 5; Variance = 4 } -SetSeed 4
$map = $n | Get-MAPEstimate Normal -Prior @{ Mean = 'Normal(0, 4)'; Variance = 'InverseGamma(3, 8)' }
$null = $n | Out-Plot -Estimate $map -Kind Posterior -Path "$d/posterior.svg"
$null = $x | Out-Plot -Estimate $g -Kind Profile -Path "$d/profile.svg"
$noise = Get-RandomSample 80 -Distribution Normal -Parameter @{ Mean = 0; Variance = 4 } -SetSeed 21
$cars = 0..79 | ForEach-Object { [pscustomobject]@{ Weight = 1 + $_ / 20; Mpg = 38 - 5 * (1 + $_ / 20) + $noise[$_] } }
$fit = $cars | Get-MLEstimate Normal -Response Mpg -Predictor Weight
$null = $cars | Out-Plot -Estimate $fit -Path "$d/residuals.svg"
$a = Get-RandomSample 200 -Distribution Gamma -Parameter @{ Shape = 2; Rate = 0.02 } -SetSeed 5
$b = Get-RandomSample 200 -Distribution Gamma -Parameter @{ Shape = 6; Rate = 0.04 } -SetSeed 6
$requests = @($a | ForEach-Object { [pscustomobject]@{ Host = 'web01'; Latency = $_ } }) + @($b | ForEach-Object { [pscustomobject]@{ Host = 'web02'; Latency = $_ } })
$null = $requests | Out-Plot -Distribution Gamma -Property Latency -GroupBy Host -Kind Histogram, CDF -Path "$d/groups.svg"
$answers = @('yes') * 46 + @('no') * 31 + @('maybe') * 23
$null = $answers | Out-Plot -Distribution Categorical -Path "$d/categorical.svg"
