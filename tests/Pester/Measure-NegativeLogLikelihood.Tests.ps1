# Measure-NegativeLogLikelihood: reference values, binding, streaming, support, errors, output.
# Expected numbers come from tests/reference/nll.json (analytic formulas checked against R's
# d-functions, numDeriv and scipy), CONTRACT.md, or hand derivations written beside them.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSEstimation/PSEstimation.psd1') -Force

    $script:IdSuffix = ',PSEstimation.Commands.MeasureNegativeLogLikelihoodCommand'
    $script:Seed = 2.3, 2.5, 3.1, 3.8, 2.7

    # Relative error |actual - expected| / |expected| <= tolerance; absolute where the reference
    # itself is within the tolerance of 0 (a gradient at the optimum).
    function Assert-Near {
        param([double] $Actual, [double] $Expected, [double] $Tolerance = 1e-12, [string] $What = 'value')
        $scale = if ([math]::Abs($Expected) -le $Tolerance) { 1.0 } else { [math]::Abs($Expected) }
        $difference = [math]::Abs($Actual - $Expected) / $scale
        $difference | Should -BeLessOrEqual $Tolerance -Because "$What should be $Expected (got $Actual)"
    }
}

Describe 'Measure-NegativeLogLikelihood' {

    Context 'The contract''s worked example' {
        It 'gives NLL 3.926523529277739 and a zero gradient at the seed fit' {
            # CONTRACT.md: NLL of the seed data at its MLE is 3.926523529277739, gradient ~ (0, 0).
            $fit = $Seed | Get-MLEstimate Normal
            $r = $Seed | Measure-NegativeLogLikelihood -Estimate $fit
            Assert-Near $r.Value 3.926523529277739 -What 'Value'
            Assert-Near $r.LogLikelihood -3.926523529277739 -What 'LogLikelihood'
            Assert-Near $r.Gradient[0] 0 -What 'Gradient[Mean]'
            Assert-Near $r.Gradient[1] 0 -What 'Gradient[Variance]'
            Assert-Near $r.FisherInformation[0, 0] 17.75568181818182 -What 'I[0,0]'
            Assert-Near $r.FisherInformation[1, 1] 31.52642368285125 -What 'I[1,1]'
        }

        It 'has a gradient equal to minus the score of the fit' {
            # With Variance fixed at 1 the score in Variance is 0.704 - 2.5 = -1.796 (hand derivation).
            $fit = $Seed | Get-MLEstimate Normal -Fixed @{ Variance = 1 }
            $r = $Seed | Measure-NegativeLogLikelihood -Estimate $fit
            Assert-Near $fit.Score[1] -1.796 -What 'Score[Variance]'
            Assert-Near $r.Gradient[1] (-$fit.Score[1]) -What 'Gradient[Variance]'
            Assert-Near $r.Gradient[0] (-$fit.Score[0]) -What 'Gradient[Mean]'
        }
    }

    Context 'Reference values of every family (tests/reference/nll.json)' {
        It '<Case>: <Distribution> NLL, gradient and Fisher information' -TestCases @(
            @{ Case = 'seed_normal_at_mle'; Distribution = 'Normal'; Data = @(2.3, 2.5, 3.1, 3.8, 2.7); Parameter = @{ Mean = 2.88; Variance = 0.28159999999999996 }
               Value = 3.926523529277739; Gradient = @(-1.5770213417970976e-15, -1.7763568394002505e-15); Fisher = @(17.75568181818182, 0.0, 0.0, 31.52642368285125) }
            @{ Case = 'seed_normal_nonopt_1'; Distribution = 'Normal'; Data = @(2.3, 2.5, 3.1, 3.8, 2.7); Parameter = @{ Mean = 3.0; Variance = 0.5 }
               Value = 4.3418247146235; Gradient = @(1.2000000000000002, 2.0400000000000005); Fisher = @(10.0, 0.0, 0.0, 10.0) }
            @{ Case = 'seed_normal_nonopt_2'; Distribution = 'Normal'; Data = @(2.3, 2.5, 3.1, 3.8, 2.7); Parameter = @{ Mean = 2.5; Variance = 0.2 }
               Value = 5.896097884938112; Gradient = @(-9.499999999999998, -14.124999999999993); Fisher = @(25.0, 0.0, 0.0, 62.499999999999986) }
            @{ Case = 'seed_laplace_nonopt_1'; Distribution = 'Laplace'; Data = @(2.3, 2.5, 3.1, 3.8, 2.7); Parameter = @{ Location = 2.9; Scale = 0.5 }
               Value = 4.6; Gradient = @(2.0, 0.8000000000000007); Fisher = @(20.0, 0.0, 0.0, 20.0) }
            @{ Case = 'seed_laplace_nonopt_2'; Distribution = 'Laplace'; Data = @(2.3, 2.5, 3.1, 3.8, 2.7); Parameter = @{ Location = 3.0; Scale = 0.4 }
               Value = 4.884282243428951; Gradient = @(2.5, -2.4999999999999964); Fisher = @(31.249999999999993, 0.0, 0.0, 31.249999999999993) }
            @{ Case = 'small_poisson_nonopt'; Distribution = 'Poisson'; Data = @(0, 1, 2, 3, 4, 2, 1); Parameter = @{ Lambda = 1.5 }
               Value = 11.585061255289755; Gradient = @(-1.666666666666666); Fisher = @(4.666666666666667) }
            @{ Case = 'small_exponential_nonopt'; Distribution = 'Exponential'; Data = @(0.5, 1.2, 0.3, 2.2, 0.9); Parameter = @{ Rate = 1.0 }
               Value = 5.1000000000000005; Gradient = @(0.10000000000000053); Fisher = @(5.0) }
            @{ Case = 'small_gamma_nonopt'; Distribution = 'Gamma'; Data = @(1.2, 2.5, 0.7, 3.1, 1.9, 2.2); Parameter = @{ Shape = 2.0; Rate = 1.0 }
               Value = 8.296349297242857; Gradient = @(-0.7669446921663403, -0.40000000000000036); Fisher = @(3.8696044010893598, -6.0, -6.0, 12.0) }
            @{ Case = 'small_bernoulli_nonopt'; Distribution = 'Bernoulli'; Data = @(1, 0, 1, 1, 0, 1, 0, 1); Parameter = @{ P = 0.6 }
               Value = 5.303000314452419; Gradient = @(-0.8333333333333339); Fisher = @(33.333333333333336) }
        ) {
            $r = $Data | Measure-NegativeLogLikelihood $Distribution -Parameter $Parameter
            $r | Should -BeOfType ([PSEstimation.NegativeLogLikelihood])
            $r.SampleSize | Should -Be $Data.Count
            Assert-Near $r.Value $Value -What "$Case Value"
            Assert-Near $r.LogLikelihood (-$Value) -What "$Case LogLikelihood"
            $r.Gradient | Should -HaveCount $Gradient.Count
            for ($i = 0; $i -lt $Gradient.Count; $i++) {
                Assert-Near $r.Gradient[$i] $Gradient[$i] -What "$Case Gradient[$i]"
            }

            $p = $Gradient.Count
            for ($i = 0; $i -lt $p; $i++) {
                for ($j = 0; $j -lt $p; $j++) {
                    Assert-Near $r.FisherInformation[$i, $j] $Fisher[$i * $p + $j] -What "$Case FisherInformation[$i,$j]"
                }
            }
        }
    }

    Context 'Binding' {
        It 'takes values <Form>' -TestCases @(
            @{ Form = 'from the pipeline'; Script = { 2.3, 2.5, 3.1, 3.8, 2.7 | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 3; Variance = 0.5 } } }
            @{ Form = 'by -InputObject'; Script = { Measure-NegativeLogLikelihood -Distribution Normal -InputObject 2.3, 2.5, 3.1, 3.8, 2.7 -Parameter @{ Mean = 3; Variance = 0.5 } } }
            @{ Form = 'by position'; Script = { Measure-NegativeLogLikelihood Normal 2.3, 2.5, 3.1, 3.8, 2.7 -Parameter @{ Mean = 3; Variance = 0.5 } } }
            @{ Form = 'as numeric strings'; Script = { '2.3', '2.5', '3.1', '3.8', '2.7' | Measure-NegativeLogLikelihood gaussian -Parameter @{ mean = '3'; VARIANCE = 0.5 } } }
            @{ Form = 'from a property'; Script = { 2.3, 2.5, 3.1, 3.8, 2.7 | ForEach-Object { [pscustomobject]@{ T = $_ } } | Measure-NegativeLogLikelihood Normal -Property T -Parameter @{ Mean = 3; Variance = 0.5 } } }
            @{ Form = 'as one array'; Script = { , 2.3, 2.5, 3.1, 3.8, 2.7 | Measure-NegativeLogLikelihood Normal -Parameter ([ordered]@{ Mean = 3; Variance = 0.5 }) } }
            @{ Form = 'with -Estimate of any object with Distribution and Estimate'; Script = { 2.3, 2.5, 3.1, 3.8, 2.7 | Measure-NegativeLogLikelihood -Estimate ([pscustomobject]@{ Distribution = 'Normal'; Estimate = @{ Mean = 3; Variance = 0.5 } }) } }
        ) {
            # tests/reference/nll.json seed_normal_nonopt_1.
            $r = & $Script
            Assert-Near $r.Value 4.3418247146235 -What 'Value'
            Assert-Near $r.Gradient[0] 1.2000000000000002 -What 'Gradient[Mean]'
            Assert-Near $r.Gradient[1] 2.0400000000000005 -What 'Gradient[Variance]'
        }

        It 'takes a fit''s Estimate as -Parameter' {
            $fit = $Seed | Get-MLEstimate Normal
            $r = $Seed | Measure-NegativeLogLikelihood Normal -Parameter $fit.Estimate
            Assert-Near $r.Value 3.926523529277739 -What 'Value'
            $r.Parameters.Mean | Should -Be $fit.Estimate.Mean
        }

        It 'scores a sample with a model fitted on another' {
            # log(2π · 0.2816) + (0.12² + 0.28²) / (2 · 0.2816) = 0.73538213898382294 (hand, mpmath 1.3).
            $fit = $Seed | Get-MLEstimate Normal
            $r = 3, 2.6 | Measure-NegativeLogLikelihood -Estimate $fit
            Assert-Near $r.Value 0.73538213898382294 -Tolerance 1e-13 -What 'Value'
            $r.SampleSize | Should -Be 2
        }

        It 'gives one result per property' {
            # Σx²/2 + 2·log(2π) at Normal(0, 1): 15 for A = 1..4 and 60 for B = 2A (hand).
            $rows = 1..4 | ForEach-Object { [pscustomobject]@{ A = $_; B = 2 * $_ } } |
                Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 0; Variance = 1 } -Property A, B
            $rows.Property | Should -Be @('A', 'B')
            Assert-Near $rows[0].Value (2 * [math]::Log(2 * [math]::PI) + 15) -What 'A'
            Assert-Near $rows[1].Value (2 * [math]::Log(2 * [math]::PI) + 60) -What 'B'
        }
    }

    Context '-PerObservation' {
        It 'writes Index, Value and NegativeLogLikelihood per value' {
            # 0.5·log(2π·0.5) + (x - 3)²/(2·0.5) (hand), evaluated with mpmath 1.3 at 50 digits.
            $expected = 1.0623649429247003, 0.82236494292470009, 0.58236494292470010, 1.2123649429246998, 0.66236494292469998
            $rows = $Seed | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 3; Variance = 0.5 } -PerObservation
            $rows | Should -HaveCount 5
            $rows[0] | Should -BeOfType ([PSEstimation.ObservationNegativeLogLikelihood])
            $rows.Index | Should -Be @(0, 1, 2, 3, 4)
            $rows.Value | Should -Be $Seed
            for ($i = 0; $i -lt 5; $i++) {
                Assert-Near $rows[$i].NegativeLogLikelihood $expected[$i] -Tolerance 1e-14 -What "NLL of $($Seed[$i])"
            }
        }

        It 'streams each object before the next value arrives' {
            $log = [System.Collections.Generic.List[string]]::new()
            2.3, 2.5, 3.1 | ForEach-Object { $log.Add("in $_"); $_ } |
                Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 3; Variance = 0.5 } -PerObservation |
                ForEach-Object { $log.Add("out $($_.Index)") }
            $log -join ';' | Should -BeExactly 'in 2.3;out 0;in 2.5;out 1;in 3.1;out 2'
        }

        It 'keeps the input position of each value when some are skipped' {
            $rows = 2.3, 'n/a', 2.5 | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 3; Variance = 0.5 } -PerObservation -ErrorAction SilentlyContinue
            $rows.Index | Should -Be @(0, 2)
        }

        It 'flags unlikely values (the anomaly-scoring recipe)' {
            $yesterday = 212, 198, 240, 225, 205, 231, 219, 190, 228, 214, 236, 202, 221, 209, 217
            $fit = $yesterday | Get-MLEstimate Normal
            $threshold = $fit.NegativeLogLikelihood / $fit.SampleSize + 8
            $today = 220, 209, 950, 231, 187, 612, 224, 196
            # |z| > 4.1 flags 950 and 612 only (hand: mean 216.47, standard deviation 13.77).
            $flagged = $today | Measure-NegativeLogLikelihood -Estimate $fit -PerObservation |
                Where-Object NegativeLogLikelihood -gt $threshold
            $flagged.Index | Should -Be @(2, 5)
            $flagged.Value | Should -Be @(950, 612)
        }
    }

    Context 'Values with zero likelihood' {
        It '<Distribution> <Parameter>: values at <Zero> give +Infinity with one warning' -TestCases @(
            # The NLL is +Infinity where the density is 0 (hand, from each support in CONTRACT.md).
            @{ Distribution = 'Normal'; Parameter = '@{ Mean = 0; Variance = 1e-300 }'; Values = @(0, 1e300, -1e300, 1); Zero = @(1, 2) }
            @{ Distribution = 'LogNormal'; Parameter = '@{ MeanLog = 0; SdLog = 1 }'; Values = @(1, 0, -1); Zero = @(1, 2) }
            @{ Distribution = 'Exponential'; Parameter = '@{ Rate = 1 }'; Values = @(0.5, -1, 2); Zero = @(1) }
            @{ Distribution = 'Gamma'; Parameter = '@{ Shape = 2; Rate = 1 }'; Values = @(1, -1); Zero = @(1) }
            @{ Distribution = 'Weibull'; Parameter = '@{ Shape = 2; Scale = 1 }'; Values = @(1, -1); Zero = @(1) }
            @{ Distribution = 'Beta'; Parameter = '@{ Alpha = 2; Beta = 2 }'; Values = @(0.5, 1.5, -0.5); Zero = @(1, 2) }
            @{ Distribution = 'Uniform'; Parameter = '@{ Lower = 0; Upper = 1 }'; Values = @(0.5, 1.5, -0.1, 1); Zero = @(1, 2) }
            @{ Distribution = 'Pareto'; Parameter = '@{ Scale = 1; Shape = 2 }'; Values = @(1.5, 0.5); Zero = @(1) }
            @{ Distribution = 'Rayleigh'; Parameter = '@{ Scale = 1 }'; Values = @(1, -1); Zero = @(1) }
            @{ Distribution = 'Poisson'; Parameter = '@{ Lambda = 2 }'; Values = @(0, 1, 2.5, -1, 3); Zero = @(2, 3) }
            @{ Distribution = 'Bernoulli'; Parameter = '@{ P = 0.3 }'; Values = @(0, 1, 2); Zero = @(2) }
            @{ Distribution = 'Bernoulli'; Parameter = '@{ P = 0 }'; Values = @(0, 1); Zero = @(1) }
            @{ Distribution = 'Binomial'; Parameter = '@{ P = 0.5; Trials = 3 }'; Values = @(0, 3, 4, 1.5); Zero = @(2, 3) }
            @{ Distribution = 'Geometric'; Parameter = '@{ P = 0.5 }'; Values = @(0, 1.5, -1); Zero = @(1, 2) }
            @{ Distribution = 'NegativeBinomial'; Parameter = '@{ Size = 2; P = 0.5 }'; Values = @(0, 0.5); Zero = @(1) }
        ) {
            $table = & ([scriptblock]::Create($Parameter))
            $r = $Values | Measure-NegativeLogLikelihood $Distribution -Parameter $table -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable errors
            $errors | Should -HaveCount 0
            $warnings | Should -HaveCount 1
            $warnings[0].Message | Should -Match 'zero likelihood'
            $r.Value | Should -Be ([double]::PositiveInfinity)
            $r.LogLikelihood | Should -Be ([double]::NegativeInfinity)
            $r.OutsideSupportCount | Should -Be $Zero.Count
            foreach ($g in $r.Gradient) { [double]::IsNaN($g) | Should -BeTrue }

            $rows = $Values | Measure-NegativeLogLikelihood $Distribution -Parameter $table -PerObservation -WarningAction SilentlyContinue
            $rows | Should -HaveCount $Values.Count
            foreach ($row in $rows) {
                if ($Zero -contains $row.Index) {
                    $row.NegativeLogLikelihood | Should -Be ([double]::PositiveInfinity)
                }
                else {
                    [double]::IsInfinity($row.NegativeLogLikelihood) -or [double]::IsNaN($row.NegativeLogLikelihood) | Should -BeFalse
                }
            }
        }

        It 'summarises many such values in one short warning' {
            $values = foreach ($i in 0..9999) { if ($i % 2) { 1e300 } else { 0 } }
            $null = $values | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 0; Variance = 1e-300 } -WarningVariable warnings -WarningAction SilentlyContinue
            $warnings | Should -HaveCount 1
            $warnings[0].Message | Should -BeLike '5000 of 10000 values have zero likelihood under Normal(Mean = 0, Variance = 1E-300), at indices 1, 3, 5, 7, 9 and 4995 more*'
        }
    }

    Context 'Errors' {
        It 'stops with <ErrorId> for <Why>' -TestCases @(
            @{ Why = 'a missing parameter'; ErrorId = 'MissingParameter'; Script = { 1, 2 | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 3 } } }
            @{ Why = 'an empty table'; ErrorId = 'MissingParameter'; Script = { 1, 2 | Measure-NegativeLogLikelihood Normal -Parameter @{} } }
            @{ Why = 'an unknown name'; ErrorId = 'UnknownParameter'; Script = { 1, 2 | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 3; Variance = 1; Sigma = 1 } } }
            @{ Why = 'a negative variance'; ErrorId = 'InvalidParameterValue'; Script = { 1, 2 | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 3; Variance = -1 } } }
            @{ Why = 'a zero variance'; ErrorId = 'InvalidParameterValue'; Script = { 1, 2 | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 3; Variance = 0 } } }
            @{ Why = 'a text value'; ErrorId = 'InvalidParameterValue'; Script = { 1, 2 | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 3; Variance = 'abc' } } }
            @{ Why = 'no values'; ErrorId = 'NoUsableInput'; Script = { @() | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 0; Variance = 1 } } }
            @{ Why = 'no usable values'; ErrorId = 'NoUsableInput'; Script = { 'x', 'y' | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 0; Variance = 1 } -ErrorAction SilentlyContinue } }
            @{ Why = 'an -Estimate that is not a fit'; ErrorId = 'InvalidEstimate'; Script = { 1, 2 | Measure-NegativeLogLikelihood -Estimate 3 } }
            @{ Why = 'several fits as -Estimate'; ErrorId = 'InvalidEstimate'; Script = {
                    $fits = 1..4 | ForEach-Object { [pscustomobject]@{ A = $_; B = $_ * $_ } } | Get-MLEstimate Normal -Property A, B
                    1, 2 | Measure-NegativeLogLikelihood -Estimate $fits } }
        ) {
            $Script | Should -Throw -ErrorId ($ErrorId + $IdSuffix)
        }

        It 'lists the expected names and domains' {
            { 1 | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 1 } } |
                Should -Throw -ExpectedMessage '-Parameter has no value for Variance. Expected: Mean (finite), Variance (> 0).'
        }

        It 'reports a value that is not a number, skips it and goes on' {
            $r = 2.3, 'abc', 2.5, 3.1, 3.8, 2.7 | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 3; Variance = 0.5 } -ErrorVariable err -ErrorAction SilentlyContinue
            $err | Should -HaveCount 1
            $err[0].FullyQualifiedErrorId | Should -BeExactly ('NotANumber' + $IdSuffix)
            $err[0].Exception.Message | Should -BeLike "*'abc' at index 1*"
            $r.SkippedCount | Should -Be 1
            Assert-Near $r.Value 4.3418247146235 -What 'Value'
        }
    }

    Context 'Scale' {
        It 'stays exact for 10^6 values' {
            # x = i mod 10, i < 10^6, at (4.5, 8.25): NLL = n/2 · log(2π · 8.25) + n/2 (hand)
            # = 2474045.1333779675501 (mpmath 1.3 at 50 digits); the gradient is 0.
            $x = [double[]]::new(1000000)
            for ($i = 0; $i -lt $x.Length; $i++) { $x[$i] = $i % 10 }
            $r = Measure-NegativeLogLikelihood Normal -InputObject $x -Parameter @{ Mean = 4.5; Variance = 8.25 }
            Assert-Near $r.Value 2474045.1333779675501 -Tolerance 1e-13 -What 'Value'
            [math]::Abs($r.Gradient[0]) | Should -BeLessThan 1e-9
            [math]::Abs($r.Gradient[1]) | Should -BeLessThan 1e-9
        }

        It 'stays finite for values near 1e300' {
            # mpmath 1.3 at 50 digits: NLL 1.0000000000000001e+290, gradient (0, -1.0000000000000001e-18).
            $r = 1e300, 1.2e300 | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 1.1e300; Variance = 1e308 }
            Assert-Near $r.Value 1.0000000000000001e+290 -What 'Value'
            Assert-Near $r.Gradient[1] -1.0000000000000001e-18 -Tolerance 1e-14 -What 'Gradient[Variance]'
        }
    }

    Context 'Output' {
        It 'reads well in a log line' {
            $r = $Seed | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 3; Variance = 0.5 }
            "$r" | Should -BeExactly 'Normal(Mean = 3, Variance = 0.5): NLL = 4.341824715, n = 5, gradient (1.2, 2.04)'
        }

        It 'has a default list view' {
            $text = $Seed | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 3; Variance = 0.5 } | Out-String -Width 80
            $text | Should -Match 'Value \(NLL\)\s+: 4\.341824715'
            $text | Should -Match 'LogLikelihood\s+: -4\.341824715'
            $text | Should -Match 'Parameters\s+: Mean = 3\r?\n\s+Variance = 0\.5'
            $text | Should -Match 'Gradient\s+: Mean: 1\.2\r?\n\s+Variance: 2\.04'
        }

        It 'is exported with help' {
            (Get-Command Measure-NegativeLogLikelihood).ParameterSets.Name | Sort-Object | Should -Be @('ByEstimate', 'ByParameter')
            (Get-Help Measure-NegativeLogLikelihood).Synopsis | Should -BeLike 'Measures the negative log-likelihood*'
        }
    }
}
