using System.Collections.Generic;
using System.Linq;
using PSEstimation.Plotting;

namespace PSEstimation.Diagnostics
{
    /// <summary>
    /// The Histogram of categorical data: per category the observed proportion as a bar and each
    /// fit's probability as a marker (R's barplot of a table beside the fitted probabilities).
    /// Categories in the first fit's order, then any the data have and no fit knows (probability 0).
    /// </summary>
    internal static class CategoricalPanels
    {
        /// <summary>
        /// The panel: <paramref name="observed"/> holds each category of the data with its total
        /// weight (first-seen order); <paramref name="fits"/> each fit's label and model.
        /// </summary>
        public static PlotPanel Bars(IReadOnlyList<(string Category, double Weight)> observed, IReadOnlyList<(string Label, Models.CategoricalModel Model)> fits, string valueTitle)
        {
            var categories = new List<string>();
            var seen = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
            foreach (string c in fits.SelectMany(f => f.Model.Categories).Concat(observed.Select(o => o.Category)))
            {
                if (seen.Add(c))
                {
                    categories.Add(c);
                }
            }

            double total = observed.Sum(o => o.Weight);
            var share = new Dictionary<string, double>(System.StringComparer.OrdinalIgnoreCase);
            foreach (var (category, weight) in observed)
            {
                share[category] = (share.TryGetValue(category, out double w) ? w : 0) + (weight / total);
            }

            var x = Enumerable.Range(0, categories.Count).Select(i => (double)i).ToArray();
            var panel = new PlotPanel(PlotKind.Histogram, "Categories", valueTitle, "proportion") { YFromZero = true, XIntegers = true, XCategories = categories.ToArray() };
            panel.Add(new PlotSeries("data", SeriesStyle.Bars, x.Select(v => v - 0.4).ToArray(), categories.Select(c => share.TryGetValue(c, out double p) ? p : 0).ToArray()) { XEnd = x.Select(v => v + 0.4).ToArray(), Colour = 0 });
            for (int f = 0; f < fits.Count; f++)
            {
                var model = fits[f].Model;
                panel.Add(new PlotSeries(fits[f].Label, SeriesStyle.Points, x, categories.Select(c => model.Probability(c)).ToArray()) { Colour = f + 1 });
            }

            return panel;
        }
    }
}
