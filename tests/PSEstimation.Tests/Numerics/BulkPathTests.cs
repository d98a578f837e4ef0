using System;
using System.Collections.Generic;
using System.Threading;
using MathNet.Numerics.Distributions;
using PSEstimation.Distributions;
using PSEstimation.Estimation;
using PSEstimation.Tests.Reference;
using Xunit;

namespace PSEstimation.Tests.Numerics
{
    /// <summary>
    /// The bulk path of every family (a double[] through <see cref="DistributionFamily.TryAddRange"/>,
    /// the support checked in the accumulating loop) against the value-by-value path: the same fit,
    /// also when the array arrives after single values (the merge), and nothing added when one
    /// value of the array is outside the support.
    /// </summary>
    public class BulkPathTests
    {
        /// <summary>A family, a draw from it, and a value its support refuses (besides NaN and infinities).</summary>
        public static TheoryData<string, double> Families() => new TheoryData<string, double>
        {
            { "Normal", double.NaN },
            { "LogNormal", 0 },
            { "Exponential", -1e-300 },
            { "Gamma", 0 },
            { "Weibull", -1 },
            { "Beta", 1 },
            { "Laplace", double.PositiveInfinity },
            { "Logistic", double.NegativeInfinity },
            { "Cauchy", double.NaN },
            { "StudentT", double.PositiveInfinity },
            { "Uniform", double.NaN },
            { "Pareto", 0 },
            { "Rayleigh", -2 },
            { "Poisson", 2.5 },
            { "Bernoulli", 2 },
            { "Binomial", 11 },
            { "Geometric", -1 },
            { "NegativeBinomial", 0.5 },
        };

        [Theory]
        [MemberData(nameof(Families))]
        public void Bulk_fit_equals_the_value_by_value_fit(string name, double refused)
        {
            _ = refused;
            var family = Create(name);
            double[] data = Draw(name, 3000);
            var single = family.CreateAccumulator();
            foreach (double x in data)
            {
                single.Add(x, 1);
            }

            var bulk = family.CreateAccumulator();
            Assert.True(family.TryAddRange(bulk, data, Free(family)));

            // Single values first, then arrays: the bulk statistics are merged into the running ones.
            var merged = family.CreateAccumulator();
            for (int i = 0; i < 7; i++)
            {
                merged.Add(data[i], 1);
            }

            Assert.True(family.TryAddRange(merged, data[7..1000], Free(family)));
            Assert.True(family.TryAddRange(merged, data[1000..], Free(family)));

            var expected = Fit(family, single);
            foreach (var sample in new[] { bulk, merged })
            {
                Assert.Equal(single.Count, sample.Count);
                Assert.Equal(single.TotalWeight, sample.TotalWeight);
                var fit = Fit(family, sample);
                for (int j = 0; j < expected.Parameters.Length; j++)
                {
                    Tolerance.Relative(expected.Parameters[j].Value, fit.Parameters[j].Value, 1e-12, name + " " + expected.Parameters[j].Name);
                }

                Tolerance.Relative(expected.LogLikelihood, fit.LogLikelihood, 1e-12, name + " log L");
            }
        }

        [Theory]
        [MemberData(nameof(Families))]
        public void A_refused_value_anywhere_in_the_array_adds_nothing(string name, double refused)
        {
            var family = Create(name);
            double[] data = Draw(name, 3000);
            foreach (double bad in new[] { refused, double.NaN, double.PositiveInfinity })
            {
                foreach (int at in new[] { 0, 1, 1500, 2999 })
                {
                    var sample = family.CreateAccumulator();
                    sample.Add(data[0], 1);
                    double[] copy = (double[])data.Clone();
                    copy[at] = bad;
                    Assert.False(family.TryAddRange(sample, copy, Free(family)), $"{name}: {bad} at {at} accepted");
                    Assert.Equal(1, sample.Count);

                    // The refused array left no trace: the rest of the fit is the value-by-value one.
                    var reference = family.CreateAccumulator();
                    reference.Add(data[0], 1);
                    for (int i = 1; i < data.Length; i++)
                    {
                        sample.Add(data[i], 1);
                        reference.Add(data[i], 1);
                    }

                    var expected = Fit(family, reference);
                    var fit = Fit(family, sample);
                    Tolerance.Relative(expected.LogLikelihood, fit.LogLikelihood, 1e-14, $"{name} log L after a refused array");
                }
            }
        }

        [Theory]
        [InlineData("Normal")]
        [InlineData("Gamma")]
        [InlineData("Beta")]
        [InlineData("LogNormal")]
        [InlineData("Laplace")]
        [InlineData("Exponential")]
        [InlineData("Poisson")]
        public void Arrays_of_many_blocks_fit_as_value_by_value(string name)
        {
            // 200003 values: three full blocks of ParallelBlocks.BlockLength (run on every core)
            // and a short one, against the running per-value statistics; and a bad value in the
            // last block only refuses the whole array.
            var family = Create(name);
            double[] data = Draw(name, 3 * ParallelBlocks.BlockLength + 7395);
            var single = family.CreateAccumulator();
            foreach (double x in data)
            {
                single.Add(x, 1);
            }

            var bulk = family.CreateAccumulator();
            Assert.True(family.TryAddRange(bulk, data, Free(family)));
            var expected = Fit(family, single);
            var fit = Fit(family, bulk);
            for (int j = 0; j < expected.Parameters.Length; j++)
            {
                Tolerance.Relative(expected.Parameters[j].Value, fit.Parameters[j].Value, 1e-11, name + " " + expected.Parameters[j].Name);
            }

            // Poisson's log L is a difference of sums larger than it (Σ x·log(x/c) about the
            // largest count, Σ x, Σ log x!), each path rounding them its own way: 1e-11 of log L
            // is a few 1e-12 of those sums.
            Tolerance.Relative(expected.LogLikelihood, fit.LogLikelihood, name == "Poisson" ? 1e-11 : 1e-12, name + " log L");
            Tolerance.Relative(fit.LogLikelihood, Fit(family, Bulk(family, data)).LogLikelihood, 0, name + " log L, run again");
            data[data.Length - 3] = double.NaN;
            Assert.False(family.TryAddRange(family.CreateAccumulator(), data, Free(family)));
        }

        [Fact]
        public void Blocks_cover_the_array_in_order()
        {
            var blocks = ParallelBlocks.Map(10 * 1000 + 7, (start, length) => (start, length), CancellationToken.None, 1000);
            Assert.Equal(11, blocks.Length);
            for (int b = 0; b < blocks.Length; b++)
            {
                Assert.Equal((b * 1000, b < 10 ? 1000 : 7), blocks[b]);
            }
        }

        private static SampleAccumulator Bulk(DistributionFamily family, double[] data)
        {
            var sample = family.CreateAccumulator();
            Assert.True(family.TryAddRange(sample, data, Free(family)));
            return sample;
        }

        [Fact]
        public void Pareto_with_a_fixed_scale_refuses_values_below_it_in_bulk()
        {
            var family = Create("Pareto");
            var sample = family.CreateAccumulator();
            Assert.False(family.TryAddRange(sample, new[] { 2.0, 3.0, 1.5 }, new double?[] { 2.0, null }));
            Assert.True(family.TryAddRange(sample, new[] { 2.0, 3.0, 2.5 }, new double?[] { 2.0, null }));
            Assert.Equal(3, sample.Count);
        }

        [Fact]
        public void Uniform_with_fixed_bounds_refuses_values_outside_them_in_bulk()
        {
            var family = Create("Uniform");
            var sample = family.CreateAccumulator();
            Assert.False(family.TryAddRange(sample, new[] { 0.5, 1.5 }, new double?[] { 0, 1 }));
            Assert.False(family.TryAddRange(sample, new[] { 0.5 }, new double?[] { 1, 1 }));
            Assert.True(family.TryAddRange(sample, new[] { 0.0, 0.5, 1.0 }, new double?[] { 0, 1 }));
            Assert.Equal(3, sample.Count);
        }

        private static DistributionFamily Create(string name)
            => DistributionFamilies.Create(
                (DistributionName)Enum.Parse(typeof(DistributionName), name),
                name == "Binomial" ? new Dictionary<string, double> { ["Trials"] = 10 } : new Dictionary<string, double>());

        private static double?[] Free(DistributionFamily family) => new double?[family.Parameters.Count];

        private static MLEstimate Fit(DistributionFamily family, SampleAccumulator sample)
            => new MaximumLikelihoodEstimator(family, 0.95).Fit(sample, Free(family), CancellationToken.None);

        private static double[] Draw(string name, int n)
        {
            var r = new Random(20261202);
            Func<double> draw = name switch
            {
                "Normal" => () => Normal.Sample(r, 1e6, 3),
                "LogNormal" => () => LogNormal.Sample(r, 1, 0.5),
                "Exponential" => () => Exponential.Sample(r, 1.5),
                "Gamma" => () => Gamma.Sample(r, 2.5, 1.5),
                "Weibull" => () => Weibull.Sample(r, 1.5, 2),
                "Beta" => () => Beta.Sample(r, 2, 5),
                "Laplace" => () => Laplace.Sample(r, 3, 2),
                "Logistic" => () => 3 + 2 * Math.Log(1 / r.NextDouble() - 1),
                "Cauchy" => () => Cauchy.Sample(r, 0, 1),
                "StudentT" => () => 5 + 2 * StudentT.Sample(r, 0, 1, 4),
                "Uniform" => () => -2 + 5 * r.NextDouble(),
                "Pareto" => () => Pareto.Sample(r, 1, 3),
                "Rayleigh" => () => Rayleigh.Sample(r, 2),
                "Poisson" => () => Poisson.Sample(r, 4),
                "Bernoulli" => () => r.NextDouble() < 0.3 ? 1 : 0,
                "Binomial" => () => Binomial.Sample(r, 0.4, 10),
                "Geometric" => () => Geometric.Sample(r, 0.3) - 1,
                "NegativeBinomial" => () => NegativeBinomial.Sample(r, 5, 0.4),
                _ => throw new ArgumentException(name),
            };
            var values = new double[n];
            for (int i = 0; i < n; i++)
            {
                values[i] = draw();
            }

            return values;
        }
    }
}
