# Pester 5 suite for Get-MAPEstimate. Run with ./build.ps1 -Task Test (needs pwsh and Pester 5).
# Expected numbers come from CONTRACT.md's worked example, tests/reference/map.json (hand-derived
# closed forms checked with R and scipy), hand derivations written beside them, or
# tests/PSEstimation.Tests/Numerics/map_reference.py (scipy 1.10.1: quantile functions, and
# scipy.optimize on the same log-posterior for the numerical fits).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSEstimation/PSEstimation.psd1') -Force

    $script:Seed = 2.3, 2.5, 2.7, 2.9, 3.1
    $script:Id = 'PSEstimation.Commands.GetMAPEstimateCommand'

    function Assert-Relative([double] $Actual, [double] $Expected, [double] $Tolerance) {
        $scale = [Math]::Max([Math]::Abs($Expected), 1e-300)
        [Math]::Abs($Actual - $Expected) / $scale | Should -BeLessOrEqual $Tolerance
    }
}

Describe 'Get-MAPEstimate' {
    Context 'The contract''s worked example' {
        It 'gives Mean 2.5 for prior Normal(2, 0.5) and known variance 1' {
            $fit = $Seed | Get-MAPEstimate Normal -Fixed @{ Variance = 1 } -Prior @{ Mean = 'Normal(2, 0.5)' }
            Assert-Relative $fit.Estimate.Mean 2.5 1e-14
            # map.json seed_normal_known_variance.
            Assert-Relative $fit.Parameters[0].PosteriorStandardDeviation 0.3779644730092272 1e-12
            Assert-Relative $fit.Parameters[0].Lower 1.7592032454662532 1e-9
            Assert-Relative $fit.Parameters[0].Upper 3.2407967545337466 1e-9
        }

        It 'takes -Fixed from ConvertFrom-Json as it takes a hashtable' {
            $fixed = '{ "Variance": 1 }' | ConvertFrom-Json
            $fit = $Seed | Get-MAPEstimate Normal -Fixed $fixed -Prior @{ Mean = 'Normal(2, 0.5)' }
            Assert-Relative $fit.Estimate.Mean 2.5 1e-14
            $fit.Parameters[1].Fixed | Should -BeTrue
        }

        It 'carries the posterior, the prior and the MLE of the same data' {
            $fit = $Seed | Get-MAPEstimate Normal -Fixed @{ Variance = 1 } -Prior @{ Mean = 'Normal(2, 0.5)' }
            # Hand derivation: posterior precision 1/0.5 + 5/1 = 7; the MLE is the sample mean 2.7.
            $fit.Posterior.Name | Should -Be 'Normal'
            Assert-Relative $fit.Posterior.Parameters.Variance (1 / 7) 1e-14
            $fit.Prior[0].ToString() | Should -Be 'Normal(2, 0.5)'
            Assert-Relative $fit.MLEstimate.Estimate.Mean 2.7 1e-14
            Assert-Relative $fit.Parameters[0].MaximumLikelihood 2.7 1e-14
            $fit.Parameters[1].Fixed | Should -BeTrue
        }

        It 'returns a PSEstimation.MAPEstimate with every contract property' {
            $fit = $Seed | Get-MAPEstimate Normal -Fixed @{ Variance = 1 } -Prior @{ Mean = 'Normal(2, 0.5)' }
            $fit | Should -BeOfType ([PSEstimation.MAPEstimate])
            foreach ($name in 'Distribution', 'SampleSize', 'Prior', 'Parameters', 'Estimate', 'Posterior', 'LogPosterior', 'MLEstimate', 'Method') {
                $fit.PSObject.Properties.Name | Should -Contain $name
            }
            foreach ($name in 'Name', 'Value', 'PosteriorMean', 'PosteriorStandardDeviation', 'Lower', 'Upper') {
                $fit.Parameters[0].PSObject.Properties.Name | Should -Contain $name
            }
        }

        It 'shows the MAP beside the MLE in the default view' {
            $text = $Seed | Get-MAPEstimate Normal -Fixed @{ Variance = 1 } -Prior @{ Mean = 'Normal(2, 0.5)' } | Out-String -Width 120
            $text | Should -Match 'Mean = 2\.5 \(2\.7\)'
            $text | Should -Match 'Mean ~ Normal\(2, 0\.5\)'
            $text | Should -Match 'Normal\(2\.5, 0\.142857\)'
        }
    }

    Context 'Binding forms' {
        It 'accepts <Form>' -TestCases @(
            @{ Form = 'pipeline by value'; Script = { $Seed | Get-MAPEstimate Normal -Fixed @{ Variance = 1 } -Prior @{ Mean = 'Normal(2, 0.5)' } } }
            @{ Form = '-InputObject array'; Script = { Get-MAPEstimate -Distribution Normal -InputObject $Seed -Fixed @{ Variance = 1 } -Prior @{ Mean = 'Normal(2, 0.5)' } } }
            @{ Form = 'positional'; Script = { Get-MAPEstimate Normal $Seed -Fixed @{ Variance = 1 } -Prior @{ Mean = 'Normal(2, 0.5)' } } }
            @{ Form = 'a single prior string'; Script = { $Seed | Get-MAPEstimate Normal -Fixed @{ Variance = 1 } -Prior 'Normal(2, 0.5)' } }
            @{ Form = 'an ordered dictionary'; Script = { $Seed | Get-MAPEstimate Normal -Fixed @{ Variance = 1 } -Prior ([ordered]@{ Mean = 'Normal(2, 0.5)' }) } }
            @{ Form = 'numeric strings'; Script = { $Seed | ForEach-Object { $_.ToString([cultureinfo]::InvariantCulture) } | Get-MAPEstimate Normal -Fixed @{ Variance = 1 } -Prior @{ Mean = 'Normal(2, 0.5)' } } }
            @{ Form = '-Property on objects'; Script = { $Seed | ForEach-Object { [pscustomobject]@{ T = $_ } } | Get-MAPEstimate Normal -Property T -Fixed @{ Variance = 1 } -Prior @{ Mean = 'Normal(2, 0.5)' } } }
            @{ Form = 'CSV rows'; Script = { "T`n2.3`n2.5`n2.7`n2.9`n3.1" | ConvertFrom-Csv | Get-MAPEstimate Normal -Property T -Fixed @{ Variance = 1 } -Prior @{ Mean = 'Normal(2, 0.5)' } } }
            @{ Form = 'frequency weights'; Script = { Get-MAPEstimate Normal -InputObject 2.3, 2.7, 3.1 -Weight 1, 3, 1 -Fixed @{ Variance = 1 } -Prior @{ Mean = 'Normal(2, 0.5)' } } }
        ) {
            param($Form, $Script)
            $fit = & $Script
            Assert-Relative $fit.Estimate.Mean 2.5 1e-14
            $fit.SampleSize | Should -Be 5
        }

        It 'gives one result per property' {
            # Poisson with Gamma(1, 1): posterior Gamma(1 + Σx, 1 + n), mode Σx/(1 + n): 21/7 = 3 and 42/7 = 6 (hand).
            $fits = 1..6 | ForEach-Object { [pscustomobject]@{ A = $_; B = 2 * $_ } } | Get-MAPEstimate Poisson -Property A, B -Prior 'Gamma(1, 1)'
            $fits.Property | Should -Be @('A', 'B')
            Assert-Relative $fits[0].Estimate.Lambda 3 1e-14
            Assert-Relative $fits[1].Estimate.Lambda 6 1e-14
        }
    }

    Context 'Conjugate pairs' {
        It '<Case>' -TestCases @(
            # Hand derivations: the posterior's parameters; mode, mean and SD from them; intervals from scipy (map_reference.py).
            @{ Case = 'Bernoulli, Beta(2, 2) -> Beta(8, 4)'; Distribution = 'Bernoulli'; Data = @(1, 0, 1, 1, 0, 1, 1, 1); Fixed = @{}; Prior = @{ P = 'Beta(2, 2)' }
                Name = 'P'; Mode = 0.7; Mean = (2 / 3); Sd = 0.1307440900921227; Lower = 0.3902574404275788; Upper = 0.8907365561809019; Posterior = 'Beta(8, 4)' }
            @{ Case = 'Binomial, Trials 10, Beta(0.5, 0.5) -> Beta(7.5, 3.5) (map.json)'; Distribution = 'Binomial'; Data = @(7); Fixed = @{ Trials = 10 }; Prior = @{ P = 'Beta(0.5, 0.5)' }
                Name = 'P'; Mode = 0.7222222222222222; Mean = 0.6818181818181818; Sd = 0.13445635870680944; Lower = 0.3941816818513287; Upper = 0.9073054060618468; Posterior = 'Beta(7.5, 3.5)' }
            @{ Case = 'Geometric, Beta(2, 3) -> Beta(8, 13)'; Distribution = 'Geometric'; Data = @(0, 2, 1, 4, 0, 3); Fixed = @{}; Prior = @{ P = 'Beta(2, 3)' }
                Name = 'P'; Mode = (7 / 19); Mean = (8 / 21); Sd = 0.10353472504849695; Lower = 0.19119006072530725; Upper = 0.5921885345328282; Posterior = 'Beta(8, 13)' }
            @{ Case = 'Poisson, Gamma(2, 1) -> Gamma(15, 8) (map.json)'; Distribution = 'Poisson'; Data = @(0, 1, 2, 3, 4, 2, 1); Fixed = @{}; Prior = @{ Lambda = 'Gamma(2, 1)' }
                Name = 'Lambda'; Mode = 1.75; Mean = 1.875; Sd = 0.4841229182759271; Lower = 1.0494232665979144; Upper = 2.936202640229447; Posterior = 'Gamma(15, 8)' }
            @{ Case = 'Exponential, Gamma(2, 1) -> Gamma(7, 6.1) (map.json)'; Distribution = 'Exponential'; Data = @(0.5, 1.2, 0.3, 2.2, 0.9); Fixed = @{}; Prior = @{ Rate = 'Gamma(2, 1)' }
                Name = 'Rate'; Mode = 0.983606557377049; Mean = 1.1475409836065573; Sd = 0.4337297231253427; Lower = 0.4613709920524369; Upper = 2.140897380740768; Posterior = 'Gamma(7, 6.1)' }
            @{ Case = 'Normal variance, Mean known, InverseGamma(2, 1) (map.json)'; Distribution = 'Normal'; Data = @(2.3, 2.5, 2.7, 2.9, 3.1); Fixed = @{ Mean = 2.7 }; Prior = @{ Variance = 'InverseGamma(2, 1)' }
                Name = 'Variance'; Mode = 0.21818181818181823; Mean = 0.3428571428571429; Sd = 0.2168418966972603; Lower = 0.12616460577158375; Upper = 0.8887606769384405; Posterior = 'InverseGamma(4.5, 1.2)' }
            @{ Case = 'Normal, NormalInverseGamma(2, 1, 2, 1) (map.json; Mean''s marginal is Student t)'; Distribution = 'Normal'; Data = @(2.3, 2.5, 2.7, 2.9, 3.1); Fixed = @{}; Prior = 'NormalInverseGamma(2, 1, 2, 1)'
                Name = 'Mean'; Mode = 2.5833333333333335; Mean = 2.5833333333333335; Sd = 0.25858282882875144; Lower = 2.067451515346257; Upper = 3.09921515132041; Posterior = 'NormalInverseGamma(2.583333333, 6, 4.5, 1.404166667)' }
            @{ Case = 'NegativeBinomial, Size 3, Beta(2, 2) -> Beta(17, 13)'; Distribution = 'NegativeBinomial'; Data = @(2, 5, 0, 3, 1); Fixed = @{ Size = 3 }; Prior = @{ P = 'Beta(2, 2)' }
                Name = 'P'; Mode = (16 / 28); Mean = (17 / 30); Sd = 0.08900082557709799; Lower = 0.38936279139690627; Upper = 0.735544696293295; Posterior = 'Beta(17, 13)' }
        ) {
            param($Case, $Distribution, $Data, $Fixed, $Prior, $Name, $Mode, $Mean, $Sd, $Lower, $Upper, $Posterior)
            $fit = Get-MAPEstimate $Distribution -InputObject $Data -Fixed $Fixed -Prior $Prior
            $p = $fit.Parameters | Where-Object Name -eq $Name
            Assert-Relative $p.Value $Mode 1e-12
            Assert-Relative $p.PosteriorMean $Mean 1e-12
            Assert-Relative $p.PosteriorStandardDeviation $Sd 1e-12
            Assert-Relative $p.Lower $Lower 1e-9
            Assert-Relative $p.Upper $Upper 1e-9
            $fit.Posterior.ToString() | Should -Be $Posterior
            $fit.Method | Should -BeLike 'Closed form*'
        }

        It 'Categorical with Dirichlet(1): the mode is the relative frequencies, the mean Laplace''s add-one rule' {
            # a x3, b x2, c x1: posterior Dirichlet(4, 3, 2); mode (3, 2, 1)/6, mean (4, 3, 2)/9 (hand derivation).
            $fit = 'a', 'b', 'a', 'c', 'a', 'b' | Get-MAPEstimate Categorical -Prior 'Dirichlet(1)'
            $fit.Parameters.Name | Should -Be @('a', 'b', 'c')
            Assert-Relative $fit.Estimate.a 0.5 1e-14
            Assert-Relative $fit.Parameters[0].PosteriorMean (4 / 9) 1e-14
            Assert-Relative $fit.Parameters[2].PosteriorMean (2 / 9) 1e-14
            # scipy beta.ppf(0.025, 4, 5) for the marginal of a (map_reference.py).
            Assert-Relative $fit.Parameters[0].Lower 0.15701277048705795 1e-9
            $fit.Posterior.ToString() | Should -Be 'Dirichlet(4, 3, 2)'
        }
    }

    Context 'Limits' {
        It 'a flat prior gives the MLE: <Case>' -TestCases @(
            @{ Case = 'Beta(1, 1) on a Bernoulli P'; Script = { 1, 0, 1, 1, 0, 1, 1, 1 | Get-MAPEstimate Bernoulli -Prior 'Beta(1, 1)' }; Name = 'P'; Expected = 0.75 }
            @{ Case = 'Flat on the Normal mean'; Script = { $Seed | Get-MAPEstimate Normal -Fixed @{ Variance = 1 } -Prior @{ Mean = 'Flat' } }; Name = 'Mean'; Expected = 2.7 }
            @{ Case = 'no prior at all'; Script = { $Seed | Get-MAPEstimate Normal -Prior @{} }; Name = 'Variance'; Expected = 0.08 }
            @{ Case = 'a Normal prior with variance 1e300'; Script = { $Seed | Get-MAPEstimate Normal -Fixed @{ Variance = 1 } -Prior @{ Mean = 'Normal(2, 1e300)' } }; Name = 'Mean'; Expected = 2.7 }
            @{ Case = 'Dirichlet(1)'; Script = { 'u', 'v', 'v', 'w' | Get-MAPEstimate Categorical -Prior 'Dirichlet(1)' }; Name = 'v'; Expected = 0.5 }
        ) {
            param($Case, $Script, $Name, $Expected)
            $fit = & $Script
            Assert-Relative $fit.Estimate[$Name] $Expected 1e-13
            Assert-Relative $fit.Estimate[$Name] $fit.MLEstimate.Estimate[$Name] 1e-13
        }

        It 'a vanishing prior variance gives the prior mean: <Case>' -TestCases @(
            @{ Case = 'Normal(2, 1e-300) on the mean'; Script = { $Seed | Get-MAPEstimate Normal -Fixed @{ Variance = 1 } -Prior @{ Mean = 'Normal(2, 1e-300)' } }; Name = 'Mean'; Expected = 2; Tolerance = 1e-15 }
            @{ Case = 'Beta(3e11, 7e11)'; Script = { 1, 1, 1, 1 | Get-MAPEstimate Bernoulli -Prior 'Beta(3e11, 7e11)' }; Name = 'P'; Expected = 0.3; Tolerance = 1e-11 }
            @{ Case = 'Gamma(2e12, 1e12)'; Script = { 0.5, 1.2, 0.3, 2.2, 0.9 | Get-MAPEstimate Exponential -Prior 'Gamma(2e12, 1e12)' }; Name = 'Rate'; Expected = 2; Tolerance = 1e-11 }
            @{ Case = 'Normal(2, 1e-12) with the variance free (numerical)'; Script = { $Seed | Get-MAPEstimate Normal -Prior @{ Mean = 'Normal(2, 1e-12)' } }; Name = 'Mean'; Expected = 2; Tolerance = 1e-10 }
        ) {
            param($Case, $Script, $Name, $Expected, $Tolerance)
            $fit = & $Script
            Assert-Relative $fit.Estimate[$Name] $Expected $Tolerance
        }

        It 'moves from the prior mean towards the MLE as n grows (n = <N>)' -TestCases @(
            @{ N = 5 }, @{ N = 20 }, @{ N = 100 }, @{ N = 500 }
        ) {
            param($N)
            # The seed values repeated (mean 2.7), prior Normal(2, 0.5), variance 1: MAP = (2/0.5 + 2.7 N)/(1/0.5 + N) (hand).
            $data = foreach ($i in 1..($N / 5)) { $Seed }
            $fit = $data | Get-MAPEstimate Normal -Fixed @{ Variance = 1 } -Prior @{ Mean = 'Normal(2, 0.5)' }
            Assert-Relative $fit.Estimate.Mean ((4 + 2.7 * $N) / (2 + $N)) 1e-13
        }
    }

    Context 'Numerical fits (scipy.optimize on the same log-posterior, map_reference.py)' {
        It '<Case>' -TestCases @(
            @{ Case = 'Normal, independent Normal and InverseGamma priors'; Script = { $Seed | Get-MAPEstimate Normal -Prior @{ Mean = 'Normal(2, 0.5)'; Variance = 'InverseGamma(2, 1)' } }
                Expected = @{ Mean = 2.643468836008011; Variance = 0.21963444018375636 }; Sd = @{ Mean = 0.2021792221475493; Variance = 0.0942270635515124 } }
            @{ Case = 'LogNormal, Normal and Gamma priors'; Script = { 1.2, 0.8, 2.5, 1.9, 3.3, 0.6 | Get-MAPEstimate LogNormal -Prior @{ MeanLog = 'Normal(0, 1)'; SdLog = 'Gamma(2, 2)' } }
                Expected = @{ MeanLog = 0.34610141522480914; SdLog = 0.59810572321881 }; Sd = @{ MeanLog = 0.23744233427240055; SdLog = 0.1624131924359817 } }
            @{ Case = 'Exponential rate with a LogNormal prior'; Script = { 0.5, 1.2, 0.3, 2.2, 0.9 | Get-MAPEstimate Exponential -Prior 'LogNormal(0, 1)' }
                Expected = @{ Rate = 0.8226039826869964 }; Sd = @{ Rate = 0.3608995229086172 } }
            @{ Case = 'NegativeBinomial without an MLE (variance < mean)'; Script = { 2, 3, 2, 4, 3 | Get-MAPEstimate NegativeBinomial -Prior @{ Size = 'Gamma(2, 0.5)'; P = 'Beta(2, 2)' } -WarningAction SilentlyContinue }
                Expected = @{ Size = 3.7378772231142317; P = 0.5675910815177369 }; Sd = @{ Size = 2.150210532724821; P = 0.15822380732250607 } }
            @{ Case = 'Laplace scale, location held at the median'; Script = { 1, 2, 3, 7 | Get-MAPEstimate Laplace -Prior @{ Scale = 'Gamma(2, 1)' } }
                Expected = @{ Scale = 1.5413812581449744; Location = 2.5 }; Sd = @{ Scale = 0.6249706661834393 } }
            @{ Case = 'Gamma with Gamma priors on Shape and Rate'; Script = { 1.2, 0.7, 2.9, 1.6, 0.4, 2.2, 1.1 | Get-MAPEstimate Gamma -Prior @{ Shape = 'Gamma(2, 1)'; Rate = 'Gamma(1, 1)' } }
                Expected = @{ Shape = 1.6688307018862547; Rate = 1.0524157492451691 }; Sd = @{ Shape = 0.7348095470059672; Rate = 0.5563682862385885 } }
            @{ Case = 'StudentT with a prior on DegreesOfFreedom only'; Script = { -1.2, 0.4, 2.8, -0.3, 0.9, 5.1, -2.2, 0.1, 1.4, -0.8 | Get-MAPEstimate StudentT -Prior @{ DegreesOfFreedom = 'Gamma(2, 0.1)' } }
                Expected = @{ Location = 0.4628149041307823; Scale = 1.7852222328997471; DegreesOfFreedom = 9.689851233510025 }; Sd = @{ DegreesOfFreedom = 9.857585554589745 } }
        ) {
            param($Case, $Script, $Expected, $Sd)
            $fit = & $Script
            foreach ($name in $Expected.Keys) {
                Assert-Relative $fit.Estimate[$name] $Expected[$name] 1e-6
            }
            foreach ($name in $Sd.Keys) {
                Assert-Relative ($fit.Parameters | Where-Object Name -eq $name).PosteriorStandardDeviation $Sd[$name] 1e-6
            }
            $fit.Posterior | Should -BeNullOrEmpty
            $fit.Method | Should -BeLike 'Numerical: Newton-Raphson on the log-posterior*Laplace approximation*'
            $fit.Converged | Should -BeTrue
        }

        It 'keeps the MAP and warns when no MLE exists' {
            $fit = 2, 3, 2, 4, 3 | Get-MAPEstimate NegativeBinomial -Prior @{ Size = 'Gamma(2, 0.5)'; P = 'Beta(2, 2)' } -WarningVariable w -WarningAction SilentlyContinue
            $fit.MLEstimate | Should -BeNullOrEmpty
            ($w | ForEach-Object Message) -join ' ' | Should -Match 'MLEstimate is null'
        }
    }

    Context 'Bad input' {
        It 'reports <Value> as <ErrorId> and skips it' -TestCases @(
            @{ Value = 'abc'; ErrorId = 'NotANumber' }
            @{ Value = [double]::NaN; ErrorId = 'NonFiniteValue' }
            @{ Value = -1; ErrorId = 'ValueOutsideSupport' }
            @{ Value = 2.5; ErrorId = 'ValueOutsideSupport' }
        ) {
            param($Value, $ErrorId)
            $fit = @(1, $Value, 2, 4) | Get-MAPEstimate Poisson -Prior 'Gamma(2, 1)' -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeExactly "$ErrorId,$Id"
            $fit.SkippedCount | Should -Be 1
            $fit.SampleSize | Should -Be 3
        }

        It 'stops on <Case> with <ErrorId>' -TestCases @(
            @{ Case = 'an unparseable prior'; Script = { 1, 2 | Get-MAPEstimate Normal -Prior @{ Mean = 'Normal 2, 1' } }; ErrorId = 'InvalidPrior' }
            @{ Case = 'an unknown prior family'; Script = { 1, 2 | Get-MAPEstimate Normal -Prior @{ Mean = 'Cauchy(0, 1)' } }; ErrorId = 'InvalidPrior' }
            @{ Case = 'a prior that is not a string'; Script = { 1, 2 | Get-MAPEstimate Normal -Prior @{ Mean = 3 } }; ErrorId = 'InvalidPrior' }
            @{ Case = 'a prior whose support misses the parameter'; Script = { 1, 2 | Get-MAPEstimate Normal -Prior @{ Mean = 'Gamma(2, 1)' } }; ErrorId = 'InvalidPrior' }
            @{ Case = 'a prior on a fixed parameter'; Script = { 1, 2 | Get-MAPEstimate Normal -Fixed @{ Variance = 1 } -Prior @{ Variance = 'InverseGamma(2, 1)' } }; ErrorId = 'InvalidPrior' }
            @{ Case = 'a joint prior for the wrong family'; Script = { 1, 2 | Get-MAPEstimate Poisson -Prior 'NormalInverseGamma(0, 1, 2, 1)' }; ErrorId = 'InvalidPrior' }
            @{ Case = 'an unknown parameter'; Script = { 1, 2 | Get-MAPEstimate Normal -Prior @{ Sigma = 'Normal(0, 1)' } }; ErrorId = 'UnknownParameter' }
            @{ Case = 'a negative prior variance'; Script = { 1, 2 | Get-MAPEstimate Normal -Prior @{ Mean = 'Normal(2, -0.5)' } }; ErrorId = 'InvalidParameterValue' }
            @{ Case = 'Beta(0, 2)'; Script = { 1, 0 | Get-MAPEstimate Bernoulli -Prior 'Beta(0, 2)' }; ErrorId = 'InvalidParameterValue' }
            @{ Case = 'a prior on Laplace''s Location'; Script = { 1, 2 | Get-MAPEstimate Laplace -Prior @{ Location = 'Normal(0, 1)' } }; ErrorId = 'NonSmoothParameter' }
            @{ Case = 'no values'; Script = { @() | Get-MAPEstimate Normal -Prior @{ Mean = 'Normal(0, 1)' } }; ErrorId = 'NoUsableInput' }
            @{ Case = 'no prior and no MLE'; Script = { 5, 5, 5 | Get-MAPEstimate Normal -Prior @{} -WarningAction SilentlyContinue }; ErrorId = 'NoPosteriorMode' }
        ) {
            param($Case, $Script, $ErrorId)
            { & $Script } | Should -Throw -ErrorId "$ErrorId,$Id"
        }

        It 'names the accepted forms when a prior cannot be parsed' {
            { 1, 2 | Get-MAPEstimate Normal -Prior @{ Mean = 'Normal[2, 1]' } } | Should -Throw -ExpectedMessage "*Accepted forms*'Normal(mean, variance)'*"
        }
    }

    Context 'Reference posteriors (tests/reference/map.json)' {
        It 'matches <Id>' -TestCases @(
            $referencePath = Join-Path $PSScriptRoot '../reference/map.json'
            (Get-Content $referencePath -Raw | ConvertFrom-Json).Cases | ForEach-Object { @{ Id = $_.Id; Case = $_ } }
        ) {
            param($Id, $Case)
            $fixed = @{}
            if ($Case.Fixed) { $Case.Fixed.PSObject.Properties | ForEach-Object { $fixed[$_.Name] = $_.Value } }
            $prior = if ($Case.Prior -is [string]) { $Case.Prior } else {
                $table = @{}
                $Case.Prior.PSObject.Properties | ForEach-Object { $table[$_.Name] = $_.Value }
                $table
            }
            $fit = Get-MAPEstimate $Case.Distribution -InputObject $Case.Data -Fixed $fixed -Prior $prior
            foreach ($property in $Case.Expected.PSObject.Properties) {
                $p = $fit.Parameters | Where-Object Name -eq $property.Name
                $e = $property.Value
                Assert-Relative $p.Value $e.Value 1e-12
                Assert-Relative $p.PosteriorMean $e.PosteriorMean 1e-12
                Assert-Relative $p.PosteriorStandardDeviation $e.PosteriorStandardDeviation 1e-12
                Assert-Relative $p.Lower $e.Lower 1e-9
                Assert-Relative $p.Upper $e.Upper 1e-9
            }
        }
    }
}
