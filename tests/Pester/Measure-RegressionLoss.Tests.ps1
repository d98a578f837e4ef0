# Pester 5 suite for Measure-RegressionLoss. Run with Invoke-Pester (needs pwsh and Pester 5).
# Expected numbers come from CONTRACT.md's worked example, tests/reference/loss.json
# (scikit-learn 1.2.1 and R formulas), scikit-learn 1.2.1 calls named beside them, mpmath, or
# hand derivations named beside them.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSEstimation/PSEstimation.psd1') -Force

    $script:Actual = 2.3, 2.5, 3.1, 3.8, 2.7
    $script:Predicted = 2.4, 2.6, 3.0, 3.7, 2.8
    $script:Id = 'PSEstimation.Commands.MeasureRegressionLossCommand'

    function Assert-Relative([double] $Value, [double] $Expected, [double] $Tolerance) {
        $scale = [Math]::Max([Math]::Abs($Expected), 1e-300)
        [Math]::Abs($Value - $Expected) / $scale | Should -BeLessOrEqual $Tolerance
    }

    function New-SeedRow {
        for ($i = 0; $i -lt 5; $i++) {
            [pscustomobject]@{ Actual = $script:Actual[$i]; Predicted = $script:Predicted[$i] }
        }
    }
}

Describe 'Measure-RegressionLoss' {
    Context 'The contract''s worked example' {
        It 'gives MSE 0.01, MAE 0.1 and the likelihoods 82.94956719377812 and 21.05608437214218' {
            $loss = Measure-RegressionLoss -Actual $Actual -Predicted $Predicted
            Assert-Relative $loss.MeanSquaredError 0.01 1e-13
            Assert-Relative $loss.MeanAbsoluteError 0.1 1e-13
            Assert-Relative $loss.GaussianLogLikelihood ([Math]::Log(82.94956719377812)) 1e-12
            Assert-Relative $loss.LaplaceLogLikelihood ([Math]::Log(21.05608437214218)) 1e-12
            $loss.GaussianVariance | Should -Be $loss.MeanSquaredError
            $loss.LaplaceScale | Should -Be $loss.MeanAbsoluteError
        }

        It 'returns a PSEstimation.RegressionLoss with every contract property' {
            $loss = Measure-RegressionLoss -Actual $Actual -Predicted $Predicted
            $loss | Should -BeOfType ([PSEstimation.RegressionLoss])
            foreach ($name in 'SampleSize', 'MeanSquaredError', 'RootMeanSquaredError', 'MeanAbsoluteError', 'MedianAbsoluteError',
                'MaxError', 'MeanAbsolutePercentageError', 'RSquared', 'ExplainedVariance', 'HuberLoss', 'HuberDelta', 'LogCoshLoss',
                'PinballLoss', 'Quantile', 'GaussianVariance', 'GaussianNegativeLogLikelihood', 'GaussianLogLikelihood', 'LaplaceScale',
                'LaplaceNegativeLogLikelihood', 'LaplaceLogLikelihood', 'MSE', 'RMSE', 'MAE', 'R2', 'SkippedCount', 'Group') {
                $loss.PSObject.Properties.Name | Should -Contain $name
            }
        }

        It 'has alias properties with the same values' {
            $loss = Measure-RegressionLoss -Actual $Actual -Predicted $Predicted
            $loss.MSE | Should -Be $loss.MeanSquaredError
            $loss.RMSE | Should -Be $loss.RootMeanSquaredError
            $loss.MAE | Should -Be $loss.MeanAbsoluteError
            $loss.R2 | Should -Be $loss.RSquared
        }
    }

    Context 'Binding forms' {
        It 'accepts <Form>' -TestCases @(
            @{ Form = 'pipeline objects with Actual and Predicted'; Script = { New-SeedRow | Measure-RegressionLoss } }
            @{ Form = '-InputObject with an array of objects'; Script = { Measure-RegressionLoss -InputObject @(New-SeedRow) } }
            @{ Form = 'hashtables'; Script = { 0..4 | ForEach-Object { @{ Actual = $Actual[$_]; Predicted = $Predicted[$_] } } | Measure-RegressionLoss } }
            @{ Form = '-ActualProperty and -PredictedProperty'; Script = { 0..4 | ForEach-Object { [pscustomobject]@{ y = $Actual[$_]; yhat = $Predicted[$_] } } | Measure-RegressionLoss -ActualProperty y -PredictedProperty yhat } }
            @{ Form = 'CSV rows (strings)'; Script = { "Actual,Predicted`n2.3,2.4`n2.5,2.6`n3.1,3.0`n3.8,3.7`n2.7,2.8" | ConvertFrom-Csv | Measure-RegressionLoss } }
            @{ Form = 'positional arrays'; Script = { Measure-RegressionLoss $Actual $Predicted } }
            @{ Form = 'named arrays'; Script = { Measure-RegressionLoss -Actual $Actual -Predicted $Predicted } }
            @{ Form = 'the YTrue and YPred aliases'; Script = { Measure-RegressionLoss -YTrue $Actual -YPred $Predicted } }
            @{ Form = 'the Observed and Fitted aliases'; Script = { Measure-RegressionLoss -Observed $Actual -Fitted $Predicted } }
        ) {
            param($Form, $Script)
            $loss = & $Script
            @($loss).Count | Should -Be 1
            Assert-Relative $loss.MSE 0.01 1e-13
            $loss.SampleSize | Should -Be 5
            $loss.SkippedCount | Should -Be 0
        }
    }

    Context 'Reference cases (tests/reference/loss.json)' {
        It 'matches <Id>' -TestCases @(
            $referencePath = Join-Path $PSScriptRoot '../reference/loss.json'
            (Get-Content $referencePath -Raw | ConvertFrom-Json).Cases | ForEach-Object { @{ Id = $_.Id; Case = $_ } }
        ) {
            param($Id, $Case)
            $loss = Measure-RegressionLoss -Actual $Case.Actual -Predicted $Case.Predicted
            foreach ($property in $Case.Expected.PSObject.Properties) {
                Assert-Relative $loss.($property.Name) $property.Value 1e-12
            }

            foreach ($quantile in $Case.PinballLoss.PSObject.Properties) {
                $atQuantile = Measure-RegressionLoss -Actual $Case.Actual -Predicted $Case.Predicted -Quantile ([double]::Parse($quantile.Name, [cultureinfo]::InvariantCulture))
                Assert-Relative $atQuantile.PinballLoss $quantile.Value 1e-12
            }
        }
    }

    Context 'Weights' {
        # scikit-learn 1.2.1 with sample_weight = [1, 2, 0.5, 3, 1.5] on the seed pairs:
        # mean_squared_error 0.009999999999999967, median_absolute_error 0.09999999999999964,
        # r2_score 0.9736733854380915, explained_variance_score 0.9740847387906212,
        # mean_absolute_percentage_error 0.034263777138029694.
        It 'matches scikit-learn''s sample_weight with <Form>' -TestCases @(
            @{ Form = '-Weight'; Script = { Measure-RegressionLoss -Actual $Actual -Predicted $Predicted -Weight 1, 2, 0.5, 3, 1.5 } }
            @{ Form = '-WeightProperty'; Script = {
                    $w = 1, 2, 0.5, 3, 1.5
                    0..4 | ForEach-Object { [pscustomobject]@{ Actual = $Actual[$_]; Predicted = $Predicted[$_]; W = $w[$_] } } | Measure-RegressionLoss -WeightProperty W
                } }
        ) {
            param($Form, $Script)
            $loss = & $Script
            $loss.SampleSize | Should -Be 8
            Assert-Relative $loss.MeanSquaredError 0.009999999999999967 1e-12
            Assert-Relative $loss.MedianAbsoluteError 0.09999999999999964 1e-12
            Assert-Relative $loss.RSquared 0.9736733854380915 1e-12
            Assert-Relative $loss.ExplainedVariance 0.9740847387906212 1e-12
            Assert-Relative $loss.MeanAbsolutePercentageError 0.034263777138029694 1e-12
        }

        It 'uses scikit-learn''s lower weighted median' {
            # loss.json "huber_branches", first four pairs, |r| = 0.5, 1, 0.2, 2.5; scikit-learn 1.2.1:
            # median_absolute_error 0.75 unweighted, 0.5 with sample_weight = [1, 1, 1, 1].
            (Measure-RegressionLoss -Actual 1, 2, 3, 4 -Predicted 1.5, 1, 3.2, 6.5).MedianAbsoluteError | Should -Be 0.75
            (Measure-RegressionLoss -Actual 1, 2, 3, 4 -Predicted 1.5, 1, 3.2, 6.5 -Weight 1, 1, 1, 1).MedianAbsoluteError | Should -Be 0.5
        }
    }

    Context 'GroupBy' {
        It 'gives one result per model, in order of appearance' {
            # Model B predicts 2.0, 2.9, 3.3, 3.1, 2.7: residuals 0.3, -0.4, -0.2, 0.7, 0, so
            # MSE = 0.78 / 5 = 0.156 (hand derivation); model A is the seed.
            $other = 2.0, 2.9, 3.3, 3.1, 2.7
            $rows = foreach ($i in 0..4) {
                [pscustomobject]@{ Model = 'A'; Actual = $Actual[$i]; Predicted = $Predicted[$i] }
                [pscustomobject]@{ Model = 'B'; Actual = $Actual[$i]; Predicted = $other[$i] }
            }
            $losses = $rows | Measure-RegressionLoss -GroupBy Model
            $losses.Group | Should -Be @('A', 'B')
            Assert-Relative $losses[0].MSE 0.01 1e-13
            Assert-Relative $losses[1].MSE 0.156 1e-13
            # Ranking by MSE is ranking by Gaussian likelihood.
            $losses[0].GaussianNegativeLogLikelihood | Should -BeLessThan $losses[1].GaussianNegativeLogLikelihood
        }
    }

    Context 'PerObservation' {
        It 'streams one residual per pair' {
            $rows = @(Measure-RegressionLoss -Actual 1, 2, 3 -Predicted 2, 4, 6 -PerObservation -HuberDelta 1.5 -Quantile 0.9)
            $rows.Count | Should -Be 3
            $rows[0] | Should -BeOfType ([PSEstimation.RegressionResidual])
            $rows.Index | Should -Be @(0, 1, 2)
            $rows.Residual | Should -Be @(-1, -2, -3)
            # Hand derivation for residual -3: squared 9, Huber at 1.5 = 1.5 * (3 - 0.75) = 3.375,
            # pinball at 0.9 = (0.9 - 1) * -3 = 0.3; mpmath log(cosh(3)) = 2.3093285045777851.
            $rows[2].SquaredError | Should -Be 9
            $rows[2].HuberLoss | Should -Be 3.375
            Assert-Relative $rows[2].PinballLoss 0.3 1e-15
            Assert-Relative $rows[2].LogCoshLoss 2.3093285045777851 1e-14
        }
    }

    Context 'Likelihood view' {
        It 'has Gaussian NLL n/2*(log(2*pi*MSE) + 1) and Laplace NLL n*(log(2*MAE) + 1)' {
            $loss = Measure-RegressionLoss -Actual $Actual -Predicted $Predicted
            Assert-Relative $loss.GaussianNegativeLogLikelihood (5 / 2 * ([Math]::Log(2 * [Math]::PI * $loss.MSE) + 1)) 1e-14
            Assert-Relative $loss.LaplaceNegativeLogLikelihood (5 * ([Math]::Log(2 * $loss.MAE) + 1)) 1e-14
        }

        It 'stays finite and exact for a million pairs' {
            # r_i = ((i mod 7) - 3) / 4: exact rationals give MSE = 0.2500003125; mpmath gives the
            # Gaussian NLL 725791.97764433680769 and the Laplace NLL 845850.07017246044585.
            $n = 1000000
            $a = [double[]]::new($n)
            $p = [double[]]::new($n)
            for ($i = 0; $i -lt $n; $i++) {
                $a[$i] = 1 + 0.5 * $i
                $p[$i] = $a[$i] - ((($i % 7) - 3) / 4)
            }
            $loss = Measure-RegressionLoss -Actual $a -Predicted $p
            [double]::IsInfinity($loss.GaussianLogLikelihood) | Should -BeFalse
            [double]::IsNaN($loss.GaussianLogLikelihood) | Should -BeFalse
            Assert-Relative $loss.MSE 0.2500003125 1e-15
            Assert-Relative $loss.GaussianNegativeLogLikelihood 725791.97764433680769 1e-12
            Assert-Relative $loss.LaplaceNegativeLogLikelihood 845850.07017246044585 1e-12
        }

        It 'warns and gives -Infinity, not NaN, for perfect predictions' {
            $loss = Measure-RegressionLoss -Actual 1, 2, 3 -Predicted 1, 2, 3 -WarningVariable warn -WarningAction SilentlyContinue
            $loss.GaussianNegativeLogLikelihood | Should -Be ([double]::NegativeInfinity)
            $warn.Count | Should -BeGreaterThan 0
        }

        It 'warns when an actual value is 0 and divides by 2.220446049250313e-16 as scikit-learn' {
            # scikit-learn 1.2.1: mean_absolute_percentage_error([0, 1, 2], [0.5, 1.5, 2]) = 750599937895082.9
            $loss = Measure-RegressionLoss -Actual 0, 1, 2 -Predicted 0.5, 1.5, 2 -WarningVariable warn -WarningAction SilentlyContinue
            Assert-Relative $loss.MeanAbsolutePercentageError 750599937895082.9 1e-12
            $warn.Count | Should -Be 1
        }
    }

    Context 'Bad input' {
        It 'reports <Value> as <ErrorId> and skips its pair' -TestCases @(
            @{ Value = 'abc'; ErrorId = 'NotANumber' }
            @{ Value = '1,5'; ErrorId = 'NotANumber' }
            @{ Value = [double]::NaN; ErrorId = 'NonFiniteValue' }
            @{ Value = [double]::PositiveInfinity; ErrorId = 'NonFiniteValue' }
        ) {
            param($Value, $ErrorId)
            $loss = Measure-RegressionLoss -Actual 2.3, 2.5, 9, 3.1, 3.8, 2.7 -Predicted 2.4, 2.6, $Value, 3.0, 3.7, 2.8 -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeExactly "$ErrorId,$Id"
            $loss.SkippedCount | Should -Be 1
            $loss.SampleSize | Should -Be 5
            Assert-Relative $loss.MSE 0.01 1e-13
        }

        It 'reports a missing property as PropertyNotFound' {
            $loss = @([pscustomobject]@{ Actual = 1; Predicted = 2 }, [pscustomobject]@{ Actual = 3 }, [pscustomobject]@{ Actual = 2; Predicted = 2 }) |
                Measure-RegressionLoss -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeExactly "PropertyNotFound,$Id"
            $loss.SampleSize | Should -Be 2
        }

        It 'reports a negative weight as InvalidWeight' {
            $loss = Measure-RegressionLoss -Actual 1, 2, 3 -Predicted 1, 3, 3 -Weight 1, 1, -1 -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeExactly "InvalidWeight,$Id"
            $loss.SkippedCount | Should -Be 1
        }

        It 'stops on <Case> with <ErrorId>' -TestCases @(
            @{ Case = 'arrays of different lengths'; Script = { Measure-RegressionLoss -Actual 1, 2, 3 -Predicted 1, 2 }; ErrorId = 'LengthMismatch' }
            @{ Case = 'a weight array of another length'; Script = { Measure-RegressionLoss -Actual 1, 2, 3 -Predicted 1, 2, 4 -Weight 1, 1 }; ErrorId = 'LengthMismatch' }
            @{ Case = '-Actual without -Predicted'; Script = { Measure-RegressionLoss -Actual 1, 2 }; ErrorId = 'MissingParameter' }
            @{ Case = '-Predicted without -Actual'; Script = { Measure-RegressionLoss -Predicted 1, 2 }; ErrorId = 'MissingParameter' }
            @{ Case = 'no pairs'; Script = { @() | Measure-RegressionLoss }; ErrorId = 'NoUsableInput' }
            @{ Case = 'weights that sum to 0'; Script = { Measure-RegressionLoss -Actual 1, 2 -Predicted 1, 3 -Weight 0, 0 }; ErrorId = 'NoUsableInput' }
            @{ Case = 'HuberDelta 0'; Script = { Measure-RegressionLoss -Actual 1, 2 -Predicted 1, 3 -HuberDelta 0 }; ErrorId = 'InvalidParameterValue' }
            @{ Case = 'Quantile 1'; Script = { Measure-RegressionLoss -Actual 1, 2 -Predicted 1, 3 -Quantile 1 }; ErrorId = 'InvalidParameterValue' }
        ) {
            param($Case, $Script, $ErrorId)
            { & $Script } | Should -Throw -ErrorId "$ErrorId,$Id"
        }

        It 'names both lengths when they differ' {
            { Measure-RegressionLoss -Actual 1, 2, 3 -Predicted 1, 2 } | Should -Throw '*-Actual has 3 values and -Predicted has 2*'
        }
    }
}
