# Get-Probability. Expected numbers: tests/reference/quantile.json (mpmath at 50 digits, checked
# against R's d/p functions; Fitted: logit-scale survival intervals from R numDeriv) and mpmath.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSEstimation/PSEstimation.psd1') -Force

    function Assert-Relative([double] $Actual, [double] $Expected, [double] $Tolerance) {
        $scale = [Math]::Max([Math]::Abs($Expected), 1e-300)
        [Math]::Abs($Actual - $Expected) / $scale | Should -BeLessOrEqual $Tolerance
    }
}

Describe 'Get-Probability' {

    Context 'Reference probabilities at given parameters (tests/reference/quantile.json)' {
        It 'matches <Id>' -TestCases @(
            (Get-Content (Join-Path $PSScriptRoot '../reference/quantile.json') -Raw | ConvertFrom-Json).Cases |
                ForEach-Object { @{ Id = $_.Id; Case = $_ } }
        ) {
            param($Id, $Case)
            $parameter = @{}
            $Case.Parameter.PSObject.Properties | ForEach-Object { $parameter[$_.Name] = $_.Value }
            foreach ($p in $Case.Probabilities) {
                $r = Get-Probability $p.Value -Distribution $Case.Distribution -Parameter $parameter
                if ($null -eq $p.LogSurvival) { $r.LogSurvival | Should -Be ([double]::NegativeInfinity) }
                else { Assert-Relative $r.LogSurvival $p.LogSurvival ([Math]::Max($Case.RelTol, 1e-12)) }
                if ($p.Survival -ge 1e-300) { Assert-Relative $r.Survival $p.Survival $Case.RelTol }
                if ($p.Cumulative -ge 1e-300) { Assert-Relative $r.Cumulative $p.Cumulative $Case.RelTol }
                if ($p.Density -ge 1e-300) { Assert-Relative $r.Density $p.Density $Case.RelTol }
            }
        }
    }

    Context 'The far tail' {
        It 'keeps the Normal survival at 10 sigma (mpmath: 7.619853024160526e-24)' {
            $r = Get-Probability 10 -Distribution Normal -Parameter @{ Mean = 0; Variance = 1 }
            Assert-Relative $r.Survival 7.619853024160526065973343251599e-24 1e-12
            $far = Get-Probability 40 -Distribution Normal -Parameter @{ Mean = 0; Variance = 1 }
            Assert-Relative $far.LogSurvival -804.60844201375382 1e-12
        }
    }

    Context 'Intervals from a fit (tests/reference/quantile.json Fitted)' {
        It 'matches <Id>' -TestCases @(
            (Get-Content (Join-Path $PSScriptRoot '../reference/quantile.json') -Raw | ConvertFrom-Json).Fitted |
                ForEach-Object { @{ Id = $_.Id; Case = $_ } }
        ) {
            param($Id, $Case)
            $fit = $Case.Data | Get-MLEstimate $Case.Distribution
            foreach ($s in $Case.Survival) {
                $r = $fit | Get-Probability $s.Value -ConfidenceLevel $Case.ConfidenceLevel
                Assert-Relative $r.Survival $s.Survival 1e-8
                Assert-Relative $r.SurvivalLower $s.Intervals.logit[0] 1e-6
                Assert-Relative $r.SurvivalUpper $s.Intervals.logit[1] 1e-6
            }
        }
    }

    Context 'Categorical and errors' {
        It 'gives the probability of each category' {
            $r = 'red', 'blue', 'red' | Get-MLEstimate Categorical | Get-Probability 'RED', 'green'
            Assert-Relative $r[0].Density (2 / 3) 1e-15
            $r[1].Density | Should -Be 0
        }

        It 'skips a value that is no number with NotANumber and answers the rest' {
            $r = Get-Probability 1, 'abc', 2 -Distribution Exponential -Parameter @{ Rate = 1 } -ErrorVariable err -ErrorAction SilentlyContinue
            $r.Count | Should -Be 2
            $err[0].FullyQualifiedErrorId | Should -BeExactly 'NotANumber,PSEstimation.Commands.GetProbabilityCommand'
        }
    }
}
