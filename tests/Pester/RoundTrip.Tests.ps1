# Results that travel (issue 13): CliXml through a real job and Export-Clixml, JSON through
# ConvertTo-Json / ConvertFrom-Json, and the flat row for Export-Csv. Expected numbers are
# CONTRACT.md's seed example or hand derivations written beside them; a round trip must give
# back exactly the live numbers.

BeforeAll {
    $script:ManifestPath = Join-Path $PSScriptRoot '../../out/PSEstimation/PSEstimation.psd1'
    Import-Module $ManifestPath -Force
    $script:Seed = 2.3, 2.5, 3.1, 3.8, 2.7

    function Assert-Near {
        param([double] $Actual, [double] $Expected, [double] $Tolerance = 1e-12, [string] $What = 'value')
        $scale = if ([math]::Abs($Expected) -le $Tolerance) { 1.0 } else { [math]::Abs($Expected) }
        ([math]::Abs($Actual - $Expected) / $scale) | Should -BeLessOrEqual $Tolerance -Because "$What should be $Expected (got $Actual)"
    }
}

Describe 'Results that travel' {

    Context 'Start-Job and Receive-Job (CliXml at depth 1)' {
        BeforeAll {
            $script:Live = $Seed | Get-MLEstimate Gamma
            $script:FromJob = Start-Job -ScriptBlock {
                Import-Module $using:ManifestPath
                2.3, 2.5, 3.1, 3.8, 2.7 | Get-MLEstimate Gamma
            } | Receive-Job -Wait -AutoRemoveJob
        }

        It 'comes back as a live PSEstimation.MLEstimate' {
            $FromJob | Should -BeOfType ([PSEstimation.MLEstimate])
        }

        It 'indexes FisherInformation[1,1] as a matrix (issue 13: it gave two numbers)' {
            $FromJob.FisherInformation.Rank | Should -Be 2
            $FromJob.FisherInformation[1, 1] | Should -Be $Live.FisherInformation[1, 1]
            $FromJob.Covariance[0, 1] | Should -Be $Live.Covariance[0, 1]
        }

        It 'keeps StandardError, Lower and Upper of every parameter' {
            for ($i = 0; $i -lt $Live.Parameters.Count; $i++) {
                $FromJob.Parameters[$i] | Should -BeOfType ([PSEstimation.ParameterEstimate])
                $FromJob.Parameters[$i].StandardError | Should -Be $Live.Parameters[$i].StandardError
                $FromJob.Parameters[$i].Lower | Should -Be $Live.Parameters[$i].Lower
                $FromJob.Parameters[$i].Upper | Should -Be $Live.Parameters[$i].Upper
            }
        }

        It 'keeps a MAP fit''s Prior and Posterior' {
            $map = Start-Job -ScriptBlock {
                Import-Module $using:ManifestPath
                2.3, 2.5, 2.7, 2.9, 3.1 | Get-MAPEstimate Normal -Fixed @{ Variance = 1 } -Prior @{ Mean = 'Normal(2, 0.5)' }
            } | Receive-Job -Wait -AutoRemoveJob
            $map | Should -BeOfType ([PSEstimation.MAPEstimate])
            "$($map.Prior[0])" | Should -Be 'Normal(2, 0.5)'
            # CONTRACT.md: posterior mean 2.5; posterior variance 1 / (1/0.5 + 5/1) = 1/7 by hand.
            $map.Posterior.Name | Should -Be 'Normal'
            Assert-Near $map.Posterior.Parameters.Mean 2.5 -What 'posterior mean'
            Assert-Near $map.Posterior.Parameters.Variance (1 / 7) -What 'posterior variance'
            $map.MLEstimate.Parameters[0].StandardError | Should -Not -BeNullOrEmpty
        }

        It 'scores through -Estimate as the live fit does' {
            $r = $Seed | Measure-NegativeLogLikelihood -Estimate $FromJob
            $r.Value | Should -Be ($Seed | Measure-NegativeLogLikelihood -Estimate $Live).Value
        }
    }

    Context 'Export-Clixml and Import-Clixml' {
        It 'gives back the seed fit with the contract''s numbers' {
            $path = Join-Path $TestDrive 'fit.clixml'
            $Seed | Get-MLEstimate Normal | Export-Clixml -Path $path
            $back = Import-Clixml -Path $path
            $back | Should -BeOfType ([PSEstimation.MLEstimate])
            # CONTRACT.md: FisherInformation diagonal 17.75568182, 31.52642368; LogLikelihood -3.926523529277739.
            Assert-Near $back.FisherInformation[0, 0] 17.75568181818182 -What 'I[0,0]'
            Assert-Near $back.FisherInformation[1, 1] 31.52642368285125 -What 'I[1,1]'
            Assert-Near $back.LogLikelihood -3.926523529277739 -What 'LogLikelihood'
            Assert-Near $back.Estimate.mean 2.88 -What 'Estimate.mean'
        }
    }

    Context 'ConvertTo-Json and ConvertFrom-Json' {
        BeforeAll {
            $script:Fit = $Seed | Get-MLEstimate Normal
            $script:Json = $Fit | ConvertTo-Json -Depth 5 | ConvertFrom-Json
        }

        It 'writes every matrix as the row-major flat list that the help documents' {
            $Json.FisherInformation.Count | Should -Be 4
            Assert-Near $Json.FisherInformation[3] 31.52642368285125 -What 'I[1,1] at index 1*2 + 1'
            # Covariance [0.2816/5, 0; 0, 2 * 0.2816^2 / 5] by hand.
            Assert-Near $Json.Covariance[0] (0.2816 / 5) -What 'Cov[0,0]'
            Assert-Near $Json.Covariance[3] (2 * 0.2816 * 0.2816 / 5) -What 'Cov[1,1]'
        }

        It 'is accepted by -Estimate (issue 13: "has no Estimate table")' {
            $r = $Seed | Measure-NegativeLogLikelihood -Estimate $Json
            Assert-Near $r.Value 3.926523529277739 -What 'NLL at the MLE (CONTRACT.md)'
        }

        It 'has an Estimate that -Parameter accepts (issue 13: PSCustomObject to IDictionary)' {
            $r = $Seed | Measure-NegativeLogLikelihood Normal -Parameter $Json.Estimate
            Assert-Near $r.Value 3.926523529277739 -What 'NLL at the MLE (CONTRACT.md)'
        }

        It 'keeps Binomial''s Trials' {
            $j = 3, 5, 2, 7, 4, 0, 6, 3 | Get-MLEstimate Binomial -Fixed @{ Trials = 7 } | ConvertTo-Json -Depth 5 | ConvertFrom-Json
            # tests/reference: log-likelihood -19.97226403377476 at P = 30/56.
            $r = 3, 5, 2, 7, 4, 0, 6, 3 | Measure-NegativeLogLikelihood -Estimate $j
            Assert-Near $r.Value 19.97226403377476 -What 'Binomial NLL'
        }
    }

    Context 'Export-Csv' {
        It 'writes plain values from ToFlatObject, no type names' {
            $path = Join-Path $TestDrive 'fits.csv'
            @(($Seed | Get-MLEstimate Normal), ($Seed | Get-MLEstimate Gamma)) | ForEach-Object { $_.ToFlatObject() } | Export-Csv -Path $path -NoTypeInformation
            $text = Get-Content -Path $path -Raw
            $text | Should -Not -Match 'PSEstimation\.|System\.Double'
            $rows = Import-Csv -Path $path
            $rows.Count | Should -Be 2
            [double]$rows[0].Mean | Should -Be 2.88
            Assert-Near ([double]$rows[0].MeanStandardError) ([math]::Sqrt(0.2816 / 5)) -What 'SE(Mean), by hand'
        }
    }
}
