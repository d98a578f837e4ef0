using System;

namespace PSEstimation.Models
{
    /// <summary>
    /// One observation's contribution to a log-likelihood under a model, with its derivatives in
    /// the parameters: log f(x) for an exact value, log F(u) left-censored, log S(l)
    /// right-censored, log(F(u) - F(l)) interval-censored (R fitdistrplus's censored likelihood),
    /// each computed in log space from the model's functions.
    /// </summary>
    internal static class ObservationLikelihood
    {
        /// <summary>weight · log-likelihood of <paramref name="observation"/>.</summary>
        public static double LogLikelihood(DistributionModel model, in Observation observation, double[] theta)
        {
            double w = observation.Weight;
            switch (observation.Kind)
            {
                case ObservationKind.Exact:
                    return w * model.LogDensity(observation.Lower, theta);
                case ObservationKind.LeftCensored:
                    return w * model.LogCdf(observation.Upper, theta);
                case ObservationKind.RightCensored:
                    return w * model.LogSurvival(observation.Lower, theta);
                default:
                    return w * LogSpace.LogProbabilityBetween(model, observation.Lower, observation.Upper, theta);
            }
        }

        /// <summary>Adds weight · the score of <paramref name="observation"/> and, if given, weight · its Hessian.</summary>
        public static void AddDerivatives(DistributionModel model, in Observation observation, double[] theta, double[] score, double[,]? hessian)
        {
            double w = observation.Weight;
            switch (observation.Kind)
            {
                case ObservationKind.Exact:
                    model.AddScore(observation.Lower, w, theta, score);
                    if (hessian is not null)
                    {
                        model.AddHessian(observation.Lower, w, theta, hessian);
                    }

                    break;
                case ObservationKind.LeftCensored:
                    model.AddLogCdfDerivatives(observation.Upper, w, theta, score, hessian);
                    break;
                case ObservationKind.RightCensored:
                    model.AddLogSurvivalDerivatives(observation.Lower, w, theta, score, hessian);
                    break;
                default:
                    double lower = observation.Lower, upper = observation.Upper;
                    NumericalDerivatives.Add(model, t => LogSpace.LogProbabilityBetween(model, lower, upper, t), w, theta, score, hessian);
                    break;
            }
        }
    }
}
