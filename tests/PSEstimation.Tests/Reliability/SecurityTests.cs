using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using PSEstimation.Tests.Hosting;
using Xunit;

namespace PSEstimation.Tests.Reliability
{
    /// <summary>
    /// README's security notes, tested: no cmdlet evaluates its input as code (a string that would
    /// run something is a non-number, or a category's name as written), and the module's assembly
    /// references no API that writes to the console, touches files, the network or the registry,
    /// starts processes or evaluates script.
    /// </summary>
    [Collection(ModuleCollection.Name)]
    public class SecurityTests
    {
        private readonly ModuleFixture module;

        public SecurityTests(ModuleFixture module) => this.module = module;

        /// <summary>Strings that would do something if evaluated: set a global variable, write a file, run a command.</summary>
        private static string[] Payloads(string file) => new[]
        {
            "$($global:PSEstimationPwned = 1)",
            "$([System.IO.File]::WriteAllText('" + file + "', 'pwned'))",
            "$(Remove-Item x)",
            "1; calc",
            "1; $global:PSEstimationPwned = 1",
            "@{ Mean = 1 }",
            "[double]::MaxValue",
            "0x10",
            "1e3",
        };

        [Fact]
        public void Strings_that_look_like_code_are_not_numbers_and_are_not_run()
        {
            string file = Path.Combine(Path.GetTempPath(), "psestimation-pwned-" + Guid.NewGuid().ToString("N"));
            var payloads = Payloads(file);
            string[] scripts =
            {
                "param($p) 1.2, $p, 0.8 | Get-MLEstimate Normal",
                "param($p) 1.2, $p, 0.8 | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = 1; Variance = 1 }",
                "param($p) Measure-RegressionLoss -Actual 1.2, $p, 0.8 -Predicted 1, 1, 1",
                "param($p) [pscustomobject]@{ V = 1.2 }, [pscustomobject]@{ V = $p }, [pscustomobject]@{ V = 0.8 } | Get-MLEstimate Normal -Property V",
            };

            foreach (string script in scripts)
            {
                foreach (string payload in payloads)
                {
                    var result = module.Run(script, payload);
                    string context = script + " with " + payload;
                    if (payload == "1e3")
                    {
                        // A plain invariant-culture number (the control): accepted.
                        Assert.True(result.Errors.Count == 0, context);
                        continue;
                    }

                    Assert.True(result.TerminatingError is null, context + ": " + result.TerminatingError);
                    Assert.True(result.ErrorIds.Count == 1 && result.ErrorIds[0].StartsWith("NotANumber,", StringComparison.Ordinal), context + ": " + string.Join(", ", result.ErrorIds));
                    Assert.Single(result.Objects);
                }
            }

            AssertNothingRan(file);
        }

        [Fact]
        public void Code_in_parameter_values_names_and_categories_is_not_run()
        {
            string file = Path.Combine(Path.GetTempPath(), "psestimation-pwned-" + Guid.NewGuid().ToString("N"));
            string payload = "$([System.IO.File]::WriteAllText('" + file + "', 'pwned'); $global:PSEstimationPwned = 1)";

            // A parameter value: not a finite number.
            var parameter = module.Run("param($p) 1, 2 | Measure-NegativeLogLikelihood Normal -Parameter @{ Mean = $p; Variance = 1 }", payload);
            Assert.Equal("InvalidParameterValue,PSEstimation.Commands.MeasureNegativeLogLikelihoodCommand", parameter.TerminatingError?.FullyQualifiedErrorId);

            // A -Fixed key: not a parameter name.
            var fixedKey = module.Run("param($p) 1, 2, 3 | Get-MLEstimate Normal -Fixed @{ $p = 1 }", payload);
            Assert.Equal("UnknownParameter,PSEstimation.Commands.GetMLEstimateCommand", fixedKey.TerminatingError?.FullyQualifiedErrorId);

            // A -Property name: looked up as written.
            var property = module.Run("param($p) [pscustomobject]@{ V = 1 } | Get-MLEstimate Normal -Property $p", payload);
            Assert.Equal("NoUsableInput,PSEstimation.Commands.GetMLEstimateCommand", property.TerminatingError?.FullyQualifiedErrorId);
            Assert.Equal("PropertyNotFound,PSEstimation.Commands.GetMLEstimateCommand", Assert.Single(property.ErrorIds));

            // A -Distribution name: the enum's binding refuses it.
            var distribution = module.Run("param($p) 1, 2 | Get-MLEstimate -Distribution $p", payload);
            Assert.Equal("CannotConvertArgumentNoMessage,PSEstimation.Commands.GetMLEstimateCommand", distribution.TerminatingError?.FullyQualifiedErrorId);

            // A Categorical value: a category named exactly as written.
            var categorical = module.Run("param($p) 'a', $p, 'a' | Get-MLEstimate Categorical", payload);
            var fit = Assert.IsType<MLEstimate>(Assert.Single(categorical.Objects));
            Assert.Contains(payload, fit.Estimate.Keys.Cast<string>());

            AssertNothingRan(file);
        }

        private void AssertNothingRan(string file)
        {
            var check = module.Run("[bool]$global:PSEstimationPwned");
            Assert.Equal(false, Assert.Single(check.Objects));
            Assert.False(File.Exists(file), "a payload wrote " + file);
        }

        /// <summary>Types whose use would write to the console, touch files, the network or the registry, start processes or run script.</summary>
        private static readonly string[] ForbiddenTypePrefixes =
        {
            "System.Console",
            "System.IO.File", "System.IO.Directory", "System.IO.DriveInfo", "System.IO.StreamWriter", "System.IO.StreamReader", "System.IO.Pipes.",
            "System.Net.", "Microsoft.Win32.Registry", "System.Diagnostics.Process",
            "System.Management.Automation.ScriptBlock", "System.Management.Automation.PowerShell", "System.Management.Automation.Runspaces.",
            "System.Management.Automation.CommandInvocationIntrinsics", "System.Management.Automation.ProviderIntrinsics",
        };

        /// <summary>Types forbidden by exact name (their names prefix harmless ones, such as AssemblyVersionAttribute).</summary>
        private static readonly string[] ForbiddenTypes = { "System.Reflection.Assembly", "System.Activator", "System.AppDomain" };

        /// <summary>Members that reach the same places from the cmdlet base class.</summary>
        private static readonly string[] ForbiddenMembers =
        {
            "get_InvokeCommand", "get_InvokeProvider", "get_SessionState", "InvokeScript", "NewScriptBlock", "ExpandString", "GetResolvedProviderPathFromPSPath", "WriteHost",
        };

        /// <summary>
        /// The one file the module writes: Out-Plot -Path's SVG, named by the user (the contract's
        /// only file output), written with File.WriteAllText and emitted as a FileInfo; its path is
        /// resolved by PowerShell's rules through SessionState.Path (OutPlotCommand only).
        /// </summary>
        private static readonly string[] OutPlotFileTypes = { "System.IO.File", "System.IO.FileInfo" };

        private static readonly string[] OutPlotFileMembers = { "get_SessionState" };

        [Theory]
        [InlineData("PSEstimation.dll")]
        [InlineData("net8.0/PSEstimation.dll")]
        public void The_assembly_uses_no_console_file_network_registry_process_or_script_API(string build)
        {
            string assembly = Path.Combine(Path.GetDirectoryName(module.ManifestPath)!, build);
            using var stream = File.OpenRead(assembly);
            using var pe = new PEReader(stream);
            var reader = pe.GetMetadataReader();

            string TypeName(EntityHandle handle) => handle.Kind switch
            {
                HandleKind.TypeReference => FullName(reader.GetTypeReference((TypeReferenceHandle)handle)),
                HandleKind.TypeDefinition => reader.GetString(reader.GetTypeDefinition((TypeDefinitionHandle)handle).Namespace) + "." + reader.GetString(reader.GetTypeDefinition((TypeDefinitionHandle)handle).Name),
                _ => string.Empty,
            };

            string FullName(TypeReference type)
                => type.ResolutionScope.Kind == HandleKind.TypeReference
                    ? FullName(reader.GetTypeReference((TypeReferenceHandle)type.ResolutionScope)) + "+" + reader.GetString(type.Name)
                    : reader.GetString(type.Namespace) + "." + reader.GetString(type.Name);

            var types = reader.TypeReferences.Select(h => FullName(reader.GetTypeReference(h))).ToList();
            Assert.Contains("System.Management.Automation.PSCmdlet", types); // the scan sees the references at all
            var badTypes = types.Where(t => ForbiddenTypePrefixes.Any(p => t.StartsWith(p, StringComparison.Ordinal)) || ForbiddenTypes.Contains(t))
                .Where(t => !OutPlotFileTypes.Contains(t)).ToList();
            Assert.True(badTypes.Count == 0, "forbidden types: " + string.Join(", ", badTypes));

            var members = reader.MemberReferences.Select(h =>
            {
                var member = reader.GetMemberReference(h);
                return (Parent: TypeName(member.Parent), Name: reader.GetString(member.Name));
            }).ToList();
            Assert.Contains(members, m => m.Name == "WriteError"); // and the member references
            var badMembers = members.Where(m => ForbiddenMembers.Contains(m.Name) && !OutPlotFileMembers.Contains(m.Name)).Select(m => m.Parent + "." + m.Name).ToList();
            Assert.True(badMembers.Count == 0, "forbidden members: " + string.Join(", ", badMembers));

            var assemblies = reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name)).ToList();
            var badAssemblies = assemblies.Where(a => a.StartsWith("System.Net", StringComparison.Ordinal) || a.StartsWith("Microsoft.Win32", StringComparison.Ordinal) || a == "System.Diagnostics.Process").ToList();
            Assert.True(badAssemblies.Count == 0, "forbidden assemblies: " + string.Join(", ", badAssemblies));
        }
    }
}
