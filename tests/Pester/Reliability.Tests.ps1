# Pester 5 suite: issue 8's bad-input matrix, the same rows as the xunit
# tests/PSEstimation.Tests/Reliability/BadInputMatrixTests.cs (its expectations in CmdletSpecs.cs).
# Every cmdlet x family (or pair position) x hostile input ends in exactly one expected way: a
# result equal to reference.json, a non-terminating error with its full id followed by the
# result of the ordinary sample, or a terminating error with its full id and no output.
# reference.json is made by tests/PSEstimation.Tests/Reliability/make_reference.py (mpmath at
# 40 digits, scipy 1.10 starts, exact fractions), never by this module.
# Run with ./build.ps1 -Task Test (needs pwsh and Pester 5).

BeforeDiscovery {
    $referencePath = Join-Path $PSScriptRoot '../PSEstimation.Tests/Reliability/reference.json'
    $reference = Get-Content $referencePath -Raw | ConvertFrom-Json

    $families = @(
        'Normal', 'LogNormal', 'Exponential', 'Gamma', 'Weibull', 'Beta', 'Laplace', 'Logistic', 'Cauchy', 'StudentT',
        'Uniform', 'Pareto', 'Rayleigh', 'Poisson', 'Bernoulli', 'Binomial', 'Geometric', 'NegativeBinomial', 'Categorical')
    $cases = @(
        'Null', 'String', 'CultureComma', 'NaN', 'PositiveInfinity', 'NegativeInfinity', 'DecimalMax', 'Huge', 'Subnormal',
        'Int64Min', 'True', 'Hashtable', 'Nested', 'DateTime', 'Negative', 'Zero', 'NonInteger', 'One', 'Outlier',
        'CodeString', 'CommandString', 'EmptyPipeline', 'EmptyArray', 'OnlyNull', 'SingleValue', 'TwoValues', 'AllEqual',
        'UnequalLengths', 'UnknownDistribution', 'UnknownParameter', 'ConfidenceLevel0', 'ConfidenceLevel1',
        'ConfidenceLevel1.5', 'ConfidenceLevelNaN')
    $numbers = @{
        DecimalMax = [double][decimal]::MaxValue; Huge = 1e308; Subnormal = 1e-320; Int64Min = [double][long]::MinValue
        Negative = -1.0; Zero = 0.0; NonInteger = 2.5; One = 1.0; Outlier = 1e15
    }

    function ConvertTo-Number($Value) {
        if ($Value -is [string]) { return [double]::Parse($Value, [cultureinfo]::InvariantCulture) }
        [double]$Value
    }

    function New-Row([string] $Kind, [string] $ErrorId, [string] $ReferenceKey, [bool] $Warning = $false) {
        @{ Kind = $Kind; ErrorId = $ErrorId; ReferenceKey = $ReferenceKey; Warning = $Warning }
    }

    # The support column of the contract's table (Rayleigh: x > 0 for the fit; Binomial with Trials = 10).
    function Test-InFitSupport([string] $Family, [double] $X) {
        switch ($Family) {
            { $_ -in 'Normal', 'Laplace', 'Logistic', 'Cauchy', 'StudentT', 'Uniform', 'Categorical' } { return $true }
            { $_ -in 'LogNormal', 'Gamma', 'Weibull', 'Rayleigh', 'Pareto' } { return $X -gt 0 }
            'Exponential' { return $X -ge 0 }
            'Beta' { return $X -gt 0 -and $X -lt 1 }
            { $_ -in 'Poisson', 'Geometric', 'NegativeBinomial' } { return $X -ge 0 -and [math]::Floor($X) -eq $X }
            'Bernoulli' { return $X -eq 0 -or $X -eq 1 }
            'Binomial' { return $X -ge 0 -and $X -le 10 -and [math]::Floor($X) -eq $X }
        }
    }

    # Samples that identify no estimate (n = 1, all equal; two values for Cauchy and the negative binomial).
    function Get-Degenerate([string] $Family, [string] $Case) {
        if ($Case -in 'SingleValue', 'AllEqual') {
            if ($Family -in 'Normal', 'LogNormal', 'Gamma', 'Weibull', 'Beta', 'Logistic', 'Cauchy', 'StudentT', 'Laplace', 'Uniform', 'Pareto') { return 'ZeroVariance' }
            if ($Family -eq 'NegativeBinomial') { return 'NoFiniteEstimate' }
        }
        if ($Case -eq 'TwoValues') {
            if ($Family -eq 'NegativeBinomial') { return 'NoFiniteEstimate' }
            if ($Family -eq 'Cauchy') { return 'UnboundedLikelihood' }
        }
        $null
    }

    # A valid but extreme number for a fit: InformationOutOfRange where the information leaves the
    # double range, EstimateOutOfRange where the estimate does, Converged = False where no maximum
    # exists (reference.json: NoMaximum), else the result, with a warning where a log-likelihood or
    # a standard error is beyond the double range.
    function Get-FitOfNumber([string] $Family, [string] $Case) {
        if ("$Family/$Case" -in 'Gamma/Huge', 'Logistic/Huge') { return New-Row 'Terminating' 'InformationOutOfRange' }
        $fit = $reference.Fits."$Family/$Case"
        if ($null -ne $fit.NoMaximum) { return New-Row 'NotConverged' $null $null $true }
        foreach ($value in $fit.Parameters.PSObject.Properties.Value) {
            if ([double]::IsInfinity((ConvertTo-Number $value))) { return New-Row 'Terminating' 'EstimateOutOfRange' }
        }
        $warning = [double]::IsInfinity((ConvertTo-Number $fit.LogLikelihood)) -or ("$Family/$Case" -in 'Rayleigh/Huge', 'Laplace/Huge')
        New-Row 'Result' $null $Case $warning
    }

    function Get-FitExpectation([string] $Family, [string] $Case) {
        $categorical = $Family -eq 'Categorical'
        switch ($Case) {
            'Null' { return New-Row 'Result' $null 'Base' }
            { $_ -in 'String', 'CultureComma', 'CodeString', 'CommandString' } {
                if ($categorical) { return New-Row 'Result' $null $Case } else { return New-Row 'Skipped' 'NotANumber' 'Base' }
            }
            { $_ -in 'NaN', 'PositiveInfinity', 'NegativeInfinity' } { return New-Row 'Skipped' 'NonFiniteValue' 'Base' }
            'True' { if ($categorical -or $Family -eq 'Bernoulli') { return New-Row 'Result' $null 'True' } else { return New-Row 'Skipped' 'NotANumber' 'Base' } }
            'Hashtable' { if ($categorical) { return New-Row 'Skipped' 'NotAScalar' 'Base' } else { return New-Row 'Skipped' 'NotANumber' 'Base' } }
            'DateTime' { if ($categorical) { return New-Row 'Result' $null 'DateTime' } else { return New-Row 'Skipped' 'NotANumber' 'Base' } }
            'Nested' { return New-Row 'Result' $null 'Nested' }
            { $_ -in 'EmptyPipeline', 'EmptyArray', 'OnlyNull' } { return New-Row 'Terminating' 'NoUsableInput' }
            { $_ -in 'SingleValue', 'TwoValues', 'AllEqual' } {
                $id = Get-Degenerate $Family $Case
                if ($id) { return New-Row 'Terminating' $id } else { return New-Row 'Result' $null $Case }
            }
            'UnknownDistribution' { if ($Family -eq 'Normal') { return New-Row 'Terminating' 'CannotConvertArgumentNoMessage' } else { return $null } }
            'UnknownParameter' { return New-Row 'Terminating' 'UnknownParameter' }
            { $_ -like 'ConfidenceLevel*' } { return New-Row 'Terminating' 'InvalidConfidenceLevel' }
            'UnequalLengths' { return $null }
        }
        if ($categorical) { return New-Row 'Result' $null $Case }
        if (Test-InFitSupport $Family $numbers[$Case]) { return Get-FitOfNumber $Family $Case }
        New-Row 'Skipped' 'ValueOutsideSupport' 'Base'
    }

    function Get-NllExpectation([string] $Family, [string] $Case) {
        if ($Case -eq 'UnknownDistribution') {
            if ($Family -eq 'Normal') { return New-Row 'Terminating' 'CannotConvertArgumentNoMessage' } else { return $null }
        }
        if ($Case -like 'ConfidenceLevel*' -or $Case -eq 'UnequalLengths') { return $null }
        # Categorical's NLL (any scalar, a probability table) is tested on its own, in
        # tests/PSEstimation.Tests/Commands/CategoricalNegativeLogLikelihoodTests.cs.
        if ($Family -eq 'Categorical') { return $null }
        switch ($Case) {
            'Null' { return New-Row 'Result' $null 'Base' }
            { $_ -in 'String', 'CultureComma', 'CodeString', 'CommandString', 'Hashtable', 'DateTime' } { return New-Row 'Skipped' 'NotANumber' 'Base' }
            { $_ -in 'NaN', 'PositiveInfinity', 'NegativeInfinity' } { return New-Row 'Skipped' 'NonFiniteValue' 'Base' }
            'True' { if ($Family -ne 'Bernoulli') { return New-Row 'Skipped' 'NotANumber' 'Base' } }
            { $_ -in 'EmptyPipeline', 'EmptyArray', 'OnlyNull' } { return New-Row 'Terminating' 'NoUsableInput' }
            'UnknownParameter' { return New-Row 'Terminating' 'UnknownParameter' }
        }
        # Every number is evaluated: outside the support its NLL is +Infinity, with a warning.
        $value = ConvertTo-Number $reference.Nll."$Family/$Case".Value
        New-Row 'Result' $null $Case ([double]::IsInfinity($value))
    }

    function Get-LossExpectation([string] $Column, [string] $Case) {
        $pipeline = $Column -like 'Pipeline*'
        $position = $Column -replace '^Pipeline', ''
        switch ($Case) {
            { $_ -in 'Null', 'String', 'CultureComma', 'CodeString', 'CommandString', 'Hashtable', 'DateTime', 'True', 'Nested' } { return New-Row 'Skipped' 'NotANumber' 'Base' }
            { $_ -in 'NaN', 'PositiveInfinity', 'NegativeInfinity' } { return New-Row 'Skipped' 'NonFiniteValue' 'Base' }
            'EmptyPipeline' { if ($pipeline) { return New-Row 'Terminating' 'NoUsableInput' } else { return $null } }
            'OnlyNull' { return New-Row 'Terminating' 'NoUsableInput' }
            'EmptyArray' { if ($pipeline) { return $null } else { return New-Row 'Terminating' 'NoUsableInput' } }
            'UnequalLengths' { if ($pipeline) { return $null } else { return New-Row 'Terminating' 'LengthMismatch' } }
            { $_ -in 'SingleValue', 'TwoValues', 'AllEqual' } {
                if ($position -ne 'Actual') { return $null }
                $key = $Case
            }
            { $_ -in 'UnknownDistribution', 'UnknownParameter' -or $_ -like 'ConfidenceLevel*' } { return $null }
            default { $key = "$position/$Case" }
        }
        $mse = ConvertTo-Number $reference.Loss.$key.MeanSquaredError
        $warning = [double]::IsInfinity($mse) -or $key -in 'Actual/Zero', 'Actual/Subnormal'
        New-Row 'Result' $null $key $warning
    }

    $specs = @(
        @{ Cmdlet = 'Get-MLEstimate'; Class = 'GetMLEstimateCommand'; Columns = $families; Expect = ${function:Get-FitExpectation} }
        @{ Cmdlet = 'Measure-NegativeLogLikelihood'; Class = 'MeasureNegativeLogLikelihoodCommand'; Columns = $families; Expect = ${function:Get-NllExpectation} }
        @{ Cmdlet = 'Measure-RegressionLoss'; Class = 'MeasureRegressionLossCommand'; Columns = @('Actual', 'Predicted', 'PipelineActual', 'PipelinePredicted'); Expect = ${function:Get-LossExpectation} }
    )

    $rows = foreach ($spec in $specs) {
        foreach ($column in $spec.Columns) {
            foreach ($case in $cases) {
                $row = & $spec.Expect $column $case
                if ($row) {
                    $row.Cmdlet = $spec.Cmdlet
                    $row.Class = $spec.Class
                    $row.Column = $column
                    $row.Case = $case
                    $row
                }
            }
        }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSEstimation/PSEstimation.psd1') -Force

    $script:Reference = Get-Content (Join-Path $PSScriptRoot '../PSEstimation.Tests/Reliability/reference.json') -Raw | ConvertFrom-Json

    function ConvertTo-Number($Value) {
        if ($Value -is [string]) { return [double]::Parse($Value, [cultureinfo]::InvariantCulture) }
        [double]$Value
    }

    # Relative comparison; ±Infinity and NaN must match exactly.
    function Assert-Number([double] $Actual, [double] $Expected, [double] $Tolerance, [double] $Floor = 1e-300) {
        if ([double]::IsNaN($Expected) -or [double]::IsInfinity($Expected)) {
            $Actual.Equals($Expected) | Should -BeTrue -Because "expected $Expected, got $Actual"
            return
        }
        $scale = [math]::Max([math]::Abs($Expected), $Floor)
        [math]::Abs($Actual - $Expected) / $scale | Should -BeLessOrEqual $Tolerance -Because "expected $Expected, got $Actual"
    }

    function Get-Sample([string] $Family, [string] $Name) { $script:Reference.Samples.$Family.$Name }

    function Get-HostileValue([string] $Case, [string] $Family) {
        switch ($Case) {
            'Null' { return $null }
            'String' { return 'abc' }
            'CultureComma' { return '1,5' }
            'NaN' { return [double]::NaN }
            'PositiveInfinity' { return [double]::PositiveInfinity }
            'NegativeInfinity' { return [double]::NegativeInfinity }
            'DecimalMax' { return [decimal]::MaxValue }
            'Huge' { return 1e308 }
            'Subnormal' { return [double]::Parse('1e-320', [cultureinfo]::InvariantCulture) }
            'Int64Min' { return [long]::MinValue }
            'True' { return $true }
            'Hashtable' { return @{ a = 1 } }
            'Nested' {
                # @(v1, @(v2, v3)): the input layer enumerates arrays recursively.
                $v = if ($Family -in 'Actual', 'Predicted', 'PipelineActual', 'PipelinePredicted') { 1.0, 2.0, 3.0 } else { Get-Sample $Family 'Nested' }
                return , @($v[0], @($v[1], $v[2]))
            }
            'DateTime' { return [datetime]::new(2020, 1, 1, 0, 0, 0, [DateTimeKind]::Utc) }
            'Negative' { return -1 }
            'Zero' { return 0 }
            'NonInteger' { return 2.5 }
            'One' { return 1.0 }
            'Outlier' { return 1e15 }
            'CodeString' { return '$(Remove-Item x)' }
            'CommandString' { return '1; calc' }
        }
    }

    function Get-Parameters([string] $Family) {
        if ($Family -eq 'Categorical') { return @{ a = 0.5; b = 0.3; c = 0.2 } }
        $table = @{}
        foreach ($p in $script:Reference.Theta.$Family.PSObject.Properties) { $table[$p.Name] = [double]$p.Value }
        $table
    }

    # Runs one row; returns its output, non-terminating errors, warnings and terminating error.
    function Invoke-Row([string] $Cmdlet, [string] $Column, [string] $Case) {
        $common = @{ ErrorVariable = 'rowErrors'; ErrorAction = 'SilentlyContinue'; WarningVariable = 'rowWarnings'; WarningAction = 'SilentlyContinue' }
        $rowErrors = $null
        $rowWarnings = $null
        $terminating = $null
        $output = @()
        $levels = @{ ConfidenceLevel0 = 0.0; ConfidenceLevel1 = 1.0; 'ConfidenceLevel1.5' = 1.5; ConfidenceLevelNaN = [double]::NaN }
        try {
            switch ($Cmdlet) {
                'Get-MLEstimate' {
                    $fixed = if ($Column -eq 'Binomial') { @{ Trials = 10 } } else { $null }
                    $data = @(Get-Sample $Column 'Base')
                    switch -Wildcard ($Case) {
                        'EmptyPipeline' { $output = @(@() | Get-MLEstimate -Distribution $Column -Fixed $fixed @common) }
                        'EmptyArray' { $output = @(Get-MLEstimate -Distribution $Column -Fixed $fixed -InputObject @() @common) }
                        'OnlyNull' { $output = @($null | Get-MLEstimate -Distribution $Column -Fixed $fixed @common) }
                        'UnknownDistribution' { $output = @($data | Get-MLEstimate -Distribution 'NoSuchDistribution' @common) }
                        'UnknownParameter' { $output = @($data | Get-MLEstimate -Distribution $Column -Fixed @{ NoSuchParameter = 1; Trials = 10 } @common) }
                        'ConfidenceLevel*' { $output = @($data | Get-MLEstimate -Distribution $Column -Fixed $fixed -ConfidenceLevel $levels[$Case] @common) }
                        { $_ -in 'SingleValue', 'TwoValues', 'AllEqual' } { $output = @((Get-Sample $Column $Case) | Get-MLEstimate -Distribution $Column -Fixed $fixed @common) }
                        default { $output = @(($data + , (Get-HostileValue $Case $Column)) | Get-MLEstimate -Distribution $Column -Fixed $fixed @common) }
                    }
                }
                'Measure-NegativeLogLikelihood' {
                    $parameters = Get-Parameters $Column
                    $data = @(Get-Sample $Column 'Base')
                    switch ($Case) {
                        'EmptyPipeline' { $output = @(@() | Measure-NegativeLogLikelihood -Distribution $Column -Parameter $parameters @common) }
                        'EmptyArray' { $output = @(Measure-NegativeLogLikelihood -Distribution $Column -Parameter $parameters -InputObject @() @common) }
                        'OnlyNull' { $output = @($null | Measure-NegativeLogLikelihood -Distribution $Column -Parameter $parameters @common) }
                        'UnknownDistribution' { $output = @($data | Measure-NegativeLogLikelihood -Distribution 'NoSuchDistribution' -Parameter $parameters @common) }
                        'UnknownParameter' {
                            $parameters['NoSuchParameter'] = 1
                            $output = @($data | Measure-NegativeLogLikelihood -Distribution $Column -Parameter $parameters @common)
                        }
                        { $_ -in 'SingleValue', 'TwoValues', 'AllEqual' } { $output = @((Get-Sample $Column $Case) | Measure-NegativeLogLikelihood -Distribution $Column -Parameter $parameters @common) }
                        default { $output = @(($data + , (Get-HostileValue $Case $Column)) | Measure-NegativeLogLikelihood -Distribution $Column -Parameter $parameters @common) }
                    }
                }
                'Measure-RegressionLoss' {
                    $pipeline = $Column -like 'Pipeline*'
                    $actual = [System.Collections.Generic.List[object]]::new()
                    $predicted = [System.Collections.Generic.List[object]]::new()
                    foreach ($v in (Get-Sample 'Loss' 'Actual')) { $actual.Add($v) }
                    foreach ($v in (Get-Sample 'Loss' 'Predicted')) { $predicted.Add($v) }
                    $done = $true
                    switch ($Case) {
                        'EmptyPipeline' { $output = @(@() | Measure-RegressionLoss @common) }
                        'EmptyArray' { $output = @(Measure-RegressionLoss -Actual @() -Predicted @() @common) }
                        'OnlyNull' {
                            if ($pipeline) { $output = @($null | Measure-RegressionLoss @common) }
                            else { $output = @(Measure-RegressionLoss -Actual @($null) -Predicted @($null) @common) }
                        }
                        default { $done = $false }
                    }
                    if (-not $done) {
                        switch ($Case) {
                            'UnequalLengths' { $predicted.RemoveAt($predicted.Count - 1) }
                            'SingleValue' { $actual.RemoveRange(1, $actual.Count - 1); $predicted.RemoveRange(1, $predicted.Count - 1) }
                            'TwoValues' { $actual.RemoveRange(2, $actual.Count - 2); $predicted.RemoveRange(2, $predicted.Count - 2) }
                            'AllEqual' {
                                $a0 = $actual[0]; $p0 = $predicted[0]
                                $actual.Clear(); $predicted.Clear()
                                foreach ($i in 1..4) { $actual.Add($a0); $predicted.Add($p0) }
                            }
                            default {
                                $value = Get-HostileValue $Case $Column
                                if ($Column -like '*Actual') { $actual.Add($value); $predicted.Add(3.0) } else { $actual.Add(3.0); $predicted.Add($value) }
                            }
                        }
                        if ($pipeline) {
                            $pairs = for ($i = 0; $i -lt $actual.Count; $i++) { [pscustomobject]@{ Actual = $actual[$i]; Predicted = $predicted[$i] } }
                            $output = @($pairs | Measure-RegressionLoss @common)
                        }
                        else {
                            $output = @(Measure-RegressionLoss -Actual $actual.ToArray() -Predicted $predicted.ToArray() @common)
                        }
                    }
                }
            }
        }
        catch {
            $terminating = $_
        }
        @{ Output = $output; Errors = @($rowErrors); Warnings = @($rowWarnings); Terminating = $terminating }
    }

    function Assert-Fit([string] $Family, [string] $ReferenceKey, [bool] $Skipped, $Fit) {
        $ref = $script:Reference.Fits."$Family/$ReferenceKey"
        $closed = $Family -in 'Normal', 'LogNormal', 'Exponential', 'Rayleigh', 'Pareto', 'Uniform', 'Laplace', 'Poisson', 'Bernoulli', 'Binomial', 'Geometric', 'Categorical'
        $tolerance = if ($closed) { 1e-12 } else { 1e-9 }
        $Fit.SampleSize | Should -Be $ref.SampleSize
        $Fit.SkippedCount | Should -Be ([int]$Skipped)
        $Fit.Converged | Should -BeTrue
        if ($Family -eq 'Categorical') {
            $Fit.Parameters | Should -HaveCount @($ref.Probabilities).Count
            for ($i = 0; $i -lt @($ref.Probabilities).Count; $i++) {
                Assert-Number $Fit.Parameters[$i].Value (ConvertTo-Number @($ref.Probabilities)[$i]) $tolerance
            }
        }
        else {
            foreach ($p in $ref.Parameters.PSObject.Properties) {
                $actual = ($Fit.Parameters | Where-Object Name -EQ $p.Name).Value
                Assert-Number $actual (ConvertTo-Number $p.Value) $tolerance
            }
        }
        Assert-Number $Fit.LogLikelihood (ConvertTo-Number $ref.LogLikelihood) $tolerance 1
    }

    function Assert-Nll([string] $Family, [string] $ReferenceKey, [bool] $Skipped, $Nll) {
        $ref = $script:Reference.Nll."$Family/$ReferenceKey"
        $Nll.SampleSize | Should -Be $ref.SampleSize
        $Nll.SkippedCount | Should -Be ([int]$Skipped)
        Assert-Number $Nll.Value (ConvertTo-Number $ref.Value) 1e-12 1
    }

    function Assert-Loss([string] $ReferenceKey, [bool] $Skipped, $Loss) {
        $ref = $script:Reference.Loss.$ReferenceKey
        $Loss.SampleSize | Should -Be $ref.SampleSize
        $Loss.SkippedCount | Should -Be ([int]$Skipped)
        foreach ($name in 'MeanSquaredError', 'MeanAbsoluteError', 'MedianAbsoluteError', 'MaxError', 'RSquared') {
            Assert-Number $Loss.$name (ConvertTo-Number $ref.$name) 1e-12
        }
    }
}

Describe 'Bad-input matrix' {
    It '<Cmdlet> <Column> <Case>: <Kind> <ErrorId>' -TestCases $rows {
        $r = Invoke-Row -Cmdlet $Cmdlet -Column $Column -Case $Case
        $qualified = "$ErrorId,PSEstimation.Commands.$Class"

        if ($Kind -eq 'Terminating') {
            $r.Terminating | Should -Not -BeNullOrEmpty
            $r.Terminating.FullyQualifiedErrorId | Should -BeExactly $qualified
            $r.Output | Should -HaveCount 0
            return
        }

        $r.Terminating | Should -BeNullOrEmpty
        $ids = @($r.Errors | Where-Object { $null -ne $_ } | ForEach-Object { $_.FullyQualifiedErrorId })
        if ($Kind -eq 'Skipped') {
            $ids | Should -HaveCount 1
            $ids[0] | Should -BeExactly $qualified
        }
        else {
            $ids | Should -HaveCount 0
        }
        if ($Warning) {
            @($r.Warnings | Where-Object { $null -ne $_ }).Count | Should -BeGreaterThan 0
        }
        $r.Output | Should -HaveCount 1

        if ($Kind -eq 'NotConverged') {
            $r.Output[0].Converged | Should -BeFalse
            return
        }

        $skipped = $Kind -eq 'Skipped'
        switch ($Cmdlet) {
            'Get-MLEstimate' { Assert-Fit $Column $ReferenceKey $skipped $r.Output[0] }
            'Measure-NegativeLogLikelihood' { Assert-Nll $Column $ReferenceKey $skipped $r.Output[0] }
            'Measure-RegressionLoss' { Assert-Loss $ReferenceKey $skipped $r.Output[0] }
        }
    }
}
