@{
    # Two builds of one assembly (see README, Performance): net8.0 for PowerShell 7.4+ (SIMD
    # logs through System.Numerics.Tensors), netstandard2.0 for Windows PowerShell 5.1. A
    # manifest may read $PSEdition (the documented pattern for edition-specific binaries).
    RootModule           = if ($PSEdition -eq 'Core') { 'net8.0/PSEstimation.dll' } else { 'PSEstimation.dll' }
    ModuleVersion        = '0.1.0'
    CompatiblePSEditions = @('Desktop', 'Core')
    GUID                 = '5b0f7c8e-3f9a-4d5e-9a61-2c7d1e8b4f30'
    Author               = 'PSEstimation contributors'
    CompanyName          = 'PSEstimation'
    Copyright            = '(c) PSEstimation contributors. MIT License.'
    Description          = 'Likelihood-based estimation from the pipeline: maximum-likelihood fits with standard errors and intervals, negative log-likelihoods with gradients and Fisher information, MAP estimates with conjugate posteriors, and regression losses with their likelihood view.'
    PowerShellVersion    = '5.1'
    TypesToProcess       = @('PSEstimation.Types.ps1xml')
    FormatsToProcess     = @('PSEstimation.Format.ps1xml')
    CmdletsToExport      = @('Get-MLEstimate', 'Measure-NegativeLogLikelihood', 'Get-MAPEstimate', 'Measure-RegressionLoss', 'Get-Quantile', 'Get-Probability', 'Get-RandomSample', 'Test-GoodnessOfFit', 'Compare-Distribution', 'Add-Prediction', 'Out-Plot')
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Statistics', 'MLE', 'MaximumLikelihood', 'MAP', 'Bayesian', 'Estimation', 'Likelihood', 'Regression', 'Loss', 'Fitting', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            LicenseUri   = 'https://opensource.org/licenses/MIT'
            ProjectUri   = 'https://github.com/psestimation/PSEstimation'
            ReleaseNotes = '0.1.0: first release. Get-MLEstimate (19 distribution families, standard errors, Wald intervals, Fisher information, AIC, BIC, frequency weights), Measure-NegativeLogLikelihood (NLL, gradient, Fisher information, per-observation scores), Get-MAPEstimate (conjugate posteriors in closed form, other priors by Laplace approximation), Measure-RegressionLoss (MSE, MAE and related losses with their Gaussian and Laplace likelihood view). Help topics: about_PSEstimation and four theory guides.'
        }
    }
}
