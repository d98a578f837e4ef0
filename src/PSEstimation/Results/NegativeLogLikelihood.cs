using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;

namespace PSEstimation
{
    /// <summary>
    /// The negative log-likelihood of a sample at given parameters, as Measure-NegativeLogLikelihood
    /// returns it: the loss, its gradient and the expected Fisher information.
    /// </summary>
    public sealed class NegativeLogLikelihood
    {
        internal NegativeLogLikelihood(
            string distribution,
            string? property,
            double sampleSize,
            long skippedCount,
            long outsideSupportCount,
            OrderedDictionary parameters,
            double logLikelihood,
            double[] gradient,
            double[,] fisherInformation)
        {
            Distribution = distribution;
            Property = property;
            SampleSize = sampleSize;
            SkippedCount = skippedCount;
            OutsideSupportCount = outsideSupportCount;
            Parameters = parameters;
            LogLikelihood = logLikelihood;
            Value = 0 - logLikelihood; // 0 - x, not -x: a log-likelihood of 0 gives an NLL of +0, not -0.
            MeanNegativeLogLikelihood = Value / sampleSize;
            Gradient = gradient;
            FisherInformation = fisherInformation;
        }

        /// <summary>The family's name (Normal, Gamma ...).</summary>
        public string Distribution { get; }

        /// <summary>With -Property, the property the values were read from; otherwise null.</summary>
        public string? Property { get; }

        /// <summary>With -GroupBy, the value of the grouping property this result covers ($null for objects without it); otherwise null.</summary>
        public object? Group { get; internal set; }

        /// <summary>The number of values evaluated, those outside the support included.</summary>
        public double SampleSize { get; }

        /// <summary>How many of the observations were censored (not exact values): 0 without -CensoredAbove, -CensoredBelow or -LowerProperty/-UpperProperty.</summary>
        public long CensoredCount { get; internal set; }

        /// <summary>How many input values were skipped because they could not be used (each reported as an error).</summary>
        public long SkippedCount { get; }

        /// <summary>
        /// How many values have zero likelihood at these parameters (outside the support, or a
        /// log-density of -Infinity): each one's NLL is +Infinity, so Value is +Infinity when this is not 0.
        /// </summary>
        public long OutsideSupportCount { get; }

        /// <summary>
        /// The parameter values used, name → value in parameter order (case-insensitive), then
        /// constants such as Binomial's Trials; accepted as it is by -Parameter.
        /// </summary>
        public OrderedDictionary Parameters { get; }

        /// <summary>The negative log-likelihood, -Σ log f(xᵢ | θ).</summary>
        public double Value { get; }

        /// <summary>The log-likelihood, Σ log f(xᵢ | θ) (= -Value).</summary>
        public double LogLikelihood { get; }

        /// <summary>Value / SampleSize: the average loss per observation, comparable across sample sizes.</summary>
        public double MeanNegativeLogLikelihood { get; }

        /// <summary>
        /// The gradient of the NLL with respect to the parameters, in parameter order (minus the
        /// score); NaN in every component when Value is infinite, where no derivative exists.
        /// </summary>
        public double[] Gradient { get; }

        /// <summary>The expected Fisher information of the whole sample (SampleSize times one observation's), in parameter order.</summary>
        public double[,] FisherInformation { get; }

        /// <summary>"Normal(Mean = 3, Variance = 0.5): NLL = 4.341824715, n = 5, gradient (1.2, 2.04)".</summary>
        public override string ToString()
        {
            var parameters = new List<string>();
            foreach (DictionaryEntry entry in Parameters)
            {
                parameters.Add(string.Format(CultureInfo.InvariantCulture, "{0} = {1:G10}", entry.Key, entry.Value));
            }

            var gradient = new List<string>();
            foreach (double g in Gradient)
            {
                gradient.Add(g.ToString("G6", CultureInfo.InvariantCulture));
            }

            return string.Format(
                CultureInfo.InvariantCulture,
                "{0}({1}): NLL = {2:G10}, n = {3}, gradient ({4}){5}{6}",
                Distribution,
                string.Join(", ", parameters),
                Value,
                SampleSize,
                string.Join(", ", gradient),
                OutsideSupportCount > 0 ? string.Format(CultureInfo.InvariantCulture, "; {0} outside the support", OutsideSupportCount) : string.Empty,
                Property is null ? string.Empty : string.Format(CultureInfo.InvariantCulture, "; property '{0}'", Property));
        }
    }
}
