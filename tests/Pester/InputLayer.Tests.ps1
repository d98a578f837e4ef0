# Pester 5 suite for the shared input layer: -GroupBy on the fitting and scoring cmdlets, rows
# piped without -Property, a fit's Property reused by -Estimate, and the skip summary.
# Expected numbers are hand derivations named beside them (CONTRACT.md for the NLL example).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSEstimation/PSEstimation.psd1') -Force

    $script:Rows = @(
        [pscustomobject]@{ Host = 'a'; Latency = 1 }
        [pscustomobject]@{ Host = 'B'; Latency = 10 }
        [pscustomobject]@{ Host = 'A'; Latency = 2 }
        [pscustomobject]@{ Host = 'b'; Latency = 20 }
        [pscustomobject]@{ Host = 'a'; Latency = 3 }
    )
}

Describe 'Input layer' {
    Context '-GroupBy' {
        It 'fits each group, in order of first appearance, labelled by Group' {
            # a: 1, 2, 3 (mean 2); B: 10, 20 (mean 15), hand derivation.
            $fits = $Rows | Get-MLEstimate Normal -Property Latency -GroupBy Host
            $fits | Should -HaveCount 2
            $fits[0].Group | Should -BeExactly 'a'
            $fits[0].Estimate.Mean | Should -Be 2
            $fits[1].Group | Should -BeExactly 'B'
            $fits[1].Estimate.Mean | Should -Be 15
            $fits[0].PSObject.TypeNames[0] | Should -BeExactly 'PSEstimation.MLEstimate#Grouped'
        }

        It 'gives the NLL per group' {
            # Standard normal, mpmath: log(2π)/2 = 0.9189385332046727; group b (1, 2): 2·0.9189385332046727 + 5/2.
            $r = @{ G = 'a'; V = 0 }, @{ G = 'b'; V = 1 }, @{ G = 'b'; V = 2 } |
                Measure-NegativeLogLikelihood Normal -Property V -GroupBy G -Parameter @{ Mean = 0; Variance = 1 }
            $r.Group | Should -Be @('a', 'b')
            [Math]::Abs($r[1].Value - 4.337877066409345) | Should -BeLessThan 1e-12
        }

        It 'gives the MAP per group' {
            # Known variance 1, prior Normal(2, 0.5): the single value 4 has posterior mean (4 + 4)/3.
            $fit = @{ G = 'y'; V = 4 } | Get-MAPEstimate Normal -Property V -GroupBy G -Fixed @{ Variance = 1 } -Prior @{ Mean = 'Normal(2, 0.5)' }
            $fit.Group | Should -BeExactly 'y'
            [Math]::Abs($fit.Estimate.Mean - 8 / 3) | Should -BeLessThan 1e-12
        }

        It 'stops on a misspelt -GroupBy, as Measure-RegressionLoss does' {
            { $Rows | Get-MLEstimate Normal -Property Latency -GroupBy Hots -ErrorAction Stop } |
                Should -Throw -ErrorId 'PropertyNotFound,PSEstimation.Commands.GetMLEstimateCommand'
        }
    }

    Context 'Objects piped without -Property' {
        It 'is one error that names their properties and -Property' {
            $rows = foreach ($i in 1..18) { [pscustomobject]@{ Host = "h$i"; Count = 2; Latency = $i } }
            $terminating = $null
            try { $null = $rows | Get-MLEstimate Poisson -WeightProperty Count -ErrorVariable err -ErrorAction SilentlyContinue -WarningVariable warn -WarningAction SilentlyContinue }
            catch { $terminating = $_ }
            $terminating.FullyQualifiedErrorId | Should -BeExactly 'NoUsableInput,PSEstimation.Commands.GetMLEstimateCommand'
            $values = @($err | Where-Object { $_.FullyQualifiedErrorId -like 'NotANumber,*' })
            $values | Should -HaveCount 1
            $values[0].Exception.Message | Should -BeLike '*-Property Latency*'
            $warn | Should -HaveCount 1
        }

        It 'reads the Property of a fit passed as -Estimate' {
            # CONTRACT.md: NLL 3.926523529277739 at the MLE of 2.3, 2.5, 3.1, 3.8, 2.7.
            $rows = 2.3, 2.5, 3.1, 3.8, 2.7 | ForEach-Object { [pscustomobject]@{ Latency = $_ } }
            $fit = $rows | Get-MLEstimate Normal -Property Latency
            $nll = $rows | Measure-NegativeLogLikelihood -Estimate $fit
            [Math]::Abs($nll.Value - 3.926523529277739) | Should -BeLessThan 1e-10
            $nll.Property | Should -BeExactly 'Latency'
        }
    }

    Context 'Many unusable values' {
        It 'sums them up in one warning by reason' {
            $null = 1, 'timeout', 2, 'n/a', 'timeout', 3, '' | Get-MLEstimate Normal -ErrorAction SilentlyContinue -WarningVariable warn -WarningAction SilentlyContinue
            $warn | Should -HaveCount 1
            "$($warn[0])" | Should -BeExactly "4 values skipped: 2 'timeout', 1 'n/a', 1 empty."
        }

        It 'reports at most 20 of them as errors' {
            $values = @(1, 2, 3) + @('x') * 30
            $fit = $values | Get-MLEstimate Normal -ErrorVariable err -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
            $err | Should -HaveCount 20
            $fit.SkippedCount | Should -Be 30
        }
    }
}
