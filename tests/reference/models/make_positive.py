#!/usr/bin/env python3
"""Reference values for the positive-support models (LogNormal, Exponential, Gamma, Weibull,
Rayleigh, Pareto): tests/reference/models/<Family>.json.

Every number comes from the exact definitions evaluated with mpmath at 50 significant digits
(more where a quantile needs it), at the exact double values of x, p and q that the JSON holds:
  LogNormal  F = erfc(-z/sqrt2)/2, S = erfc(z/sqrt2)/2, z = (log x - MeanLog)/SdLog
  Exponential S = exp(-Rate x);  Weibull S = exp(-(x/Scale)^Shape);  Rayleigh S = exp(-x^2/(2 Scale^2))
  Pareto     S = (Scale/x)^Shape for x >= Scale
  Gamma      F = P(Shape, Rate x), S = Q(Shape, Rate x)  (mpmath.gammainc, regularized)
F and S are each evaluated directly (never 1 - the other). Quantiles are solved by bisection and
secant steps on log F (or log S) in log x at 60 digits to 30 digits, then rounded to double.
Where scipy is installed its cdf/sf/ppf/isf are compared (printed, not written).

Run: python3 tests/reference/models/make_positive.py [Family ...]   (writes the JSON files beside it)
"""
import json
import os
import sys

import mpmath as mp

mp.mp.dps = 50
HERE = os.path.dirname(os.path.abspath(__file__))
TINY = 2.2250738585072014e-308  # smallest normal double: below it a probability is written as 0.0

# ---- families: log f, log F, log S at an mpf x (exact double), parameters as mpf ----------


def lognormal(p):
    mu, s = mp.mpf(p["MeanLog"]), mp.mpf(p["SdLog"])

    def logs(x):
        if x <= 0:
            return None, None, mp.mpf(0)
        z = (mp.log(x) - mu) / s
        ld = -mp.log(x) - mp.log(s) - mp.log(2 * mp.pi) / 2 - z * z / 2
        return ld, mp.log(mp.erfc(-z / mp.sqrt(2)) / 2), mp.log(mp.erfc(z / mp.sqrt(2)) / 2)
    return logs


def exponential(p):
    r = mp.mpf(p["Rate"])

    def logs(x):
        if x < 0:
            return None, None, mp.mpf(0)
        if x == 0:
            return mp.log(r), None, mp.mpf(0)
        return mp.log(r) - r * x, mp.log(-mp.expm1(-r * x)), -r * x
    return logs


def weibull(p):
    k, lam = mp.mpf(p["Shape"]), mp.mpf(p["Scale"])

    def logs(x):
        if x <= 0:
            return None, None, mp.mpf(0)
        h = (x / lam) ** k
        return mp.log(k / lam) + (k - 1) * mp.log(x / lam) - h, mp.log(-mp.expm1(-h)), -h
    return logs


def rayleigh(p):
    s = mp.mpf(p["Scale"])

    def logs(x):
        if x <= 0:
            return None, None, mp.mpf(0)
        h = x * x / (2 * s * s)
        return mp.log(x) - 2 * mp.log(s) - h, mp.log(-mp.expm1(-h)), -h
    return logs


def pareto(p):
    xm, a = mp.mpf(p["Scale"]), mp.mpf(p["Shape"])

    def logs(x):
        if x < xm:
            return None, None, mp.mpf(0)
        ls = -a * mp.log(x / xm)
        ld = mp.log(a) + a * mp.log(xm) - (a + 1) * mp.log(x)
        return ld, (None if x == xm else mp.log(-mp.expm1(ls))), ls
    return logs


def gamma(p):
    a, b = mp.mpf(p["Shape"]), mp.mpf(p["Rate"])

    def logs(x):
        if x <= 0:
            return None, None, mp.mpf(0)
        y = b * x
        ld = a * mp.log(b) - mp.loggamma(a) + (a - 1) * mp.log(x) - y
        # mpmath's series for the lower function gives up far above y = a at huge shapes;
        # there the lower function is above 1/2 and 1 - upper at 50 digits loses nothing.
        upper = mp.gammainc(a, y, mp.inf, regularized=True)
        try:
            lower = mp.gammainc(a, 0, y, regularized=True)
        except mp.libmp.NoConvergence:
            assert y > a
            lower = 1 - upper
        return ld, (mp.log(lower) if lower > 0 else None), (mp.log(upper) if upper > 0 else None)
    return logs


# ---- quantiles: solve log F(e^t) = log p (or log S = log q), increasing/decreasing in t ------


def solve(g, lo, hi):
    """Root of the increasing function g on [lo, hi] (t = log x), Illinois steps with bisection."""
    glo, ghi = g(lo), g(hi)
    assert glo < 0 < ghi, (lo, hi, glo, ghi)
    for _ in range(400):
        t = lo - glo * (hi - lo) / (ghi - glo)
        if not (lo < t < hi) or _ % 3 == 2:
            t = (lo + hi) / 2
        gt = g(t)
        if gt == 0:
            return t
        if gt < 0:
            lo, glo = t, gt
        else:
            hi, ghi = t, gt
        if hi - lo < mp.mpf(10) ** -30 * max(1, abs(t)):
            break
    return (lo + hi) / 2


def bracket(g, t0):
    lo, hi, step = t0 - 1, t0 + 1, mp.mpf(1)
    while g(lo) >= 0:
        step *= 2
        lo -= step
    step = mp.mpf(1)
    while g(hi) <= 0:
        step *= 2
        hi += step
    return lo, hi


def quantile(logs, prob, upper, t0):
    with mp.workdps(60):
        target = mp.log(mp.mpf(prob))

        def g(t):
            _, lf, ls = logs(mp.exp(t))
            v = ls if upper else lf
            if v is None:
                v = -mp.inf
            return (target - v) if upper else (v - target)
        lo, hi = bracket(g, mp.mpf(t0))
        return mp.exp(solve(g, lo, hi))


# ---- the cases -------------------------------------------------------------------------------

PROBABILITIES = [1e-300, 1e-100, 1e-15, 1e-5, 0.01, 0.3, 0.5, 0.7, 0.99, 1 - 1e-10, 1 - 1e-16]
EXCEEDANCES = [0.5, 0.1, 1e-5, 1e-15, 1e-50, 1e-150, 1e-300]

FAMILIES = {
    "LogNormal": (lognormal, 1e-12, [
        {"MeanLog": 0.0, "SdLog": 1.0},
        {"MeanLog": 690.0, "SdLog": 0.5},
        {"MeanLog": -5.0, "SdLog": 0.01},
        {"MeanLog": 1.0, "SdLog": 8.0},
    ]),
    "Exponential": (exponential, 1e-12, [
        {"Rate": 0.5},
        {"Rate": 1e300},
        {"Rate": 1e-300},
    ]),
    "Gamma": (gamma, 1e-10, [
        {"Shape": 2.5, "Rate": 0.5},
        {"Shape": 0.05, "Rate": 2.0},
        {"Shape": 1e5, "Rate": 1e5},
        {"Shape": 30.0, "Rate": 1e-300},
    ]),
    "Weibull": (weibull, 1e-12, [
        {"Shape": 1.5, "Scale": 10.0},
        {"Shape": 0.1, "Scale": 1.0},
        {"Shape": 50.0, "Scale": 1e9},
        {"Shape": 2.0, "Scale": 1e-300},
    ]),
    "Rayleigh": (rayleigh, 1e-12, [
        {"Scale": 2.0},
        {"Scale": 1e-300},
        {"Scale": 1e300},
    ]),
    "Pareto": (pareto, 1e-12, [
        {"Scale": 100.0, "Shape": 3.5},
        {"Scale": 1e-300, "Shape": 0.5},
        {"Scale": 1e9, "Shape": 50.0},
    ]),
}


def rough_log_median(name, p):
    """A starting log x for the root search (anything in the right region)."""
    if name == "LogNormal":
        return p["MeanLog"]
    if name == "Exponential":
        return -mp.log(p["Rate"])
    if name == "Gamma":
        return mp.log(p["Shape"] / p["Rate"]) if p["Shape"] >= 1 else mp.log(0.5 ** (1 / p["Shape"]) / p["Rate"])
    if name == "Weibull":
        return mp.log(p["Scale"])
    if name == "Rayleigh":
        return mp.log(p["Scale"])
    return mp.log(p["Scale"]) + 1 / p["Shape"]


def to_double(v):
    """A probability (or density) as the JSON holds it: 0.0 below the normal range."""
    f = float(v)
    return 0.0 if abs(f) < TINY else f


def log_or_null(v):
    return None if v is None or v == -mp.inf else float(v)


def representable(x):
    return TINY <= x < 1.7976931348623157e308


def point(logs, x):
    ld, lf, ls = logs(mp.mpf(x))
    return {
        "Value": x,
        "LogDensity": log_or_null(ld),
        "Density": 0.0 if ld is None else to_double(mp.exp(ld)),
        "LogCdf": log_or_null(lf),
        "Cdf": 0.0 if lf is None else to_double(mp.exp(lf)),
        "LogSurvival": log_or_null(ls),
        "Survival": 0.0 if ls is None else to_double(mp.exp(ls)),
    }


def case(name, make, parameter):
    logs = make(parameter)
    t0 = rough_log_median(name, parameter)
    quantiles = []
    for p in PROBABILITIES:
        x = quantile(logs, p, p > 0.5, t0) if p <= 0.5 else quantile(logs, float(mp.mpf(1) - mp.mpf(p)), True, t0)
        if representable(x):
            quantiles.append({"Probability": p, "Value": float(x)})
    inverse = []
    for q in EXCEEDANCES:
        x = quantile(logs, q, True, t0)
        if representable(x):
            inverse.append({"ExceedanceProbability": q, "Value": float(x)})

    # Points: the quantiles themselves, far beyond them (density and tail underflow), the
    # support's ends and outside it.
    xs = set(e["Value"] for e in quantiles + inverse)
    for prob in ("1e-400", "1e-1000"):
        for upper in (False, True):
            x = quantile(logs, mp.mpf(prob), upper, t0)
            if representable(x):
                xs.add(float(x))
    lower_end = parameter.get("Scale", 0.0) if name == "Pareto" else 0.0
    xs.update([lower_end, -1.0])
    if name == "Weibull" and parameter["Shape"] < 1:
        xs.discard(0.0)  # f(0) = +Infinity there, which the schema cannot hold
    if name == "Pareto":
        xs.add(float(mp.mpf(lower_end) * (1 + mp.mpf(2) ** -40)))
        xs.add(lower_end / 2)
    points = [point(logs, x) for x in sorted(xs)]
    return {"Parameter": parameter, "Points": points, "Quantiles": quantiles, "InverseSurvival": inverse}


def scipy_check(name, parameter, result):
    try:
        from scipy import stats
    except ImportError:
        return None
    p = parameter
    dist = {
        "LogNormal": lambda: stats.lognorm(p.get("SdLog", 1), scale=float(mp.exp(p.get("MeanLog", 0)))) if abs(p.get("MeanLog", 0)) < 700 else None,
        "Exponential": lambda: stats.expon(scale=1 / p["Rate"]),
        "Gamma": lambda: stats.gamma(p["Shape"], scale=1 / p["Rate"]),
        "Weibull": lambda: stats.weibull_min(p["Shape"], scale=p["Scale"]),
        "Rayleigh": lambda: stats.rayleigh(scale=p["Scale"]),
        "Pareto": lambda: stats.pareto(p["Shape"], scale=p["Scale"]),
    }[name]()
    if dist is None:
        return None
    worst = 0.0
    for e in result["Points"]:
        for key, fn in (("Cdf", dist.cdf), ("Survival", dist.sf)):
            ref = e[key]
            if ref >= 1e-300:
                got = float(fn(e["Value"]))
                worst = max(worst, abs(got - ref) / ref)
    for e in result["Quantiles"]:
        if 1e-15 <= e["Probability"]:
            worst = max(worst, abs(float(dist.ppf(e["Probability"])) - e["Value"]) / e["Value"])
    return worst


def main():
    try:
        import scipy
        scipy_version = scipy.__version__
    except ImportError:
        scipy_version = None
    wanted = sys.argv[1:] or list(FAMILIES)
    for name, (make, tol, parameters) in FAMILIES.items():
        if name not in wanted:
            continue
        cases = []
        for parameter in parameters:
            result = case(name, make, parameter)
            worst = scipy_check(name, parameter, result)
            print(name, parameter, "points", len(result["Points"]),
                  "" if worst is None else "scipy worst rel. diff %.2g" % worst, file=sys.stderr)
            cases.append(result)
        source = "mpmath %s at 50 digits, tests/reference/models/make_positive.py" % mp.__version__
        if scipy_version:
            source += "; checked with scipy %s (cdf, sf, ppf)" % scipy_version
        document = {"Distribution": name, "Source": source, "RelTol": tol, "Cases": cases}
        with open(os.path.join(HERE, name + ".json"), "w") as f:
            json.dump(document, f, indent=1)
            f.write("\n")


if __name__ == "__main__":
    main()
