using System.Collections.Specialized;
using System.Globalization;
using System.Linq;

namespace PSEstimation
{
    /// <summary>
    /// A regression model fitted by Get-MLEstimate or Get-MAPEstimate with -Response and
    /// -Predictor: the coefficients of the linear predictor, the family's other parameters, the
    /// fit's likelihood and information criteria, and (MAP) the prior and log-posterior.
    /// </summary>
    public sealed class RegressionEstimate
    {
        internal RegressionEstimate(
            string distribution,
            string link,
            string response,
            string[] predictor,
            double sampleSize,
            CoefficientEstimate[] coefficients,
            ParameterEstimate[] parameters,
            double logLikelihood,
            int freeParameterCount,
            double[,] covariance,
            int censoredCount,
            double confidenceLevel,
            string method,
            int iterations,
            bool converged)
        {
            Distribution = distribution;
            Link = link;
            Response = response;
            Predictor = predictor;
            SampleSize = sampleSize;
            Coefficients = coefficients;
            Parameters = parameters;
            Estimate = new OrderedDictionary(System.StringComparer.OrdinalIgnoreCase);
            foreach (var c in coefficients)
            {
                Estimate[c.Name] = c.Value;
            }

            foreach (var p in parameters)
            {
                Estimate[p.Name] = p.Value;
            }

            LogLikelihood = logLikelihood;
            AIC = 2 * freeParameterCount - 2 * logLikelihood;
            BIC = freeParameterCount * System.Math.Log(sampleSize) - 2 * logLikelihood;
            Covariance = covariance;
            CensoredCount = censoredCount;
            ConfidenceLevel = confidenceLevel;
            Method = method;
            Iterations = iterations;
            Converged = converged;
        }

        /// <summary>The family of the noise (Normal, Laplace, Poisson, Bernoulli ...).</summary>
        public string Distribution { get; }

        /// <summary>Identity, Log or Logit: how the linear predictor sets the family's linked parameter.</summary>
        public string Link { get; }

        /// <summary>The property holding the response.</summary>
        public string Response { get; }

        /// <summary>The predictors as given (before categorical ones became indicator columns).</summary>
        public string[] Predictor { get; }

        /// <summary>The value of -GroupBy's property for this fit (null without -GroupBy).</summary>
        public object? Group { get; internal set; }

        /// <summary>The number of observations (the sum of the frequency weights).</summary>
        public double SampleSize { get; }

        /// <summary>The coefficients in design order: Intercept, then each predictor (categorical ones as indicators).</summary>
        public CoefficientEstimate[] Coefficients { get; }

        /// <summary>The family's other parameters (Variance, Scale, Size, Shape ...); fixed ones with StandardError 0.</summary>
        public ParameterEstimate[] Parameters { get; }

        /// <summary>Name to value, for coefficients and parameters: $fit.Estimate.Intercept, $fit.Estimate.Variance.</summary>
        public OrderedDictionary Estimate { get; }

        /// <summary>The log-likelihood at the estimate.</summary>
        public double LogLikelihood { get; }

        /// <summary>-2 LogLikelihood + 2 k, k the coefficients and free parameters.</summary>
        public double AIC { get; }

        /// <summary>-2 LogLikelihood + k log n.</summary>
        public double BIC { get; }

        /// <summary>Covariance of the estimates: coefficients first, then the free parameters (NaN at a lasso coefficient at 0).</summary>
        public double[,] Covariance { get; }

        /// <summary>Observations whose response is censored (not an exact value).</summary>
        public int CensoredCount { get; }

        /// <summary>Input objects left out (a missing property, a response outside the support ...).</summary>
        public long SkippedCount { get; internal set; }

        /// <summary>The level of Lower and Upper.</summary>
        public double ConfidenceLevel { get; }

        /// <summary>How the estimate and its standard errors were found.</summary>
        public string Method { get; }

        /// <summary>Iterations (Newton steps, or simplex steps for least absolute deviations).</summary>
        public int Iterations { get; }

        /// <summary>Whether the search met its convergence test (false under perfect separation).</summary>
        public bool Converged { get; }

        /// <summary>
        /// How Lower and Upper of the coefficients and parameters were formed: Wald (the default),
        /// Profile or Bootstrap (Get-MLEstimate -IntervalMethod); PosteriorWald for Get-MAPEstimate
        /// (the mode ± z posterior standard deviations of the Laplace approximation).
        /// </summary>
        public string IntervalMethod { get; internal set; } = nameof(PSEstimation.IntervalMethod.Wald);

        /// <summary>With -IntervalMethod Profile, why a side of some interval is infinite or missing (each coefficient's and parameter's IntervalNote, joined); otherwise null.</summary>
        public string? IntervalNote { get; internal set; }

        /// <summary>With -IntervalMethod Bootstrap, the number of simulated responses sets; otherwise null.</summary>
        public int? Simulations { get; internal set; }

        /// <summary>With -IntervalMethod Bootstrap, how many simulated sets could not be fitted or did not converge (left out of the percentiles); otherwise null.</summary>
        public int? BootstrapFailures { get; internal set; }

        /// <summary>Get-MAPEstimate: the prior, as given.</summary>
        public string? Prior { get; internal set; }

        /// <summary>Get-MAPEstimate: the log-posterior density at the mode (log-likelihood plus log prior densities).</summary>
        public double? LogPosterior { get; internal set; }

        /// <summary>The design's categorical levels, for Add-Prediction (null once deserialized).</summary>
        internal System.Collections.Generic.Dictionary<string, string[]>? Levels { get; set; }

        /// <summary>The design's columns (null once deserialized: Add-Prediction reads them from the coefficient names).</summary>
        internal Regression.DesignColumn[]? Columns { get; set; }

        /// <summary>
        /// The summary the default view shows (statsmodels' summary in 80 columns): the model,
        /// the fit's figures, the coefficient table, the other parameters, the method.
        /// </summary>
        public string Summary()
        {
            var c = CultureInfo.InvariantCulture;
            var text = new System.Text.StringBuilder();
            string kind = LogPosterior is null ? "maximum likelihood" : "posterior mode";
            text.AppendLine(string.Format(c, "{0} regression of {1} (link {2}), {3}", Distribution, Response, Link, kind));
            if (Group is not null)
            {
                text.AppendLine("Group: " + System.Convert.ToString(Group, c));
            }

            text.AppendLine(string.Format(c, "n = {0}  LogLikelihood = {1}  AIC = {2}  BIC = {3}", SampleSize.ToString("G10", c), Number(LogLikelihood), Number(AIC), Number(BIC)));
            if (LogPosterior is double logPosterior)
            {
                text.AppendLine(string.Format(c, "Prior: {0}  LogPosterior = {1}", Prior, Number(logPosterior)));
            }

            if (CensoredCount > 0 || SkippedCount > 0)
            {
                text.AppendLine(string.Format(c, "Censored: {0}  Skipped: {1}", CensoredCount, SkippedCount));
            }

            string level = (ConfidenceLevel * 100).ToString("G4", c) + "%";
            text.AppendLine(string.Format(c, "{0,-13}{1,11}{2,11}{3,11}{4,11}{5,11}{6,11}", "", "Value", "StdError", "ZValue", "PValue", "Lower " + level, "Upper"));
            foreach (var k in Coefficients)
            {
                text.AppendLine(Row(k.Name, k.Value, k.StandardError, k.ZValue, k.PValue, k.Lower, k.Upper));
            }

            foreach (var p in Parameters)
            {
                text.AppendLine(p.Fixed
                    ? string.Format(c, "{0,-13}{1,11}  (fixed)", Cut(p.Name), Number(p.Value))
                    : Row(p.Name, p.Value, p.StandardError, null, null, p.Lower, p.Upper));
            }

            foreach (var k in Coefficients.Where(k => k.Note is not null))
            {
                text.AppendLine(k.Name + ": " + k.Note);
            }

            if (IntervalMethod == nameof(PSEstimation.IntervalMethod.Profile))
            {
                text.AppendLine("Intervals: profile likelihood");
            }
            else if (IntervalMethod == nameof(PSEstimation.IntervalMethod.Bootstrap))
            {
                text.AppendLine(string.Format(c, "Intervals: parametric bootstrap, percentile ({0} simulations, {1} failed)", Simulations, BootstrapFailures));
            }

            text.Append(string.Format(c, "Method: {0}; iterations: {1}{2}", Method, Iterations, Converged ? string.Empty : "; NOT CONVERGED"));
            return text.ToString();
        }

        private static string Row(string name, double value, double? se, double? zValue, double? pValue, double? lower, double? upper)
            => string.Format(CultureInfo.InvariantCulture, "{0,-13}{1,11}{2,11}{3,11}{4,11}{5,11}{6,11}", Cut(name), Number(value), Number(se), Number(zValue), Number(pValue), Number(lower), Number(upper));

        private static string Cut(string name) => name.Length <= 12 ? name : name.Substring(0, 11) + "~";

        private static string Number(double? value)
        {
            if (value is not double v)
            {
                return string.Empty;
            }

            string text = v.ToString("G6", CultureInfo.InvariantCulture);
            return text.Length <= 10 ? text : v.ToString("G4", CultureInfo.InvariantCulture);
        }

        /// <summary>"Normal regression of mpg on wt, hp: Intercept = 37.2 (SE 1.5), ...".</summary>
        public override string ToString()
            => string.Format(
                CultureInfo.InvariantCulture,
                "{0} regression of {1}: {2}{3}; n = {4}; LogLikelihood = {5:G10}{6}",
                Distribution,
                Response,
                string.Join(", ", Coefficients.Select(c => c.ToString())),
                Parameters.Length == 0 ? string.Empty : "; " + string.Join(", ", Parameters.Select(p => p.ToString())),
                SampleSize,
                LogLikelihood,
                Converged ? string.Empty : " (not converged)");
    }
}
