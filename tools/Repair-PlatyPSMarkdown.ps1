# Undoes what platyPS 0.14 changes in docs/*.md that is not a change of the code: on PowerShell 7.4+
# it documents the -ProgressAction common parameter as a parameter of its own (a known platyPS
# issue), and on every platform it writes CRLF line endings. Dot-sourced by build.ps1 -Task Docs.

# The page without platyPS's ProgressAction additions, with LF line endings.
function Repair-PlatyPSMarkdown {
    [CmdletBinding()]
    param([Parameter(Mandatory)] [AllowEmptyString()] [string] $Text)

    $text = $Text -replace "`r`n", "`n"
    # The parameter's section runs from its heading to the next heading of any level.
    $text = [regex]::Replace($text, '(?ms)^### -ProgressAction\n.*?(?=^#{2,3} )', '')
    # In SYNTAX it is one bracketed token, possibly at the start of a continuation line.
    $text = [regex]::Replace($text, ' ?\[-ProgressAction <ActionPreference>\]', '')
    $text
}

# Whether two pages differ only in whitespace (platyPS re-wraps SYNTAX lines as their length changes).
function Test-SameMarkdownContent {
    [CmdletBinding()]
    param([AllowEmptyString()] [string] $Left, [AllowEmptyString()] [string] $Right)

    ($Left -replace '\s+', ' ').Trim() -ceq ($Right -replace '\s+', ' ').Trim()
}

# Writes what platyPS made of a page: the original bytes when only platyPS's own changes differ,
# else the repaired text (LF, UTF-8 without BOM).
function Save-PlatyPSMarkdown {
    [CmdletBinding()]
    param([Parameter(Mandatory)] [string] $Path, [AllowNull()] [byte[]] $OriginalBytes)

    $utf8 = [System.Text.UTF8Encoding]::new($false)
    $repaired = Repair-PlatyPSMarkdown -Text ([IO.File]::ReadAllText($Path))
    if ($null -ne $OriginalBytes -and (Test-SameMarkdownContent $repaired $utf8.GetString($OriginalBytes))) {
        [IO.File]::WriteAllBytes($Path, $OriginalBytes)
    }
    else {
        [IO.File]::WriteAllText($Path, $repaired, $utf8)
    }
}
