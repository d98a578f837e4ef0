using System;
using PSEstimation.Distributions;

namespace PSEstimation.Regression
{
    /// <summary>The link of a regression model, as the result names it.</summary>
    public enum RegressionLink
    {
        /// <summary>The linear predictor is the parameter itself.</summary>
        Identity,

        /// <summary>The linear predictor is the log of the mean (or of Lambda, Scale).</summary>
        Log,

        /// <summary>The linear predictor is the log-odds of P.</summary>
        Logit,
    }

    /// <summary>
    /// How the linear predictor eta sets one parameter of a family's model (the contract's link
    /// table): theta_L = f(eta, theta_c), where c is a companion parameter the map also reads
    /// (Gamma's Rate = Shape e^-eta, NegativeBinomial's P = Size / (Size + e^eta)), or none.
    /// Gives f and its first and second derivatives in eta and theta_c, which the chain rule in
    /// <see cref="RegressionLikelihood"/> needs.
    /// </summary>
    internal sealed class LinkedParameter
    {
        private readonly Kind kind;

        private LinkedParameter(Kind kind, RegressionLink link, int index, int companion, string describes)
        {
            this.kind = kind;
            Link = link;
            Index = index;
            Companion = companion;
            Describes = describes;
        }

        private enum Kind
        {
            Identity,
            Exp,
            ExpNegative,
            Logistic,
            GammaRate,
            NegativeBinomialP,
        }

        public RegressionLink Link { get; }

        /// <summary>The index of the linked parameter in the model's parameters.</summary>
        public int Index { get; }

        /// <summary>The index of the parameter f also depends on, or -1.</summary>
        public int Companion { get; }

        /// <summary>What the linear predictor is, in words ("log of the mean").</summary>
        public string Describes { get; }

        /// <summary>The map of <paramref name="family"/>, or null when the contract links none of its parameters.</summary>
        public static LinkedParameter? For(DistributionName family) => family switch
        {
            DistributionName.Normal or DistributionName.Gaussian => new LinkedParameter(Kind.Identity, RegressionLink.Identity, 0, -1, "Mean"),
            DistributionName.Laplace or DistributionName.Logistic or DistributionName.Cauchy or DistributionName.StudentT
                => new LinkedParameter(Kind.Identity, RegressionLink.Identity, 0, -1, "Location"),
            DistributionName.LogNormal => new LinkedParameter(Kind.Identity, RegressionLink.Identity, 0, -1, "MeanLog"),
            DistributionName.Poisson => new LinkedParameter(Kind.Exp, RegressionLink.Log, 0, -1, "log Lambda"),
            DistributionName.Weibull => new LinkedParameter(Kind.Exp, RegressionLink.Log, 1, -1, "log Scale"),
            DistributionName.Exponential => new LinkedParameter(Kind.ExpNegative, RegressionLink.Log, 0, -1, "log of the mean (log 1/Rate)"),
            DistributionName.Bernoulli or DistributionName.Binomial => new LinkedParameter(Kind.Logistic, RegressionLink.Logit, 0, -1, "logit P"),
            DistributionName.Gamma => new LinkedParameter(Kind.GammaRate, RegressionLink.Log, 1, 0, "log of the mean (Shape/Rate)"),
            DistributionName.NegativeBinomial => new LinkedParameter(Kind.NegativeBinomialP, RegressionLink.Log, 1, 0, "log of the mean (Size (1 - P) / P)"),
            _ => null,
        };

        /// <summary>theta_L at <paramref name="eta"/> (theta supplies the companion).</summary>
        public double Value(double eta, double[] theta)
        {
            switch (kind)
            {
                case Kind.Identity:
                    return eta;
                case Kind.Exp:
                    return Math.Exp(eta);
                case Kind.ExpNegative:
                    return Math.Exp(-eta);
                case Kind.Logistic:
                    return Logistic(eta);
                case Kind.GammaRate:
                    return theta[Companion] * Math.Exp(-eta);
                default:
                    // P = Size / (Size + mu) = 1 / (1 + mu / Size) = logistic(log Size - eta).
                    return Logistic(Math.Log(theta[Companion]) - eta);
            }
        }

        /// <summary>
        /// The derivatives of f at (eta, theta_c): f_eta, f_eta,eta, and with a companion f_c,
        /// f_eta,c, f_c,c (0 without one).
        /// </summary>
        public void Derivatives(double eta, double[] theta, out double dEta, out double dEtaEta, out double dC, out double dEtaC, out double dCC)
        {
            dC = dEtaC = dCC = 0;
            switch (kind)
            {
                case Kind.Identity:
                    dEta = 1;
                    dEtaEta = 0;
                    return;
                case Kind.Exp:
                    dEta = dEtaEta = Math.Exp(eta);
                    return;
                case Kind.ExpNegative:
                    {
                        double rate = Math.Exp(-eta);
                        dEta = -rate;
                        dEtaEta = rate;
                        return;
                    }

                case Kind.Logistic:
                    {
                        double p = Logistic(eta), q = Logistic(-eta);
                        dEta = p * q;
                        dEtaEta = p * q * (q - p);
                        return;
                    }

                case Kind.GammaRate:
                    {
                        double e = Math.Exp(-eta), shape = theta[Companion];
                        dEta = -shape * e;
                        dEtaEta = shape * e;
                        dC = e;
                        dEtaC = -e;
                        dCC = 0;
                        return;
                    }

                default:
                    {
                        double size = theta[Companion], mu = Math.Exp(eta), s = size + mu;
                        double p = size / s, q = mu / s;
                        dEta = -p * q;
                        dEtaEta = p * q * (q - p);
                        dC = mu / (s * s);
                        dEtaC = mu * (size - mu) / (s * s * s);
                        dCC = -2 * mu / (s * s * s);
                        return;
                    }
            }
        }

        /// <summary>The inverse link: the mean of the response's location from eta (for predictions), given the other parameters.</summary>
        public static double Logistic(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));
    }
}
