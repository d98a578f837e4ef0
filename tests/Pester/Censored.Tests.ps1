# Pester 5 suite for censored data (issue #15): -CensoredAbove, -CensoredBelow and
# -LowerProperty/-UpperProperty on Get-MLEstimate, Get-MAPEstimate and Measure-NegativeLogLikelihood.
# Expected numbers: tests/reference/censored.json (fitdistrplus::fitdistcens refined at 50 digits,
# checked with survival::survreg) and hand derivations named beside them.

BeforeDiscovery {
    $referencePath = Join-Path $PSScriptRoot '../reference/censored.json'
    $reference = Get-Content $referencePath -Raw | ConvertFrom-Json
    $script:FitCases = foreach ($c in $reference.Cases) {
        if ($c.Data) {
            @{ Id = $c.Id; Form = 'Data'; Case = $c }
            @{ Id = $c.Id; Form = 'Property'; Case = $c }
        }
        @{ Id = $c.Id; Form = 'Intervals'; Case = $c }
    }
    $script:NllCases = foreach ($c in $reference.Nll) {
        @{ Id = $c.Id; Form = 'Data'; Case = $c }
        @{ Id = $c.Id; Form = 'Intervals'; Case = $c }
    }
    $script:MapCases = foreach ($c in $reference.Map) {
        @{ Id = $c.Id; Form = 'Data'; Case = $c }
        @{ Id = $c.Id; Form = 'Intervals'; Case = $c }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSEstimation/PSEstimation.psd1') -Force
    $script:Id = 'PSEstimation.Commands.GetMLEstimateCommand'

    function Assert-Relative([double] $Actual, [double] $Expected, [double] $Tolerance) {
        $scale = [Math]::Max([Math]::Abs($Expected), 1e-300)
        [Math]::Abs($Actual - $Expected) / $scale | Should -BeLessOrEqual $Tolerance
    }

    # Feeds a reference case to a command in one input form: numbers with the case's limits,
    # objects with -Property and the limits, or [Lower, Upper] pairs as -LowerProperty/-UpperProperty.
    function Invoke-Case($Case, [string] $Form, [string] $Command, [hashtable] $Extra) {
        $limits = @{}
        if ($null -ne $Case.CensoredAbove) { $limits.CensoredAbove = $Case.CensoredAbove }
        if ($null -ne $Case.CensoredBelow) { $limits.CensoredBelow = $Case.CensoredBelow }
        switch ($Form) {
            'Data' { & $Command @Extra -InputObject ([double[]]$Case.Data) @limits }
            'Property' { $Case.Data | ForEach-Object { [pscustomobject]@{ Ms = $_ } } | & $Command @Extra -Property Ms @limits }
            'Intervals' {
                $Case.Intervals | ForEach-Object { [pscustomobject]@{ Low = $_[0]; High = $_[1] } } |
                    & $Command @Extra -LowerProperty Low -UpperProperty High
            }
        }
    }
}

Describe 'Censored data' {
    Context 'Reference fits (tests/reference/censored.json)' {
        It 'fits <Id> from <Form>' -TestCases $FitCases {
            param($Id, $Form, $Case)
            $distribution = $Case.Distribution
            $fit = Invoke-Case $Case $Form 'Get-MLEstimate' @{ Distribution = $distribution }
            $closed = $fit.Method -like '*Closed form*'
            $closed | Should -Be ($distribution -eq 'Exponential')
            $fit.Converged | Should -BeTrue
            $fit.CensoredCount | Should -Be $Case.CensoredCount
            $fit.SampleSize | Should -Be $Case.SampleSize
            for ($i = 0; $i -lt $Case.Parameters.Count; $i++) {
                $e = $Case.Parameters[$i]
                $fit.Parameters[$i].Name | Should -BeExactly $e.Name
                Assert-Relative $fit.Parameters[$i].Value $e.Value ($(if ($closed) { 1e-9 } else { 1e-6 }))
                Assert-Relative $fit.Parameters[$i].StandardError $e.StandardError 1e-4
            }
            Assert-Relative $fit.LogLikelihood $Case.LogLikelihood 1e-8
            Assert-Relative $fit.AIC $Case.AIC 1e-8
            Assert-Relative $fit.BIC $Case.BIC 1e-8
        }
    }

    Context 'Measure-NegativeLogLikelihood (censored.json Nll)' {
        It 'measures <Id> from <Form>' -TestCases $NllCases {
            param($Id, $Form, $Case)
            $distribution = $Case.Distribution
            $parameter = @{}
            $Case.Parameter.PSObject.Properties | ForEach-Object { $parameter[$_.Name] = $_.Value }
            $nll = Invoke-Case $Case $Form 'Measure-NegativeLogLikelihood' @{ Distribution = $distribution; Parameter = $parameter }
            Assert-Relative $nll.Value $Case.Value 1e-12
            for ($i = 0; $i -lt $Case.Gradient.Count; $i++) {
                Assert-Relative $nll.Gradient[$i] $Case.Gradient[$i] 1e-9
            }
            $nll.CensoredCount | Should -Be $Case.CensoredCount
        }
    }

    Context 'Get-MAPEstimate (censored.json Map)' {
        It 'finds the mode of <Id> from <Form>' -TestCases $MapCases {
            param($Id, $Form, $Case)
            $distribution = $Case.Distribution
            $prior = @{}
            $Case.Prior.PSObject.Properties | ForEach-Object { $prior[$_.Name] = $_.Value }
            $fixed = @{}
            $Case.Fixed.PSObject.Properties | ForEach-Object { $fixed[$_.Name] = $_.Value }
            $fit = Invoke-Case $Case $Form 'Get-MAPEstimate' @{ Distribution = $distribution; Prior = $prior; Fixed = $fixed }
            Assert-Relative $fit.Parameters[0].Value $Case.Parameters[0].Value 1e-6
            Assert-Relative $fit.LogPosterior $Case.LogPosterior 1e-8
            $fit.CensoredCount | Should -Be $Case.CensoredCount
        }
    }

    Context 'Closed forms (hand derivations)' {
        It 'fits the Exponential rate as events / total time' {
            # 1, 2, 3 observed, 7 and 9 censored at 5: Rate = 3 / (1 + 2 + 3 + 5 + 5) = 0.1875.
            $fit = Get-MLEstimate Exponential -InputObject 1, 2, 3, 7, 9 -CensoredAbove 5
            Assert-Relative $fit.Estimate.Rate 0.1875 1e-15
            Assert-Relative $fit.Parameters[0].StandardError (0.1875 / [Math]::Sqrt(3)) 1e-12
            $fit.Method | Should -BeLike '*2 right-censored*Closed form*'
        }

        It 'fits a Geometric count known to be at least k' {
            # log L = 3 log P + (0 + 1 + 2 + 4 + 4) log(1 - P): P = 3 / 14.
            $fit = Get-MLEstimate Geometric -InputObject 0, 1, 2, 4, 6 -CensoredAbove 4
            Assert-Relative $fit.Estimate.P (3 / 14) 1e-14
        }
    }

    Context 'Weights, -Fixed and -GroupBy' {
        It 'weights equal repeated observations' {
            $weighted = @{ L = 1; U = 1; N = 2 }, @{ L = 2; U = 3; N = 3 }, @{ L = 4; U = $null; N = 2 }, @{ L = 0.5; U = 0.5; N = 1 } |
                Get-MLEstimate Weibull -LowerProperty L -UpperProperty U -WeightProperty N
            $repeated = @{ L = 1; U = 1 }, @{ L = 1; U = 1 }, @{ L = 2; U = 3 }, @{ L = 2; U = 3 }, @{ L = 2; U = 3 }, @{ L = 4; U = $null }, @{ L = 4; U = $null }, @{ L = 0.5; U = 0.5 } |
                Get-MLEstimate Weibull -LowerProperty L -UpperProperty U
            Assert-Relative $weighted.Estimate.Shape $repeated.Estimate.Shape 1e-10
            Assert-Relative $weighted.LogLikelihood $repeated.LogLikelihood 1e-12
            $weighted.CensoredCount | Should -Be 5
        }

        It 'holds a fixed parameter (Weibull Shape 1 is the Exponential: Scale = 15 / 4)' {
            $fit = Get-MLEstimate Weibull -InputObject 1, 2, 3, 4, 9 -CensoredAbove 5 -Fixed @{ Shape = 1 }
            Assert-Relative $fit.Estimate.Scale 3.75 1e-9
        }

        It 'fits each group on its own' {
            $fits = @{ H = 'a'; V = 1 }, @{ H = 'b'; V = 2 }, @{ H = 'a'; V = 9 }, @{ H = 'b'; V = 3 }, @{ H = 'a'; V = 2 }, @{ H = 'b'; V = 8 } |
                Get-MLEstimate Exponential -Property V -GroupBy H -CensoredAbove 5
            $fits.Count | Should -Be 2
            Assert-Relative $fits[0].Estimate.Rate (2 / 8) 1e-15
            Assert-Relative $fits[1].Estimate.Rate (2 / 10) 1e-15
        }
    }

    Context 'The far tail' {
        It 'gives a finite, exact term 40 standard deviations out' {
            # Mirror image of nll_normal_far_right_censored: left-censored at -40.
            $nll = Measure-NegativeLogLikelihood Normal -InputObject -0.5, 1.2, -0.3, -40, -45 -CensoredBelow -40 -Parameter @{ Mean = 0; Variance = 1 }
            Assert-Relative $nll.Value 1612.8636996271216 1e-13
        }
    }

    Context 'What cannot be estimated' {
        It 'stops when every observation is censored' {
            { Get-MLEstimate LogNormal -InputObject 31, 40 -CensoredAbove 30 -ErrorAction Stop } |
                Should -Throw -ErrorId "EveryObservationCensored,$Id"
        }

        It 'stops when a two-parameter family has only one-sided limits' {
            { @{ L = $null; U = 1 }, @{ L = 5; U = $null } | Get-MLEstimate LogNormal -LowerProperty L -UpperProperty U -ErrorAction Stop } |
                Should -Throw -ErrorId "CensoredNotIdentifiable,$Id"
        }

        It 'skips and counts reversed bounds' {
            $fit = @{ L = 1; U = 1 }, @{ L = 3; U = 2 }, @{ L = 2; U = 2.5 }, @{ L = 4; U = $null } |
                Get-MLEstimate Exponential -LowerProperty L -UpperProperty U -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeExactly "InvalidInterval,$Id"
            $fit.SkippedCount | Should -Be 1
            $fit.CensoredCount | Should -Be 2
        }

        It 'stops on a censoring limit outside the support' {
            { Get-MLEstimate LogNormal -InputObject 1, 2 -CensoredBelow 0 -ErrorAction Stop } |
                Should -Throw -ErrorId "CensoringOutsideSupport,$Id"
        }

        It 'says which families it cannot censor' {
            { Get-MLEstimate Uniform -InputObject 1, 2, 3 -CensoredAbove 2.5 -ErrorAction Stop } |
                Should -Throw -ErrorId "CensoringNotSupported,$Id"
        }
    }

    Context 'The help recipe: timeouts recorded as text' {
        It 'turns ''timeout'' into a right-censored bound' {
            $rows = 'Ms', '120', '340', 'timeout', '95', '210', 'timeout', '180' | ConvertFrom-Csv
            $fit = $rows |
                Select-Object @{ n = 'Lower'; e = { if ($_.Ms -eq 'timeout') { 1000 } else { [double]$_.Ms } } },
                              @{ n = 'Upper'; e = { if ($_.Ms -eq 'timeout') { $null } else { [double]$_.Ms } } } |
                Get-MLEstimate LogNormal -LowerProperty Lower -UpperProperty Upper
            $fit.CensoredCount | Should -Be 2
            $fit.SampleSize | Should -Be 7
        }
    }
}
