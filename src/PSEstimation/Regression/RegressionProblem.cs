using System;
using System.Collections.Generic;
using PSEstimation.Distributions;
using PSEstimation.Models;

namespace PSEstimation.Regression
{
    /// <summary>
    /// A regression model to fit: the family's model, the parameter the linear predictor sets
    /// (<see cref="LinkedParameter"/>), the design matrix and one observation per row (exact or
    /// censored, with its frequency weight; Observation.Row is the row). The vector the fitter
    /// works on is v = (coefficients in design order, then the family's other free parameters in
    /// the model's order); parameters held fixed keep their -Fixed value. An offset (R's glm
    /// offset: a known term of each row's linear predictor) is how a coefficient is held for a
    /// profile likelihood: its column leaves the design and its value times the column enters the
    /// offset (<see cref="Holding"/>).
    /// </summary>
    internal sealed class RegressionProblem
    {
        public RegressionProblem(DistributionModel model, LinkedParameter link, DesignMatrix design, Observation[] observations, double?[] fixedValues, double[]? offset = null)
        {
            Model = model;
            Link = link;
            Design = design;
            Observations = observations;
            FixedValues = fixedValues;
            Offset = offset;
            var free = new List<int>();
            for (int a = 0; a < model.Parameters.Count; a++)
            {
                if (a != link.Index && fixedValues[a] is null)
                {
                    free.Add(a);
                }
            }

            FreeParameters = free.ToArray();
            double n = 0;
            foreach (var o in observations)
            {
                n += o.Weight;
            }

            SampleSize = n;
        }

        public DistributionModel Model { get; }

        public LinkedParameter Link { get; }

        public DesignMatrix Design { get; }

        public Observation[] Observations { get; }

        /// <summary>A known term of each design row's linear predictor (held coefficients times their columns), or null.</summary>
        public double[]? Offset { get; }

        /// <summary>-Fixed in model order (null where free); never set for the linked parameter.</summary>
        public double?[] FixedValues { get; }

        /// <summary>The model indices of the family's other parameters that are estimated, in order.</summary>
        public int[] FreeParameters { get; }

        public int CoefficientCount => Design.ColumnCount;

        /// <summary>The length of v: coefficients, then free parameters.</summary>
        public int Dimension => Design.ColumnCount + FreeParameters.Length;

        /// <summary>The sum of the weights.</summary>
        public double SampleSize { get; }

        /// <summary>The model's parameter vector with every parameter but the linked one set from v or -Fixed.</summary>
        public double[] BaseTheta(double[] v)
        {
            var theta = new double[Model.Parameters.Count];
            for (int a = 0; a < theta.Length; a++)
            {
                theta[a] = FixedValues[a] ?? 0;
            }

            for (int k = 0; k < FreeParameters.Length; k++)
            {
                theta[FreeParameters[k]] = v[CoefficientCount + k];
            }

            return theta;
        }

        /// <summary>Whether every free parameter in v lies in its domain.</summary>
        public bool InDomain(double[] v)
        {
            for (int k = 0; k < FreeParameters.Length; k++)
            {
                if (!Model.Parameters[FreeParameters[k]].Accepts(v[CoefficientCount + k]))
                {
                    return false;
                }
            }

            for (int j = 0; j < CoefficientCount; j++)
            {
                if (double.IsNaN(v[j]) || double.IsInfinity(v[j]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The linear predictor of row <paramref name="row"/> at coefficients v.</summary>
        public double LinearPredictor(int row, double[] v)
        {
            int p = CoefficientCount, o = row * p;
            double eta = Offset is null ? 0 : Offset[row];
            double[] x = Design.Values;
            for (int j = 0; j < p; j++)
            {
                eta += x[o + j] * v[j];
            }

            return eta;
        }

        /// <summary>The response value an observation stands for in a starting value: itself, or its finite bound.</summary>
        public static double Representative(in Observation o)
            => o.Kind == ObservationKind.Exact ? o.Lower
             : double.IsInfinity(o.Lower) ? o.Upper
             : o.Lower;

        /// <summary>A name for the parameter at model index a.</summary>
        public string ParameterName(int a) => Model.Parameters[a].Name;

        public ParameterSpec Spec(int a) => Model.Parameters[a];

        /// <summary>Whether the data hold any observation that is not exact.</summary>
        public int CensoredCount
        {
            get
            {
                int count = 0;
                foreach (var o in Observations)
                {
                    if (o.Kind != ObservationKind.Exact)
                    {
                        count++;
                    }
                }

                return count;
            }
        }

        /// <summary>
        /// The same model with position <paramref name="position"/> of v held at
        /// <paramref name="value"/>: a coefficient leaves the design and enters the offset; a
        /// parameter joins -Fixed. The held problem's v is this one's without that position.
        /// </summary>
        public RegressionProblem Holding(int position, double value)
        {
            int p = CoefficientCount;
            if (position >= p)
            {
                var held = (double?[])FixedValues.Clone();
                held[FreeParameters[position - p]] = value;
                return new RegressionProblem(Model, Link, Design, Observations, held, Offset);
            }

            int rows = Design.Rows;
            var offset = new double[rows];
            var values = new double[rows * (p - 1)];
            double[] x = Design.Values;
            for (int i = 0; i < rows; i++)
            {
                offset[i] = (Offset is null ? 0 : Offset[i]) + value * x[i * p + position];
                for (int j = 0, k = 0; j < p; j++)
                {
                    if (j != position)
                    {
                        values[i * (p - 1) + k++] = x[i * p + j];
                    }
                }
            }

            var columns = new List<DesignColumn>(Design.Columns);
            columns.RemoveAt(position);
            return new RegressionProblem(Model, Link, new DesignMatrix(columns, values, rows), Observations, FixedValues, offset);
        }

        /// <summary>The same model and design with other responses (a bootstrap replicate's).</summary>
        public RegressionProblem WithObservations(Observation[] observations)
            => new RegressionProblem(Model, Link, Design, observations, FixedValues, Offset);

        /// <summary>The model's parameter vector of row <paramref name="row"/> at v: the linked parameter from the linear predictor, the others from v or -Fixed.</summary>
        public double[] RowTheta(int row, double[] v)
        {
            var theta = BaseTheta(v);
            theta[Link.Index] = Link.Value(LinearPredictor(row, v), theta);
            return theta;
        }

        public static double[] Copy(double[] v)
        {
            var copy = new double[v.Length];
            Array.Copy(v, copy, v.Length);
            return copy;
        }
    }
}
