# Pester 5 suite for Get-MLEstimate. Run with ./build.ps1 -Task Test (needs pwsh and Pester 5).
# Expected numbers come from CONTRACT.md's worked examples, tests/reference/mle.json (R
# fitdistrplus/MASS and scipy, certified at 40 digits) or hand derivations named beside them.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSEstimation/PSEstimation.psd1') -Force

    $script:Seed = 2.3, 2.5, 3.1, 3.8, 2.7
    $script:Id = 'PSEstimation.Commands.GetMLEstimateCommand'

    function Assert-Relative([double] $Actual, [double] $Expected, [double] $Tolerance) {
        $scale = [Math]::Max([Math]::Abs($Expected), 1e-300)
        [Math]::Abs($Actual - $Expected) / $scale | Should -BeLessOrEqual $Tolerance
    }

    $referencePath = Join-Path $PSScriptRoot '../reference/mle.json'
    $script:Reference = (Get-Content $referencePath -Raw | ConvertFrom-Json).Cases
}

Describe 'Get-MLEstimate' {
    Context 'The contract''s worked example' {
        It 'gives Mean 2.88 and LogLikelihood -3.926523529277739' {
            $fit = $Seed | Get-MLEstimate Normal
            Assert-Relative $fit.Estimate.Mean 2.88 1e-14
            Assert-Relative $fit.LogLikelihood -3.926523529277739 1e-14
        }

        It 'has a score of zero and the Fisher information diagonal 17.75568182, 31.52642368' {
            $fit = $Seed | Get-MLEstimate Normal
            [Math]::Abs($fit.Score[0]) | Should -BeLessThan 1e-12
            [Math]::Abs($fit.Score[1]) | Should -BeLessThan 1e-12
            Assert-Relative $fit.FisherInformation[0, 0] 17.75568181818182 1e-12
            Assert-Relative $fit.FisherInformation[1, 1] 31.52642368285125 1e-12
        }

        It 'returns a PSEstimation.MLEstimate with every contract property' {
            $fit = $Seed | Get-MLEstimate Normal
            $fit | Should -BeOfType ([PSEstimation.MLEstimate])
            foreach ($name in 'Distribution', 'SampleSize', 'Parameters', 'Estimate', 'LogLikelihood', 'NegativeLogLikelihood',
                'AIC', 'BIC', 'Score', 'FisherInformation', 'Covariance', 'ConfidenceLevel', 'Method', 'Iterations', 'Converged') {
                $fit.PSObject.Properties.Name | Should -Contain $name
            }
        }
    }

    Context 'Binding forms' {
        It 'accepts <Form>' -TestCases @(
            @{ Form = 'pipeline by value'; Script = { $Seed | Get-MLEstimate Normal } }
            @{ Form = '-InputObject array'; Script = { Get-MLEstimate -Distribution Normal -InputObject $Seed } }
            @{ Form = 'positional'; Script = { Get-MLEstimate Normal $Seed } }
            @{ Form = 'numeric strings'; Script = { $Seed | ForEach-Object { $_.ToString([cultureinfo]::InvariantCulture) } | Get-MLEstimate Normal } }
            @{ Form = 'the Gaussian alias'; Script = { $Seed | Get-MLEstimate gaussian } }
            @{ Form = '-Property on objects'; Script = { $Seed | ForEach-Object { [pscustomobject]@{ T = $_ } } | Get-MLEstimate Normal -Property T } }
            @{ Form = 'CSV rows'; Script = { "T`n2.3`n2.5`n3.1`n3.8`n2.7" | ConvertFrom-Csv | Get-MLEstimate Normal -Property T } }
        ) {
            param($Form, $Script)
            $fit = & $Script
            Assert-Relative $fit.Estimate.Mean 2.88 1e-14
            $fit.SampleSize | Should -Be 5
        }

        It 'gives one result per property' {
            $fits = 1..6 | ForEach-Object { [pscustomobject]@{ A = $_; B = 2 * $_ } } | Get-MLEstimate Normal -Property A, B
            $fits.Property | Should -Be @('A', 'B')
            # Hand derivation: the MLE variance of 1..6 is 35/12, of 2, 4, ..., 12 it is 35/3.
            Assert-Relative $fits[0].Estimate.Variance (35 / 12) 1e-14
            Assert-Relative $fits[1].Estimate.Variance (35 / 3) 1e-14
        }
    }

    Context 'Fixed parameters' {
        It 'fits the mean alone when the variance is fixed' {
            $fit = $Seed | Get-MLEstimate Normal -Fixed @{ Variance = 1 }
            $fit.Parameters[1].StandardError | Should -Be 0
            $fit.Parameters[1].Fixed | Should -BeTrue
            # One estimated parameter: AIC = 2 - 2 log L.
            Assert-Relative $fit.AIC (2 - 2 * $fit.LogLikelihood) 1e-14
        }

        It 'takes -Fixed from ConvertFrom-Json as it takes a hashtable' {
            $fixed = '{ "variance": 1 }' | ConvertFrom-Json
            $fit = $Seed | Get-MLEstimate Normal -Fixed $fixed
            $fit.Parameters[1].Fixed | Should -BeTrue
            $fit.Estimate.Variance | Should -Be 1
            $fit.Estimate.Mean | Should -Be ($Seed | Get-MLEstimate Normal -Fixed @{ Variance = 1 }).Estimate.Mean
        }
    }

    Context 'Bad input' {
        It 'reports <Value> as <ErrorId> and skips it' -TestCases @(
            @{ Value = 'abc'; ErrorId = 'NotANumber' }
            @{ Value = '1,5'; ErrorId = 'NotANumber' }
            @{ Value = [double]::NaN; ErrorId = 'NonFiniteValue' }
            @{ Value = [double]::PositiveInfinity; ErrorId = 'NonFiniteValue' }
            @{ Value = '$(Remove-Item x)'; ErrorId = 'NotANumber' }
        ) {
            param($Value, $ErrorId)
            $fit = @(1, $Value, 2, 4) | Get-MLEstimate Normal -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeExactly "$ErrorId,$Id"
            $fit.SkippedCount | Should -Be 1
            $fit.SampleSize | Should -Be 3
        }

        It 'stops on <Case> with <ErrorId>' -TestCases @(
            @{ Case = 'no values'; Script = { @() | Get-MLEstimate Normal }; ErrorId = 'NoUsableInput' }
            @{ Case = 'a constant sample'; Script = { 5, 5, 5 | Get-MLEstimate Normal }; ErrorId = 'ZeroVariance' }
            @{ Case = 'an unknown parameter'; Script = { 1, 2 | Get-MLEstimate Normal -Fixed @{ Sigma = 1 } }; ErrorId = 'UnknownParameter' }
            @{ Case = 'a negative variance'; Script = { 1, 2 | Get-MLEstimate Normal -Fixed @{ Variance = -1 } }; ErrorId = 'InvalidParameterValue' }
            @{ Case = 'ConfidenceLevel 1.5'; Script = { 1, 2 | Get-MLEstimate Normal -ConfidenceLevel 1.5 }; ErrorId = 'InvalidConfidenceLevel' }
        ) {
            param($Case, $Script, $ErrorId)
            { & $Script } | Should -Throw -ErrorId "$ErrorId,$Id"
        }
    }

    Context 'Support of each family' {
        It 'skips <Value> for <Distribution> as ValueOutsideSupport' -TestCases @(
            @{ Distribution = 'Gamma'; Value = -1; Data = 1.5, 2.5, 3.5 }
            @{ Distribution = 'Poisson'; Value = 2.5; Data = 1, 2, 3 }
            @{ Distribution = 'Beta'; Value = 1.2; Data = 0.2, 0.5, 0.7 }
            @{ Distribution = 'Exponential'; Value = -0.5; Data = 1, 2, 3 }
            @{ Distribution = 'Bernoulli'; Value = 2; Data = 0, 1, 1 }
            @{ Distribution = 'Weibull'; Value = 0; Data = 1.5, 2.5, 3.5 }
        ) {
            param($Distribution, $Value, $Data)
            $fit = @($Data) + $Value | Get-MLEstimate $Distribution -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeExactly "ValueOutsideSupport,$Id"
            $fit.SkippedCount | Should -Be 1
            $fit.SampleSize | Should -Be @($Data).Count
        }

        It 'requires Trials for Binomial' {
            { 1, 2, 3 | Get-MLEstimate Binomial } | Should -Throw -ErrorId "MissingParameter,$Id"
        }

        It 'gives relative frequencies for Categorical' {
            $fit = 'a', 'b', 'a', 'c' | Get-MLEstimate Categorical
            $fit.Estimate.a | Should -Be 0.5
            $fit.Parameters.Name | Should -Be @('a', 'b', 'c')
        }
    }

    Context 'Frequency weights' {
        It 'equals the fit of the expanded sample' {
            $weighted = Get-MLEstimate Gamma -InputObject 1.5, 4 -Weight 3, 2
            $expanded = 1.5, 1.5, 1.5, 4, 4 | Get-MLEstimate Gamma
            Assert-Relative $weighted.Estimate.Shape $expanded.Estimate.Shape 1e-9
            Assert-Relative $weighted.LogLikelihood $expanded.LogLikelihood 1e-9
            $weighted.SampleSize | Should -Be 5
        }
    }

    Context 'Reference fits (tests/reference/mle.json)' {
        It 'matches <Id>' -TestCases @(
            $referencePath = Join-Path $PSScriptRoot '../reference/mle.json'
            (Get-Content $referencePath -Raw | ConvertFrom-Json).Cases |
                ForEach-Object { @{ Id = $_.Id; Case = $_ } }
        ) {
            param($Id, $Case)
            $fixed = @{}
            if ($Case.Fixed) { $Case.Fixed.PSObject.Properties | ForEach-Object { $fixed[$_.Name] = $_.Value } }
            $fit = Get-MLEstimate $Case.Distribution -InputObject $Case.Data -Fixed $fixed
            $tolerance = if ($Case.ClosedForm) { 1e-9 } else { 1e-6 }
            foreach ($p in $Case.Parameters) {
                Assert-Relative $fit.Estimate[$p.Name] $p.Value $tolerance
                if ($null -ne $p.StandardError) {
                    Assert-Relative ($fit.Parameters | Where-Object Name -eq $p.Name).StandardError $p.StandardError 1e-4
                }
            }
            Assert-Relative $fit.LogLikelihood $Case.LogLikelihood 1e-8
            Assert-Relative $fit.AIC $Case.AIC 1e-8
            Assert-Relative $fit.BIC $Case.BIC 1e-8
        }
    }
}
