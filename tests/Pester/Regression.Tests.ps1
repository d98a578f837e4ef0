# Pester 5 suite: regression models (Get-MLEstimate / Get-MAPEstimate -Response -Predictor) and
# Add-Prediction against tests/reference/regression.json (R lm, quantreg::rq, glm, MASS::glm.nb,
# survival::survreg refined at 50 digits; ridge in closed form), the rows written to a CSV file and
# read back with Import-Csv, so every number arrives as a string.
# Run with ./build.ps1 -Task Test (needs pwsh and Pester 5).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSEstimation/PSEstimation.psd1') -Force
    $script:reference = Get-Content (Join-Path $PSScriptRoot '../reference/regression.json') -Raw | ConvertFrom-Json

    function Get-CaseRows($Case) {
        $path = Join-Path ([IO.Path]::GetTempPath()) ("regression-" + $Case.Id + ".csv")
        $Case.Rows | Export-Csv -Path $path -NoTypeInformation
        Import-Csv -Path $path
    }

    function Assert-Relative([double] $Expected, [double] $Actual, [double] $Tolerance, [string] $What) {
        [math]::Abs($Actual - $Expected) / [math]::Max([math]::Abs($Expected), 1e-300) | Should -BeLessOrEqual $Tolerance -Because "$What (expected $Expected, got $Actual)"
    }
}

Describe 'Get-MLEstimate -Response -Predictor' {
    Context 'Reference cases from Import-Csv rows' {
        It 'fits <Id>' -TestCases @(
            @{ Id = 'stackloss_laplace' }
            @{ Id = 'birthwt_bernoulli' }
            @{ Id = 'quine_negbin' }
            @{ Id = 'syn_studentt' }
            @{ Id = 'mtcars_ridge_estimated_variance' }
        ) {
            param($Id)
            $case = $script:reference.Cases | Where-Object Id -eq $Id
            $rows = Get-CaseRows $case
            $fit = if ($case.Map) {
                $rows | Get-MAPEstimate $case.Distribution -Response $case.Response -Predictor $case.Predictor -Prior @{ Coefficients = $case.Prior.Coefficients }
            } else {
                $rows | Get-MLEstimate $case.Distribution -Response $case.Response -Predictor $case.Predictor
            }

            $fit | Should -BeOfType ([PSEstimation.RegressionEstimate])
            $fit.Link | Should -BeExactly $case.Link
            $fit.Coefficients.Name | Should -Be $case.Coefficients.Name
            for ($j = 0; $j -lt $case.Coefficients.Count; $j++) {
                Assert-Relative $case.Coefficients[$j].Value $fit.Coefficients[$j].Value 1e-8 "$Id $($case.Coefficients[$j].Name)"
                Assert-Relative $case.Coefficients[$j].StandardError $fit.Coefficients[$j].StandardError 1e-6 "$Id SE $($case.Coefficients[$j].Name)"
            }
            foreach ($p in $case.Parameters) {
                $actual = $fit.Parameters | Where-Object Name -eq $p.Name
                Assert-Relative $p.Value $actual.Value 1e-8 "$Id $($p.Name)"
                Assert-Relative $p.StandardError $actual.StandardError 1e-6 "$Id SE $($p.Name)"
            }
            Assert-Relative $case.LogLikelihood $fit.LogLikelihood 1e-8 "$Id LogLikelihood"
            if ($case.Map) { Assert-Relative $case.LogPosterior $fit.LogPosterior 1e-8 "$Id LogPosterior" }
        }
    }

    Context 'Problems are reported' {
        It 'names collinear predictors' {
            { 1..10 | ForEach-Object { [pscustomobject]@{ y = $_ + ($_ % 3); a = $_; b = 2 * $_ } } |
                Get-MLEstimate Normal -Response y -Predictor a, b -ErrorAction Stop } |
                Should -Throw -ErrorId 'CollinearPredictors,PSEstimation.Commands.GetMLEstimateCommand'
        }

        It 'warns of perfect separation' {
            $fit = 1..10 | ForEach-Object { [pscustomobject]@{ y = [int]($_ -gt 5); x = $_ } } |
                Get-MLEstimate Bernoulli -Response y -Predictor x -WarningVariable w -WarningAction SilentlyContinue
            $fit.Converged | Should -BeFalse
            ($w -join ' ') | Should -Match 'separation'
        }

        It 'skips a response outside the support' {
            $fit = @([pscustomobject]@{ y = -1; x = 1 }) + (1..8 | ForEach-Object { [pscustomobject]@{ y = $_ % 4; x = $_ } }) |
                Get-MLEstimate Poisson -Response y -Predictor x -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeExactly 'ValueOutsideSupport,PSEstimation.Commands.GetMLEstimateCommand'
            $fit.SkippedCount | Should -Be 1
        }
    }
}
