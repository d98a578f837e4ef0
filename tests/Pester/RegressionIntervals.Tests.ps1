# Pester 5 suite: -IntervalMethod Profile and Bootstrap for regression models, the IntervalMethod
# property of every result with intervals, and the Gamma, Exponential and Cauchy regression
# references. Expected numbers: tests/reference/regression_intervals.json (R 4.2.2 uniroot on the
# glm profile, tools/make_regression_intervals_reference.R) and tests/reference/regression_more.json
# (statsmodels, scipy, mpmath: tools/make_regression_more_reference.py).
# Run with ./build.ps1 -Task Test (needs pwsh and Pester 5).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSEstimation/PSEstimation.psd1') -Force
    $script:intervals = Get-Content (Join-Path $PSScriptRoot '../reference/regression_intervals.json') -Raw | ConvertFrom-Json
    $script:more = Get-Content (Join-Path $PSScriptRoot '../reference/regression_more.json') -Raw | ConvertFrom-Json

    function Get-CaseRows($Case) {
        $path = Join-Path ([IO.Path]::GetTempPath()) ("regression-intervals-" + $Case.Id + ".csv")
        $Case.Rows | Export-Csv -Path $path -NoTypeInformation
        Import-Csv -Path $path
    }

    function Assert-Relative([double] $Expected, [double] $Actual, [double] $Tolerance, [string] $What) {
        [math]::Abs($Actual - $Expected) / [math]::Max([math]::Abs($Expected), 1e-300) | Should -BeLessOrEqual $Tolerance -Because "$What (expected $Expected, got $Actual)"
    }
}

Describe 'Get-MLEstimate -Response -Predictor -IntervalMethod' {
    Context 'Profile likelihood' {
        It 'matches R for <Id>' -TestCases @(
            @{ Id = 'dobson_poisson' }
            @{ Id = 'mtcars_bernoulli' }
        ) {
            param($Id)
            $case = $script:intervals.Cases | Where-Object Id -eq $Id
            $fit = Get-CaseRows $case | Get-MLEstimate $case.Distribution -Response $case.Response -Predictor $case.Predictor -IntervalMethod Profile
            $fit.IntervalMethod | Should -BeExactly 'Profile'
            $fit.Coefficients.Name | Should -Be $case.Coefficients.Name
            for ($j = 0; $j -lt $case.Coefficients.Count; $j++) {
                Assert-Relative $case.Coefficients[$j].ProfileLower $fit.Coefficients[$j].Lower 1e-6 "$Id lower $($case.Coefficients[$j].Name)"
                Assert-Relative $case.Coefficients[$j].ProfileUpper $fit.Coefficients[$j].Upper 1e-6 "$Id upper $($case.Coefficients[$j].Name)"
            }
        }

        It 'gives the least-squares closed form b +- sqrt(n (exp(c/n) - 1)) SE' {
            $rows = 1..8 | ForEach-Object { [pscustomobject]@{ x = $_; y = (3.1, 4.9, 7.2, 8.8, 11.3, 12.9, 15.2, 20.5)[$_ - 1] } }
            $fit = $rows | Get-MLEstimate Normal -Response y -Predictor x -IntervalMethod Profile
            $half = [math]::Sqrt(8 * ([math]::Exp(3.8414588206941236 / 8) - 1))
            foreach ($k in $fit.Coefficients) {
                Assert-Relative ($k.Value - $half * $k.StandardError) $k.Lower 1e-6 "$($k.Name) lower"
                Assert-Relative ($k.Value + $half * $k.StandardError) $k.Upper 1e-6 "$($k.Name) upper"
            }
        }
    }

    Context 'Parametric bootstrap' {
        It 'is reproducible for a seed and says how many simulations it ran' {
            $case = $script:intervals.Cases | Where-Object Id -eq 'mtcars_bernoulli'
            $rows = Get-CaseRows $case
            $a = $rows | Get-MLEstimate Bernoulli -Response am -Predictor wt -IntervalMethod Bootstrap -Simulations 199 -SetSeed 5
            $b = $rows | Get-MLEstimate Bernoulli -Response am -Predictor wt -IntervalMethod Bootstrap -Simulations 199 -SetSeed 5
            $a.IntervalMethod | Should -BeExactly 'Bootstrap'
            $a.Simulations | Should -Be 199
            $a.Coefficients.Lower | Should -Be $b.Coefficients.Lower
            $a.Coefficients.Upper | Should -Be $b.Coefficients.Upper
        }

        It 'is refused for responses given as bounds' {
            $rows = @{ x = 1; L = 1; U = 2 }, @{ x = 2; L = 3; U = '' }, @{ x = 3; L = 2; U = 2 }
            { $rows | Get-MLEstimate Weibull -LowerProperty L -UpperProperty U -Predictor x -IntervalMethod Bootstrap -ErrorAction Stop } |
                Should -Throw -ErrorId 'IntervalMethodNotApplicable,PSEstimation.Commands.GetMLEstimateCommand'
        }
    }

    Context 'Wald stays the default' {
        It 'reports IntervalMethod Wald' {
            $case = $script:intervals.Cases | Where-Object Id -eq 'dobson_poisson'
            (Get-CaseRows $case | Get-MLEstimate Poisson -Response counts -Predictor outcome).IntervalMethod | Should -BeExactly 'Wald'
        }
    }
}

Describe 'IntervalMethod of posterior results' {
    It 'names a conjugate posterior''s intervals Posterior and a numerical one''s PosteriorWald' {
        (2.3, 2.5, 2.7, 2.9, 3.1 | Get-MAPEstimate Normal -Fixed @{ Variance = 1 } -Prior @{ Mean = 'Normal(2, 0.5)' }).IntervalMethod | Should -BeExactly 'Posterior'
        (0.62, 1.41, 2.03, 0.27, 3.55 | Get-MAPEstimate Gamma -Prior @{ Shape = 'Gamma(2, 1)' }).IntervalMethod | Should -BeExactly 'PosteriorWald'
    }

    It 'refuses -IntervalMethod <Method> on Get-MAPEstimate' -TestCases @(
        @{ Method = 'Bootstrap' }
        @{ Method = 'Profile' }
    ) {
        param($Method)
        { 2.3, 2.5, 2.7 | Get-MAPEstimate Normal -Fixed @{ Variance = 1 } -Prior @{ Mean = 'Normal(2, 0.5)' } -IntervalMethod $Method -ErrorAction Stop } |
            Should -Throw -ErrorId 'IntervalMethodNotApplicable,PSEstimation.Commands.GetMAPEstimateCommand'
    }
}

Describe 'Gamma, Exponential and Cauchy regressions' {
    It 'fits <Id>' -TestCases @(
        @{ Id = 'clotting_gamma' }
        @{ Id = 'clotting_exponential' }
        @{ Id = 'cars_cauchy' }
    ) {
        param($Id)
        $case = $script:more.Cases | Where-Object Id -eq $Id
        $fit = Get-CaseRows $case | Get-MLEstimate $case.Distribution -Response $case.Response -Predictor $case.Predictor
        $fit.Coefficients.Name | Should -Be $case.Coefficients.Name
        for ($j = 0; $j -lt $case.Coefficients.Count; $j++) {
            Assert-Relative $case.Coefficients[$j].Value $fit.Coefficients[$j].Value 1e-8 "$Id $($case.Coefficients[$j].Name)"
            Assert-Relative $case.Coefficients[$j].StandardError $fit.Coefficients[$j].StandardError 1e-6 "$Id SE $($case.Coefficients[$j].Name)"
        }
        foreach ($p in $case.Parameters) {
            $actual = $fit.Parameters | Where-Object Name -eq $p.Name
            Assert-Relative $p.Value $actual.Value 1e-8 "$Id $($p.Name)"
            Assert-Relative $p.StandardError $actual.StandardError 1e-6 "$Id SE $($p.Name)"
        }
        Assert-Relative $case.LogLikelihood $fit.LogLikelihood 1e-8 "$Id LogLikelihood"
    }
}

Describe 'StudentT with a tiny fixed DegreesOfFreedom' {
    It 'returns a fit, not a MathNet exception' {
        $fit = 0.3, -1.2, 2.5, 0.8, -0.4, 5.1, 0.1, -2.2, 1.4, 0.6 | Get-MLEstimate StudentT -Fixed @{ DegreesOfFreedom = 0.007; Scale = 1 }
        $fit.Converged | Should -BeTrue
        [math]::Abs($fit.Score[0]) | Should -BeLessThan 1e-6
    }
}
