# Pester 5 suite: tab completion of -Distribution and the default views at 80 and 120 columns,
# the same checks as tests/PSEstimation.Tests/Commands/CompletionTests.cs and DefaultViewTests.cs.
# Run with ./build.ps1 -Task Test (needs pwsh and Pester 5).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSEstimation/PSEstimation.psd1') -Force

    function Get-CompletionText([string] $InputScript) {
        (TabExpansion2 -inputScript $InputScript -cursorColumn $InputScript.Length).CompletionMatches.CompletionText
    }

    # Every line within the width, nothing cut with an ellipsis, each number whole on one line.
    function Assert-ViewFits([string] $Text, [int] $Width, [string[]] $Number) {
        $lines = $Text -split '\r?\n' | Where-Object { $_ -notlike 'WARNING: *' }
        foreach ($line in $lines) { $line.Length | Should -BeLessOrEqual $Width -Because $line }
        ($lines -join "`n") | Should -Not -Match '…|\.\.\.'
        foreach ($n in $Number) {
            $whole = '(?<![0-9A-Za-z.+\-])' + [regex]::Escape($n) + '(?![0-9A-Za-z.])'
            @($lines | Where-Object { $_ -match $whole }).Count | Should -BeGreaterThan 0 -Because "$n is shown whole"
        }
    }
}

Describe 'Tab completion of -Distribution' {
    It 'lists every name once, the alias Gaussian too, for <Command>' -TestCases @(
        @{ Command = 'Get-MLEstimate' }, @{ Command = 'Get-MAPEstimate' }, @{ Command = 'Measure-NegativeLogLikelihood' }
    ) {
        $names = Get-CompletionText "$Command -Distribution "
        $names | Sort-Object | Should -Be ([enum]::GetNames([PSEstimation.DistributionName]) | Sort-Object)
        @($names | Where-Object { $_ -eq 'Normal' }).Count | Should -Be 1
        Get-CompletionText "$Command -Distribution ga" | Sort-Object | Should -Be @('Gamma', 'Gaussian')
    }
}

Describe 'Default views' {
    Context 'At <Width> columns' -ForEach @(@{ Width = 80 }, @{ Width = 120 }) {
        It 'shows a three-parameter fit whole' {
            $fit = 1.2, -0.5, 3.3, 0.1, 2.2, -1.1, 0.8, 9.5 | Get-MLEstimate StudentT
            $c = [cultureinfo]::InvariantCulture
            $numbers = @($fit.LogLikelihood.ToString('G6', $c), $fit.AIC.ToString('G6', $c)) + @($fit.Parameters | ForEach-Object { $_.Value.ToString('G6', $c) })
            Assert-ViewFits ($fit | Out-String -Width $Width) $Width $numbers
            Assert-ViewFits ($fit.Parameters | Out-String -Width $Width) $Width @($fit.Parameters | ForEach-Object { $_.Value.ToString('G6', $c) })
        }

        It 'shows large and small magnitudes whole' {
            $c = [cultureinfo]::InvariantCulture
            $fit = 123456789.123, 123456790.5, 123456788.25, 123456791 | Get-MLEstimate Normal
            Assert-ViewFits ($fit.Parameters | Out-String -Width $Width) $Width @($fit.Parameters | ForEach-Object { $_.Value.ToString('G6', $c) })
            $tiny = 1e-300, 2.5e-300, 3.1e-300, 0.7e-300 | Get-MLEstimate Exponential -WarningAction SilentlyContinue
            Assert-ViewFits ($tiny | Out-String -Width $Width) $Width @($tiny.Parameters[0].Value.ToString('G6', $c))
        }

        It 'keeps LogLikelihood and Gradient of a negative log-likelihood' {
            $text = 2.3, 2.5, 3.1, 3.8, 2.7 | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 3; Variance = 0.5 } | Out-String -Width $Width
            Assert-ViewFits $text $Width @('4.341824715', '-4.341824715', '1.2', '2.04')
        }

        It 'shows a Categorical fit as its first four categories and a count' {
            $text = 'a', 'b', 'a', 'c', 'a', 'd', 'e', 'f', 'g', 'b' | Get-MLEstimate Categorical | Out-String -Width $Width
            $text | Should -Match '\(3 more of 7\)'
            Assert-ViewFits $text $Width @('0.3')
        }
    }
}
