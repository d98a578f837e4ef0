# Test-GoodnessOfFit: statistics and p-values against tests/reference/gof.json (mpmath statistics;
# R ks.test, goftest and scipy p-values; scipy.stats.goodness_of_fit bootstraps of 20000 simulations).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSEstimation/PSEstimation.psd1') -Force
    $script:gof = Get-Content (Join-Path $PSScriptRoot '../reference/gof.json') -Raw | ConvertFrom-Json
    function Get-GofCase([string] $Id) { $script:gof.Cases | Where-Object Id -EQ $Id }
}

Describe 'Test-GoodnessOfFit' {

    Context 'Fully specified hypotheses' {
        It 'matches R for <Id>' -TestCases @(
            @{ Id = 'gof_weib70__weibull_true' }
            @{ Id = 'gof_logis45__logistic_true' }
        ) {
            $case = Get-GofCase $Id
            $parameter = @{}
            $case.Parameter.PSObject.Properties | ForEach-Object { $parameter[$_.Name] = $_.Value }
            $r = $case.Data | Test-GoodnessOfFit $case.Distribution -Parameter $parameter
            $r.Count | Should -Be 3
            foreach ($row in $r) {
                $expected = $case.Statistic.($row.Test.ToString())
                [math]::Abs($row.Statistic - $expected) / $expected | Should -BeLessThan 1e-10
                $row.ParametersEstimated | Should -BeFalse
            }
            [math]::Abs($r[0].PValue - $case.PValue.KolmogorovSmirnov.exact) | Should -BeLessThan 1e-6
            [math]::Abs($r[1].PValue - $case.PValue.CramerVonMises.finite_n) | Should -BeLessThan 1e-6
            [math]::Abs($r[2].PValue - $case.PValue.AndersonDarling.finite_n) | Should -BeLessThan 1e-6
        }
    }

    Context 'Estimated parameters' {
        It 'gives bootstrap p-values within Monte-Carlo error of scipy for <Id>' -TestCases @(
            @{ Id = 'gof_norm50__normal_fitted' }
            @{ Id = 'precip__normal_fitted' }
        ) {
            $case = Get-GofCase $Id
            $r = $case.Data | Test-GoodnessOfFit $case.Distribution -Simulations 999 -SetSeed 11
            foreach ($row in $r) {
                $ref = $case.PValue.($row.Test.ToString())
                $se = [math]::Sqrt($ref.StandardError * $ref.StandardError + $ref.MonteCarlo * (1 - $ref.MonteCarlo) / 999)
                [math]::Abs($row.PValue - $ref.MonteCarlo) | Should -BeLessThan (4 * $se + 0.001)
                $row.Simulations | Should -Be 999
                $row.Method | Should -Match 'bootstrap'
            }
        }

        It 'gives the same p-values for the same seed' {
            $x = (Get-GofCase 'precip__normal_fitted').Data
            $a = $x | Test-GoodnessOfFit Normal -Simulations 199 -SetSeed 4
            $b = $x | Test-GoodnessOfFit Normal -Simulations 199 -SetSeed 4
            ($a.PValue -join ',') | Should -BeExactly ($b.PValue -join ',')
        }

        It 'tests a fit given as -Estimate' {
            $x = 1.2, 0.4, 2.2, 0.9, 3.1, 0.2, 1.7, 0.8
            $fit = $x | Get-MLEstimate Gamma
            $r = $x | Test-GoodnessOfFit -Estimate $fit -Simulations 99 -SetSeed 1
            $r.Count | Should -Be 3
            $r.ParametersEstimated | Should -Not -Contain $false
        }
    }

    Context 'Discrete families' {
        It 'runs the chi-squared test (R, chisq_reference.R: discoveries, df 4, p 0.15665)' {
            $r = (Get-GofCase 'discoveries__poisson_fitted').Data | Test-GoodnessOfFit Poisson
            $r.Test | Should -Be 'ChiSquare'
            $r.DegreesOfFreedom | Should -Be 4
            [math]::Abs($r.PValue - 0.15665009508179) | Should -BeLessThan 1e-8
        }

        It 'refuses EDF tests on a discrete family with TestNotApplicable' {
            { 1, 2, 2, 3 | Test-GoodnessOfFit Poisson -Test KolmogorovSmirnov -ErrorAction Stop } |
                Should -Throw -ErrorId 'TestNotApplicable,PSEstimation.Commands.TestGoodnessOfFitCommand'
        }
    }

    Context 'Hostile input' {
        It 'tests a single value against a fully specified distribution (R ks.test: p = 0.6)' {
            $r = 0.3 | Test-GoodnessOfFit Uniform -Parameter @{ Lower = 0; Upper = 1 } -Test KolmogorovSmirnov
            $r.PValue | Should -BeGreaterThan (0.6 - 1e-9)
            $r.PValue | Should -BeLessThan (0.6 + 1e-9)
        }

        It 'reports a constant sample it cannot fit as a terminating error' {
            { 2, 2, 2 | Test-GoodnessOfFit Normal -ErrorAction Stop } | Should -Throw
        }

        It 'gives a finite Anderson-Darling statistic for a far-tail point' {
            $r = -0.3, 0.2, 1.1, 40 | Test-GoodnessOfFit Normal -Parameter @{ Mean = 0; Variance = 1 } -Test AndersonDarling
            [double]::IsInfinity($r.Statistic) | Should -BeFalse
            $r.PValue | Should -BeLessThan 1e-6
        }

        It 'rejects a negative -Simulations with InvalidSimulations' {
            { 1, 2, 3 | Test-GoodnessOfFit Normal -Simulations -1 -ErrorAction Stop } |
                Should -Throw -ErrorId 'InvalidSimulations,PSEstimation.Commands.TestGoodnessOfFitCommand'
        }
    }
}
