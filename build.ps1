<#
.SYNOPSIS
    Builds, tests, documents and packages PSEstimation. Runs on Windows PowerShell 5.1 and PowerShell 7.

.DESCRIPTION
    Build    dotnet build PSEstimation.sln: leaves the importable module at out/PSEstimation/
             (help included: docs/*.md are turned into MAML by tools/HelpBuilder).
    Test     dotnet test (xunit: numerics and end-to-end tests on the real engine), then the
             Pester 5 suite in tests/Pester against out/ in a child PowerShell process (a loaded
             binary module cannot be unloaded, so it never runs in this session).
    Docs     With PlatyPS installed: Update-MarkdownHelp syncs docs/*.md with the built cmdlets
             and New-MarkdownHelp writes pages for cmdlets that have none. Without it, says how
             to install it (the build's own converter still makes the help from docs/).
    Package  Build, validate the manifest, and zip out/PSEstimation as out/PSEstimation-<version>.zip.
    Clean    Removes out/ and every bin/ and obj/ folder.

.EXAMPLE
    ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Docs', 'Package', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
$solution = Join-Path $root 'PSEstimation.sln'
$moduleDir = Join-Path $root 'out/PSEstimation'
$manifest = Join-Path $moduleDir 'PSEstimation.psd1'

function Invoke-Dotnet {
    param([string[]] $Arguments)
    Write-Host "dotnet $($Arguments -join ' ')" -ForegroundColor Cyan
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments[0]) failed with exit code $LASTEXITCODE." }
}

# The PowerShell that runs this script, to start a child of the same edition.
function Get-ChildPowerShell {
    $path = (Get-Process -Id $PID).Path
    if (-not $path) { $path = if ($PSVersionTable.PSEdition -eq 'Core') { 'pwsh' } else { 'powershell' } }
    $path
}

# Runs a script in a child PowerShell. Its output streams to the console as it runs (Out-Host),
# so the only thing this function returns is the child's exit code.
function Invoke-Child {
    param([string] $Script)
    & (Get-ChildPowerShell) -NoProfile -NonInteractive -Command $Script | Out-Host
    $LASTEXITCODE
}

switch ($Task) {
    'Build' {
        Invoke-Dotnet @('build', $solution, '-c', $Configuration)
        Write-Host "Module: $manifest"
    }

    'Test' {
        Invoke-Dotnet @('test', $solution, '-c', $Configuration)

        $pester = Get-Module -ListAvailable -Name Pester | Where-Object Version -GE ([version]'5.0') | Sort-Object Version -Descending | Select-Object -First 1
        if (-not $pester) {
            Write-Warning ('Pester 5 is not installed, so tests/Pester was not run. Install it with: ' +
                'Install-Module Pester -MinimumVersion 5.0 -Scope CurrentUser -Force -SkipPublisherCheck')
            return
        }

        $pesterScript = @"
`$ErrorActionPreference = 'Stop'
Import-Module Pester -MinimumVersion 5.0
`$config = New-PesterConfiguration
`$config.Run.Path = '$(Join-Path $root 'tests/Pester')'
`$config.Run.PassThru = `$true
`$config.Output.Verbosity = 'Detailed'
`$result = Invoke-Pester -Configuration `$config
Write-Host ("Pester: {0} passed, {1} failed, {2} skipped" -f `$result.PassedCount, `$result.FailedCount, `$result.SkippedCount)
if (`$result.Result -ne 'Passed') { exit 1 }
exit 0
"@
        $code = Invoke-Child $pesterScript
        if ($code -ne 0) { throw "Pester reported failures (exit code $code)." }
    }

    'Docs' {
        Invoke-Dotnet @('build', $solution, '-c', $Configuration)
        if (-not (Get-Module -ListAvailable -Name platyPS)) {
            Write-Warning ('PlatyPS is not installed: docs/*.md were not synced with the code. Install it with: ' +
                'Install-Module platyPS -Scope CurrentUser -Force. The build still turns docs/*.md into help.')
            return
        }

        $docs = Join-Path $root 'docs'
        $docsScript = @"
`$ErrorActionPreference = 'Stop'
Import-Module platyPS
Import-Module '$manifest' -Force
# platyPS 0.14 on PowerShell 7.4+ writes CRLF and documents -ProgressAction as a parameter: the
# repair undoes both, so docs/ stays unchanged byte for byte when the code has not changed.
. '$(Join-Path $root 'tools/Repair-PlatyPSMarkdown.ps1')'
`$before = @{}
Get-ChildItem '$docs' -Filter '*-*.md' | ForEach-Object { `$before[`$_.FullName] = [IO.File]::ReadAllBytes(`$_.FullName) }
Update-MarkdownHelp -Path '$docs' -AlphabeticParamsOrder:`$false -UpdateInputOutput | Out-Null
`$documented = Get-ChildItem '$docs' -Filter '*-*.md' | ForEach-Object BaseName
foreach (`$command in Get-Command -Module PSEstimation) {
    if (`$documented -notcontains `$command.Name) {
        New-MarkdownHelp -Command `$command.Name -OutputFolder '$docs' -AlphabeticParamsOrder:`$false | Out-Null
        Write-Host "New page: docs/`$(`$command.Name).md (fill in its synopsis, description and examples)"
    }
}
Get-ChildItem '$docs' -Filter '*-*.md' | ForEach-Object { Save-PlatyPSMarkdown -Path `$_.FullName -OriginalBytes `$before[`$_.FullName] }
"@
        $code = Invoke-Child $docsScript
        if ($code -ne 0) { throw "PlatyPS failed (exit code $code)." }
        Write-Host 'docs/ synced with the code; rebuild to regenerate the MAML help.'
    }

    'Package' {
        Invoke-Dotnet @('build', $solution, '-c', 'Release')
        $info = Test-ModuleManifest -Path $manifest
        $zip = Join-Path $root "out/PSEstimation-$($info.Version).zip"
        if (Test-Path $zip) { Remove-Item $zip }
        # ZipFile instead of Compress-Archive: Microsoft.PowerShell.Archive is not everywhere the module is.
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        [IO.Compression.ZipFile]::CreateFromDirectory($moduleDir, $zip, [IO.Compression.CompressionLevel]::Optimal, $true)
        Write-Host "Package: $zip (expand into a folder on `$env:PSModulePath, or Publish-Module -Path $moduleDir)"
    }

    'Clean' {
        foreach ($dir in @(Join-Path $root 'out') + @(Get-ChildItem $root -Recurse -Directory -Include bin, obj | ForEach-Object FullName)) {
            if (Test-Path $dir) { Remove-Item $dir -Recurse -Force }
        }
    }
}
