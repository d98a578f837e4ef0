namespace PSEstimation.Estimation
{
    /// <summary>
    /// A smooth function of a parameter vector to maximise (a log-likelihood, or a
    /// log-posterior), with its analytic gradient and Hessian on the parameters' own scale.
    /// </summary>
    internal interface ILogObjective
    {
        double Value(double[] theta);

        double[] Gradient(double[] theta);

        double[,] Hessian(double[] theta);
    }
}
