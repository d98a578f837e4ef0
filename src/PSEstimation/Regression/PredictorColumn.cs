using System.Collections.Generic;
using System.Globalization;

namespace PSEstimation.Regression
{
    /// <summary>
    /// One predictor's values as read, row by row: numbers while every value is one; once a value
    /// is not a number the column is categorical and keeps every value's text (the numbers read
    /// before it by their invariant text).
    /// </summary>
    internal sealed class PredictorColumn
    {
        private readonly List<double> numbers = new List<double>();
        private List<string>? texts;

        public PredictorColumn(string name)
        {
            Name = name;
        }

        public string Name { get; }

        public bool IsCategorical => texts is not null;

        public int Count => numbers.Count;

        public void AddNumber(double value, string? text)
        {
            numbers.Add(value);
            texts?.Add(text ?? value.ToString("R", CultureInfo.InvariantCulture));
        }

        public void AddText(string text)
        {
            if (texts is null)
            {
                texts = new List<string>(numbers.Count + 1);
                foreach (double d in numbers)
                {
                    texts.Add(d.ToString("R", CultureInfo.InvariantCulture));
                }
            }

            numbers.Add(double.NaN);
            texts.Add(text);
        }

        public double Number(int row) => numbers[row];

        public string Text(int row) => texts![row];
    }
}
