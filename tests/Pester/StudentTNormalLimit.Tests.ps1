# Pester 5: a Student t fit whose likelihood rises toward the Normal limit (light-tailed data) is
# the Normal fit, reported at DegreesOfFreedom = 1e20. Expected values: R's precip (70 values,
# tests/PSEstimation.Tests/Numerics/StudentTNormalLimit.R and .reference.csv): mean 34.885714285714286,
# sqrt of the n-divisor variance 13.608393268381789, Normal log-likelihood -282.07377013714802.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSEstimation/PSEstimation.psd1') -Force
    $csv = Join-Path $PSScriptRoot '../PSEstimation.Tests/Numerics/StudentTNormalLimit.values.csv'
    [double[]]$script:Precip = Import-Csv $csv | Where-Object set -EQ 'precip' | ForEach-Object { [double]$_.value }
}

Describe 'Get-MLEstimate StudentT at the Normal limit' {
    BeforeAll {
        $script:Fit = Get-MLEstimate StudentT -InputObject $script:Precip
    }

    It 'reports DegreesOfFreedom at the cap, converged, and says why' {
        $script:Fit.Estimate.DegreesOfFreedom | Should -Be 1e20
        $script:Fit.Converged | Should -BeTrue
        $script:Fit.Method | Should -Match 'Normal limit'
        $script:Fit.Parameters[2].StandardError | Should -BeNullOrEmpty
    }

    It 'has the Normal fit''s Location, Scale and log-likelihood' {
        [math]::Abs($script:Fit.Estimate.Location - 34.885714285714286) | Should -BeLessThan 1e-8
        [math]::Abs($script:Fit.Estimate.Scale - 13.608393268381789) | Should -BeLessThan 1e-8
        [math]::Abs($script:Fit.LogLikelihood - -282.07377013714802) | Should -BeLessThan 1e-9
    }

    It 'evaluates the Normal log-density when passed back' {
        $nll = Measure-NegativeLogLikelihood -InputObject $script:Precip -Estimate $script:Fit
        [math]::Abs($nll.Value - 282.07377013714802) | Should -BeLessThan 1e-9
        $again = Measure-NegativeLogLikelihood StudentT -InputObject $script:Precip -Parameter @{ Location = $script:Fit.Estimate.Location; Scale = $script:Fit.Estimate.Scale; DegreesOfFreedom = 1e20 }
        [math]::Abs($again.Value - 282.07377013714802) | Should -BeLessThan 1e-9
    }
}
