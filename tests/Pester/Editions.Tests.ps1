# The module ships two builds of one assembly: netstandard2.0 (Windows PowerShell 5.1) in the
# module folder, net8.0 (PowerShell 7.4+, SIMD logs) in net8.0/; the manifest picks by $PSEdition.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSEstimation/PSEstimation.psd1') -Force
}

Describe 'The build that each edition loads' {
    It 'loads the build of its edition' {
        $folder = Split-Path -Leaf (Split-Path -Parent (Get-Module PSEstimation).Path)
        if ($PSEdition -eq 'Core') { $folder | Should -Be 'net8.0' } else { $folder | Should -Be 'PSEstimation' }
    }

    It 'keeps help, formats and every cmdlet with either build' {
        (Get-Help Get-MLEstimate).Synopsis | Should -Not -BeNullOrEmpty
        (Get-Module PSEstimation).ExportedCmdlets.Keys | Should -Contain 'Out-Plot'
        (Get-MLEstimate Gamma -InputObject 1.5, 2.5, 3.5, 4.5 | Out-String) | Should -Match 'Shape'
    }

    It 'fits a Gamma sample of 10^5 values from a [double[]] the same on either build' {
        # Shape = 2, Rate = 0.5 drawn by inversion of a fixed grid: the fit's statistics are
        # sums of logs, vectorised on net8.0; the estimate must match the scalar one to 1e-12.
        [double[]] $x = foreach ($i in 1..100000) { [MathNet.Numerics.Distributions.Gamma]::InvCDF(2, 0.5, ($i - 0.5) / 100000) }
        $fit = Get-MLEstimate Gamma -InputObject $x
        $one = Get-MLEstimate Gamma -InputObject ([System.Collections.Generic.List[object]]$x)
        [math]::Abs($fit.Estimate.Shape / $one.Estimate.Shape - 1) | Should -BeLessThan 1e-12
    }
}
