using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using PSEstimation.Models;
using PSEstimation.Tests.Hosting;
using Xunit;

namespace PSEstimation.Tests.Models
{
    public class RandomSourceTests
    {
        /// <summary>
        /// Models/Reference/xoshiro256starstar-reference.txt, printed by the authors' public-domain
        /// xoshiro256starstar.c and splitmix64.c (xoshiro256starstar_reference.c beside it, gcc):
        /// sections "# state 1 2 3 4" and "# seed N", each followed by outputs in hex.
        /// </summary>
        private static Dictionary<string, ulong[]> Reference()
        {
            string path = Path.Combine(RepositoryPaths.Root, "tests", "PSEstimation.Tests", "Models", "Reference", "xoshiro256starstar-reference.txt");
            var sections = new Dictionary<string, List<ulong>>();
            List<ulong>? current = null;
            foreach (string line in File.ReadAllLines(path))
            {
                if (line.StartsWith("# ", StringComparison.Ordinal))
                {
                    sections[line.Substring(2)] = current = new List<ulong>();
                }
                else if (line.Length > 0)
                {
                    current!.Add(ulong.Parse(line, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                }
            }

            return sections.ToDictionary(s => s.Key, s => s.Value.ToArray());
        }

        [Fact]
        public void Xoshiro256StarStar_matches_the_authors_reference_code_from_a_fixed_state()
        {
            var expected = Reference()["state 1 2 3 4"];
            Assert.Equal(1000, expected.Length);
            var random = RandomSource.FromState(1, 2, 3, 4);
            foreach (ulong value in expected)
            {
                Assert.Equal(value, random.NextUInt64());
            }
        }

        [Theory]
        [InlineData(0L)]
        [InlineData(42L)]
        [InlineData(-1L)]
        [InlineData(1234567890123456789L)]
        [InlineData(long.MinValue)]
        public void A_seed_gives_the_reference_stream_seeded_by_SplitMix64(long seed)
        {
            var expected = Reference()["seed " + seed.ToString(CultureInfo.InvariantCulture)];
            var random = new RandomSource(seed);
            Assert.Equal(expected, Enumerable.Range(0, expected.Length).Select(_ => random.NextUInt64()).ToArray());
        }

        [Fact]
        public void The_all_zero_state_is_refused()
            => Assert.Throws<ArgumentException>(() => RandomSource.FromState(0, 0, 0, 0));

        [Fact]
        public void ForWorkItem_depends_on_the_state_and_the_index_only_and_leaves_the_parent_alone()
        {
            var parent = new RandomSource(42);
            ulong[] Take(RandomSource r) => Enumerable.Range(0, 8).Select(_ => r.NextUInt64()).ToArray();

            // Any order of creation, any number of calls: the same child for the same index.
            var late = Take(parent.ForWorkItem(7));
            _ = Take(parent.ForWorkItem(3));
            Assert.Equal(late, Take(parent.ForWorkItem(7)));
            Assert.Equal(Take(new RandomSource(42)), Take(parent)); // the parent was not advanced
            Assert.Equal(Take(new RandomSource(42).ForWorkItem(7)), late);
            Assert.NotEqual(late, Take(new RandomSource(43).ForWorkItem(7)));
        }

        /// <summary>
        /// A loose independence check: 1000 work items' streams share no output among their first
        /// 1000 values, and the correlation of neighbouring items' uniforms, and of each stream with
        /// its parent, is within 4.5 standard errors of 0 (the streams are 10⁶ pairs long).
        /// </summary>
        [Fact]
        public void Work_item_streams_look_independent()
        {
            var parent = new RandomSource(2024);
            var seen = new HashSet<ulong>();
            for (long i = 0; i < 1000; i++)
            {
                var child = parent.ForWorkItem(i);
                for (int j = 0; j < 1000; j++)
                {
                    Assert.True(seen.Add(child.NextUInt64()), $"work item {i} repeats an output");
                }
            }

            const int n = 1_000_000;
            double Correlation(RandomSource a, RandomSource b)
            {
                double sum = 0;
                for (int k = 0; k < n; k++)
                {
                    sum += (a.NextDouble() - 0.5) * (b.NextDouble() - 0.5);
                }

                return sum / n * 12; // Var(U) = 1/12
            }

            double limit = 4.5 / Math.Sqrt(n);
            Assert.InRange(Correlation(parent.ForWorkItem(0), parent.ForWorkItem(1)), -limit, limit);
            Assert.InRange(Correlation(parent.ForWorkItem(1_000_000), parent.ForWorkItem(1_000_001)), -limit, limit);
            Assert.InRange(Correlation(new RandomSource(2024), parent.ForWorkItem(0)), -limit, limit);
        }

        [Fact]
        public void The_open_uniform_is_below_1_at_the_top_draw_and_above_0_at_the_bottom_one()
        {
            // State words chosen so that the first output of xoshiro256** (rotl(s1·5, 7)·9) is
            // 2⁶⁴ - 1, and then 0: s1 = rotr((2⁶⁴ - 1)·9⁻¹, 7)·5⁻¹ mod 2⁶⁴ (by hand, Python's pow(·, -1, 2**64)).
            var top = RandomSource.FromState(1, 0x4fc71c71c71c71c7UL, 2, 3);
            var check = RandomSource.FromState(1, 0x4fc71c71c71c71c7UL, 2, 3);
            Assert.Equal(ulong.MaxValue, check.NextUInt64());
            double u = top.NextOpenDouble();
            Assert.True(u < 1, "NextOpenDouble gave " + u.ToString("R"));
            Assert.Equal(BitConverter.Int64BitsToDouble(0x3FEFFFFFFFFFFFFF), u); // 1 - 2⁻⁵³

            var bottom = RandomSource.FromState(1, 0, 2, 3);
            Assert.Equal(Math.Pow(2, -54), bottom.NextOpenDouble());
        }

        [Fact]
        public void Uniforms_stay_in_their_intervals_and_the_full_precision_uniform_reaches_tiny_values()
        {
            var random = new RandomSource(1);
            int belowTwoToMinus20 = 0;
            double sum = 0;
            const int n = 4_000_000;
            for (int i = 0; i < n; i++)
            {
                double open = random.NextOpenDouble();
                Assert.True(open > 0 && open < 1);
                double fine = random.NextUniformFullPrecision();
                Assert.True(fine > 0 && fine < 1);
                sum += fine;
                if (fine < Math.Pow(2, -20))
                {
                    belowTwoToMinus20++;
                }
            }

            Assert.InRange(sum / n, 0.5 - 4.5 * Math.Sqrt(1.0 / 12 / n), 0.5 + 4.5 * Math.Sqrt(1.0 / 12 / n));
            // Expected n·2⁻²⁰ = 3.8 (Poisson): between 0 and 15 with probability 1 - 1e-5.
            Assert.InRange(belowTwoToMinus20, 0, 15);
        }

        [Fact]
        public void NextInt64_is_unbiased_and_in_range()
        {
            var random = new RandomSource(5);
            var counts = new int[3];
            for (int i = 0; i < 300_000; i++)
            {
                counts[random.NextInt64(3)]++;
            }

            // Chi-squared with 2 degrees of freedom; 13.8 is its 0.999 quantile.
            double chi2 = counts.Sum(c => (c - 100_000.0) * (c - 100_000.0) / 100_000.0);
            Assert.True(chi2 < 13.8, $"chi2 {chi2}");
            Assert.Throws<ArgumentOutOfRangeException>(() => random.NextInt64(0));
        }
    }
}
