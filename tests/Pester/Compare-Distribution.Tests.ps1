# Compare-Distribution: ranking, Akaike weights from the AICs, same observations, defaults, p-values.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSEstimation/PSEstimation.psd1') -Force
    $script:gof = Get-Content (Join-Path $PSScriptRoot '../reference/gof.json') -Raw | ConvertFrom-Json
    $script:censored = Get-Content (Join-Path $PSScriptRoot '../reference/censored.json') -Raw | ConvertFrom-Json
}

Describe 'Compare-Distribution' {

    Context 'Ranking' {
        It 'ranks by AIC with Akaike weights computed from the AICs' {
            $x = ($script:gof.Cases | Where-Object Id -EQ 'gof_weib70__weibull_true').Data
            $r = $x | Compare-Distribution Normal, Weibull, Gamma, LogNormal
            $r.Rank | Should -Be 1, 2, 3, 4
            $min = ($r.AIC | Measure-Object -Minimum).Minimum
            $total = ($r | ForEach-Object { [math]::Exp(-($_.AIC - $min) / 2) } | Measure-Object -Sum).Sum
            foreach ($row in $r) {
                $row.DeltaAIC | Should -Be ($row.AIC - $min)
                [math]::Abs($row.AkaikeWeight - [math]::Exp(-($row.AIC - $min) / 2) / $total) | Should -BeLessThan 1e-15
                $row.Estimate.Distribution | Should -Be $row.Distribution
            }
        }

        It 'prints a table that fits 80 columns' {
            $text = 1.2, 0.4, 2.2, 0.9, 3.1, 0.3, 1.7 | Compare-Distribution | Format-Table | Out-String -Width 80
            $text | Should -Match 'DeltaAIC'
        }
    }

    Context 'The same observations for every candidate' {
        It 'leaves out a family that cannot take every value, with a warning' {
            $r = 0, 1.5, 2.2, 0.7, 3.1 | Compare-Distribution Normal, LogNormal -WarningVariable w -WarningAction SilentlyContinue
            $r.Distribution | Should -Be 'Normal'
            $w.Count | Should -Be 1
            $w[0].Message | Should -Match '1 of the 5 values'
        }

        It 'fails with NoCandidate when no family can take the values' {
            { -1, -2 | Compare-Distribution Exponential, Gamma -WarningAction SilentlyContinue -ErrorAction Stop } |
                Should -Throw -ErrorId 'NoCandidate,PSEstimation.Commands.CompareDistributionCommand'
        }
    }

    Context 'Defaults and p-values' {
        It 'compares count families on counts and continuous ones otherwise' {
            (3, 1, 4, 1, 5, 2, 2, 3, 1, 4, 3, 2 | Compare-Distribution).Distribution | Should -Contain 'Poisson'
            (0.5, 1.7, 2.9, 0.2 | Compare-Distribution).Distribution | Should -Contain 'Gamma'
        }

        It 'adds seeded bootstrap p-values with -Simulations' {
            $x = ($script:gof.Cases | Where-Object Id -EQ 'precip__normal_fitted').Data
            $a = $x | Compare-Distribution Normal, Gamma -Simulations 99 -SetSeed 2
            $b = $x | Compare-Distribution Normal, Gamma -Simulations 99 -SetSeed 2
            ($a.AndersonDarlingPValue -join ',') | Should -BeExactly ($b.AndersonDarlingPValue -join ',')
            $a.Simulations | Should -Be 99, 99
        }

        It 'gives one ranking per group' {
            $o = 1.2, 0.4, 2.2, 0.9, 5.2, 4.4, 6.2, 4.9 | ForEach-Object { [pscustomobject]@{ H = if ($_ -gt 4) { 'b' } else { 'a' }; V = $_ } }
            $r = $o | Compare-Distribution Normal, Gamma -Property V -GroupBy H
            $r.Group | Should -Be 'a', 'a', 'b', 'b'
        }
    }

    Context 'Censored observations' {
        It 'ranks interval-censored salinity by the fitdistcens likelihoods' {
            $rows = ($script:censored.Cases | Where-Object Id -EQ 'salinity__weibull').Intervals |
                ForEach-Object { [pscustomobject]@{ Low = $_[0]; High = $_[1] } }
            $r = $rows | Compare-Distribution Weibull, Gamma, Logistic -LowerProperty Low -UpperProperty High
            $r.Distribution | Should -Be 'Gamma', 'Weibull', 'Logistic'
            foreach ($row in $r) {
                $ref = $script:censored.Cases | Where-Object Id -EQ ('salinity__' + $row.Distribution.ToLowerInvariant())
                [math]::Abs($row.LogLikelihood - $ref.LogLikelihood) / [math]::Abs($ref.LogLikelihood) | Should -BeLessThan 1e-8
                $row.CensoredCount | Should -Be 89
                $row.AndersonDarling | Should -BeNullOrEmpty
            }
        }

        It 'censors values at -CensoredAbove for every candidate' {
            $case = $script:censored.Cases | Where-Object Id -EQ 'syn_timeout30__gamma'
            $r = $case.Data | Compare-Distribution Gamma, Weibull, LogNormal -CensoredAbove 30
            $gamma = $r | Where-Object Distribution -EQ 'Gamma'
            [math]::Abs($gamma.LogLikelihood - $case.LogLikelihood) / [math]::Abs($case.LogLikelihood) | Should -BeLessThan 1e-8
            $r.CensoredCount | Should -Be 8, 8, 8
        }

        It 'leaves out a family the censored fit cannot take, with a warning' {
            $r = 1.2, 0.4, 2.2, 0.9, 3.1, 5, 5 | Compare-Distribution Normal, Laplace -CensoredAbove 5 -WarningVariable w -WarningAction SilentlyContinue
            $r.Distribution | Should -Be 'Normal'
            $w[0].Message | Should -Match 'Laplace was left out'
        }

        It 'refuses -Simulations with censoring' {
            { 1, 2, 3, 9 | Compare-Distribution Normal -CensoredAbove 9 -Simulations 99 -ErrorAction Stop } |
                Should -Throw -ErrorId 'CensoringNotSupported,PSEstimation.Commands.CompareDistributionCommand'
        }
    }
}
