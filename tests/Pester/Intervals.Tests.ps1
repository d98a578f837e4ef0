# -IntervalMethod Wald|Profile|Bootstrap, -Simulations, -SetSeed on Get-MLEstimate, Get-Quantile
# and Get-Probability. Expected bounds: mpmath closed forms (tools/make_intervals_closed_forms.py)
# and R uniroot (tools/make_intervals_reference.R).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSEstimation/PSEstimation.psd1') -Force
    $script:x10 = 0.62, 1.41, 2.03, 0.27, 3.55, 1.18, 0.89, 4.72, 1.96, 0.45
    function script:RelErr([double]$a, [double]$b) { [math]::Abs($a - $b) / [math]::Abs($b) }
}

Describe 'Get-MLEstimate -IntervalMethod' {
    Context 'Wald stays the default' {
        It 'reports IntervalMethod Wald' {
            (2.3, 2.5, 3.1, 3.8, 2.7 | Get-MLEstimate Normal).IntervalMethod | Should -BeExactly 'Wald'
        }
    }

    Context 'Profile' {
        It 'gives the closed-form Normal variance interval (mpmath)' {
            $fit = 2.3, 2.5, 3.1, 3.8, 2.7 | Get-MLEstimate Normal -IntervalMethod Profile
            $fit.IntervalMethod | Should -BeExactly 'Profile'
            RelErr $fit.Parameters[1].Lower 0.10068831052500390332 | Should -BeLessThan 1e-6
            RelErr $fit.Parameters[1].Upper 1.3369576884261228 | Should -BeLessThan 1e-6
        }

        It 'gives the closed-form Exponential rate interval (mpmath)' {
            $fit = 0.12, 0.85, 2.40, 0.33, 1.07, 0.05, 0.61 | Get-MLEstimate Exponential -IntervalMethod Profile
            RelErr $fit.Parameters[0].Lower 0.5539197702826027267 | Should -BeLessThan 1e-6
            RelErr $fit.Parameters[0].Upper 2.4931334507732683341 | Should -BeLessThan 1e-6
        }

        It 'matches R for <Family> <Name>' -TestCases @(
            @{ Family = 'Gamma'; Index = 0; Name = 'Shape'; Lower = 0.66748270020701173; Upper = 3.3630938024749524 }
            @{ Family = 'Gamma'; Index = 1; Name = 'Rate'; Lower = 0.30450468869453268; Upper = 2.1429739932247993 }
            @{ Family = 'Weibull'; Index = 0; Name = 'Shape'; Lower = 0.75999023362405593; Upper = 2.0121424822333935 }
            @{ Family = 'Weibull'; Index = 1; Name = 'Scale'; Lower = 1.0482778960375601; Upper = 3.1825189807022811 }
        ) {
            param($Family, $Index, $Name, $Lower, $Upper)
            $p = ($x10 | Get-MLEstimate $Family -IntervalMethod Profile).Parameters[$Index]
            $p.Name | Should -BeExactly $Name
            RelErr $p.Lower $Lower | Should -BeLessThan 1e-6
            RelErr $p.Upper $Upper | Should -BeLessThan 1e-6
        }

        It 'reports an unbounded side as infinite, with a warning' {
            $fit = -1.2, 0.3, 0.8, -0.4, 1.5, -0.9, 0.1, 0.6, -0.2, 1.1, -1.6, 0.4, 0.0, -0.7, 0.9 |
                Get-MLEstimate StudentT -IntervalMethod Profile -WarningVariable w -WarningAction SilentlyContinue
            $fit.Parameters[2].Upper | Should -Be ([double]::PositiveInfinity)
            $fit.Parameters[2].IntervalNote | Should -Not -BeNullOrEmpty
            ($w -join ' ') | Should -Match 'edge of the parameter space'
        }

        It 'keeps -Fixed parameters fixed' {
            $fit = $x10 | Get-MLEstimate Gamma -Fixed @{ Shape = 2 } -IntervalMethod Profile
            $fit.Parameters[0].Lower | Should -Be 2
            $fit.Parameters[1].Lower | Should -BeLessThan $fit.Parameters[1].Value
        }
    }

    Context 'Bootstrap' {
        It 'is reproducible for a seed' {
            $a = $x10 | Get-MLEstimate Gamma -IntervalMethod Bootstrap -Simulations 200 -SetSeed 3
            $b = $x10 | Get-MLEstimate Gamma -IntervalMethod Bootstrap -Simulations 200 -SetSeed 3
            $a.IntervalMethod | Should -BeExactly 'Bootstrap'
            $a.Simulations | Should -Be 200
            $a.BootstrapFailures | Should -Be 0
            $a.Parameters[0].Lower | Should -Be $b.Parameters[0].Lower
            $a.Parameters[0].Upper | Should -Be $b.Parameters[0].Upper
        }

        It 'rejects -Simulations below 2' {
            { 1, 2, 3 | Get-MLEstimate Normal -IntervalMethod Bootstrap -Simulations 1 -ErrorAction Stop } |
                Should -Throw -ErrorId 'InvalidSimulations,PSEstimation.Commands.GetMLEstimateCommand'
        }
    }
}

Describe 'Get-Quantile -IntervalMethod' {
    It 'gives the profile interval of a Gamma p99 (R)' {
        $q = $x10 | Get-MLEstimate Gamma | Get-Quantile 0.99 -IntervalMethod Profile
        $q.IntervalMethod | Should -BeExactly 'Profile'
        RelErr $q.Lower 3.7776853622868396 | Should -BeLessThan 1e-6
        RelErr $q.Upper 13.853187199229051 | Should -BeLessThan 1e-6
    }

    It 'gives bootstrap percentiles, the same for a seed' {
        $fit = $x10 | Get-MLEstimate Gamma
        $a = $fit | Get-Quantile 0.99 -IntervalMethod Bootstrap -Simulations 200 -SetSeed 9
        $b = $fit | Get-Quantile 0.99 -IntervalMethod Bootstrap -Simulations 200 -SetSeed 9
        $a.IntervalMethod | Should -BeExactly 'Bootstrap'
        $a.Lower | Should -Be $b.Lower
        $a.Lower | Should -BeLessThan $a.Upper
    }

    It 'refuses Bootstrap for a MAP fit' {
        $map = 2.3, 2.5, 2.7 | Get-MAPEstimate Normal -Fixed @{ Variance = 1 } -Prior @{ Mean = 'Normal(2, 0.5)' }
        { $map | Get-Quantile 0.9 -IntervalMethod Bootstrap -ErrorAction Stop } |
            Should -Throw -ErrorId 'IntervalMethodNotApplicable,PSEstimation.Commands.GetQuantileCommand'
    }

    It 'needs the live fit for Profile' {
        $fit = 1, 2, 3 | Get-MLEstimate Normal
        $copy = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($fit))
        { $copy | Get-Quantile 0.9 -IntervalMethod Profile -ErrorAction Stop } |
            Should -Throw -ErrorId 'IntervalMethodNeedsData,PSEstimation.Commands.GetQuantileCommand'
    }
}

Describe 'Get-Probability -IntervalMethod' {
    It 'gives the profile interval of a Gamma survival probability (R)' {
        $p = $x10 | Get-MLEstimate Gamma | Get-Probability 3 -IntervalMethod Profile
        $p.IntervalMethod | Should -BeExactly 'Profile'
        RelErr $p.SurvivalLower 0.033505878379392097 | Should -BeLessThan 1e-6
        RelErr $p.SurvivalUpper 0.38758287000827524 | Should -BeLessThan 1e-6
    }

    It 'gives a bootstrap interval inside (0, 1)' {
        $p = $x10 | Get-MLEstimate Gamma | Get-Probability 3 -IntervalMethod Bootstrap -Simulations 200 -SetSeed 4
        $p.IntervalMethod | Should -BeExactly 'Bootstrap'
        $p.SurvivalLower | Should -BeGreaterThan 0
        $p.SurvivalUpper | Should -BeLessThan 1
    }
}

Describe '-IntervalMethod with censored data' {
    BeforeAll {
        $script:times = 0.12, 0.85, 2.40, 0.33, 1.07, 0.05, 0.61
    }

    It 'gives the closed-form profile interval of a right-censored Exponential rate (mpmath)' {
        # tools/make_censored_intervals_reference.py: d log(r / r-hat) - (r - r-hat) T = -chi2_1(0.95) / 2
        $fit = $times | Get-MLEstimate Exponential -CensoredAbove 1 -IntervalMethod Profile
        $fit.IntervalMethod | Should -BeExactly 'Profile'
        $fit.CensoredCount | Should -Be 2
        RelErr $fit.Parameters[0].Lower 0.45277907366941845964 | Should -BeLessThan 1e-6
        RelErr $fit.Parameters[0].Upper 2.7137345034052527423 | Should -BeLessThan 1e-6
    }

    It 'gives the profile interval of a censored fit''s p99 and survival probability (mpmath)' {
        $fit = $times | Get-MLEstimate Exponential -CensoredAbove 1
        $q = $fit | Get-Quantile 0.99 -IntervalMethod Profile
        RelErr $q.Lower 1.6969862675252218767 | Should -BeLessThan 1e-6
        RelErr $q.Upper 10.170898908085144403 | Should -BeLessThan 1e-6
        $p = $fit | Get-Probability 0.5 -IntervalMethod Profile
        RelErr $p.SurvivalLower 0.25746609133056108957 | Should -BeLessThan 1e-6
        RelErr $p.SurvivalUpper 0.79740742159595517651 | Should -BeLessThan 1e-6
    }

    It 'bootstraps a fit censored by a limit reproducibly for a seed' {
        $a = $x10 | Get-MLEstimate LogNormal -CensoredAbove 3 -IntervalMethod Bootstrap -Simulations 199 -SetSeed 11
        $b = $x10 | Get-MLEstimate LogNormal -CensoredAbove 3 -IntervalMethod Bootstrap -Simulations 199 -SetSeed 11
        $a.IntervalMethod | Should -BeExactly 'Bootstrap'
        $a.Parameters[1].Lower | Should -Be $b.Parameters[1].Lower
        $a.Parameters[1].Upper | Should -Be $b.Parameters[1].Upper
    }

    It 'refuses the bootstrap of the interval form, saying why' {
        $rows = @{ L = 0.12; U = 0.12 }, @{ L = 1; U = '' }, @{ L = 0.33; U = 0.33 }
        { $rows | Get-MLEstimate Exponential -LowerProperty L -UpperProperty U -IntervalMethod Bootstrap -ErrorAction Stop } |
            Should -Throw -ErrorId 'IntervalMethodNotApplicable,PSEstimation.Commands.GetMLEstimateCommand' -ExpectedMessage '*mechanism*'
    }
}
