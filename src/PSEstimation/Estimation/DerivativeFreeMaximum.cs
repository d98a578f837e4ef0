using System;

namespace PSEstimation.Estimation
{
    /// <summary>
    /// Maxima of functions without derivatives, for the inner maximisation of a derived quantity's
    /// profile likelihood (whose constraint is solved numerically, so analytic derivatives are not
    /// at hand): Brent's parabolic search in one dimension (Brent, "Algorithms for minimization
    /// without derivatives", 1973, ch. 5), after a bracket by golden-ratio steps; Nelder-Mead in
    /// more (Lagarias et al. 1998 coefficients). Both deterministic and capped.
    /// </summary>
    internal static class DerivativeFreeMaximum
    {
        /// <summary>The maximising point from <paramref name="start"/>, with <paramref name="scale"/> the first step.</summary>
        public static double[] Maximize(Func<double[], double> f, double[] start, double scale, out double best)
        {
            if (start.Length == 1)
            {
                double x = Brent(v => f(new[] { v }), start[0], scale, out best);
                return new[] { x };
            }

            return NelderMead(f, start, scale, out best);
        }

        private static double Brent(Func<double, double> f, double start, double step, out double best)
        {
            // Minimise g = -f; bracket first.
            double G(double x)
            {
                double v = -f(x);
                return double.IsNaN(v) ? double.PositiveInfinity : v;
            }

            const double golden = 1.618033988749895;
            double a = start, ga = G(a);
            double b = start + step, gb = G(b);
            if (gb > ga)
            {
                (a, b) = (b, a);
                (ga, gb) = (gb, ga);
            }

            double c = b + golden * (b - a), gc = G(c);
            for (int k = 0; k < 80 && gc < gb; k++)
            {
                a = b;
                ga = gb;
                b = c;
                gb = gc;
                c = b + golden * (b - a);
                gc = G(c);
            }

            if (double.IsPositiveInfinity(gb))
            {
                best = double.NegativeInfinity;
                return start;
            }

            // Brent on [min(a, c), max(a, c)] with b inside.
            double lo = Math.Min(a, c), hi = Math.Max(a, c);
            double x = b, w = b, v = b, gx = gb, gw = gb, gv = gb;
            double d = 0, e = 0;
            const double cgold = 0.3819660112501051;
            for (int iteration = 0; iteration < 200; iteration++)
            {
                double mid = 0.5 * (lo + hi);
                double tol1 = 1e-10 * Math.Abs(x) + 1e-12, tol2 = 2 * tol1;
                if (Math.Abs(x - mid) <= tol2 - 0.5 * (hi - lo))
                {
                    break;
                }

                bool golden_step = true;
                if (Math.Abs(e) > tol1)
                {
                    double r = (x - w) * (gx - gv);
                    double q = (x - v) * (gx - gw);
                    double p = (x - v) * q - (x - w) * r;
                    q = 2 * (q - r);
                    if (q > 0)
                    {
                        p = -p;
                    }

                    q = Math.Abs(q);
                    double etemp = e;
                    e = d;
                    if (!(Math.Abs(p) >= Math.Abs(0.5 * q * etemp) || p <= q * (lo - x) || p >= q * (hi - x)) && !double.IsNaN(p))
                    {
                        d = p / q;
                        double u0 = x + d;
                        if (u0 - lo < tol2 || hi - u0 < tol2)
                        {
                            d = mid - x >= 0 ? tol1 : -tol1;
                        }

                        golden_step = false;
                    }
                }

                if (golden_step)
                {
                    e = x >= mid ? lo - x : hi - x;
                    d = cgold * e;
                }

                double u = Math.Abs(d) >= tol1 ? x + d : x + (d >= 0 ? tol1 : -tol1);
                double gu = G(u);
                if (gu <= gx)
                {
                    if (u >= x)
                    {
                        lo = x;
                    }
                    else
                    {
                        hi = x;
                    }

                    v = w;
                    gv = gw;
                    w = x;
                    gw = gx;
                    x = u;
                    gx = gu;
                }
                else
                {
                    if (u < x)
                    {
                        lo = u;
                    }
                    else
                    {
                        hi = u;
                    }

                    if (gu <= gw || w == x)
                    {
                        v = w;
                        gv = gw;
                        w = u;
                        gw = gu;
                    }
                    else if (gu <= gv || v == x || v == w)
                    {
                        v = u;
                        gv = gu;
                    }
                }
            }

            best = -gx;
            return x;
        }

        private static double[] NelderMead(Func<double[], double> f, double[] start, double scale, out double best)
        {
            int n = start.Length;
            var points = new double[n + 1][];
            var values = new double[n + 1];
            double G(double[] x)
            {
                double v = -f(x);
                return double.IsNaN(v) ? double.PositiveInfinity : v;
            }

            points[0] = (double[])start.Clone();
            values[0] = G(points[0]);
            for (int i = 0; i < n; i++)
            {
                points[i + 1] = (double[])start.Clone();
                points[i + 1][i] += scale;
                values[i + 1] = G(points[i + 1]);
            }

            for (int iteration = 0; iteration < 2000; iteration++)
            {
                Array.Sort(values, points);
                if (Math.Abs(values[n] - values[0]) <= 1e-12 * Math.Max(1, Math.Abs(values[0])) && Spread(points) < 1e-9)
                {
                    break;
                }

                var centroid = new double[n];
                for (int i = 0; i < n; i++)
                {
                    for (int j = 0; j < n; j++)
                    {
                        centroid[j] += points[i][j] / n;
                    }
                }

                double[] Along(double t)
                {
                    var p = new double[n];
                    for (int j = 0; j < n; j++)
                    {
                        p[j] = centroid[j] + t * (points[n][j] - centroid[j]);
                    }

                    return p;
                }

                var reflected = Along(-1);
                double fr = G(reflected);
                if (fr < values[0])
                {
                    var expanded = Along(-2);
                    double fe = G(expanded);
                    (points[n], values[n]) = fe < fr ? (expanded, fe) : (reflected, fr);
                }
                else if (fr < values[n - 1])
                {
                    (points[n], values[n]) = (reflected, fr);
                }
                else
                {
                    var contracted = fr < values[n] ? Along(-0.5) : Along(0.5);
                    double fc = G(contracted);
                    if (fc < Math.Min(fr, values[n]))
                    {
                        (points[n], values[n]) = (contracted, fc);
                    }
                    else
                    {
                        for (int i = 1; i <= n; i++)
                        {
                            for (int j = 0; j < n; j++)
                            {
                                points[i][j] = points[0][j] + 0.5 * (points[i][j] - points[0][j]);
                            }

                            values[i] = G(points[i]);
                        }
                    }
                }
            }

            Array.Sort(values, points);
            best = -values[0];
            return points[0];
        }

        private static double Spread(double[][] points)
        {
            double spread = 0;
            for (int i = 1; i < points.Length; i++)
            {
                for (int j = 0; j < points[0].Length; j++)
                {
                    spread = Math.Max(spread, Math.Abs(points[i][j] - points[0][j]));
                }
            }

            return spread;
        }
    }
}
