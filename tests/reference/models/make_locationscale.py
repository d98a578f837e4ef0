#!/usr/bin/env python3
"""Reference values for the location-scale models: Normal, Laplace, Logistic, Cauchy.

Writes tests/reference/models/<Family>.json (schema: docs in /work/wt/MODELS.md, read by the
conformance theory). Every number is evaluated with mpmath at 50 digits from the exact
definitions, at the exact double values of x, p, q and the parameters:

  Normal(Mean, Variance)  z = (x - Mean)/sqrt(Variance)   F = erfc(-z/sqrt 2)/2,  S = erfc(z/sqrt 2)/2
  Laplace(Location, Scale) z = (x - Location)/Scale       F = e^z/2 (z < 0),       S = e^-z/2 (z >= 0)
  Logistic(Location, Scale)                               F = 1/(1 + e^-z),        S = 1/(1 + e^z)
  Cauchy(Location, Scale)                                 F = 1/2 + atan(z)/pi, written as atan(1/|z|)/pi
                                                          for z < 0 (the same number; 1/2 + atan(z)/pi
                                                          would need 300 digits at z = -1e300)

The side of each CDF that is not the small tail is taken as 1 - (small tail) at 50 digits, and
its log as log1p(-small tail), so log F near 0 keeps its digits. Quantiles: closed forms for
Laplace, Logistic and Cauchy (in the tail-exact forms above); the Normal's by Newton on
log Phi at 50 digits from statistics.NormalDist's estimate. The Normal is cross-checked against
the closed-form identities Phi(z) + Phi(-z) = 1 and the Logistic's against 1/(1 + e^-z) by
direct evaluation at 80 digits (CROSSCHECK below).

Run: python3 tests/reference/models/make_locationscale.py (mpmath 1.2 or later).
"""
import json
import math
import os
import statistics

import mpmath as mp

mp.mp.dps = 50
HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = "mpmath %s at 50 digits, tests/reference/models/make_locationscale.py" % mp.__version__


def M(v):
    return mp.mpf(float(v))


# ---- the standard distributions: (log f0, small-tail forms) -------------------------------
# Each returns log f0(z), F0(z), S0(z) as mpf, with the small tail computed directly.

def normal_std(z):
    logf = -z * z / 2 - mp.log(2 * mp.pi) / 2
    F = mp.erfc(-z / mp.sqrt(2)) / 2
    S = mp.erfc(z / mp.sqrt(2)) / 2
    return logf, F, S


def laplace_std(z):
    logf = -abs(z) - mp.log(2)
    if z < 0:
        F = mp.exp(z) / 2
        S = 1 - F
    else:
        S = mp.exp(-z) / 2
        F = 1 - S
    return logf, F, S


def logistic_std(z):
    logf = -abs(z) - 2 * mp.log1p(mp.exp(-abs(z)))
    F = 1 / (1 + mp.exp(-z))
    S = 1 / (1 + mp.exp(z))
    return logf, F, S


def cauchy_std(z):
    logf = -mp.log(mp.pi) - mp.log1p(z * z)
    if z < 0:
        F = mp.atan(1 / (-z)) / mp.pi
        S = 1 - F
    elif z > 0:
        S = mp.atan(1 / z) / mp.pi
        F = 1 - S
    else:
        F = S = mp.mpf(1) / 2
    return logf, F, S


def log_of(P, other):
    """log P, via log1p(-other) when P is the large side (other = 1 - P is the small tail)."""
    if P == 0:
        return None
    if other < mp.mpf("0.5"):
        return mp.log1p(-other)
    return mp.log(P)


def fl(v):
    if v is None:
        return None
    f = float(v)
    return 0.0 if f == 0 else f


# ---- quantiles of the standard distributions (p, q exact doubles as mpf) ------------------

def normal_quantile(p):
    """z with Phi(z) = p, p <= 1/2 (the upper half by symmetry, from 1 - p exactly)."""
    pf = float(p)
    if pf < 1e-300:
        start = -math.sqrt(-2 * math.log(pf))
    else:
        start = statistics.NormalDist().inv_cdf(pf)
    lp = mp.log(p)
    z = mp.findroot(lambda t: mp.log(mp.erfc(-t / mp.sqrt(2)) / 2) - lp, mp.mpf(start))
    return z


def std_quantile(name, p):
    """F0^-1(p) for 0 < p < 1, using the exact 1 - p for the upper half."""
    half = mp.mpf(1) / 2
    if name == "Normal":
        if p == half:
            return mp.mpf(0)
        return normal_quantile(p) if p <= half else -normal_quantile(1 - p)
    if name == "Laplace":
        return mp.log(2 * p) if p <= half else -mp.log(2 * (1 - p))
    if name == "Logistic":
        return mp.log(p) - mp.log1p(-p)
    if name == "Cauchy":
        if p < half:
            return -1 / mp.tan(mp.pi * p)
        if p > half:
            return 1 / mp.tan(mp.pi * (1 - p))
        return mp.mpf(0)
    raise ValueError(name)


STD = {"Normal": normal_std, "Laplace": laplace_std, "Logistic": logistic_std, "Cauchy": cauchy_std}
NAMES = {"Normal": ("Mean", "Variance"), "Laplace": ("Location", "Scale"),
         "Logistic": ("Location", "Scale"), "Cauchy": ("Location", "Scale")}

PROBABILITIES = [1e-300, 1e-200, 1e-100, 1e-30, 1e-16, 1e-10, 1e-5, 0.001, 0.01, 0.1, 0.25, 0.3,
                 0.4999, 0.5, 0.5001, 0.75, 0.9, 0.99, 0.999999, 1 - 1e-10, 1 - 1e-16]
EXCEEDANCES = [0.9, 0.5, 0.1, 1e-3, 1e-9, 1e-15, 1e-16, 1e-30, 1e-100, 1e-200, 1e-300]

Z_POINTS = {
    "Normal": [-1e5, -1e3, -40, -38.5, -37.5, -37, -30, -20, -10, -5, -2, -1, -0.5, -1e-3, 0, 1e-8,
               0.3, 1, 2.5, 5, 8.3, 10, 20, 37, 38.5, 40, 1e3, 1e5],
    "Laplace": [-1e5, -800, -745, -700, -100, -30, -5, -1, -1e-10, 0, 1e-10, 0.5, 1, 3, 30, 100, 700,
                745, 800, 1e5],
    "Logistic": [-1e5, -800, -745, -700, -100, -37, -30, -5, -1, -1e-10, 0, 1e-10, 0.5, 1, 3, 30, 37,
                 100, 700, 745, 800, 1e5],
    "Cauchy": [-1e300, -1e200, -1e20, -1e8, -1e3, -10, -1.5, -1, -0.3, 0, 1e-9, 0.7, 1, 1.0000001, 2,
               50, 1e6, 1e16, 1e150, 1e300],
}

CASES = {
    "Normal": [(0.0, 1.0), (1e9, 1.0), (-3.0, 1e-300), (0.0, 1e300)],
    "Laplace": [(0.0, 1.0), (1e9, 1.0), (0.0, 1e-300), (-5.0, 1e300)],
    "Logistic": [(0.0, 1.0), (1e9, 1.0), (0.0, 1e-300), (-5.0, 1e300)],
    "Cauchy": [(0.0, 1.0), (1e9, 1.0), (0.0, 1e-300), (-5.0, 1e300)],
}

# Points given as x itself (where the z grid misses something): z overflows the double range.
EXTRA_X = {("Cauchy", 2): [1e10, -1e10, 1e308], ("Laplace", 2): [1e-298, -1e-297]}

RELTOL = 1e-12


def scale_of(name, second):
    return mp.sqrt(M(second)) if name == "Normal" else M(second)


def point(name, loc, second, x):
    s = scale_of(name, second)
    z = (M(x) - M(loc)) / s
    logf0, F, S = STD[name](z)
    logf = logf0 - mp.log(s)
    return {
        "Value": x,
        "LogDensity": fl(logf),
        "Density": fl(mp.exp(logf)),
        "LogCdf": fl(log_of(F, S)),
        "Cdf": fl(F),
        "LogSurvival": fl(log_of(S, F)),
        "Survival": fl(S),
    }


def make(name):
    cases = []
    for k, (loc, second) in enumerate(CASES[name]):
        sd = math.sqrt(second) if name == "Normal" else second
        xs = []
        for z in Z_POINTS[name]:
            x = loc + sd * z
            if math.isfinite(x) and x not in xs:
                xs.append(x)
        for x in EXTRA_X.get((name, k), []):
            if x not in xs:
                xs.append(x)
        s = scale_of(name, second)
        quantiles = []
        for p in PROBABILITIES:
            v = float(M(loc) + s * std_quantile(name, M(p)))
            if math.isfinite(v):
                quantiles.append({"Probability": p, "Value": v})
        inverse = []
        for q in EXCEEDANCES:
            # S0^-1(q) = -F0^-1(q): every family here is symmetric about its location.
            v = float(M(loc) - s * std_quantile(name, M(q)))
            if math.isfinite(v):
                inverse.append({"ExceedanceProbability": q, "Value": v})
        a, b = NAMES[name]
        cases.append({
            "Parameter": {a: loc, b: second},
            "Points": [point(name, loc, second, x) for x in xs],
            "Quantiles": quantiles,
            "InverseSurvival": inverse,
        })
    return {"Distribution": name, "Source": SOURCE, "RelTol": RELTOL, "Cases": cases}


def crosscheck():
    """Independent identities at 80 digits: the generated forms agree with naive ones there."""
    with mp.workdps(80):
        for z in [mp.mpf(v) for v in (-30, -3, -0.2, 0, 0.7, 4, 25)]:
            _, F, S = normal_std(z)
            assert abs(F + S - 1) < mp.mpf(10) ** -60
            assert abs(F - mp.ncdf(z)) <= mp.mpf(10) ** -60 * F
            _, F, S = cauchy_std(z)
            assert abs(F - (mp.mpf(1) / 2 + mp.atan(z) / mp.pi)) < mp.mpf(10) ** -60
        for p in [mp.mpf(v) for v in (1e-10, 0.2, 0.5, 0.9)]:
            for name in ("Laplace", "Logistic", "Cauchy"):
                z = std_quantile(name, p)
                _, F, _ = STD[name](z)
                assert abs(F - p) < mp.mpf(10) ** -45 * p, (name, p)


if __name__ == "__main__":
    crosscheck()
    for name in ("Normal", "Laplace", "Logistic", "Cauchy"):
        data = make(name)
        with open(os.path.join(HERE, name + ".json"), "w") as f:
            json.dump(data, f, indent=1)
            f.write("\n")
        print(name, sum(len(c["Points"]) for c in data["Cases"]), "points")
