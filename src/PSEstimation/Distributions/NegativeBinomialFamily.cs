using System;
using System.Collections.Generic;
using System.Globalization;
using MathNet.Numerics;
using PSEstimation.Models;

namespace PSEstimation.Distributions
{
    /// <summary>
    /// NegativeBinomial(Size, P), counting the failures before the Size-th success, on 0, 1, 2, ...:
    /// log f(x) = log Γ(x + r) - log Γ(r) - log x! + r log p + x log(1 - p), r = Size > 0 (not
    /// necessarily whole). This is R's dnbinom(size, prob) and scipy's nbinom(n, p).
    /// </summary>
    /// <remarks>
    /// The likelihood needs every value (through log Γ(x + r)), so the sample is kept as a table of
    /// distinct values and their weights. Given Size, the MLE of P is Size / (Size + mean), so the
    /// fit profiles the likelihood in Size (a one-dimensional safeguarded Newton search on log Size),
    /// then lets the shared Newton-Raphson confirm the point in two dimensions. A finite MLE of Size
    /// exists exactly when the sample variance (divisor n) exceeds the mean; otherwise the likelihood
    /// grows towards the Poisson limit (Size → ∞), which is reported as an error that suggests Poisson.
    /// </remarks>
    internal sealed class NegativeBinomialFamily : DistributionFamily
    {
        public NegativeBinomialFamily()
            : base(new NegativeBinomialModel())
        {
        }

        public override bool CanFit(double x, double?[] fixedValues) => Counts.IsCount(x);

        /// <inheritdoc/>
        public override BulkSupport? SupportOnBulkPath(double?[] fixedValues) => BulkSupport.Counts;

        public override SampleAccumulator CreateAccumulator() => new CountTable();

        public override double LogLikelihood(SampleAccumulator sample, double[] theta)
        {
            var table = (CountTable)sample;
            double r = theta[0], p = theta[1];
            if (!(r > 0) || !(p > 0) || (p == 1 && table.Maximum > 0))
            {
                return double.NegativeInfinity;
            }

            double sum = 0;
            var values = table.Values;
            var weights = table.Weights;
            for (int i = 0; i < values.Length; i++)
            {
                CancellationCheck.At(i, table.Cancellation);
                sum += weights[i] * LogDensity(values[i], theta);
            }

            return sum;
        }

        public override double[] Score(SampleAccumulator sample, double[] theta)
        {
            var table = (CountTable)sample;
            double r = theta[0], p = theta[1];
            double scoreSize = table.TotalWeight * Math.Log(p);
            var values = table.Values;
            var weights = table.Weights;
            for (int i = 0; i < values.Length; i++)
            {
                CancellationCheck.At(i, table.Cancellation);
                scoreSize += weights[i] * DigammaDifference(values[i], r);
            }

            return new[] { scoreSize, table.TotalWeight * r / p - Counts.Ratio(table.Sum, 1 - p) };
        }

        public override double[,] Hessian(SampleAccumulator sample, double[] theta)
        {
            var table = (CountTable)sample;
            double r = theta[0], p = theta[1], q = 1 - p, n = table.TotalWeight;
            double sizeSize = 0;
            var values = table.Values;
            var weights = table.Weights;
            for (int i = 0; i < values.Length; i++)
            {
                CancellationCheck.At(i, table.Cancellation);
                sizeSize += weights[i] * TrigammaDifference(values[i], r);
            }

            return new[,]
            {
                { sizeSize, n / p },
                { n / p, -n * r / (p * p) - Counts.Ratio(Counts.Ratio(table.Sum, q), q) },
            };
        }

        /// <summary>With Size fixed, P = Size / (Size + mean) in closed form; otherwise null (numerical).</summary>
        public override double[]? ClosedForm(SampleAccumulator sample, double?[] fixedValues)
        {
            if (fixedValues[0] is not double r)
            {
                return null;
            }

            var table = (CountTable)sample;
            Counts.CheckSum(table.Sum, Name);
            return new[] { r, fixedValues[1] ?? r / (r + table.Mean) };
        }

        /// <summary>
        /// The maximum of the likelihood profiled in Size (or of Size alone when P is fixed),
        /// found by a bracketed Newton search on log Size; the shared optimiser only confirms it.
        /// </summary>
        public override double[] InitialEstimate(SampleAccumulator sample, double?[] fixedValues)
        {
            var table = (CountTable)sample;
            Counts.CheckSum(table.Sum, Name);
            if (fixedValues[1] is double p)
            {
                return new[] { SizeGivenP(table, p), p };
            }

            double mean = table.Mean, dispersion = table.SquaredVariation;
            if (table.Maximum == 0)
            {
                throw new EstimationException(
                    ErrorIds.NoFiniteEstimate,
                    $"All {table.Count} values are 0: every negative binomial with P = 1 fits them perfectly, whatever Size, so Size cannot be estimated. Fit Poisson instead (Get-MLEstimate Poisson gives Lambda = 0), or fix Size with -Fixed @{{ Size = ... }}.");
            }

            // Var > mean, compared as Var/mean² > 1/mean so that counts near 1e300 do not overflow.
            if (!(dispersion > 1 / mean))
            {
                throw new EstimationException(
                    ErrorIds.NoFiniteEstimate,
                    string.Format(
                        CultureInfo.InvariantCulture,
                        "The sample variance ({0:G6}, divisor n) does not exceed the mean ({1:G6}): the negative binomial likelihood keeps increasing as Size goes to infinity (the Poisson limit), so there is no finite maximum-likelihood Size. Fit Poisson instead (Get-MLEstimate Poisson), or fix Size with -Fixed @{{ Size = ... }}.",
                        dispersion * mean * mean,
                        mean));
            }

            double size = ProfileSize(table, mean, dispersion);
            return new[] { size, size / (size + mean) };
        }

        public override NonRegularCovariance? NonRegularCovariance(SampleAccumulator sample, double[] theta, double?[] fixedValues)
        {
            if (fixedValues[1] is not null || theta[1] != 1)
            {
                return Counts.Overflowing(Hessian(sample, theta), fixedValues);
            }

            // Only reached with Size fixed and an all-zero sample: P = 1 on the boundary.
            var covariance = new double[2, 2];
            covariance[1, 1] = double.NaN;
            if (fixedValues[0] is null)
            {
                covariance[0, 0] = covariance[0, 1] = covariance[1, 0] = double.NaN;
            }

            return new NonRegularCovariance(covariance, "P = 1 (every value is 0) is on the boundary of the parameter space (the information is infinite there); no standard error and no Wald interval");
        }

        /// <summary>ψ(x + r) - ψ(r): see <see cref="NegativeBinomialModel.DigammaDifference"/>.</summary>
        internal static double DigammaDifference(double x, double r) => NegativeBinomialModel.DigammaDifference(x, r);

        /// <summary>ψ'(x + r) - ψ'(r): see <see cref="NegativeBinomialModel.TrigammaDifference"/>.</summary>
        internal static double TrigammaDifference(double x, double r) => NegativeBinomialModel.TrigammaDifference(x, r);

        /// <summary>I(Size, Size) per observation: see <see cref="NegativeBinomialModel.SizeInformation"/>.</summary>
        internal static double SizeInformation(double r, double p) => NegativeBinomialModel.SizeInformation(r, p);

        internal static double SizeInformationBySeries(double r, double p) => NegativeBinomialModel.SizeInformationBySeries(r, p);

        internal static double SizeInformationByIntegral(double r, double p) => NegativeBinomialModel.SizeInformationByIntegral(r, p);

        /// <summary>
        /// The Size that maximises the likelihood profiled over P = r / (r + mean): the root of
        /// g(r) = Σ w [ψ(x + r) - ψ(r)] - n log(1 + m/r), for large r written as
        /// Σ w [ψ(x + r) - ψ(r) - x/r] + n [m/r - log(1 + m/r)], both brackets O(1/r²) without
        /// cancellation; g > 0 below the root and g &lt; 0 above.
        /// </summary>
        private static double ProfileSize(CountTable table, double mean, double dispersion)
        {
            double n = table.TotalWeight;
            var values = table.Values;
            var weights = table.Weights;
            (double Value, double Slope) G(double r)
            {
                // For mean/r small both brackets are O(1/r²) and the split avoids their cancellation;
                // otherwise x/r can be huge (counts near 1e300) and the direct form Σ w [ψ(x + r) - ψ(r)]
                // - n log(1 + m/r) is the accurate one.
                double z = mean / r;
                bool split = z < 0.01;

                // log(1 + m/r) as log(m/r) + log1p(r/m) once m/r is huge: for counts near 1e308
                // and r near 1e-3, m/r overflows and log1p(m/r) = Infinity made g(r) = -Infinity
                // for every small r, so the search wrongly said the MLE of Size is 0.
                double log1pZ = z > 1e300 ? Math.Log(mean) - Math.Log(r) + SpecialFunctions.Log1p(r / mean) : SpecialFunctions.Log1p(z);
                double value = split ? n * ZMinusLog1p(z) : -n * log1pZ;
                double slope = n / (r * (1 + r / mean));
                for (int i = 0; i < values.Length; i++)
                {
                    CancellationCheck.At(i, table.Cancellation);
                    value += weights[i] * (split ? DigammaDifferenceMinusLinear(values[i], r) : DigammaDifference(values[i], r));
                    slope += weights[i] * TrigammaDifference(values[i], r);
                }

                return (value, slope);
            }

            double start = 1 / (dispersion - 1 / mean);  // the moment estimate mean²/(Var - mean)
            return DecreasingRoot(G, start, "the sample variance barely exceeds the mean: the fit is indistinguishable from Poisson. Fit Poisson instead (Get-MLEstimate Poisson), or fix Size with -Fixed @{ Size = ... }.");
        }

        /// <summary>
        /// The Size that maximises the likelihood with P fixed: the root of
        /// Σ w [ψ(x + r) - ψ(r)] + n log p, which decreases from +∞ (r → 0, when some x > 0) to n log p &lt; 0.
        /// </summary>
        private static double SizeGivenP(CountTable table, double p)
        {
            string fixedText = p.ToString("R", CultureInfo.InvariantCulture);
            if (p == 0)
            {
                throw new EstimationException(ErrorIds.NoFiniteEstimate, "With P fixed at 0 every count has probability 0; fix P to a value above 0.");
            }

            if (p == 1)
            {
                throw new EstimationException(
                    ErrorIds.NoFiniteEstimate,
                    table.Maximum == 0
                        ? "With P fixed at 1 every Size gives the all-zero sample probability 1, so Size cannot be estimated; fix Size too, or let P be estimated."
                        : "With P fixed at 1 only 0 has positive probability, but the sample has larger values; fix P below 1.");
            }

            if (table.Maximum == 0)
            {
                throw new EstimationException(
                    ErrorIds.NoFiniteEstimate,
                    $"All values are 0: with P fixed at {fixedText} the likelihood p^(n·Size) keeps increasing as Size goes to 0, so there is no maximum-likelihood Size. Fix Size, or let P be estimated.");
            }

            double n = table.TotalWeight, logP = Math.Log(p);
            var values = table.Values;
            var weights = table.Weights;
            (double Value, double Slope) F(double r)
            {
                double value = n * logP, slope = 0;
                for (int i = 0; i < values.Length; i++)
                {
                    CancellationCheck.At(i, table.Cancellation);
                    value += weights[i] * DigammaDifference(values[i], r);
                    slope += weights[i] * TrigammaDifference(values[i], r);
                }

                return (value, slope);
            }

            double start = Math.Max(table.Mean * p / (1 - p), 1e-3);
            return DecreasingRoot(F, start, $"no finite Size maximises the likelihood with P fixed at {fixedText}.");
        }

        /// <summary>
        /// The root of a function of r > 0 that is positive below it and negative above, by Newton
        /// steps on u = log r kept inside a bracket (bisection when a step leaves it), at most 400
        /// evaluations. Throws NoFiniteEstimate when no sign change is found below r = 1e300.
        /// </summary>
        private static double DecreasingRoot(Func<double, (double Value, double Slope)> f, double start, string whenUnbounded)
        {
            const double MaxLog = 690;  // e^690 ≈ 1e300
            const double MinLog = -690;
            double u = Math.Log(start);
            var at = f(start);
            if (at.Value == 0)
            {
                return start;
            }

            // Bracket [lo, hi] with f(e^lo) > 0 > f(e^hi), widening by e² at a time.
            double lo, hi;
            if (at.Value > 0)
            {
                lo = u;
                hi = u + 2;
                while (f(Math.Exp(hi)).Value > 0)
                {
                    lo = hi;
                    hi += 2;
                    if (hi > MaxLog)
                    {
                        throw new EstimationException(ErrorIds.NoFiniteEstimate, "The maximum-likelihood Size is infinite: " + whenUnbounded);
                    }
                }
            }
            else
            {
                hi = u;
                lo = u - 2;
                while (f(Math.Exp(lo)).Value < 0)
                {
                    hi = lo;
                    lo -= 2;
                    if (lo < MinLog)
                    {
                        throw new EstimationException(ErrorIds.NoFiniteEstimate, "The maximum-likelihood Size is 0, outside the parameter space: " + whenUnbounded);
                    }
                }
            }

            if (u != lo && u != hi)
            {
                u = 0.5 * (lo + hi);
                at = f(Math.Exp(u));
            }

            for (int iteration = 0; iteration < 400; iteration++)
            {
                double r = Math.Exp(u);
                double newton = u - at.Value / (at.Slope * r);
                double next = newton > lo && newton < hi ? newton : 0.5 * (lo + hi);
                if (Math.Abs(next - u) <= 1e-15 * Math.Max(1, Math.Abs(u)) || hi - lo <= 1e-15 * Math.Max(1, Math.Abs(u)))
                {
                    return Math.Exp(next);
                }

                u = next;
                at = f(Math.Exp(u));
                if (at.Value == 0)
                {
                    break;
                }

                if (at.Value > 0)
                {
                    lo = u;
                }
                else
                {
                    hi = u;
                }
            }

            return Math.Exp(u);
        }

        /// <summary>ψ(x + r) - ψ(r) - x/r = -Σ_{k &lt; x} k / (r (r + k)) for small x (no cancellation for large r).</summary>
        private static double DigammaDifferenceMinusLinear(double x, double r)
        {
            if (x <= NegativeBinomialModel.ShortSum)
            {
                double sum = 0;
                for (int k = 1; k < (int)x; k++)
                {
                    sum -= k / (r * (r + k));
                }

                return sum;
            }

            return DigammaDifference(x, r) - x / r;
        }

        /// <summary>z - log(1 + z), by its series for small z (where the subtraction would cancel).</summary>
        private static double ZMinusLog1p(double z)
        {
            if (Math.Abs(z) > 0.01)
            {
                return z - SpecialFunctions.Log1p(z);
            }

            // z²/2 - z³/3 + z⁴/4 - ...; twelve terms leave less than 1e-26 relative for |z| <= 0.01.
            double sum = 0, power = z;
            for (int k = 2; k <= 14; k++)
            {
                power *= -z;
                sum += -power / k;
            }

            return sum;
        }

        /// <summary>
        /// The sample as a table of distinct counts and their total weights, with the count,
        /// mean and variance (divisor n) computed from it.
        /// </summary>
        internal sealed class CountTable : SampleAccumulator
        {
            private readonly Dictionary<double, double> weightByValue = new Dictionary<double, double>();
            private double[]? values;
            private double[]? weights;

            public double Sum { get; private set; }

            public double Maximum { get; private set; }

            /// <summary>The distinct values, ascending.</summary>
            public double[] Values
            {
                get
                {
                    Sort();
                    return values!;
                }
            }

            /// <summary>The total weight of each of <see cref="Values"/>.</summary>
            public double[] Weights
            {
                get
                {
                    Sort();
                    return weights!;
                }
            }

            /// <summary>Σ w x / n (Σ w x beyond the largest double is rejected as SumOverflow before use).</summary>
            public double Mean => Sum / TotalWeight;

            /// <summary>Var / mean² = Σ w ((x - mean)/mean)² / n (divisor n), finite for counts up to 1e308.</summary>
            public double SquaredVariation
            {
                get
                {
                    double mean = Mean, sum = 0;
                    var v = Values;
                    var w = Weights;
                    for (int i = 0; i < v.Length; i++)
                    {
                        double d = (v[i] - mean) / mean;
                        sum += w[i] * d * d;
                    }

                    return sum / TotalWeight;
                }
            }

            public override void Add(double x, double weight)
            {
                weightByValue.TryGetValue(x, out double existing);
                weightByValue[x] = existing + weight;
                Sum += weight * x;
                Maximum = Math.Max(Maximum, x);
                TotalWeight += weight;
                Count++;
                values = null;
                weights = null;
            }

            private void Sort()
            {
                if (values is not null)
                {
                    return;
                }

                var v = new double[weightByValue.Count];
                var w = new double[v.Length];
                weightByValue.Keys.CopyTo(v, 0);
                CancellableSort.Sort(v, Cancellation);
                for (int i = 0; i < v.Length; i++)
                {
                    CancellationCheck.At(i, Cancellation);
                    w[i] = weightByValue[v[i]];
                }

                values = v;
                weights = w;
            }
        }
    }
}
