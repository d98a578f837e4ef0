# Out-Plot: text within -Width/-Height, SVG panels by kind, determinism, path rules, errors.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSEstimation/PSEstimation.psd1') -Force
    $script:x = Get-RandomSample 500 -Distribution Gamma -Parameter @{ Shape = 2; Rate = 1 } -SetSeed 1
    $script:fit = $script:x | Get-MLEstimate Gamma
}

Describe 'Out-Plot' {

    Context 'Text' {
        It 'stays within -Width <Width> and -Height <Height> (Ascii: <Ascii>)' -TestCases @(
            @{ Width = 80; Height = 40; Ascii = $false }
            @{ Width = 120; Height = 33; Ascii = $false }
            @{ Width = 100; Height = 20; Ascii = $true }
            @{ Width = 60; Height = 70; Ascii = $true }
        ) {
            $lines = $script:x | Out-Plot -Estimate $script:fit -Width $Width -Height $Height -Ascii:$Ascii
            $lines.Count | Should -BeLessOrEqual $Height
            $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual $Width }
            if ($Ascii) { ($lines -join '') | Should -Match '^[\x00-\x7F]*$' }
        }

        It 'writes strings that Set-Content and Out-String take, without escape codes when piped on' {
            $text = $script:x | Out-Plot -Estimate $script:fit -Width 100 | Out-String
            $text | Should -Match 'Histogram'
            $text | Should -Match 'Q-Q plot'
            $text | Should -Not -Match "`e\["
        }

        It 'is the same for the same seed' {
            $a = $script:x | Out-Plot -Estimate $script:fit -Width 120
            $b = $script:x | Out-Plot -Estimate $script:fit -Width 120
            ($a -join "`n") | Should -BeExactly ($b -join "`n")
        }

        It 'labels the axes with round numbers' {
            $u = Get-RandomSample 300 -Distribution Uniform -Parameter @{ Lower = 0; Upper = 1 } -SetSeed 2
            $lines = $u | Out-Plot -Distribution Uniform -Kind PP -Width 60 -Height 16 -Ascii
            ($lines[-1] -split '\s+' | Where-Object { $_ }) -join ',' | Should -BeExactly '0.0,0.2,0.4,0.6,0.8,1.0'
        }
    }

    Context 'SVG' {
        It 'writes valid XML with one titled <g> per kind and emits the file' {
            $path = Join-Path $TestDrive 'fit.svg'
            $file = $script:x | Out-Plot -Estimate $script:fit -Path $path
            $file | Should -BeOfType ([System.IO.FileInfo])
            [xml]$svg = Get-Content -LiteralPath $path -Raw
            $titles = $svg.svg.g | ForEach-Object { $_.title }
            ($titles -join ',') | Should -BeExactly 'Histogram,QQ,PP,CDF'
            (Get-Content -LiteralPath $path -Raw) | Should -Not -Match '<script'
        }

        It 'gives the same bytes for the same input' {
            $a = Join-Path $TestDrive 'a.svg'; $b = Join-Path $TestDrive 'b.svg'
            $null = $script:x | Out-Plot -Estimate $script:fit -Path $a
            $null = $script:x | Out-Plot -Estimate $script:fit -Path $b
            (Get-FileHash $a).Hash | Should -Be (Get-FileHash $b).Hash
        }

        It 'resolves -Path relative to the current location' {
            Push-Location $TestDrive
            try {
                $file = 1.5, 2, 2.5, 3, 4 | Out-Plot -Distribution Normal -Kind CDF -Path 'relative.svg'
                $file.FullName | Should -Be (Join-Path (Get-PSDrive TestDrive).Root 'relative.svg')
            }
            finally { Pop-Location }
        }

        It 'draws a Posterior panel per estimated parameter of a MAP fit' {
            $path = Join-Path $TestDrive 'posterior.svg'
            $d = 2.1, 1.9, 2.4, 2.0, 1.7, 2.2
            $map = $d | Get-MAPEstimate Normal -Prior @{ Mean = 'Normal(0, 10)' }
            $null = $d | Out-Plot -Estimate $map -Kind Posterior -Path $path
            [xml]$svg = Get-Content -LiteralPath $path -Raw
            @($svg.svg.g).Count | Should -Be 2
        }

        It 'draws a Profile panel per free parameter, in SVG and within the text size' {
            $path = Join-Path $TestDrive 'profile.svg'
            $x = Get-RandomSample 200 -Distribution Gamma -Parameter @{ Shape = 2; Rate = 1 } -SetSeed 1
            $fit = $x | Get-MLEstimate Gamma
            $null = $x | Out-Plot -Estimate $fit -Kind Profile -Path $path
            [xml]$svg = Get-Content -LiteralPath $path -Raw
            @($svg.svg.g | ForEach-Object title) | Should -Be @('Profile', 'Profile')
            $lines = $x | Out-Plot -Distribution Gamma -Kind Profile -Width 100 -Height 18
            $lines.Count | Should -BeLessOrEqual 18
            $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 100 }
            $lines[0] | Should -Match 'Shape profile'
        }

        It 'draws 10^6 values as bins and sampled points, not a mark per value' {
            [double[]]$big = Get-RandomSample 1000000 -Distribution Normal -Parameter @{ Mean = 0; Variance = 1 } -SetSeed 5
            $bigFit = Get-MLEstimate Normal -InputObject $big
            $path = Join-Path $TestDrive 'big.svg'
            $null = Out-Plot -InputObject $big -Estimate $bigFit -Path $path
            (Get-Item -LiteralPath $path).Length | Should -BeLessThan 1000000
        }
    }

    Context 'Residuals of a regression model' {
        BeforeAll {
            $e = Get-RandomSample 60 -Distribution Normal -Parameter @{ Mean = 0; Variance = 1 } -SetSeed 11
            $script:rows = 0..59 | ForEach-Object { $y = 2 + 0.5 * ($_ / 6) + $e[$_]; [pscustomobject]@{ g = 'abc'[$_ % 3]; x = $_ / 6; y = $y; lo = $y; hi = $(if ($y -gt 6) { $null } else { $y }) } }
            $script:model = $script:rows | Get-MLEstimate Normal -Response y -Predictor x
        }

        It 'draws Residuals by default, within -Width and -Height' {
            $lines = $script:rows | Out-Plot -Estimate $script:model -Width 110 -Height 16
            $lines.Count | Should -BeLessOrEqual 16
            $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 110 }
            $lines[0] | Should -Match 'Residuals vs fitted'
            $lines[0] | Should -Match 'Q-Q of standardised residuals'
        }

        It 'writes two Residuals panels as SVG, the same bytes each time' {
            $a = Join-Path $TestDrive 'res-a.svg'; $b = Join-Path $TestDrive 'res-b.svg'
            $null = $script:rows | Out-Plot -Estimate $script:model -Path $a
            $null = $script:rows | Out-Plot -Estimate $script:model -Kind Residuals -Path $b
            [xml]$svg = Get-Content -LiteralPath $a -Raw
            @($svg.svg.g | ForEach-Object title) | Should -Be @('Residuals', 'Residuals')
            (Get-FileHash $a).Hash | Should -Be (Get-FileHash $b).Hash
        }

        It 'marks censored rows apart in the interval form' {
            $fit = $script:rows | Get-MLEstimate Normal -LowerProperty lo -UpperProperty hi -Predictor x
            $lines = $script:rows | Out-Plot -Estimate $fit -Width 120 -Height 14 -Ascii
            $lines[0] | Should -Match 'censored'
        }

        It 'skips a row without a predictor with PropertyNotFound' {
            $null = @($script:rows) + [pscustomobject]@{ y = 1 } | Out-Plot -Estimate $script:model -Width 100 -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeExactly 'PropertyNotFound,PSEstimation.Commands.OutPlotCommand'
        }

        It 'draws each group against its own model' {
            $fits = $script:rows | Get-MLEstimate Normal -Response y -Predictor x -GroupBy g
            $text = ($script:rows | Out-Plot -Estimate $fits -GroupBy g -Width 120 -Height 50) -join "`n"
            foreach ($g in "'a'", "'b'", "'c'") { $text | Should -Match ([regex]::Escape("$($g): Residuals vs fitted")) }
        }
    }

    Context 'Several samples, weights, -Fixed, categories' {
        It 'draws one panel set per -GroupBy group' {
            $rows = @(Get-RandomSample 100 -Distribution Gamma -Parameter @{ Shape = 2; Rate = 1 } -SetSeed 1 | ForEach-Object { [pscustomobject]@{ h = 'web01'; ms = $_ } }) +
                @(Get-RandomSample 100 -Distribution Gamma -Parameter @{ Shape = 5; Rate = 1 } -SetSeed 2 | ForEach-Object { [pscustomobject]@{ h = 'web02'; ms = $_ } })
            $path = Join-Path $TestDrive 'groups.svg'
            $null = $rows | Out-Plot -Distribution Gamma -Property ms -GroupBy h -Kind Histogram, CDF -Path $path
            [xml]$svg = Get-Content -LiteralPath $path -Raw
            @($svg.svg.g | ForEach-Object title) | Should -Be @('Histogram', 'CDF', 'Histogram', 'CDF')
            $fits = $rows | Get-MLEstimate Gamma -Property ms -GroupBy h
            ($rows | Out-Plot -Estimate $fits -GroupBy h -Kind CDF -Width 120)[0] | Should -Match "'web02': Empirical and fitted CDF"
        }

        It 'overlays the estimates of Compare-Distribution rows' {
            $x = Get-RandomSample 300 -Distribution Gamma -Parameter @{ Shape = 2; Rate = 1 } -SetSeed 4
            $ranking = $x | Compare-Distribution -Distribution Gamma, LogNormal
            $lines = $x | Out-Plot -Estimate $ranking -Kind QQ -Width 100 -Height 14
            $lines[0] | Should -Match 'Gamma'
            $lines[0] | Should -Match 'LogNormal'
        }

        It 'draws whole weights as the values written out that many times' {
            $v = 1, 2, 2, 3, 5; $w = 2, 1, 3, 0, 1
            $long = for ($i = 0; $i -lt $v.Count; $i++) { for ($k = 0; $k -lt $w[$i]; $k++) { $v[$i] } }
            $a = $v | Out-Plot -Distribution Poisson -Weight $w -Kind Histogram, CDF -Width 100 -Height 12 -Ascii
            $b = $long | Out-Plot -Distribution Poisson -Kind Histogram, CDF -Width 100 -Height 12 -Ascii
            ($a -join "`n") | Should -BeExactly ($b -join "`n")
        }

        It 'holds -Fixed parameters in the fit it draws' {
            $x = 1.2, 2.3, 0.4, 1.9, 2.8
            $own = $x | Out-Plot -Distribution Normal -Fixed @{ Variance = 1 } -Kind CDF -Width 80 -Height 12
            $given = $x | Out-Plot -Estimate ($x | Get-MLEstimate Normal -Fixed @{ Variance = 1 }) -Kind CDF -Width 80 -Height 12
            ($own -join "`n") | Should -BeExactly ($given -join "`n")
        }

        It 'draws a Categorical fit as bars named by category' {
            $lines = 'yes', 'no', 'yes', 'maybe', 'yes' | Out-Plot -Distribution Categorical -Ascii -Width 60 -Height 10
            $lines[0] | Should -Match '^Categories'
            ($lines[-1] -split '\s+' | Where-Object { $_ }) -join ',' | Should -BeExactly 'yes,no,maybe'
        }
    }

    Context 'Errors' {
        It 'reports <Id>' -TestCases @(
            @{ Script = { @() | Out-Plot -Distribution Normal }; Id = 'NoUsableInput' }
            @{ Script = { $f = 'a', 'b', 'a' | Get-MLEstimate Categorical; 'a' | Out-Plot -Estimate $f -Kind QQ }; Id = 'PlotKindNotForCategorical' }
            @{ Script = { $f = 1, 2, 4 | Get-MLEstimate Normal; $d = [Management.Automation.PSSerializer]::Deserialize([Management.Automation.PSSerializer]::Serialize($f)); 1, 2, 4 | Out-Plot -Estimate $d -Kind Profile }; Id = 'ProfileNeedsLiveFit' }
            @{ Script = { 1, 2, 3 | Out-Plot -Distribution Normal -Kind Residuals }; Id = 'ResidualsNeedRegressionEstimate' }
            @{ Script = { $r = 1..10 | ForEach-Object { [pscustomobject]@{ x = $_; y = 2 * $_ + ($_ % 3) } }; $f = $r | Get-MLEstimate Normal -Response y -Predictor x; $r | Out-Plot -Estimate $f -Kind QQ }; Id = 'PlotKindNotForRegression' }
            @{ Script = { $r = 1..10 | ForEach-Object { [pscustomobject]@{ x = $_; y = 2 * $_ + ($_ % 3) } }; $f = $r | Get-MLEstimate Normal -Response y -Predictor x; $r | Out-Plot -Estimate $f, $f }; Id = 'PlotSeveralSamples' }
            @{ Script = { 1, 2, 3 | Out-Plot -Distribution Categorical -Kind CDF }; Id = 'PlotKindNotForCategorical' }
            @{ Script = { 1, 2, 3 | Out-Plot -Distribution Normal -Weight 1, 2 }; Id = 'InvalidWeight' }
            @{ Script = { $f = 1, 2, 3 | Get-MLEstimate Normal; 1, 2, 3 | Out-Plot -Estimate $f -Kind Posterior }; Id = 'PosteriorNeedsMAPEstimate' }
            @{ Script = { 1, 2, 3 | Out-Plot -Distribution Normal -Width 20 }; Id = 'InvalidPlotSize' }
            @{ Script = { 1, 2, 3 | Out-Plot -Distribution Normal -Path (Join-Path $TestDrive 'no-such-folder/x.svg') }; Id = 'PlotPathNotWritable' }
        ) {
            { & $Script } | Should -Throw -ErrorId "$Id,PSEstimation.Commands.OutPlotCommand"
        }
    }
}
