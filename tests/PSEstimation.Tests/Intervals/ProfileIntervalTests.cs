using System;
using System.Threading;
using PSEstimation.Distributions;
using PSEstimation.Estimation;
using Xunit;

namespace PSEstimation.Tests.Intervals
{
    /// <summary>
    /// Profile-likelihood intervals against closed forms (tools/make_intervals_closed_forms.py,
    /// mpmath at 40 digits) and against a direct root search in R (tools/make_intervals_reference.R:
    /// uniroot on twice the drop, inner maxima in closed form or by optimize), to 1e-6 relative.
    /// </summary>
    public class ProfileIntervalTests
    {
        private const double Tolerance = 1e-6;
        private static readonly double[] NormalData = { 2.3, 2.5, 3.1, 3.8, 2.7 };
        private static readonly double[] ExponentialData = { 0.12, 0.85, 2.40, 0.33, 1.07, 0.05, 0.61 };
        private static readonly double[] PositiveData = { 0.62, 1.41, 2.03, 0.27, 3.55, 1.18, 0.89, 4.72, 1.96, 0.45 };

        private static void Close(double expected, double? actual, string what)
        {
            Assert.True(actual.HasValue, what + ": no bound");
            double error = Math.Abs(actual!.Value - expected) / Math.Abs(expected);
            Assert.True(error <= Tolerance, $"{what}: expected {expected:R}, got {actual:R} (relative error {error:E2})");
        }

        private static ProfileInterval Profile(DistributionName name, double[] data, int index, double?[]? fixedValues = null)
        {
            var (fit, problem) = IntervalProblems.Fit(name, data, fixedValues);
            return ProfileLikelihood.Parameter(problem, index, 0.95, fit.Parameters[index].StandardError, CancellationToken.None);
        }

        [Fact]
        public void NormalVarianceMatchesTheClosedForm()
        {
            // mpmath: n (r - 1 - log r) = chi2_1(0.95), r = v / s2.
            var interval = Profile(DistributionName.Normal, NormalData, 1);
            Close(0.10068831052500390332, interval.Lower, "Variance lower");
            Close(1.3369576884261228, interval.Upper, "Variance upper");
            Assert.Null(interval.Note);
        }

        [Fact]
        public void NormalMeanMatchesTheClosedForm()
        {
            // mpmath: xbar -/+ sqrt(v (exp(c / n) - 1)).
            var interval = Profile(DistributionName.Normal, NormalData, 0);
            Close(2.3094282414449770407, interval.Lower, "Mean lower");
            Close(3.4505717585550229593, interval.Upper, "Mean upper");
        }

        [Fact]
        public void ExponentialRateMatchesTheClosedForm()
        {
            // mpmath: 2 n (t - 1 - log t) = chi2_1(0.95), t = rate / rate-hat.
            var interval = Profile(DistributionName.Exponential, ExponentialData, 0);
            Close(0.5539197702826027267, interval.Lower, "Rate lower");
            Close(2.4931334507732683341, interval.Upper, "Rate upper");
        }

        [Fact]
        public void GammaShapeAndRateMatchR()
        {
            // R uniroot (tools/make_intervals_reference.R).
            var shape = Profile(DistributionName.Gamma, PositiveData, 0);
            Close(0.66748270020701173, shape.Lower, "Shape lower");
            Close(3.3630938024749524, shape.Upper, "Shape upper");
            var rate = Profile(DistributionName.Gamma, PositiveData, 1);
            Close(0.30450468869453268, rate.Lower, "Rate lower");
            Close(2.1429739932247993, rate.Upper, "Rate upper");
        }

        [Fact]
        public void WeibullShapeAndScaleMatchR()
        {
            // R uniroot (tools/make_intervals_reference.R).
            var shape = Profile(DistributionName.Weibull, PositiveData, 0);
            Close(0.75999023362405593, shape.Lower, "Shape lower");
            Close(2.0121424822333935, shape.Upper, "Shape upper");
            var scale = Profile(DistributionName.Weibull, PositiveData, 1);
            Close(1.0482778960375601, scale.Lower, "Scale lower");
            Close(3.1825189807022811, scale.Upper, "Scale upper");
        }

        [Fact]
        public void GammaP99AndSurvivalMatchR()
        {
            // R: maximise over Shape with Rate solved from the constraint, then uniroot.
            var (_, problem) = IntervalProblems.Fit(DistributionName.Gamma, PositiveData);
            var q = AlternativeIntervals.ProfileQuantile(problem, 0.99, upperTail: false, 0.95, CancellationToken.None);
            Close(3.7776853622868396, q.Lower, "p99 lower");
            Close(13.853187199229051, q.Upper, "p99 upper");
            var upper = AlternativeIntervals.ProfileQuantile(problem, 0.01, upperTail: true, 0.95, CancellationToken.None);
            Close(3.7776853622868396, upper.Lower, "exceedance 0.01 lower");
            Close(13.853187199229051, upper.Upper, "exceedance 0.01 upper");
            var s = AlternativeIntervals.ProfileSurvival(problem, 3, 0.95, CancellationToken.None);
            Close(0.033505878379392097, s.Lower, "S(3) lower");
            Close(0.38758287000827524, s.Upper, "S(3) upper");
        }

        [Fact]
        public void OneParameterQuantileIsTheQuantileOfTheParameterInterval()
        {
            // Exponential: Q_p = -log(1 - p) / rate is decreasing in the rate, so the profile interval
            // of Q is the image of the rate's (mpmath values above).
            var (_, problem) = IntervalProblems.Fit(DistributionName.Exponential, ExponentialData);
            var q = AlternativeIntervals.ProfileQuantile(problem, 0.9, upperTail: false, 0.95, CancellationToken.None);
            Close(-Math.Log(0.1) / 2.4931334507732683341, q.Lower, "q90 lower");
            Close(-Math.Log(0.1) / 0.5539197702826027267, q.Upper, "q90 upper");
        }

        [Fact]
        public void FixedMeanGivesTheKnownMeanVarianceInterval()
        {
            // Normal with the Mean held at 3: the variance MLE is v0 = mean((x - 3)^2) = 0.296 and the
            // profile is the same n (r - 1 - log r) equation with r = v0 / s2; roots r from mpmath:
            // r = 2.79638..., 0.21062... (same equation as the free case: the roots of r are those of
            // NormalVarianceMatchesTheClosedForm, v there being 0.2816). So the bounds scale with v0.
            var interval = Profile(DistributionName.Normal, NormalData, 1, new double?[] { 3, null });
            double v = 0.2816, v0 = 0.296;
            Close(0.10068831052500390332 * v0 / v, interval.Lower, "Variance lower with Mean fixed");
            Close(1.3369576884261228 * v0 / v, interval.Upper, "Variance upper with Mean fixed");
        }

        [Fact]
        public void WeightsCountAsRepeatedValues()
        {
            var (fitW, weighted) = IntervalProblems.Fit(DistributionName.Gamma, new[] { 1.0, 2.0, 5.0 }, weights: new[] { 2.0, 3.0, 1.0 });
            var (fitR, repeated) = IntervalProblems.Fit(DistributionName.Gamma, new[] { 1.0, 1.0, 2.0, 2.0, 2.0, 5.0 });
            var a = ProfileLikelihood.Parameter(weighted, 0, 0.95, fitW.Parameters[0].StandardError, CancellationToken.None);
            var b = ProfileLikelihood.Parameter(repeated, 0, 0.95, fitR.Parameters[0].StandardError, CancellationToken.None);
            Close(b.Lower!.Value, a.Lower, "weighted lower");
            Close(b.Upper!.Value, a.Upper, "weighted upper");
        }

        [Fact]
        public void AnUnboundedSideIsTheEdgeOfTheSpaceWithANote()
        {
            // Normal-looking data: the t likelihood flattens as DegreesOfFreedom grows (the Normal
            // limit), so no finite upper bound exists.
            double[] data = { -1.2, 0.3, 0.8, -0.4, 1.5, -0.9, 0.1, 0.6, -0.2, 1.1, -1.6, 0.4, 0.0, -0.7, 0.9 };
            var (fit, problem) = IntervalProblems.Fit(DistributionName.StudentT, data);
            var interval = ProfileLikelihood.Parameter(problem, 2, 0.95, fit.Parameters[2].StandardError, CancellationToken.None);
            Assert.Equal(double.PositiveInfinity, interval.Upper);
            Assert.NotNull(interval.Note);
            Assert.Contains("upper bound is the edge", interval.Note);
            Assert.True(interval.Lower > 0 && interval.Lower < fit.Parameters[2].Value);
        }

        [Fact]
        public void UniformLowerEndsAtTheSampleMinimum()
        {
            // The likelihood is 0 for Lower above the minimum; below it, -n log(max - a) drops by
            // chi2/2 at a = max - (max - min) exp(c / (2n)).
            double[] data = { 0.2, 0.5, 0.9, 0.35, 0.7 };
            var interval = Profile(DistributionName.Uniform, data, 0);
            double c = 3.8414588206941236; // qchisq(0.95, 1) in R
            Close(0.9 - 0.7 * Math.Exp(c / 10), interval.Lower, "Lower lower");
            Close(0.2, interval.Upper, "Lower upper");
        }
    }
}
