# Get-RandomSample: seeds, counts, moments (expected values from the distributions' own formulas).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSEstimation/PSEstimation.psd1') -Force
}

Describe 'Get-RandomSample' {

    Context 'Seeds' {
        It 'gives the same values for the same seed, other values for another' {
            $a = Get-RandomSample 100 -Distribution Gamma -Parameter @{ Shape = 2; Rate = 3 } -SetSeed 7
            $b = Get-RandomSample 100 -Distribution Gamma -Parameter @{ Shape = 2; Rate = 3 } -SetSeed 7
            $c = Get-RandomSample 100 -Distribution Gamma -Parameter @{ Shape = 2; Rate = 3 } -SetSeed 8
            $a.Count | Should -Be 100
            ($a -join ',') | Should -BeExactly ($b -join ',')
            ($a -join ',') | Should -Not -Be ($c -join ',')
        }

        It 'gives the same values in a child process (another runspace, same machine)' {
            $here = Get-RandomSample 5 -Distribution Normal -Parameter @{ Mean = 0; Variance = 1 } -SetSeed 42
            $job = Start-Job -ScriptBlock { param($m) Import-Module $m; Get-RandomSample 5 -Distribution Normal -Parameter @{ Mean = 0; Variance = 1 } -SetSeed 42 } -ArgumentList (Join-Path $PSScriptRoot '../../out/PSEstimation/PSEstimation.psd1')
            $there = $job | Receive-Job -Wait -AutoRemoveJob
            ($there -join ',') | Should -BeExactly ($here -join ',')
        }
    }

    Context 'Values' {
        It 'draws from a fit with its mean (Exponential, mean 2, within 5 standard errors)' {
            $x = 1, 3 | Get-MLEstimate Exponential | Get-RandomSample 100000 -SetSeed 11
            ($x | Measure-Object -Average).Average | Should -BeGreaterThan (2 - 5 * 0.0063)
            ($x | Measure-Object -Average).Average | Should -BeLessThan (2 + 5 * 0.0063)
        }

        It 'draws categories of a Categorical fit' {
            $x = 'a', 'a', 'b' | Get-MLEstimate Categorical | Get-RandomSample 100 -SetSeed 3
            $x | Should -BeIn @('a', 'b')
        }

        It 'rejects a negative count with InvalidCount' {
            { Get-RandomSample -1 -Distribution Normal -Parameter @{ Mean = 0; Variance = 1 } } |
                Should -Throw -ErrorId 'InvalidCount,PSEstimation.Commands.GetRandomSampleCommand'
        }
    }
}
