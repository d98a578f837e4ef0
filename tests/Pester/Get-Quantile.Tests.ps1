# Get-Quantile. Expected numbers: tests/reference/quantile.json (mpmath at 50 digits, checked
# against R's q-functions; Fitted: R numDeriv delta-method standard errors) and hand derivations.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSEstimation/PSEstimation.psd1') -Force

    function Assert-Relative([double] $Actual, [double] $Expected, [double] $Tolerance) {
        $scale = [Math]::Max([Math]::Abs($Expected), 1e-300)
        [Math]::Abs($Actual - $Expected) / $scale | Should -BeLessOrEqual $Tolerance
    }
}

Describe 'Get-Quantile' {

    Context 'Reference quantiles at given parameters (tests/reference/quantile.json)' {
        It 'matches <Id>' -TestCases @(
            (Get-Content (Join-Path $PSScriptRoot '../reference/quantile.json') -Raw | ConvertFrom-Json).Cases |
                ForEach-Object { @{ Id = $_.Id; Case = $_ } }
        ) {
            param($Id, $Case)
            $parameter = @{}
            $Case.Parameter.PSObject.Properties | ForEach-Object { $parameter[$_.Name] = $_.Value }
            foreach ($q in $Case.Quantiles) {
                $r = Get-Quantile $q.Probability -Distribution $Case.Distribution -Parameter $parameter
                Assert-Relative $r.Value $q.Value $Case.RelTol
                $r.Lower | Should -BeNullOrEmpty
            }
            foreach ($q in $Case.ExceedanceQuantiles) {
                $r = Get-Quantile -ExceedanceProbability $q.ExceedanceProbability -Distribution $Case.Distribution -Parameter $parameter
                Assert-Relative $r.Value $q.Value $Case.RelTol
                $r.ExceedanceProbability | Should -Be $q.ExceedanceProbability
            }
        }
    }

    Context 'Intervals from a fit (tests/reference/quantile.json Fitted)' {
        It 'matches <Id>' -TestCases @(
            (Get-Content (Join-Path $PSScriptRoot '../reference/quantile.json') -Raw | ConvertFrom-Json).Fitted |
                ForEach-Object { @{ Id = $_.Id; Case = $_ } }
        ) {
            param($Id, $Case)
            $fit = $Case.Data | Get-MLEstimate $Case.Distribution
            foreach ($q in $Case.Quantiles) {
                $r = if ($null -ne $q.ExceedanceProbability) {
                    $fit | Get-Quantile -ExceedanceProbability $q.ExceedanceProbability -ConfidenceLevel $Case.ConfidenceLevel
                } else {
                    $fit | Get-Quantile $q.Probability -ConfidenceLevel $Case.ConfidenceLevel
                }
                Assert-Relative $r.Value $q.Value 1e-8
                Assert-Relative $r.StandardError $q.StandardError 1e-6
                Assert-Relative $r.Lower $q.WaldLog[0] 1e-6
                Assert-Relative $r.Upper $q.WaldLog[1] 1e-6
                $r.IntervalMethod | Should -BeExactly 'Wald'
            }
        }
    }

    Context 'Binding' {
        It 'takes a fit from the pipeline, by -Estimate, and after a round trip through a job' {
            $fit = 2.3, 2.5, 3.1, 3.8, 2.7 | Get-MLEstimate Normal
            $a = $fit | Get-Quantile 0.99
            $b = Get-Quantile 0.99 -Estimate $fit
            $job = Start-Job -ScriptBlock { param($m) Import-Module $m; 2.3, 2.5, 3.1, 3.8, 2.7 | Get-MLEstimate Normal } -ArgumentList (Join-Path $PSScriptRoot '../../out/PSEstimation/PSEstimation.psd1')
            $travelled = $job | Receive-Job -Wait -AutoRemoveJob
            $c = $travelled | Get-Quantile 0.99
            $b.Value | Should -Be $a.Value
            $c.Value | Should -Be $a.Value
            $c.Upper | Should -Be $a.Upper
        }

        It 'gives a hand-derived Normal standard error: SE^2 = v/n (1 + z^2/2)' {
            $r = 2.3, 2.5, 3.1, 3.8, 2.7 | Get-MLEstimate Normal | Get-Quantile 0.9
            $z = 1.28155156554460046696510332944874281862
            Assert-Relative $r.StandardError ([Math]::Sqrt(0.2816 / 5 * (1 + $z * $z / 2))) 1e-9
        }
    }

    Context 'Errors' {
        It 'says <Id> for <Script>' -TestCases @(
            @{ Script = { Get-Quantile -Distribution Normal -Parameter @{ Mean = 0; Variance = 1 } }; Id = 'MissingParameter' }
            @{ Script = { Get-Quantile 1.5 -Distribution Normal -Parameter @{ Mean = 0; Variance = 1 } }; Id = 'InvalidProbability' }
            @{ Script = { 'a', 'b' | Get-MLEstimate Categorical | Get-Quantile 0.5 }; Id = 'NoQuantile' }
            @{ Script = { 1, 2, 3 | Get-MLEstimate Normal | Get-Quantile 0.5 -Distribution Gamma }; Id = 'InvalidEstimate' }
        ) {
            param($Script, $Id)
            { & $Script } | Should -Throw -ErrorId "$Id,PSEstimation.Commands.GetQuantileCommand"
        }
    }
}
