using PSEstimation.Models;

namespace PSEstimation.Diagnostics
{
    /// <summary>A fit to draw: the model, its parameters, and the name the legend gives it.</summary>
    internal sealed class PlottedFit
    {
        public PlottedFit(string label, DistributionModel model, double[] theta)
        {
            Label = label;
            Model = model;
            Theta = theta;
        }

        public string Label { get; }

        public DistributionModel Model { get; }

        public double[] Theta { get; }
    }
}
