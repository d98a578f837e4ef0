using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSEstimation.Distributions;
using PSEstimation.Estimation;
using PSEstimation.FitTests;
using PSEstimation.Input;
using PSEstimation.Models;

namespace PSEstimation.Commands
{
    /// <summary>
    /// Test-GoodnessOfFit: Kolmogorov-Smirnov, Cramer-von Mises and Anderson-Darling tests (and
    /// chi-squared for discrete families) of the values from the pipeline against a distribution
    /// that is fitted to them (-Distribution), fully specified (-Distribution -Parameter), or a fit
    /// (-Estimate). With estimated parameters the EDF p-values come from a parametric bootstrap
    /// that re-fits every simulated sample.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "GoodnessOfFit", DefaultParameterSetName = FittedSet)]
    [OutputType(typeof(PSEstimation.GoodnessOfFit))]
    public sealed class TestGoodnessOfFitCommand : SampleCollectingCommand
    {
        private const string FittedSet = "Fitted";
        private const string SpecifiedSet = "Specified";
        private const string EstimateSet = "Estimate";

        /// <summary>The default of -Simulations: a p-value near 0.05 then has a Monte-Carlo standard error of 0.005 (two digits), and (b + 1)/2000 is a round fraction.</summary>
        public const int DefaultSimulations = 1999;

        private DistributionFamily family = null!;
        private double?[] fixedValues = new double?[0];
        private double[]? givenTheta;

        /// <summary>The hypothesised family: fitted to the data, or with -Parameter fully specified.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = FittedSet)]
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = SpecifiedSet)]
        public DistributionName Distribution { get; set; }

        /// <summary>Every parameter of -Distribution by name, e.g. @{ Mean = 0; Variance = 1 }: a fully specified hypothesis.</summary>
        [Parameter(Mandatory = true, ParameterSetName = SpecifiedSet)]
        [ValidateNotNull]
        public IDictionary? Parameter { get; set; }

        /// <summary>Parameters held fixed in the fit and in every re-fit of the bootstrap, e.g. @{ Mean = 0 }.</summary>
        [Parameter(ParameterSetName = FittedSet)]
        public Hashtable? Fixed { get; set; }

        /// <summary>A fit (Get-MLEstimate, live or deserialized): the statistics at its estimate; its fixed parameters stay fixed in the bootstrap re-fits.</summary>
        [Parameter(Mandatory = true, ParameterSetName = EstimateSet)]
        [ValidateNotNull]
        public PSObject? Estimate { get; set; }

        /// <summary>The tests to run (default: KolmogorovSmirnov, CramerVonMises, AndersonDarling for continuous families; ChiSquare for discrete ones).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public GoodnessOfFitTest[]? Test { get; set; }

        /// <summary>Bootstrap simulations when parameters are estimated (default 1999); 0 gives the statistics without p-values.</summary>
        [Parameter]
        public int Simulations { get; set; } = DefaultSimulations;

        /// <summary>A seed for the bootstrap: the same seed gives the same p-values on any machine and any number of cores.</summary>
        [Parameter]
        public int? SetSeed { get; set; }

        /// <summary>Threads for the bootstrap (tests only: the answer does not depend on it).</summary>
        internal int MaxDegreeOfParallelism { get; set; } = Environment.ProcessorCount;

        /// <inheritdoc/>
        protected override void BeginProcessing()
        {
            if (Simulations < 0)
            {
                Terminate(ErrorIds.InvalidSimulations, $"-Simulations must be 0 or more; got {Simulations}.", target: Simulations);
            }

            try
            {
                ResolveHypothesis();
            }
            catch (EstimationException e)
            {
                Terminate(e.ErrorId, e.Message);
            }

            StartCollecting("tested");
        }

        private void ResolveHypothesis()
        {
            if (ParameterSetName == EstimateSet)
            {
                var fitted = FittedDistribution.FromEstimate(Estimate, null);
                RequireFamily(fitted.Name);
                var reading = EstimateReader.Read(Estimate);
                var values = ParameterTable.Read(reading.Values, fitted.Name, nameof(Estimate));
                family = DistributionFamilies.Create(fitted.Name, ParameterTable.Constants(values, fitted.Name));
                givenTheta = fitted.Theta;
                fixedValues = new double?[givenTheta.Length];
                for (int i = 0; i < givenTheta.Length; i++)
                {
                    int at = Array.FindIndex(reading.ParameterNames, n => string.Equals(n, family.Parameters[i].Name, StringComparison.OrdinalIgnoreCase));
                    if (reading.Fixed is bool[] isFixed && at >= 0 && at < isFixed.Length && isFixed[at])
                    {
                        fixedValues[i] = givenTheta[i];
                    }
                }

                return;
            }

            RequireFamily(Distribution);
            if (ParameterSetName == SpecifiedSet)
            {
                var fitted = FittedDistribution.FromParameter(Distribution, Parameter);
                var values = ParameterTable.Read(Parameter, Distribution, nameof(Parameter));
                family = DistributionFamilies.Create(Distribution, ParameterTable.Constants(values, Distribution));
                givenTheta = fitted.Theta;
                fixedValues = givenTheta.Select(t => (double?)t).ToArray();
                return;
            }

            var table = ParameterTable.Read(Fixed, Distribution, nameof(Fixed));
            family = DistributionFamilies.Create(Distribution, ParameterTable.Constants(table, Distribution));
            fixedValues = ParameterTable.FixedVector(family, table, nameof(Fixed));
        }

        private static void RequireFamily(DistributionName name)
        {
            if (name == DistributionName.Categorical)
            {
                throw new EstimationException(ErrorIds.TestNotApplicable, "Test-GoodnessOfFit has no test for Categorical: its categories have no order for an EDF, and its fit reproduces the observed frequencies exactly.");
            }
        }

        internal override string? Rejects(double value)
        {
            bool inside = givenTheta is null ? family.CanFit(value, fixedValues) : family.IsInSupport(value, givenTheta);
            return inside ? null : $"{family.Name} ({family.SupportDescription})";
        }

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            FinishReading();
            var tests = ChooseTests();
            foreach (var slot in Reader.Slots)
            {
                if (Cancellation.IsCancellationRequested)
                {
                    return;
                }

                foreach (var result in TestSlot(slot, tests))
                {
                    result.Property = slot.Property;
                    result.Group = slot.Group.IsNamed ? slot.Group.Value : null;
                    WriteResult(slot, result);
                }
            }
        }

        private List<GoodnessOfFitTest> ChooseTests()
        {
            bool discrete = family.IsDiscrete;
            if (Test is null)
            {
                return discrete
                    ? new List<GoodnessOfFitTest> { GoodnessOfFitTest.ChiSquare }
                    : new List<GoodnessOfFitTest> { GoodnessOfFitTest.KolmogorovSmirnov, GoodnessOfFitTest.CramerVonMises, GoodnessOfFitTest.AndersonDarling };
            }

            var chosen = new List<GoodnessOfFitTest>();
            foreach (var test in Test.Distinct())
            {
                bool applies = discrete == (test == GoodnessOfFitTest.ChiSquare);
                if (applies)
                {
                    chosen.Add(test);
                }
                else
                {
                    WriteWarning(discrete
                        ? $"{test} does not apply to the discrete family {family.Name} (its null law assumes a continuous distribution); it was not run. Use -Test ChiSquare."
                        : $"ChiSquare is for discrete families (its cells are the integers); {family.Name} is continuous, so it was not run.");
                }
            }

            if (chosen.Count == 0)
            {
                Terminate(ErrorIds.TestNotApplicable, $"None of the tests asked for applies to {family.Name}: use {(discrete ? "ChiSquare" : "KolmogorovSmirnov, CramerVonMises or AndersonDarling")}.");
            }

            return chosen;
        }

        private IEnumerable<PSEstimation.GoodnessOfFit> TestSlot(InputSlot slot, List<GoodnessOfFitTest> tests)
        {
            var sorted = Values[slot.Index].ToArray();
            Values[slot.Index].Clear();
            if (sorted.Length == 0)
            {
                FailSlot(slot, ErrorIds.NoUsableInput, $"No usable values{slot.Suffix} to test against {family.Name} ({slot.SkippedCount} skipped). Expected numbers in its support: {family.SupportDescription}.", ErrorCategory.InvalidData);
                return Array.Empty<PSEstimation.GoodnessOfFit>();
            }

            Array.Sort(sorted);
            double[] theta;
            if (givenTheta is not null)
            {
                theta = givenTheta;
            }
            else
            {
                var estimator = new MaximumLikelihoodEstimator(family, 0.95) { Trace = WriteVerbose, Warn = message => WriteWarning(message + slot.Suffix) };
                var sample = family.CreateAccumulator();
                family.TryAddRange(sample, sorted, fixedValues);
                try
                {
                    var fit = estimator.Fit(sample, fixedValues, Cancellation);
                    theta = fit.Parameters.Select(p => p.Value).ToArray();
                }
                catch (EstimationException e)
                {
                    FailSlot(slot, e.ErrorId, e.Message + slot.Suffix, ErrorCategory.InvalidData);
                    return Array.Empty<PSEstimation.GoodnessOfFit>();
                }
                catch (OperationCanceledException)
                {
                    return Array.Empty<PSEstimation.GoodnessOfFit>();
                }
            }

            int n = sorted.Length;
            bool estimated = fixedValues.Any(f => f is null);
            int estimatedCount = fixedValues.Count(f => f is null);
            var estimate = MaximumLikelihoodEstimator.EstimateDictionary(family, theta);
            string name = family.Name.ToString();
            var results = new List<PSEstimation.GoodnessOfFit>();
            if (family.IsDiscrete)
            {
                var chi = ChiSquareTest.Compute(sorted, family.Model!, theta, estimatedCount);
                string method = chi.PValue is null
                    ? $"No p-value: {chi.Cells} cells after merging to expected counts >= 5 leave no degree of freedom"
                    : $"Asymptotic chi-squared, {chi.Cells} cells (expected >= 5, tails merged), df = cells - 1 - {estimatedCount} estimated";
                results.Add(new PSEstimation.GoodnessOfFit(name, n, GoodnessOfFitTest.ChiSquare, chi.Statistic, chi.PValue, chi.DegreesOfFreedom, estimated, null, method) { Estimate = estimate });
                return results;
            }

            var observed = EdfStatistics.Compute(sorted, family.Model!, theta);
            BootstrapResult? bootstrap = null;
            if (estimated && Simulations > 0)
            {
                var run = new GoodnessOfFitBootstrap(family, fixedValues, theta, n) { MaxDegreeOfParallelism = MaxDegreeOfParallelism };
                var root = SetSeed is int seed ? new RandomSource(seed) : RandomSource.FromEntropy();
                if (!RunWithProgress(() => bootstrap = run.Run(observed, Simulations, root, Cancellation), () => run.Completed, Simulations, $"Test-GoodnessOfFit {name}: parametric bootstrap{slot.Suffix}"))
                {
                    return Array.Empty<PSEstimation.GoodnessOfFit>();
                }

                if (bootstrap!.Failed > 0)
                {
                    WriteWarning($"{bootstrap.Failed} of {Simulations} bootstrap re-fits of {name}{slot.Suffix} failed or did not converge; the p-values rest on the other {bootstrap.Simulations} (FailedSimulations).");
                }
            }

            foreach (var test in tests)
            {
                double statistic = observed.Of(test);
                double? p;
                string method;
                int? simulations = null;
                if (!estimated)
                {
                    (double value, string how) = FullySpecifiedPValue.Of(test, statistic, n);
                    p = value;
                    method = how;
                }
                else if (bootstrap is not null)
                {
                    p = bootstrap.Of(test);
                    simulations = bootstrap.Simulations;
                    method = $"Parametric bootstrap, {bootstrap.Simulations} simulations re-fitted by maximum likelihood, p = (b + 1)/(m + 1)";
                }
                else
                {
                    p = null;
                    method = "No p-value: parameters estimated and -Simulations 0";
                }

                results.Add(new PSEstimation.GoodnessOfFit(name, n, test, statistic, p, null, estimated, simulations, method)
                {
                    Estimate = estimate,
                    FailedSimulations = bootstrap?.Failed,
                });
            }

            return results;
        }
    }
}
