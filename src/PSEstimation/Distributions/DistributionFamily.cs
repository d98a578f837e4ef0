using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using PSEstimation.Estimation;
using PSEstimation.Models;

namespace PSEstimation.Distributions
{
    /// <summary>
    /// How one distribution family is fitted to a sample: accumulators (sufficient statistics or
    /// a buffer), closed forms, starting values, the numerical fit and non-regular covariances.
    /// The family's mathematics (densities, distribution functions, quantiles, sampling) is its
    /// <see cref="Model"/>; the members that describe it here forward to the model. Plain C#:
    /// nothing here knows about PowerShell.
    /// </summary>
    /// <remarks>
    /// Parameter vectors (<c>theta</c>) are in the order of <see cref="Parameters"/>, which is the
    /// contract's order. Fixed parameters are passed as a <c>double?[]</c> of the same length,
    /// null where the parameter is free.
    /// Sample-level functions default to sums over a <see cref="BufferedSample"/>; a family that
    /// streams (sufficient statistics) overrides <see cref="CreateAccumulator"/> and the three
    /// sample-level functions together.
    /// </remarks>
    internal abstract class DistributionFamily
    {
        /// <summary>A fitter of <paramref name="model"/>.</summary>
        protected DistributionFamily(DistributionModel model)
        {
            Model = model;
            Name = model.Name;
            Parameters = model.Parameters;
        }

        /// <summary>The family's mathematics: densities, distribution functions, quantiles, sampling.</summary>
        public DistributionModel Model { get; }

        public DistributionName Name { get; }

        /// <summary>The parameters in the contract's order.</summary>
        public IReadOnlyList<ParameterSpec> Parameters { get; }

        /// <summary>
        /// Values that configure the family but are never estimated (Binomial's Trials), by
        /// name. They appear in a fit's Estimate so it can be passed back as -Parameter.
        /// </summary>
        public virtual IReadOnlyDictionary<string, double> Constants => Model.Constants;

        /// <summary>Whether the support is a set of integers (a probability mass function).</summary>
        public virtual bool IsDiscrete => Model.IsDiscrete;

        /// <summary>Whether $true and $false are read as 1 and 0 (Bernoulli).</summary>
        public virtual bool AcceptsBooleans => false;

        /// <summary>The support in words, for error messages: "x > 0".</summary>
        public virtual string SupportDescription => Model.SupportDescription;

        /// <summary>
        /// Whether a value may enter a fit. Most families check the support only; where the
        /// support depends on a parameter (Uniform, Pareto) any real value is accepted here and
        /// the fit adapts. Fixed parameters are given, so Pareto with a fixed Scale can check x >= Scale.
        /// </summary>
        public abstract bool CanFit(double x, double?[] fixedValues);

        /// <summary>Whether the density at <paramref name="x"/> is positive under <paramref name="theta"/>.</summary>
        public virtual bool IsInSupport(double x, double[] theta) => Model.IsInSupport(x, theta);

        /// <summary>
        /// Why a parameter vector whose values each lie in their own domain still cannot be
        /// evaluated (Uniform: Lower must be below Upper), as a sentence for an error message;
        /// null when it can. Checked before a likelihood is evaluated at given parameters.
        /// </summary>
        public virtual string? ParameterConstraintViolation(double[] theta) => Model.ParameterConstraintViolation(theta);

        /// <summary>log f(x | theta) for one observation, -Infinity outside the support.</summary>
        public virtual double LogDensity(double x, double[] theta) => Model.LogDensity(x, theta);

        /// <summary>Adds weight · ∂ log f(x | theta) / ∂ theta to <paramref name="score"/>.</summary>
        public virtual void AddScore(double x, double weight, double[] theta, double[] score) => Model.AddScore(x, weight, theta, score);

        /// <summary>Adds weight · ∂² log f(x | theta) / ∂ theta² to <paramref name="hessian"/>.</summary>
        public virtual void AddHessian(double x, double weight, double[] theta, double[,] hessian) => Model.AddHessian(x, weight, theta, hessian);

        /// <summary>The expected Fisher information of one observation at <paramref name="theta"/>.</summary>
        public virtual double[,] ExpectedInformation(double[] theta) => Model.ExpectedInformation(theta);

        /// <summary>A fresh accumulator for this family's fit.</summary>
        public virtual SampleAccumulator CreateAccumulator() => new BufferedSample();

        /// <summary>
        /// The bulk path: adds a whole array of unit-weight values if every one is finite and
        /// fittable, else adds nothing and returns false (so the caller can report the bad ones).
        /// With a <see cref="BulkSupport"/> the accumulator checks it in the loop that accumulates.
        /// </summary>
        public virtual bool TryAddRange(SampleAccumulator sample, double[] values, double?[] fixedValues)
        {
            if (SupportOnBulkPath(fixedValues) is BulkSupport support)
            {
                return sample.TryAddRange(values, support);
            }

            for (int i = 0; i < values.Length; i++)
            {
                CancellationCheck.At(i, sample.Cancellation);
                double x = values[i];
                if (double.IsNaN(x) || double.IsInfinity(x) || !CanFit(x, fixedValues))
                {
                    return false;
                }
            }

            sample.AddRange(values);
            return true;
        }

        /// <summary>
        /// What <see cref="CanFit"/> accepts under <paramref name="fixedValues"/>, as one interval
        /// (and whether only whole numbers), for the accumulator to check in its bulk loop; null
        /// where it is not one interval (then <see cref="TryAddRange"/> asks CanFit value by value first).
        /// </summary>
        public virtual BulkSupport? SupportOnBulkPath(double?[] fixedValues) => null;

        /// <summary>The log-likelihood of the whole sample.</summary>
        public virtual double LogLikelihood(SampleAccumulator sample, double[] theta)
        {
            var buffered = (BufferedSample)sample;
            double sum = 0;
            for (int i = 0; i < buffered.Length; i++)
            {
                CancellationCheck.At(i, buffered.Cancellation);
                sum += buffered.WeightAt(i) * LogDensity(buffered.ValueAt(i), theta);
            }

            return sum;
        }

        /// <summary>The score (gradient of the log-likelihood) of the whole sample.</summary>
        public virtual double[] Score(SampleAccumulator sample, double[] theta)
        {
            var buffered = (BufferedSample)sample;
            var score = new double[theta.Length];
            for (int i = 0; i < buffered.Length; i++)
            {
                CancellationCheck.At(i, buffered.Cancellation);
                AddScore(buffered.ValueAt(i), buffered.WeightAt(i), theta, score);
            }

            return score;
        }

        /// <summary>The Hessian of the log-likelihood of the whole sample (minus the observed information).</summary>
        public virtual double[,] Hessian(SampleAccumulator sample, double[] theta)
        {
            var buffered = (BufferedSample)sample;
            var hessian = new double[theta.Length, theta.Length];
            for (int i = 0; i < buffered.Length; i++)
            {
                CancellationCheck.At(i, buffered.Cancellation);
                AddHessian(buffered.ValueAt(i), buffered.WeightAt(i), theta, hessian);
            }

            return hessian;
        }

        /// <summary>
        /// The MLE in closed form for this pattern of fixed parameters, or null when it has to be
        /// found numerically. Throws <see cref="EstimationException"/> when the sample cannot
        /// identify the parameters (a constant sample for a scale parameter).
        /// </summary>
        public virtual double[]? ClosedForm(SampleAccumulator sample, double?[] fixedValues) => null;

        /// <summary>
        /// A starting point for the numerical fit (moment or quantile estimates), in the interior
        /// of the parameter space, with fixed values already in place.
        /// </summary>
        public virtual double[] InitialEstimate(SampleAccumulator sample, double?[] fixedValues)
            => throw new NotSupportedException(Name + " has no numerical fit.");

        /// <summary>How <see cref="MaximizeLikelihood"/> finds the estimate, for the result's Method.</summary>
        public virtual string NumericalMethod => "Newton-Raphson on unconstrained scales";

        /// <summary>
        /// The numerical fit, used when <see cref="ClosedForm"/> gives null: by default Newton-Raphson
        /// from <see cref="InitialEstimate"/>. A family overrides it to run Newton from several starts
        /// (a likelihood with several local maxima) or to stop a parameter whose optimum can lie at
        /// infinity at a cap, and says so in <see cref="NumericalMethod"/>.
        /// </summary>
        public virtual OptimizationResult MaximizeLikelihood(SampleAccumulator sample, double?[] fixedValues, CancellationToken cancellation, Action<string>? trace)
        {
            double[] start = InitialEstimate(sample, fixedValues);
            cancellation.ThrowIfCancellationRequested();
            trace?.Invoke("Starting values: " + string.Join(", ", Array.ConvertAll(start, v => v.ToString("G10", CultureInfo.InvariantCulture))));
            return NewtonRaphson.Maximize(new LogLikelihoodObjective(this, sample), Parameters, start, fixedValues, cancellation, trace);
        }

        /// <summary>
        /// For non-regular models (the likelihood has a kink or its maximum is on the boundary of
        /// the support), the covariance to report instead of the inverse observed information,
        /// with NaN where no standard error exists, and a sentence saying what was done.
        /// Null for regular models.
        /// </summary>
        public virtual NonRegularCovariance? NonRegularCovariance(SampleAccumulator sample, double[] theta, double?[] fixedValues) => null;

        /// <summary>
        /// Whether the log-likelihood is twice differentiable in the parameter at
        /// <paramref name="parameterIndex"/> wherever it is finite. False where it has a kink
        /// (Laplace's Location) or where the support moves with the parameter (Uniform's bounds,
        /// Pareto's Scale). Return false only for a parameter whose maximum-likelihood value does
        /// not depend on the other parameters (the median, the minimum, the maximum): a MAP fit
        /// holds such a parameter at that value when it has no prior, and refuses a prior on it,
        /// because Newton's method and a Laplace approximation need a smooth log-posterior.
        /// </summary>
        public virtual bool IsSmoothIn(int parameterIndex) => true;

        /// <summary>The index of a parameter by contract name (case-insensitive), or -1.</summary>
        public int IndexOf(string parameterName)
        {
            for (int i = 0; i < Parameters.Count; i++)
            {
                if (string.Equals(Parameters[i].Name, parameterName, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Copies fixed values over a parameter vector.</summary>
        protected static double[] WithFixed(double[] theta, double?[] fixedValues)
        {
            for (int i = 0; i < theta.Length; i++)
            {
                if (fixedValues[i] is double value)
                {
                    theta[i] = value;
                }
            }

            return theta;
        }
    }
}
