using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Threading;
using PSEstimation.Bayesian;
using PSEstimation.Diagnostics;
using PSEstimation.Distributions;
using PSEstimation.Estimation;
using PSEstimation.Input;
using PSEstimation.Plotting;

namespace PSEstimation.Commands
{
    /// <summary>
    /// Out-Plot: pictures of the data from the pipeline against a fit (-Estimate, one or several
    /// overlaid) or a fit it makes itself (-Distribution): as lines of text (Unicode or ASCII,
    /// sized in characters) or, with -Path, as a standalone SVG file. Collects the values in
    /// ProcessRecord; in EndProcessing builds the panels (Diagnostics/) and renders them
    /// (Plotting/), neither of which knows PowerShell.
    /// </summary>
    [Cmdlet(VerbsData.Out, "Plot", DefaultParameterSetName = ByEstimateSet)]
    [OutputType(typeof(string), typeof(FileInfo))]
    public sealed class OutPlotCommand : NumericInputCommand, IInputSink
    {
        internal const string ByEstimateSet = "ByEstimate";
        internal const string ByDistributionSet = "ByDistribution";

        private static readonly PlotKind[] DefaultKinds = { PlotKind.Histogram, PlotKind.QQ, PlotKind.PP, PlotKind.CDF };

        private readonly CancellationTokenSource cancellation = new CancellationTokenSource();
        private readonly List<double> values = new List<double>();
        private readonly List<FittedDistribution> fits = new List<FittedDistribution>();
        private DistributionFamily? family;
        private SampleAccumulator? accumulator;
        private string? resolvedPath;
        private MLEstimate? profiled;

        /// <summary>
        /// The fit(s) to draw the data against: results of Get-MLEstimate or Get-MAPEstimate (live,
        /// from Import-Clixml or a job, or from ConvertFrom-Json). Several are overlaid.
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = ByEstimateSet)]
        [ValidateNotNullOrEmpty]
        public PSObject[]? Estimate { get; set; }

        /// <summary>Fit this family to the data by maximum likelihood and draw the data against the fit.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByDistributionSet)]
        // Tab completion: the ValidateSet of FamilyFitCommand.Distribution (its comment says why).
        [ValidateSet(nameof(DistributionName.Normal), nameof(DistributionName.Gaussian), nameof(DistributionName.LogNormal), nameof(DistributionName.Exponential), nameof(DistributionName.Gamma), nameof(DistributionName.Weibull), nameof(DistributionName.Beta), nameof(DistributionName.Laplace), nameof(DistributionName.Logistic), nameof(DistributionName.Cauchy), nameof(DistributionName.StudentT), nameof(DistributionName.Uniform), nameof(DistributionName.Pareto), nameof(DistributionName.Rayleigh), nameof(DistributionName.Poisson), nameof(DistributionName.Bernoulli), nameof(DistributionName.Binomial), nameof(DistributionName.Geometric), nameof(DistributionName.NegativeBinomial), nameof(DistributionName.Categorical))]
        public DistributionName Distribution { get; set; }

        /// <summary>The panels to draw, in order (default: Histogram, QQ, PP, CDF).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public PlotKind[]? Kind { get; set; }

        /// <summary>Write a standalone SVG file here (relative to the current location) instead of text, and emit the file.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>Text: the picture's width in characters (default: the host's window width, else 80). SVG: one panel's width in pixels (default 480).</summary>
        [Parameter]
        public int Width { get; set; }

        /// <summary>Text: the picture's height in lines (default: 16 per row of panels). SVG: one panel's height in pixels (default 360).</summary>
        [Parameter]
        public int Height { get; set; }

        /// <summary>Text: draw with ASCII characters only (no braille or block elements, no colour).</summary>
        [Parameter]
        public SwitchParameter Ascii { get; set; }

        /// <inheritdoc/>
        protected override void BeginProcessing()
        {
            var kinds = Kinds();
            if (kinds.Contains(PlotKind.Residuals))
            {
                Terminate(ErrorIds.PlotKindNotAvailable, "-Kind Residuals (of a RegressionEstimate) is not drawn by this version of Out-Plot yet. Draw Histogram, QQ, PP, CDF, Profile or Posterior.", ErrorCategory.NotImplemented, PlotKind.Residuals);
            }

            if (MyInvocation.BoundParameters.ContainsKey(nameof(Width)) && Width <= 0 || MyInvocation.BoundParameters.ContainsKey(nameof(Height)) && Height <= 0)
            {
                Terminate(ErrorIds.InvalidPlotSize, $"-Width and -Height must be positive; got {Width} × {Height}.");
            }

            if (Path is not null)
            {
                resolvedPath = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
                if (!resolvedPath.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
                {
                    Terminate(ErrorIds.PlotPathNotWritable, $"-Path '{Path}' must name an .svg file: Out-Plot writes SVG only.", ErrorCategory.InvalidArgument, Path);
                }
            }

            string? impliedProperty = null;
            try
            {
                if (ParameterSetName == ByEstimateSet)
                {
                    foreach (var estimate in Estimate!)
                    {
                        fits.Add(FittedDistribution.FromEstimate(estimate, null));
                    }

                    impliedProperty = fits[0].Property;
                }
                else if (Distribution != DistributionName.Categorical)
                {
                    family = DistributionFamilies.Create(Distribution, new Dictionary<string, double>());
                    accumulator = family.CreateAccumulator();
                }
            }
            catch (EstimationException e)
            {
                Terminate(e.ErrorId, e.Message);
            }

            if (fits.Any(f => f.Model is null) || (ParameterSetName == ByDistributionSet && Distribution == DistributionName.Categorical))
            {
                Terminate(ErrorIds.PlotKindNotForCategorical, $"Out-Plot -Kind {string.Join(", ", kinds)} needs a numeric distribution; a Categorical fit has no quantiles or CDF to draw the data against (a bar chart of categories is not drawn yet).", ErrorCategory.InvalidArgument);
            }

            if (kinds.Contains(PlotKind.Posterior) && (ParameterSetName != ByEstimateSet || !fits[0].IsPosterior))
            {
                Terminate(ErrorIds.PosteriorNeedsMAPEstimate, "-Kind Posterior draws the prior, likelihood and posterior of a MAP fit: pass a result of Get-MAPEstimate as -Estimate.");
            }

            if (kinds.Contains(PlotKind.Profile) && ParameterSetName == ByEstimateSet && (Estimate![0].BaseObject as MLEstimate)?.Problem is null)
            {
                Terminate(ErrorIds.ProfileNeedsLiveFit, "-Kind Profile re-fits the data with each parameter held, so it needs the fit's data: pass a result of Get-MLEstimate from this session as -Estimate (one read back from Import-Clixml, a job or JSON, or a MAPEstimate, has none), or fit with -Distribution.", ErrorCategory.InvalidArgument);
            }

            StartReading(new InputOptions { ImpliedProperty = Property is null ? impliedProperty : null, GroupVerb = "plotted", AllowBoolean = true }, this);
        }

        /// <inheritdoc/>
        void IInputSink.AddSlot(InputSlot slot)
        {
            if (slot.Index > 0)
            {
                Terminate(ErrorIds.PlotSeveralSamples, "Out-Plot draws one sample per picture: give one -Property name and no -GroupBy (pipe each group to its own Out-Plot).");
            }
        }

        /// <inheritdoc/>
        void IInputSink.AcceptValue(InputSlot slot, double value, double weight, long index, object original)
        {
            if (family is not null)
            {
                if (!family.CanFit(value, new double?[family.Parameters.Count]))
                {
                    Reader.Skip(slot, SkipReason.OutsideSupport, ErrorIds.ValueOutsideSupport, $"Value {NumericConversion.Describe(original)} at index {index}{slot.Suffix} is outside the support of {family.Name} ({family.SupportDescription}); it was skipped.", original);
                    return;
                }

                accumulator!.Add(value, 1);
            }

            values.Add(value);
        }

        /// <inheritdoc/>
        void IInputSink.AcceptScalar(InputSlot slot, object value, double weight, long index)
        {
        }

        /// <inheritdoc/>
        bool IInputSink.TryAcceptBulk(InputSlot slot, double[] bulk, long firstIndex)
        {
            if (family is not null)
            {
                accumulator!.Cancellation = cancellation.Token;
                if (!family.TryAddRange(accumulator, bulk, new double?[family.Parameters.Count]))
                {
                    return false;
                }
            }

            values.AddRange(bulk);
            return true;
        }

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            Reader.Finish();
            if (values.Count == 0)
            {
                Terminate(ErrorIds.NoUsableInput, $"No usable values to plot ({Reader.Skips.Count} skipped). Pipe numbers (or objects with -Property) to Out-Plot.", ErrorCategory.InvalidData);
            }

            if (family is not null)
            {
                try
                {
                    var free = new double?[family.Parameters.Count];
                    var fit = new MaximumLikelihoodEstimator(family, 0.95) { Warn = WriteWarning }.Fit(accumulator!, free, cancellation.Token);
                    fit.Problem ??= new FitProblem(family, accumulator!, free, fit.Parameters.Select(p => p.Value).ToArray(), fit.LogLikelihood);
                    profiled = fit;
                    fits.Add(FittedDistribution.FromEstimate(PSObject.AsPSObject(fit), null));
                }
                catch (EstimationException e)
                {
                    Terminate(e.ErrorId, e.Message, ErrorCategory.InvalidData);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            var sample = new PlotSample(values.ToArray());
            string valueTitle = Property?.FirstOrDefault() ?? fits[0].Property ?? "value";
            var panels = new List<PlotPanel>();
            try
            {
                panels = BuildPanels(sample, valueTitle);
            }
            catch (EstimationException e)
            {
                Terminate(e.ErrorId, e.Message, ErrorCategory.InvalidData);
            }

            if (resolvedPath is null)
            {
                WriteText(panels);
            }
            else
            {
                WriteSvg(panels);
            }
        }

        /// <inheritdoc/>
        protected override void StopProcessing() => cancellation.Cancel();

        private PlotKind[] Kinds() => (Kind ?? DefaultKinds).Distinct().ToArray();

        private List<PlotPanel> BuildPanels(PlotSample sample, string valueTitle)
        {
            var labels = Labels();
            var plotted = fits.Select((f, i) => new PlottedFit(labels[i], f.Model!, f.Theta)).ToList();
            var fitPanels = new FitPanels(sample, plotted, valueTitle);
            var panels = new List<PlotPanel>();
            foreach (var kind in Kinds())
            {
                switch (kind)
                {
                    case PlotKind.Histogram:
                        panels.Add(fitPanels.Histogram());
                        break;
                    case PlotKind.QQ:
                        panels.Add(fitPanels.QQ());
                        break;
                    case PlotKind.PP:
                        panels.Add(fitPanels.PP());
                        break;
                    case PlotKind.CDF:
                        panels.Add(fitPanels.Cdf());
                        break;
                    case PlotKind.Posterior:
                        panels.AddRange(PosteriorPanels(sample));
                        break;
                    case PlotKind.Profile:
                        panels.AddRange(ProfilePanels());
                        break;
                }
            }

            return panels;
        }

        /// <summary>Legend names: the family, with a number when a family appears more than once.</summary>
        private string[] Labels()
        {
            var names = fits.Select(f => f.Name.ToString()).ToArray();
            return names.Select((n, i) => names.Count(m => m == n) > 1 ? $"{n} #{names.Take(i + 1).Count(m => m == n)}" : n).ToArray();
        }

        /// <summary>One Posterior panel per estimated parameter of the first fit (a MAPEstimate), its priors read back from the fit's Prior list.</summary>
        private IEnumerable<PlotPanel> PosteriorPanels(PlotSample sample)
        {
            var fit = fits[0];
            var model = fit.Model!;
            var estimate = Estimate![0];
            var builder = new PosteriorPanels(sample, model, fit.Theta);
            var priors = ReadPriors(estimate, model);
            var parameters = (EstimateReader.ReadMember(estimate, "Parameters") as IEnumerable)?.Cast<object>().Select(PSObject.AsPSObject).ToList() ?? new List<PSObject>();
            for (int j = 0; j < model.Parameters.Count; j++)
            {
                var entry = parameters.FirstOrDefault(p => string.Equals(Convert.ToString(EstimateReader.ReadMember(p, "Name"), CultureInfo.InvariantCulture), model.Parameters[j].Name, StringComparison.OrdinalIgnoreCase));
                if (entry is not null && EstimateReader.ReadMember(entry, "Fixed") is bool isFixed && isFixed)
                {
                    continue;
                }

                double spread = Number(entry is null ? null : EstimateReader.ReadMember(entry, "PosteriorStandardDeviation"))
                    ?? (fit.Covariance is double[,] c ? Math.Sqrt(c[j, j]) : double.NaN);
                double? mle = Number(entry is null ? null : EstimateReader.ReadMember(entry, "MaximumLikelihood"));
                yield return builder.Panel(j, spread, mle, priors[j]);
            }
        }

        /// <summary>One Profile panel per free parameter of the first fit, at its confidence level, from its kept <see cref="FitProblem"/>.</summary>
        private IEnumerable<PlotPanel> ProfilePanels()
        {
            var fit = profiled ?? (MLEstimate)Estimate![0].BaseObject;
            var problem = fit.Problem!;
            var builder = new ProfilePanels(problem, fit.ConfidenceLevel);
            foreach (int j in problem.FreeIndices())
            {
                yield return builder.Panel(j, fit.Parameters[j].StandardError ?? double.NaN, cancellation.Token);
            }
        }

        /// <summary>Per parameter, its log prior density with the others at the mode (null: flat), from the fit's Prior entries (Name, Parameters, Target).</summary>
        private static Func<double, double>?[] ReadPriors(PSObject estimate, Models.DistributionModel model)
        {
            var result = new Func<double, double>?[model.Parameters.Count];
            if (!(EstimateReader.ReadMember(estimate, "Prior") is IEnumerable list) || list is string)
            {
                return result;
            }

            var mode = FittedDistribution.FromEstimate(estimate, null).Theta;
            foreach (var item in list.Cast<object>().Select(PSObject.AsPSObject))
            {
                string name = Convert.ToString(EstimateReader.ReadMember(item, "Name"), CultureInfo.InvariantCulture) ?? "Flat";
                var hyper = EstimateReader.ReadMember(item, "Parameters") is IDictionary d
                    ? d.Values.Cast<object>().Select(v => Convert.ToDouble(v, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)).ToArray()
                    : new string[0];
                var targets = (EstimateReader.ReadMember(item, "Target") as IEnumerable)?.Cast<object>().Select(t => model.IndexOf(Convert.ToString(t, CultureInfo.InvariantCulture) ?? string.Empty)).ToArray() ?? new int[0];
                object parsed = PriorParser.Parse(hyper.Length == 0 ? name : $"{name}({string.Join(", ", hyper)})", "-Estimate's Prior");
                if (parsed is UnivariatePrior univariate && targets.Length == 1 && targets[0] >= 0 && !univariate.IsFlat)
                {
                    result[targets[0]] = univariate.LogDensity;
                }
                else if (parsed is NormalInverseGammaPrior nig && targets.Length == 2 && targets.All(t => t >= 0))
                {
                    int mean = targets[0], variance = targets[1];
                    result[mean] = g => nig.LogDensity(g, mode[variance]);
                    result[variance] = g => nig.LogDensity(mode[mean], g);
                }
            }

            return result;
        }

        private static double? Number(object? value)
            => value is null ? null : LanguagePrimitives.TryConvertTo(value, CultureInfo.InvariantCulture, out double d) && !double.IsNaN(d) ? d : (double?)null;

        private void WriteText(List<PlotPanel> panels)
        {
            int width = MyInvocation.BoundParameters.ContainsKey(nameof(Width)) ? Width : HostWidth();
            var (_, rows) = TextPlotRenderer.Grid(panels.Count, width);
            int height = MyInvocation.BoundParameters.ContainsKey(nameof(Height)) ? Height : (rows * TextPlotRenderer.DefaultRowHeight) + rows - 1;
            IReadOnlyList<string> lines = Array.Empty<string>();
            try
            {
                lines = new TextPlotRenderer(Ascii, colour: !Ascii && HostShowsColour()).Render(panels, width, height);
            }
            catch (ArgumentException e)
            {
                Terminate(ErrorIds.InvalidPlotSize, e.Message);
            }

            foreach (string line in lines)
            {
                WriteObject(line);
            }
        }

        private void WriteSvg(List<PlotPanel> panels)
        {
            int width = MyInvocation.BoundParameters.ContainsKey(nameof(Width)) ? Width : SvgPlotRenderer.DefaultPanelWidth;
            int height = MyInvocation.BoundParameters.ContainsKey(nameof(Height)) ? Height : SvgPlotRenderer.DefaultPanelHeight;
            if (width < 160 || height < 120)
            {
                Terminate(ErrorIds.InvalidPlotSize, $"With -Path, -Width and -Height are one panel's size in pixels, at least 160 × 120; got {width} × {height}.");
            }

            string title = "Out-Plot: " + string.Join(", ", Labels()) + " fit to " + values.Count.ToString(CultureInfo.InvariantCulture) + " values";
            string svg = new SvgPlotRenderer().Render(panels, title, width, height);
            try
            {
                File.WriteAllText(resolvedPath!, svg, new System.Text.UTF8Encoding(false));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is NotSupportedException || e is System.Security.SecurityException || e is ArgumentException)
            {
                ThrowTerminatingError(new ErrorRecord(new IOException($"Cannot write the SVG file '{resolvedPath}': {e.Message}", e), ErrorIds.PlotPathNotWritable, ErrorCategory.WriteError, Path));
            }

            WriteObject(new FileInfo(resolvedPath!));
        }

        /// <summary>The host's window width; 80 when the host has none (a hosted runspace, a job, redirected output).</summary>
        private int HostWidth()
        {
            try
            {
                int width = Host?.UI?.RawUI?.WindowSize.Width ?? 0;
                return width >= TextPlotRenderer.MinimumPanelWidth ? width - 1 : 80;
            }
            catch (Exception e) when (e is NotImplementedException || e is NotSupportedException || e is IOException || e is InvalidOperationException || e is PSNotImplementedException || e is HostException)
            {
                return 80;
            }
        }

        /// <summary>
        /// Colour only for the console host (which renders ANSI) when Out-Plot is last in its
        /// pipeline, so its lines are not passed to another command, and not when NO_COLOR is set.
        /// </summary>
        private bool HostShowsColour()
        {
            try
            {
                return Environment.GetEnvironmentVariable("NO_COLOR") is null
                    && MyInvocation.PipelinePosition == MyInvocation.PipelineLength
                    && string.Equals(Host?.Name, "ConsoleHost", StringComparison.Ordinal)
                    && Host?.UI?.RawUI?.WindowSize.Width > 0;
            }
            catch (Exception e) when (e is NotImplementedException || e is IOException || e is PSNotImplementedException || e is HostException)
            {
                return false;
            }
        }
    }
}
