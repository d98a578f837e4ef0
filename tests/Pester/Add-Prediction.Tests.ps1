# Pester 5 suite: Add-Prediction (streaming predictions of a regression model) against tests/reference/regression.json (R lm, quantreg::rq, glm, MASS::glm.nb,
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

Describe 'Add-Prediction' {
    It 'streams the reference predictions into Measure-RegressionLoss' {
        $case = $script:reference.Cases | Where-Object Id -eq 'stackloss_laplace'
        $rows = Get-CaseRows $case
        $m = $rows | Get-MLEstimate Laplace -Response StackLoss -Predictor AirFlow, WaterTemp, AcidConc
        $predicted = @($rows | Add-Prediction -Estimate $m -Interval)
        $predicted.Count | Should -Be $case.Predictions.Count
        for ($i = 0; $i -lt $predicted.Count; $i++) {
            Assert-Relative $case.Predictions[$i].Predicted $predicted[$i].Predicted 1e-8 "Predicted $i"
            Assert-Relative $case.Predictions[$i].Intervals.natural_scale[0] $predicted[$i].PredictedLower 1e-6 "Lower $i"
        }
        $loss = $rows | Add-Prediction -Estimate $m | Measure-RegressionLoss -ActualProperty StackLoss -PredictedProperty Predicted
        Assert-Relative $m.Estimate.Scale $loss.MeanAbsoluteError 1e-12 'Laplace Scale = MAE'
    }

    It 'adds Predicted for a categorical predictor and rejects an unseen level' {
        $rows = 1..12 | ForEach-Object { [pscustomobject]@{ y = [string](2 * $_ + @(0, 1, 3)[$_ % 3] + @(0.3, -0.2, 0.1, -0.4)[$_ % 4]); x = [string]$_; g = @('a', 'b', 'c')[$_ % 3] } }
        $m = $rows | Get-MLEstimate Normal -Response y -Predictor x, g
        $p = [pscustomobject]@{ x = '4'; g = 'c' } | Add-Prediction -Estimate $m
        $p.Predicted | Should -Be ($m.Estimate.Intercept + 4 * $m.Estimate.x + $m.Estimate.gc)
        [pscustomobject]@{ x = '4'; g = 'z' } | Add-Prediction -Estimate $m -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeExactly 'UnknownLevel,PSEstimation.Commands.AddPredictionCommand'
    }

    Context 'rows read and written as the engine would' {
        # OLS of y = 1, 3, 2, 4 on x = 0..3 by hand: Sxy = 4, Sxx = 5, slope 0.8, intercept 1.3;
        # of y = 4, 2, 3, 1: slope -0.8, intercept 3.7.
        BeforeAll {
            $script:rows = 0..3 | ForEach-Object { [pscustomobject]@{ x = [string]$_; y = [string](@(1, 3, 2, 4)[$_]) } }
            $script:other = 0..3 | ForEach-Object { [pscustomobject]@{ x = [string]$_; y = [string](@(4, 2, 3, 1)[$_]) } }
            $script:m1 = $script:rows | Get-MLEstimate Normal -Response y -Predictor x
            $script:m2 = $script:other | Get-MLEstimate Normal -Response y -Predictor x
        }

        It 'overwrites Predicted on a second pass and adds no other property' {
            $null = $script:rows | Add-Prediction -Estimate $script:m1
            $again = @($script:rows | Add-Prediction -Estimate $script:m2)
            for ($i = 0; $i -lt 4; $i++) {
                $again[$i].Predicted | Should -BeGreaterThan (3.7 - 0.8 * $i - 1e-12)
                $again[$i].Predicted | Should -BeLessThan (3.7 - 0.8 * $i + 1e-12)
                @($again[$i].PSObject.Properties.Name) | Should -Be @('x', 'y', 'Predicted')
            }
        }

        It 'matches predictor names to properties whatever their case' {
            $p = [pscustomobject]@{ X = '1' } | Add-Prediction -Estimate $script:m1
            $p.Predicted | Should -BeGreaterThan (2.1 - 1e-12)
            $p.Predicted | Should -BeLessThan (2.1 + 1e-12)
        }

        It 'reads a hashtable row by its keys' {
            $p = @{ x = '10' } | Add-Prediction -Estimate $script:m1
            $p.PSObject.Properties['Predicted'].Value | Should -BeGreaterThan (9.3 - 1e-12)
            $p.PSObject.Properties['Predicted'].Value | Should -BeLessThan (9.3 + 1e-12)
        }
    }
}
