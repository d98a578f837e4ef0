namespace PSEstimation
{
    /// <summary>
    /// The distribution families that the cmdlets fit and evaluate. An enum, so that PowerShell
    /// validates the name case-insensitively and tab-completes it on every edition.
    /// </summary>
    public enum DistributionName
    {
        /// <summary>Normal (Gaussian): Mean, Variance.</summary>
        Normal = 0,
        /// <summary>Alias of <see cref="Normal"/>.</summary>
        Gaussian = Normal,
        /// <summary>Log-normal: MeanLog, SdLog.</summary>
        LogNormal = 1,
        /// <summary>Exponential: Rate.</summary>
        Exponential = 2,
        /// <summary>Gamma: Shape, Rate.</summary>
        Gamma = 3,
        /// <summary>Weibull: Shape, Scale.</summary>
        Weibull = 4,
        /// <summary>Beta: Alpha, Beta.</summary>
        Beta = 5,
        /// <summary>Laplace (double exponential): Location, Scale.</summary>
        Laplace = 6,
        /// <summary>Logistic: Location, Scale.</summary>
        Logistic = 7,
        /// <summary>Cauchy: Location, Scale.</summary>
        Cauchy = 8,
        /// <summary>Location-scale Student t: Location, Scale, DegreesOfFreedom.</summary>
        StudentT = 9,
        /// <summary>Continuous uniform: Lower, Upper.</summary>
        Uniform = 10,
        /// <summary>Pareto (type I): Scale, Shape.</summary>
        Pareto = 11,
        /// <summary>Rayleigh: Scale.</summary>
        Rayleigh = 12,
        /// <summary>Poisson: Lambda.</summary>
        Poisson = 13,
        /// <summary>Bernoulli: P.</summary>
        Bernoulli = 14,
        /// <summary>Binomial: P, with Trials fixed.</summary>
        Binomial = 15,
        /// <summary>Geometric (failures before the first success): P.</summary>
        Geometric = 16,
        /// <summary>Negative binomial (failures before Size successes): Size, P.</summary>
        NegativeBinomial = 17,
        /// <summary>Categorical: one probability per distinct value.</summary>
        Categorical = 18,
    }
}
