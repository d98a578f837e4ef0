using System;
using PSEstimation.Distributions;

namespace PSEstimation.Models
{
    /// <summary>
    /// A family X = Location + Scale · Z on the real line (Laplace, Logistic, Cauchy): everything
    /// but the density follows from the standard variable Z, so a model supplies log F₀, log S₀,
    /// their first two derivatives in z, the two inverse functions and a sampler of Z, and this
    /// class turns them into functions of x and of the parameters.
    /// </summary>
    /// <remarks>
    /// With z = (x - Location)/Scale and ℓ = L(z) (L = log F₀ or log S₀): ∂ℓ/∂Location = -L'/s,
    /// ∂ℓ/∂Scale = -z L'/s, ∂²ℓ/∂Location² = L''/s², ∂²ℓ/∂Location∂Scale = (z L'' + L')/s²,
    /// ∂²ℓ/∂Scale² = (z² L'' + 2 z L')/s². L' and L'' come from each model in a form that keeps
    /// its digits in the far tails (the hazard f₀/S₀ is never formed as a quotient of two
    /// underflowed numbers).
    /// </remarks>
    internal abstract class LocationScaleModel : DistributionModel
    {
        protected LocationScaleModel(DistributionName name)
            : base(name,
                   new ParameterSpec("Location", ParameterDomain.Real),
                   new ParameterSpec("Scale", ParameterDomain.Positive))
        {
        }

        public override bool IsDiscrete => false;

        public override string SupportDescription => "any finite real number";

        public override bool IsInSupport(double x, double[] theta) => true;

        // ---- The standard variable Z (Location 0, Scale 1) ------------------------------------

        /// <summary>log F₀(z), exact where F₀ underflows.</summary>
        protected abstract double StandardLogCdf(double z);

        /// <summary>log S₀(z) = log P(Z &gt; z), computed directly (never log(1 - F₀)).</summary>
        protected abstract double StandardLogSurvival(double z);

        /// <summary>F₀(z).</summary>
        protected abstract double StandardCdf(double z);

        /// <summary>S₀(z), computed directly.</summary>
        protected abstract double StandardSurvival(double z);

        /// <summary>F₀⁻¹(p) for p in [0, 1] (±Infinity at 0 and 1, NaN outside).</summary>
        protected abstract double StandardQuantile(double p);

        /// <summary>S₀⁻¹(q) for q in [0, 1], solved from q itself so that a tiny q keeps its digits.</summary>
        protected abstract double StandardInverseSurvival(double q);

        /// <summary>d/dz log F₀(z) and d²/dz² log F₀(z).</summary>
        protected abstract void StandardLogCdfSlopes(double z, out double first, out double second);

        /// <summary>d/dz log S₀(z) (minus the hazard) and d²/dz² log S₀(z).</summary>
        protected abstract void StandardLogSurvivalSlopes(double z, out double first, out double second);

        /// <summary>One draw of Z.</summary>
        protected abstract double StandardSample(RandomSource random);

        // ---- Functions of x ------------------------------------------------------------------

        // NaN in x stays NaN through every standard function; ±Infinity gives its limits.
        public override double LogCdf(double x, double[] theta) => StandardLogCdf(Standardized(x, theta[0], theta[1]));

        public override double LogSurvival(double x, double[] theta) => StandardLogSurvival(Standardized(x, theta[0], theta[1]));

        public override double Cdf(double x, double[] theta) => StandardCdf(Standardized(x, theta[0], theta[1]));

        public override double Survival(double x, double[] theta) => StandardSurvival(Standardized(x, theta[0], theta[1]));

        public override double Quantile(double p, double[] theta) => theta[0] + theta[1] * StandardQuantile(p);

        public override double InverseSurvival(double q, double[] theta) => theta[0] + theta[1] * StandardInverseSurvival(q);

        public override double Sample(RandomSource random, double[] theta) => theta[0] + theta[1] * StandardSample(random);

        public override void AddLogCdfDerivatives(double x, double weight, double[] theta, double[] gradient, double[,]? hessian)
        {
            double z = Standardized(x, theta[0], theta[1]);
            StandardLogCdfSlopes(z, out double first, out double second);
            AddChainRule(z, theta[1], first, second, weight, gradient, hessian);
        }

        public override void AddLogSurvivalDerivatives(double x, double weight, double[] theta, double[] gradient, double[,]? hessian)
        {
            double z = Standardized(x, theta[0], theta[1]);
            StandardLogSurvivalSlopes(z, out double first, out double second);
            AddChainRule(z, theta[1], first, second, weight, gradient, hessian);
        }

        /// <summary>
        /// Adds weight times the derivatives in (Location, Scale) of ℓ = L(z), z = (x - Location)/s,
        /// given L'(z) and L''(z) (the chain rule of the class remarks). A slope of exactly 0 adds
        /// nothing, so an infinite z far out where the slopes vanish gives zeros, not NaN.
        /// </summary>
        internal static void AddChainRule(double z, double s, double first, double second, double weight, double[] gradient, double[,]? hessian)
        {
            double zFirst = first == 0 ? 0 : z * first;
            double zSecond = second == 0 ? 0 : z * second;
            gradient[0] -= weight * first / s;
            gradient[1] -= weight * zFirst / s;
            if (hessian is null)
            {
                return;
            }

            double s2 = s * s;
            double cross = weight * (zSecond + first) / s2;
            hessian[0, 0] += weight * second / s2;
            hessian[0, 1] += cross;
            hessian[1, 0] += cross;
            hessian[1, 1] += weight * ((zSecond == 0 ? 0 : z * zSecond) + 2 * zFirst) / s2;
        }

        /// <summary>(x - location) / scale, also when x - location itself overflows (x = 1e308, location = -1e308).</summary>
        internal static double Standardized(double x, double location, double scale) => NormalModel.Scaled(x, location, scale);

        /// <summary>
        /// log|z| for z = (x - location) / scale, given z as computed: when z (or x - location)
        /// overflowed to ±Infinity (x = 1e308, Scale 0.5) its logarithm (709.9) is still a double,
        /// and it decides a far outlier's log-density (Cauchy: -2 log|z|).
        /// </summary>
        internal static double LogAbsStandardized(double x, double location, double scale, double z)
        {
            if (!double.IsInfinity(z))
            {
                return Math.Log(Math.Abs(z));
            }

            // Halves cannot overflow: |x/2 - location/2| ≤ the largest double.
            return Math.Log(Math.Abs(0.5 * x - 0.5 * location)) + Math.Log(2) - Math.Log(scale);
        }
    }
}
