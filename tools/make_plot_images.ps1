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
