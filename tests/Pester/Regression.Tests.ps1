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

Describe 'Censored responses in a regression' {
    BeforeAll {
        $script:lung = $script:reference.Cases | Where-Object Id -eq 'lung_weibull'
        # lung's status 2 = death (exact time), 1 = censored: Lower = time, Upper = time or empty.
        $script:lungBounds = Get-CaseRows $script:lung | ForEach-Object {
            [pscustomobject]@{ Lower = $_.time; Upper = $(if ($_.status -eq '2') { $_.time } else { '' }); age = $_.age; sex = $_.sex }
        }
    }

    It 'fits lung in interval form as survival::survreg (Weibull AFT)' {
        $fit = $script:lungBounds | Get-MLEstimate Weibull -LowerProperty Lower -UpperProperty Upper -Predictor age, sex
        $fit | Should -BeOfType ([PSEstimation.RegressionEstimate])
        for ($j = 0; $j -lt $script:lung.Coefficients.Count; $j++) {
            $expected = $script:lung.Coefficients[$j]
            $fit.Coefficients[$j].Name | Should -BeExactly $expected.Name
            Assert-Relative $expected.Value $fit.Coefficients[$j].Value 1e-8 "lung $($expected.Name)"
            Assert-Relative $expected.StandardError $fit.Coefficients[$j].StandardError 1e-6 "lung SE $($expected.Name)"
        }
        Assert-Relative $script:lung.Parameters[0].Value $fit.Parameters[0].Value 1e-8 'lung Shape'
        Assert-Relative $script:lung.LogLikelihood $fit.LogLikelihood 1e-8 'lung LogLikelihood'
        $fit.CensoredCount | Should -Be $script:lung.CensoredCount
        $fit.SampleSize | Should -Be $script:lung.SampleSize
    }

    It '-CensoredAbove on -Response gives the likelihood of the same bounds' {
        $rows = Get-CaseRows $script:lung
        $byLimit = $rows | Get-MLEstimate Weibull -Response time -Predictor age, sex -CensoredAbove 500
        $byBounds = $rows | ForEach-Object {
            $t = [double] $_.time
            [pscustomobject]@{ lo = [math]::Min($t, 500); hi = $(if ($t -ge 500) { '' } else { $t }); age = $_.age; sex = $_.sex }
        } | Get-MLEstimate Weibull -LowerProperty lo -UpperProperty hi -Predictor age, sex
        $byLimit.CensoredCount | Should -BeGreaterThan 10
        $byLimit.CensoredCount | Should -Be $byBounds.CensoredCount
        Assert-Relative $byBounds.LogLikelihood $byLimit.LogLikelihood 1e-10 'LogLikelihood'
        Assert-Relative $byBounds.Coefficients[1].Value $byLimit.Coefficients[1].Value 1e-8 'age'
    }

    It 'refuses <What> with <Id>' -TestCases @(
        @{ What = '-Response with bounds'; Id = 'InvalidCensoring'; Arguments = @{ Response = 'time'; LowerProperty = 'time'; UpperProperty = 'time' } }
        @{ What = 'no response'; Id = 'MissingParameter'; Arguments = @{} }
        @{ What = 'one bound'; Id = 'MissingParameter'; Arguments = @{ LowerProperty = 'time' } }
        @{ What = 'a limit outside the support'; Id = 'CensoringOutsideSupport'; Arguments = @{ Response = 'time'; CensoredAbove = -5 } }
    ) {
        $rows = Get-CaseRows $script:lung
        { $rows | Get-MLEstimate Weibull -Predictor age @Arguments -ErrorAction Stop } |
            Should -Throw -ErrorId "$Id,PSEstimation.Commands.GetMLEstimateCommand"
    }

    It 'refuses a censored Laplace (least absolute deviations) regression' {
        { Get-CaseRows $script:lung | Get-MLEstimate Laplace -Response time -Predictor age -CensoredAbove 500 -ErrorAction Stop } |
            Should -Throw -ErrorId 'CensoringNotSupported,PSEstimation.Commands.GetMLEstimateCommand'
    }

    It 'skips a row whose bounds are reversed' {
        $rows = @([pscustomobject]@{ Lower = '300'; Upper = '200'; age = '60'; sex = '1' }) + @($script:lungBounds)
        $fit = $rows | Get-MLEstimate Weibull -LowerProperty Lower -UpperProperty Upper -Predictor age, sex -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'InvalidInterval,PSEstimation.Commands.GetMLEstimateCommand'
        $fit.SkippedCount | Should -Be 1
        $fit.CensoredCount | Should -Be 63
    }
}
