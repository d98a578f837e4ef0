using System;
using PSEstimation.Distributions;

namespace PSEstimation.Models
{
    /// <summary>
    /// Laplace(Location, Scale): f(x) = exp(-|x - Location| / Scale) / (2 Scale), any real x.
    /// F₀(z) = e^z/2 for z &lt; 0 and S₀(z) = e^{-z}/2 for z &gt;= 0, so both tails are exact
    /// exponentials and their logs are linear in z.
    /// </summary>
    internal sealed class LaplaceModel : LocationScaleModel
    {
        internal const double Ln2 = 0.69314718055994530941723212145818;

        public LaplaceModel()
            : base(DistributionName.Laplace)
        {
        }

        public override double LogDensity(double x, double[] theta)
            => -Ln2 - Math.Log(theta[1]) - Math.Abs(x - theta[0]) / theta[1];

        /// <summary>∂/∂Location = sign(x - Location)/Scale (0 at the kink, the subgradient's midpoint).</summary>
        public override void AddScore(double x, double weight, double[] theta, double[] score)
        {
            double b = theta[1], d = x - theta[0];
            score[0] += weight * Math.Sign(d) / b;
            score[1] += weight * (Math.Abs(d) / b - 1) / b;
        }

        /// <summary>0 in Location (away from the kink), -sign(x - Location)/Scale² across, (1 - 2|x - Location|/Scale)/Scale² in Scale.</summary>
        public override void AddHessian(double x, double weight, double[] theta, double[,] hessian)
        {
            double b = theta[1], d = x - theta[0];
            double cross = -weight * Math.Sign(d) / (b * b);
            hessian[0, 1] += cross;
            hessian[1, 0] += cross;
            hessian[1, 1] += weight * (1 - 2 * Math.Abs(d) / b) / (b * b);
        }

        /// <summary>diag(1/Scale², 1/Scale²): E[score²] (for Location, E[sign²]/Scale²).</summary>
        public override double[,] ExpectedInformation(double[] theta)
        {
            double b2 = theta[1] * theta[1];
            return new[,] { { 1 / b2, 0 }, { 0, 1 / b2 } };
        }

        /// <summary>log F₀: z - ln 2 below 0 (exact however far out), log1p(-e^{-z}/2) above.</summary>
        protected override double StandardLogCdf(double z)
            => z < 0 ? z - Ln2 : LogSpace.Log1p(-0.5 * Math.Exp(-z));

        protected override double StandardLogSurvival(double z) => StandardLogCdf(-z);

        protected override double StandardCdf(double z) => z < 0 ? 0.5 * Math.Exp(z) : 1 - 0.5 * Math.Exp(-z);

        protected override double StandardSurvival(double z) => StandardCdf(-z);

        /// <summary>
        /// ln(2p) up to 1/2; above, -ln(2(1 - p)) with 1 - p exact (Sterbenz), so the upper half
        /// is as accurate as 1 - p allows. ln(2p) near p = 1/2 keeps its digits: 2p is exact.
        /// </summary>
        protected override double StandardQuantile(double p)
        {
            if (!(p >= 0 && p <= 1))
            {
                return double.NaN;
            }

            return p <= 0.5 ? Math.Log(2 * p) : -Math.Log(2 * (1 - p));
        }

        protected override double StandardInverseSurvival(double q) => -StandardQuantile(q);

        /// <summary>
        /// Below 0, log F₀ = z - ln 2: slopes 1 and 0. Above, with r = f₀/F₀ = e^{-z}/(2 - e^{-z}):
        /// L' = r and L'' = ψ r - r² = -r(1 + r) (ψ = d log f₀/dz = -1). The first slope is
        /// continuous at 0 (1 on both sides); the second jumps from 0 to -2 there.
        /// </summary>
        protected override void StandardLogCdfSlopes(double z, out double first, out double second)
        {
            if (z < 0)
            {
                first = 1;
                second = 0;
                return;
            }

            double e = Math.Exp(-z);
            first = e / (2 - e);
            second = -first * (1 + first);
        }

        /// <summary>log S₀(z) = log F₀(-z): the slopes of <see cref="StandardLogCdfSlopes"/> at -z, the first with its sign changed.</summary>
        protected override void StandardLogSurvivalSlopes(double z, out double first, out double second)
        {
            StandardLogCdfSlopes(-z, out first, out second);
            first = -first;
        }

        /// <summary>A standard exponential with a random sign: exact in both tails.</summary>
        protected override double StandardSample(RandomSource random)
        {
            double sign = random.NextDouble() < 0.5 ? -1 : 1;
            return sign * Samplers.StandardExponential(random);
        }
    }
}
