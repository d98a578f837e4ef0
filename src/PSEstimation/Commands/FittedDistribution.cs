using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using PSEstimation.Distributions;
using PSEstimation.Input;
using PSEstimation.Models;

namespace PSEstimation.Commands
{
    /// <summary>
    /// The distribution a cmdlet that answers questions about one (Get-Quantile, Get-Probability,
    /// Get-RandomSample) works with: a fit's (-Estimate, live or deserialized or from JSON), with
    /// the fit's covariance for intervals, or one given by -Distribution and -Parameter, without.
    /// </summary>
    internal sealed class FittedDistribution
    {
        private FittedDistribution(DistributionName name, DistributionModel? model, CategoricalModel? categorical, double[] theta, double[,]? covariance, bool isPosterior, string? property)
        {
            Name = name;
            Model = model;
            Categorical = categorical;
            Theta = theta;
            Covariance = covariance;
            IsPosterior = isPosterior;
            Property = property;
        }

        public DistributionName Name { get; }

        /// <summary>The model, or null for Categorical.</summary>
        public DistributionModel? Model { get; }

        /// <summary>Categorical's categories and probabilities, or null.</summary>
        public CategoricalModel? Categorical { get; }

        /// <summary>Every parameter's value in the model's order.</summary>
        public double[] Theta { get; }

        /// <summary>The fit's covariance in the model's parameter order; null without a fit (or when the fit has none).</summary>
        public double[,]? Covariance { get; }

        /// <summary>Whether the fit is a MAP estimate (its covariance is the posterior's).</summary>
        public bool IsPosterior { get; }

        /// <summary>The property the fit was made from, or null.</summary>
        public string? Property { get; }

        /// <summary>The fit's -GroupBy group, or null.</summary>
        public object? Group { get; private set; }

        /// <summary>Whether the distribution comes from a fit (-Estimate) rather than -Parameter.</summary>
        public bool FromFit { get; private set; }

        /// <summary>The data and model of a live Get-MLEstimate result, for profile and bootstrap intervals; null otherwise.</summary>
        public Estimation.FitProblem? Problem { get; private set; }

        /// <summary>The IntervalMethod of results with intervals from this fit, or null without a fit.</summary>
        public string? IntervalMethod => Covariance is null ? null : IsPosterior ? "PosteriorWald" : "Wald";

        /// <summary>From a fit result. <paramref name="distribution"/>, when the user gave -Distribution too, must agree with it.</summary>
        public static FittedDistribution FromEstimate(PSObject? estimate, DistributionName? distribution)
        {
            var reading = EstimateReader.Read(estimate);
            if (distribution is DistributionName given && given != reading.Distribution)
            {
                throw new EstimationException(
                    ErrorIds.InvalidEstimate,
                    $"-Distribution {given} disagrees with -Estimate, a {reading.Distribution} fit. Drop -Distribution (the fit carries its distribution) or pass a {given} fit.");
            }

            bool isPosterior = EstimateReader.ReadMember(estimate!, "LogPosterior") is not null;
            object? group = EstimateReader.ReadMember(estimate!, "Group");
            if (reading.Distribution == DistributionName.Categorical)
            {
                return new FittedDistribution(reading.Distribution, null, CategoricalModel.FromTable(reading.Values, "Estimate"), new double[0], null, isPosterior, reading.Property) { Group = group };
            }

            var (model, theta) = Create(reading.Distribution, reading.Values, "Estimate");
            return new FittedDistribution(reading.Distribution, model, null, theta, Reorder(model, reading), isPosterior, reading.Property) { Group = group, FromFit = true, Problem = (estimate!.BaseObject as MLEstimate)?.Problem };
        }

        /// <summary>From -Distribution and -Parameter: no fit, so no intervals.</summary>
        public static FittedDistribution FromParameter(DistributionName distribution, IDictionary? parameter)
        {
            if (distribution == DistributionName.Categorical)
            {
                return new FittedDistribution(distribution, null, CategoricalModel.FromTable(parameter, "Parameter"), new double[0], null, false, null);
            }

            var (model, theta) = Create(distribution, parameter, "Parameter");
            return new FittedDistribution(distribution, model, null, theta, null, false, null);
        }

        private static (DistributionModel Model, double[] Theta) Create(DistributionName name, IDictionary? table, string source)
        {
            var values = ParameterTable.Read(table, name, source);
            var family = DistributionFamilies.Create(name, ParameterTable.Constants(values, name));
            var theta = ParameterTable.FullVector(family, values, source);
            var model = family.Model;
            if (model.ParameterConstraintViolation(theta) is string problem)
            {
                throw new EstimationException(ErrorIds.InvalidParameterValue, $"-{source} gives invalid {name} parameters: {problem} Expected: {ParameterTable.Expected(name)}.");
            }

            return (model, theta);
        }

        /// <summary>The fit's covariance, whose order is its Parameters list, in the model's order; null if a parameter is missing from it.</summary>
        private static double[,]? Reorder(DistributionModel model, EstimateReading reading)
        {
            if (reading.Covariance is not double[,] covariance)
            {
                return null;
            }

            var index = model.Parameters.Select(p => Array.FindIndex(reading.ParameterNames, n => string.Equals(n, p.Name, StringComparison.OrdinalIgnoreCase))).ToArray();
            if (index.Any(i => i < 0))
            {
                return null;
            }

            int k = index.Length;
            var result = new double[k, k];
            for (int i = 0; i < k; i++)
            {
                for (int j = 0; j < k; j++)
                {
                    result[i, j] = covariance[index[i], index[j]];
                }
            }

            return result;
        }
    }
}
