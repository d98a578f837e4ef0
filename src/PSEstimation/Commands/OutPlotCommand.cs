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
    public sealed partial class OutPlotCommand : NumericInputCommand, IInputSink
    {
        internal const string ByEstimateSet = "ByEstimate";
        internal const string ByDistributionSet = "ByDistribution";

        private static readonly PlotKind[] DefaultKinds = { PlotKind.Histogram, PlotKind.QQ, PlotKind.PP, PlotKind.CDF };

        private readonly CancellationTokenSource cancellation = new CancellationTokenSource();
        private readonly List<(PSObject Estimate, FittedDistribution Fit)> given = new List<(PSObject, FittedDistribution)>();
        private readonly List<PlottedSlot> slots = new List<PlottedSlot>();
        private DistributionFamily? family;
        private double?[] fixedValues = new double?[0];
        private string? resolvedPath;
        private bool regression;
        private bool categorical;

        /// <summary>
        /// The fit(s) to draw the data against: results of Get-MLEstimate or Get-MAPEstimate (live,
        /// from Import-Clixml or a job, or from ConvertFrom-Json), or rows of Compare-Distribution
        /// (their Estimate). Several are overlaid; with -GroupBy, each group is drawn against the
        /// fits made for it (their Group). A RegressionEstimate draws -Kind Residuals.
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = ByEstimateSet)]
        [ValidateNotNullOrEmpty]
        public PSObject[]? Estimate { get; set; }

        /// <summary>Fit this family to the data by maximum likelihood and draw the data against the fit.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByDistributionSet)]
        // Tab completion: the ValidateSet of FamilyFitCommand.Distribution (its comment says why).
        [ValidateSet(nameof(DistributionName.Normal), nameof(DistributionName.Gaussian), nameof(DistributionName.LogNormal), nameof(DistributionName.Exponential), nameof(DistributionName.Gamma), nameof(DistributionName.Weibull), nameof(DistributionName.Beta), nameof(DistributionName.Laplace), nameof(DistributionName.Logistic), nameof(DistributionName.Cauchy), nameof(DistributionName.StudentT), nameof(DistributionName.Uniform), nameof(DistributionName.Pareto), nameof(DistributionName.Rayleigh), nameof(DistributionName.Poisson), nameof(DistributionName.Bernoulli), nameof(DistributionName.Binomial), nameof(DistributionName.Geometric), nameof(DistributionName.NegativeBinomial), nameof(DistributionName.Categorical))]
        public DistributionName Distribution { get; set; }

        /// <summary>With -Distribution: parameters held at these values in the fit, e.g. @{ Variance = 1 }, @{ Trials = 10 } (as Get-MLEstimate -Fixed).</summary>
        [Parameter(ParameterSetName = ByDistributionSet)]
        [ParameterTableTransformation]
        public Hashtable? Fixed { get; set; }

        /// <summary>Frequency weights, one per input value in input order (as Get-MLEstimate -Weight): the histogram, CDF, Q-Q and P-P count a value with weight 3 three times.</summary>
        [Parameter]
        [ValidateNotNull]
        public double[]? Weight { get; set; }

        /// <summary>The property of each input object that holds its frequency weight (as Get-MLEstimate -WeightProperty).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? WeightProperty { get; set; }

        /// <summary>The panels to draw, in order (default: Histogram, QQ, PP, CDF; Residuals for a RegressionEstimate).</summary>
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

            if (Weight is not null && WeightProperty is not null)
            {
                Terminate(ErrorIds.InvalidWeight, "Give frequency weights either as -Weight (one per input value) or as -WeightProperty (a property of each input object), not both.");
            }

            regression = ParameterSetName == ByEstimateSet && Estimate!.Any(IsRegression);
            if (regression)
            {
                BeginResiduals();
                return;
            }

            var kinds = Kinds();
            if (kinds.Contains(PlotKind.Residuals))
            {
                Terminate(ErrorIds.ResidualsNeedRegressionEstimate, "-Kind Residuals draws a regression model's residuals: pass a RegressionEstimate (Get-MLEstimate or Get-MAPEstimate with -Response and -Predictor) as -Estimate, and pipe in the rows it was fitted to (or new ones with its response and predictors).", ErrorCategory.InvalidArgument, PlotKind.Residuals);
            }

            string? impliedProperty = null;
            try
            {
                if (ParameterSetName == ByEstimateSet)
                {
                    foreach (var estimate in Estimate!.Select(ComparedEstimate).Where(e => e is not null))
                    {
                        given.Add((estimate!, FittedDistribution.FromEstimate(estimate, null)));
                    }

                    if (given.Count == 0)
                    {
                        Terminate(ErrorIds.InvalidEstimate, "-Estimate holds no fit to draw (Compare-Distribution rows without an Estimate?).");
                    }

                    impliedProperty = given[0].Fit.Property;
                }
                else if (Distribution != DistributionName.Categorical)
                {
                    var table = ParameterTable.Read(Fixed, Distribution, nameof(Fixed));
                    family = DistributionFamilies.Create(Distribution, ParameterTable.Constants(table, Distribution));
                    fixedValues = ParameterTable.FixedVector(family, table, nameof(Fixed));
                }
            }
            catch (EstimationException e)
            {
                Terminate(e.ErrorId, e.Message);
            }

            categorical = given.Any(f => f.Fit.Model is null) || (ParameterSetName == ByDistributionSet && Distribution == DistributionName.Categorical);
            if (categorical)
            {
                kinds = Kinds();
                var other = kinds.Where(k => k != PlotKind.Histogram).ToArray();
                if (other.Length > 0 || given.Any(f => f.Fit.Model is not null))
                {
                    Terminate(ErrorIds.PlotKindNotForCategorical, $"A Categorical fit is drawn as -Kind Histogram only (bars of the observed proportions with the fitted probabilities, the default for it): it has no quantiles or CDF for -Kind {string.Join(", ", other.DefaultIfEmpty(PlotKind.Histogram))}, and it is not overlaid with numeric fits.", ErrorCategory.InvalidArgument);
                }
            }

            if (kinds.Contains(PlotKind.Posterior) && (ParameterSetName != ByEstimateSet || !given.All(f => f.Fit.IsPosterior)))
            {
                Terminate(ErrorIds.PosteriorNeedsMAPEstimate, "-Kind Posterior draws the prior, likelihood and posterior of a MAP fit: pass a result of Get-MAPEstimate as -Estimate.");
            }

            if (kinds.Contains(PlotKind.Profile) && ParameterSetName == ByEstimateSet && given.Any(f => (f.Estimate.BaseObject as MLEstimate)?.Problem is null))
            {
                Terminate(ErrorIds.ProfileNeedsLiveFit, "-Kind Profile re-fits the data with each parameter held, so it needs the fit's data: pass a result of Get-MLEstimate from this session as -Estimate (one read back from Import-Clixml, a job or JSON, or a MAPEstimate, has none), or fit with -Distribution.", ErrorCategory.InvalidArgument);
            }

            StartReading(new InputOptions { ImpliedProperty = Property is null ? impliedProperty : null, Weights = Weight, WeightProperty = WeightProperty, GroupVerb = "plotted", AllowBoolean = true, AcceptsAnyScalar = categorical }, this);
        }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            if (regressionRows is not null)
            {
                regressionRows.Read(InputObject);
                return;
            }

            base.ProcessRecord();
        }

        /// <inheritdoc/>
        void IInputSink.AddSlot(InputSlot slot) => slots.Add(new PlottedSlot(slot, family?.CreateAccumulator(), Weight is not null || WeightProperty is not null));

        /// <inheritdoc/>
        void IInputSink.AcceptValue(InputSlot slot, double value, double weight, long index, object original)
        {
            var plotted = slots[slot.Index];
            if (family is not null)
            {
                if (!family.CanFit(value, fixedValues))
                {
                    Reader.Skip(slot, SkipReason.OutsideSupport, ErrorIds.ValueOutsideSupport, $"Value {NumericConversion.Describe(original)} at index {index}{slot.Suffix} is outside the support of {family.Name} ({family.SupportDescription}); it was skipped.", original);
                    return;
                }

                if (weight > 0)
                {
                    plotted.Accumulator!.Add(value, weight);
                }
            }

            if (weight > 0)
            {
                plotted.Values.Add(value);
                plotted.Weights?.Add(weight);
            }
        }

        /// <inheritdoc/>
        void IInputSink.AcceptScalar(InputSlot slot, object value, double weight, long index)
        {
            if (weight > 0)
            {
                slots[slot.Index].Categories.Add(value, weight);
            }
        }

        /// <inheritdoc/>
        bool IInputSink.TryAcceptBulk(InputSlot slot, double[] bulk, long firstIndex)
        {
            var plotted = slots[slot.Index];
            if (family is not null)
            {
                plotted.Accumulator!.Cancellation = cancellation.Token;
                if (!family.TryAddRange(plotted.Accumulator, bulk, fixedValues))
                {
                    return false;
                }
            }

            plotted.Values.AddRange(bulk);
            return true;
        }

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            if (regression)
            {
                EndResiduals();
                return;
            }

            if (Weight is not null && Weight.Length != Reader.InputCount)
            {
                Terminate(ErrorIds.InvalidWeight, $"-Weight has {Weight.Length} values but the input has {Reader.InputCount}; give one weight per input value.");
            }

            Reader.Finish();
            if (categorical)
            {
                EndCategorical();
                return;
            }

            if (slots.All(s => s.Values.Count == 0))
            {
                Terminate(ErrorIds.NoUsableInput, $"No usable values to plot ({Reader.Skips.Count} skipped). Pipe numbers (or objects with -Property) to Out-Plot.", ErrorCategory.InvalidData);
            }

            bool several = slots.Count > 1;
            var panels = new List<PlotPanel>();
            var drawnFits = new List<string>();
            long drawn = 0;
            foreach (var plotted in slots)
            {
                var slot = plotted.Slot;
                if (plotted.Values.Count == 0)
                {
                    FailSlot(slot, ErrorIds.NoUsableInput, $"No usable values to plot{slot.Suffix} ({slot.SkippedCount} skipped).", ErrorCategory.InvalidData);
                    continue;
                }

                var fits = FitsFor(plotted);
                if (fits is null)
                {
                    continue;
                }

                if (cancellation.IsCancellationRequested)
                {
                    return;
                }

                var sample = new PlotSample(plotted.Values.ToArray(), plotted.Weights?.ToArray());
                string valueTitle = slot.Property ?? fits[0].Fit.Property ?? "value";
                try
                {
                    var set = BuildPanels(sample, valueTitle, fits, plotted.Profiled);
                    if (several)
                    {
                        string label = slot.Group.IsNamed ? slot.Group.Describe() + (Property is { Length: > 1 } ? " " + slot.Property : string.Empty) : slot.Property ?? string.Empty;
                        set.ForEach(p => p.Title = label + ": " + p.Title);
                    }

                    panels.AddRange(set);
                }
                catch (EstimationException e)
                {
                    FailSlot(slot, e.ErrorId, e.Message + slot.Suffix, ErrorCategory.InvalidData);
                    continue;
                }

                drawn += sample.Count;
                drawnFits.AddRange(Labels(fits));
            }

            if (panels.Count == 0)
            {
                Terminate(ErrorIds.NoUsableInput, "Nothing to plot: no sample could be drawn against a fit.", ErrorCategory.InvalidData);
            }

            string title = "Out-Plot: " + string.Join(", ", drawnFits.Distinct()) + " fit to " + drawn.ToString(CultureInfo.InvariantCulture) + " values"
                + (several ? " in " + slots.Count(s => s.Values.Count > 0).ToString(CultureInfo.InvariantCulture) + " samples" : string.Empty);
            Draw(panels, title);
        }

        /// <summary>Categorical data: per sample, bars of the observed proportions with each fit's probabilities (the sample's own relative frequencies with -Distribution).</summary>
        private void EndCategorical()
        {
            if (slots.All(s => s.Categories.TotalWeight <= 0))
            {
                Terminate(ErrorIds.NoUsableInput, $"No usable values to plot ({Reader.Skips.Count} skipped). Pipe the categories (or objects with -Property) to Out-Plot.", ErrorCategory.InvalidData);
            }

            var panels = new List<PlotPanel>();
            var labels = new List<string>();
            double drawn = 0;
            foreach (var plotted in slots)
            {
                var slot = plotted.Slot;
                var counts = plotted.Categories;
                if (counts.TotalWeight <= 0)
                {
                    FailSlot(slot, ErrorIds.NoUsableInput, $"No usable values to plot{slot.Suffix} ({slot.SkippedCount} skipped).", ErrorCategory.InvalidData);
                    continue;
                }

                var observed = counts.Categories.Select((c, i) => (CategoricalCounts.NameOf(c), counts.Counts[i])).ToList();
                var fits = new List<(string, Models.CategoricalModel)>();
                if (ParameterSetName == ByDistributionSet)
                {
                    fits.Add(("Categorical", new Models.CategoricalModel(observed.Select(o => o.Item1).ToArray(), observed.Select(o => o.Item2 / counts.TotalWeight).ToArray())));
                }
                else
                {
                    var matched = given.Where(g => !slot.Group.IsNamed || !given.Any(c => c.Fit.Group is not null) || SameGroup(g.Fit.Group is PSObject p ? p.BaseObject : g.Fit.Group, slot.Group.Value)).ToList();
                    if (matched.Count == 0)
                    {
                        WriteError(new ErrorRecord(new ArgumentException($"No fit among -Estimate is for{slot.Suffix.TrimEnd(')').Replace(" (", " ")}; its values were not drawn."), ErrorIds.InvalidEstimate, ErrorCategory.InvalidData, slot.Group.Value));
                        continue;
                    }

                    fits.AddRange(matched.Select((g, i) => (matched.Count > 1 ? "Categorical #" + (i + 1).ToString(CultureInfo.InvariantCulture) : "Categorical", g.Fit.Categorical!)));
                }

                var panel = CategoricalPanels.Bars(observed, fits, slot.Property ?? given.FirstOrDefault().Fit?.Property ?? "category");
                if (slots.Count > 1)
                {
                    panel.Title = (slot.Group.IsNamed ? slot.Group.Describe() + (Property is { Length: > 1 } ? " " + slot.Property : string.Empty) : slot.Property ?? string.Empty) + ": " + panel.Title;
                }

                panels.Add(panel);
                labels.AddRange(fits.Select(f => f.Item1));
                drawn += counts.TotalWeight;
            }

            if (panels.Count == 0)
            {
                Terminate(ErrorIds.NoUsableInput, "Nothing to plot: no sample could be drawn against a fit.", ErrorCategory.InvalidData);
            }

            Draw(panels, "Out-Plot: " + string.Join(", ", labels.Distinct()) + " fit to " + drawn.ToString("G10", CultureInfo.InvariantCulture) + " values");
        }

        /// <inheritdoc/>
        protected override void StopProcessing() => cancellation.Cancel();

        private PlotKind[] Kinds() => (Kind ?? (regression ? new[] { PlotKind.Residuals } : categorical ? new[] { PlotKind.Histogram } : DefaultKinds)).Distinct().ToArray();

        /// <summary>A Compare-Distribution row stands for its Estimate (null when its fit failed); anything else for itself.</summary>
        private static PSObject? ComparedEstimate(PSObject estimate)
        {
            if (estimate.BaseObject is DistributionComparison row)
            {
                return row.Estimate is null ? null : PSObject.AsPSObject(row.Estimate);
            }

            if (EstimateReader.ReadMember(estimate, "AkaikeWeight") is not null && EstimateReader.ReadMember(estimate, "Parameters") is null)
            {
                return EstimateReader.ReadMember(estimate, "Estimate") is object inner ? PSObject.AsPSObject(inner) : null;
            }

            return estimate;
        }

        /// <summary>
        /// The fits a slot is drawn against: with -Distribution its own fit; with -Estimate those
        /// made for its group (and property) when the estimates say which (Group, Property), else
        /// all. Null (after a non-terminating error) when there is none.
        /// </summary>
        private List<(PSObject Estimate, FittedDistribution Fit)>? FitsFor(PlottedSlot plotted)
        {
            var slot = plotted.Slot;
            if (family is not null)
            {
                try
                {
                    var fit = new MaximumLikelihoodEstimator(family, 0.95) { Warn = WriteWarning }.Fit(plotted.Accumulator!, fixedValues, cancellation.Token);
                    fit.Problem ??= new FitProblem(family, plotted.Accumulator!, fixedValues, fit.Parameters.Select(p => p.Value).ToArray(), fit.LogLikelihood);
                    plotted.Profiled = fit;
                    var live = PSObject.AsPSObject(fit);
                    return new List<(PSObject, FittedDistribution)> { (live, FittedDistribution.FromEstimate(live, null)) };
                }
                catch (EstimationException e)
                {
                    FailSlot(slot, e.ErrorId, e.Message + slot.Suffix, ErrorCategory.InvalidData);
                    return null;
                }
                catch (OperationCanceledException)
                {
                    return null;
                }
            }

            var candidates = given.ToList();
            if (slot.Group.IsNamed && candidates.Any(c => c.Fit.Group is not null))
            {
                candidates = candidates.Where(c => SameGroup(c.Fit.Group is PSObject g ? g.BaseObject : c.Fit.Group, slot.Group.Value)).ToList();
            }

            if (slot.Property is not null && Property is { Length: > 1 } && candidates.Any(c => c.Fit.Property is not null))
            {
                candidates = candidates.Where(c => string.Equals(c.Fit.Property, slot.Property, StringComparison.OrdinalIgnoreCase)).ToList();
            }

            if (candidates.Count == 0)
            {
                WriteError(new ErrorRecord(new ArgumentException($"No fit among -Estimate is for{slot.Suffix.TrimEnd(')').Replace(" (", " ")}; its values were not drawn."), ErrorIds.InvalidEstimate, ErrorCategory.InvalidData, slot.Group.Value));
                return null;
            }

            plotted.Profiled = candidates[0].Estimate.BaseObject as MLEstimate;
            return candidates;
        }

        private List<PlotPanel> BuildPanels(PlotSample sample, string valueTitle, List<(PSObject Estimate, FittedDistribution Fit)> fits, MLEstimate? profiled)
        {
            var labels = Labels(fits);
            var plotted = fits.Select((f, i) => new PlottedFit(labels[i], f.Fit.Model!, f.Fit.Theta)).ToList();
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
                        panels.AddRange(PosteriorPanels(sample, fits[0].Estimate, fits[0].Fit));
                        break;
                    case PlotKind.Profile:
                        panels.AddRange(ProfilePanels(profiled!));
                        break;
                }
            }

            return panels;
        }

        /// <summary>Legend names: the family, with a number when a family appears more than once.</summary>
        private static string[] Labels(List<(PSObject Estimate, FittedDistribution Fit)> fits)
        {
            var names = fits.Select(f => f.Fit.Name.ToString()).ToArray();
            return names.Select((n, i) => names.Count(m => m == n) > 1 ? $"{n} #{names.Take(i + 1).Count(m => m == n)}" : n).ToArray();
        }

        /// <summary>One Posterior panel per estimated parameter of the first fit (a MAPEstimate), its priors read back from the fit's Prior list.</summary>
        private IEnumerable<PlotPanel> PosteriorPanels(PlotSample sample, PSObject estimate, FittedDistribution fit)
        {
            var model = fit.Model!;
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
        private IEnumerable<PlotPanel> ProfilePanels(MLEstimate fit)
        {
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

        /// <summary>The picture: lines of text, or the SVG file with <paramref name="title"/>.</summary>
        private void Draw(List<PlotPanel> panels, string title)
        {
            if (resolvedPath is null)
            {
                WriteText(panels);
            }
            else
            {
                WriteSvg(panels, title);
            }
        }

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

        private void WriteSvg(List<PlotPanel> panels, string title)
        {
            int width = MyInvocation.BoundParameters.ContainsKey(nameof(Width)) ? Width : SvgPlotRenderer.DefaultPanelWidth;
            int height = MyInvocation.BoundParameters.ContainsKey(nameof(Height)) ? Height : SvgPlotRenderer.DefaultPanelHeight;
            if (width < 160 || height < 120)
            {
                Terminate(ErrorIds.InvalidPlotSize, $"With -Path, -Width and -Height are one panel's size in pixels, at least 160 × 120; got {width} × {height}.");
            }

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

        /// <summary>One sample being read (a -Property name in a -GroupBy group): its values, the -Distribution family's accumulator, and the fit whose profile is drawn.</summary>
        private sealed class PlottedSlot
        {
            public PlottedSlot(InputSlot slot, SampleAccumulator? accumulator, bool weighted)
            {
                Slot = slot;
                Accumulator = accumulator;
                Weights = weighted ? new List<double>() : null;
            }

            /// <summary>Categorical data: the category counts (weights summed).</summary>
            public CategoricalCounts Categories { get; } = new CategoricalCounts();

            /// <summary>Each value's frequency weight, with -Weight or -WeightProperty; null without.</summary>
            public List<double>? Weights { get; }

            public InputSlot Slot { get; }

            public List<double> Values { get; } = new List<double>();

            public SampleAccumulator? Accumulator { get; }

            public MLEstimate? Profiled { get; set; }
        }
    }
}
