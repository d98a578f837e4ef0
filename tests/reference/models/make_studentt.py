#!/usr/bin/env python3
"""Reference values for the Student t model (Location, Scale, DegreesOfFreedom).

Writes tests/reference/models/StudentT.json (schema: /work/wt/MODELS.md, read by the
conformance theory). Every number is evaluated with mpmath from the exact definitions, at
the exact double values of x, p, q and the parameters, with t = (x - Location)/Scale:

  log f = lnGamma((nu+1)/2) - lnGamma(nu/2) - log(nu pi)/2 - log Scale - (nu+1)/2 log(1 + t^2/nu)
  P(T > |t|) = I_x(nu/2, 1/2)/2,  x = nu/(nu + t^2)   (mpmath.betainc, regularized; where its
               hypergeometric series converges too slowly, t >= 10 with x > 0.9 (nu = 1e20
               at t = 1e5, nu = 1e6 at t = 118), the integral of the density by mpmath.quad)

The small tail is computed directly and the other side as 1 - (small tail), its log as
log1p(-small tail), so log F near 0 keeps its digits. The working precision is 60 digits plus
log10(nu) - 15 for huge nu (x = nu/(nu + t^2) near 1 needs them). Quantiles: bisection then the
secant method on log P(T > t) - log q in log t, at the same precision.

Cross-checks (CROSSCHECK below, printed when run): the tail against the integral of the
density (mpmath.quad, substituted so the integrand's decay scale is 1) at every case, and
against scipy.stats.t (logsf, logcdf, isf) where scipy's doubles hold (moderate nu and t).

Run: python3 tests/reference/models/make_studentt.py (mpmath 1.2 or later; scipy optional).
"""
import json
import math
import os

import mpmath as mp

BASE_DPS = 60
HERE = os.path.dirname(os.path.abspath(__file__))


def M(v):
    return mp.mpf(float(v))


def dps_for(nu):
    return BASE_DPS + max(0, int(math.log10(float(nu))) - 15)


def log_density_std(t, nu):
    return (mp.loggamma((nu + 1) / 2) - mp.loggamma(nu / 2) - mp.log(nu * mp.pi) / 2
            - (nu + 1) / 2 * mp.log1p(t * t / nu))


def tail(t, nu):
    """P(T > t) for t >= 0: I_x(nu/2, 1/2)/2, or near the centre (t < 10, where P(T > t) is above
    1e-23 for every nu) (1 - I_y(1/2, nu/2))/2 with y = t^2/(nu + t^2), the same number, whose
    hypergeometric series converges where the tail's does not (x near 1)."""
    if t == 0:
        return mp.mpf(1) / 2
    half = mp.mpf(1) / 2
    if t < 10:
        y = t * t / (nu + t * t)
        return (1 - mp.betainc(half, nu / 2, 0, y, regularized=True)) / 2
    x = nu / (nu + t * t)
    if x > 0.9:
        # x = 1 - 1e-10 at nu = 1e20, x = 0.986 at nu = 1e6: betainc's series of 2F1(a, 1/2; a + 1; x)
        # needs too many terms (it gives up).
        return tail_by_quadrature(t, nu)
    try:
        return mp.betainc(nu / 2, half, 0, x, regularized=True) / 2
    except (ValueError, mp.libmp.libhyper.NoConvergence):
        # DLMF 8.17.7 in logs: betainc's own form, whose tiny x^a (x = 1e-600) mpmath refuses to bound.
        a = nu / 2
        logI = a * mp.log(x) - mp.log(a) - mp.log(mp.beta(a, half)) + mp.log(mp.hyp2f1(a, half, a + 1, x))
        return mp.exp(logI) / 2


def tail_by_quadrature(t, nu):
    """P(T > t) as the integral of the density from t, with u = t + s/h, h = (nu+1)t/(nu+t^2) the
    log density's slope at t, so that the integrand decays on a scale of 1 in s."""
    h = (nu + 1) * t / (nu + t * t)
    log0 = log_density_std(t, nu)
    integral = mp.quad(lambda s: mp.exp(log_density_std(t + s / h, nu) - log0), [0, 1, 10, 100, mp.inf]) / h
    return mp.exp(log0) * integral


def std_functions(t, nu):
    """log f0, F0, S0, log F0, log S0 with the small side computed directly."""
    logf = log_density_std(t, nu)
    small = tail(abs(t), nu)
    if t < 0:
        F, logF = small, mp.log(small)
        S, logS = 1 - small, mp.log1p(-small)
    else:
        S, logS = small, mp.log(small)
        F, logF = 1 - small, mp.log1p(-small)
    return logf, F, S, logF, logS


def inverse_tail(q, nu):
    """t >= 0 with P(T > t) = q, 0 < q <= 1/2: Newton in u = log t on log P(T > t) - log q (a
    concave function of u, so Newton approaches the root from one side after its first step),
    from the smaller of the Normal tail's asymptotic quantile and the power-law bound."""
    if q == mp.mpf(1) / 2:
        return mp.mpf(0)
    target = mp.log(q)
    L = -2 * target
    normal = mp.sqrt(max(L - mp.log(L) - mp.log(2 * mp.pi), mp.mpf(1) / 100))
    logc = mp.loggamma((nu + 1) / 2) - mp.loggamma(nu / 2) - mp.log(nu * mp.pi) / 2
    bound = (logc + (nu - 1) / 2 * mp.log(nu) - target) / nu
    u = min(mp.log(normal), bound)
    tol = mp.mpf(10) ** (-mp.mp.dps + 12)
    for _ in range(200):
        t = mp.exp(u)
        logS = mp.log(tail(t, nu))
        g = logS - target
        slope = -mp.exp(u + log_density_std(t, nu) - logS)
        step = -g / slope
        u += step
        if abs(step) < tol * max(1, abs(u)):
            break
    else:
        raise RuntimeError("no convergence at q = %s, nu = %s" % (q, nu))
    return mp.exp(u)


def as_double(v):
    v = float(v)
    return 0.0 if abs(v) < 1e-300 else v


CASES = [
    # (parameters, standardized points)
    ({"Location": 0.0, "Scale": 1.0, "DegreesOfFreedom": 3.0},
     [0, 0.1, -0.7, 1, -2.5, 5, -20, 1e3, -1e10, 1e100, -1e300]),
    ({"Location": 1e9, "Scale": 1.0, "DegreesOfFreedom": 0.5},
     [0, 0.25, -1, 3, -40, 1e4, -1e12, 1e200]),
    ({"Location": -2.0, "Scale": 3.0, "DegreesOfFreedom": 30.0},
     [0, -0.3, 1.2, -2, 4, -8, 30, -1e3, 1e50]),
    ({"Location": 0.0, "Scale": 1e280, "DegreesOfFreedom": 45.0},
     [0, 0.05, -1, 2.7, -6, 12, -1e2, 1e5, 1e8]),
    ({"Location": 0.0, "Scale": 1e-150, "DegreesOfFreedom": 1e6},
     [0, 0.2, -1.5, 4, -9, 40, -3e3, 1e6, 1e50]),
    ({"Location": -3.0, "Scale": 2.0, "DegreesOfFreedom": 1e20},
     [0, 1e-8, -0.4, 1.5, -3, 8, -30, 40, -1e5, 1e10, -1e11, 1e150]),
]

PROBABILITIES = [1e-300, 1e-100, 1e-20, 1e-5, 0.01, 0.25, 0.4999, 0.5, 0.6, 0.75, 0.99, 1 - 1e-10, 0.9999999999999999]
EXCEEDANCES = [0.5, 0.3, 0.1, 1e-5, 1e-15, 1e-50, 1e-150, 1e-300, 0.9, 1 - 1e-12]


def make_case(parameter, points):
    nu = M(parameter["DegreesOfFreedom"])
    mp.mp.dps = dps_for(nu)
    loc, scale = M(parameter["Location"]), M(parameter["Scale"])
    out_points = []
    for tt in points:
        x = float(loc + scale * M(tt))
        if not math.isfinite(x):
            continue
        t = (M(x) - loc) / scale
        logf, F, S, logF, logS = std_functions(t, nu)
        logf -= mp.log(scale)
        out_points.append({
            "Value": x,
            "LogDensity": float(logf), "Density": as_double(mp.exp(logf)),
            "LogCdf": float(logF), "Cdf": as_double(F),
            "LogSurvival": float(logS), "Survival": as_double(S),
        })
    quantiles = []
    for p in PROBABILITIES:
        pm = M(p)
        t = -inverse_tail(pm, nu) if pm <= mp.mpf(1) / 2 else inverse_tail(1 - pm, nu)
        value = loc + scale * t
        if abs(value) < 1e300:
            quantiles.append({"Probability": p, "Value": float(value)})
    inverse = []
    for q in EXCEEDANCES:
        qm = M(q)
        t = inverse_tail(qm, nu) if qm <= mp.mpf(1) / 2 else -inverse_tail(1 - qm, nu)
        value = loc + scale * t
        if abs(value) < 1e300:
            inverse.append({"ExceedanceProbability": q, "Value": float(value)})
    return {"Parameter": parameter, "Points": out_points, "Quantiles": quantiles, "InverseSurvival": inverse}


def crosscheck():
    """The tail against the integrated density; scipy where its doubles hold."""
    worst = 0.0
    for parameter, points in CASES:
        nu = M(parameter["DegreesOfFreedom"])
        mp.mp.dps = dps_for(nu)
        for tt in points:
            t = abs(M(tt))
            if t == 0 or t > 1e12:
                continue
            x = nu / (nu + t * t)
            if t >= 10 and x > 0.9:
                continue
            by_quadrature = mp.log(tail_by_quadrature(t, nu))
            direct = mp.log(tail(t, nu))
            worst = max(worst, float(abs(by_quadrature - direct) / max(1, abs(direct))))
    mp.mp.dps = dps_for(1e20)
    spot = mp.betainc(mp.mpf(5e19), mp.mpf(1) / 2, 0, 1e20 / (1e20 + mp.mpf(40) ** 2), regularized=True) / 2
    worst = max(worst, float(abs(mp.log(spot) / mp.log(tail_by_quadrature(mp.mpf(40), mp.mpf(1e20))) - 1)))
    print("quadrature vs betainc (and at nu = 1e20, t = 40): worst relative difference of log S:", worst)
    try:
        from scipy import stats
    except ImportError:
        print("scipy not available")
        return
    worst = 0.0
    for parameter, points in CASES:
        nu = parameter["DegreesOfFreedom"]
        if nu > 1e6:
            continue
        mp.mp.dps = dps_for(nu)
        for tt in points:
            if abs(tt) > 1e3:
                continue
            logf, F, S, logF, logS = std_functions(M(tt), M(nu))
            for mine, theirs in ((logS, stats.t.logsf(tt, nu)), (logF, stats.t.logcdf(tt, nu)), (logf, stats.t.logpdf(tt, nu))):
                worst = max(worst, abs(float(mine) - theirs) / max(1e-3, abs(theirs)))
        for q in (1e-5, 0.01, 0.3):
            t = inverse_tail(M(q), M(nu))
            worst = max(worst, abs(float(t) - stats.t.isf(q, nu)) / float(t))
    print("scipy", __import__("scipy").__version__, "vs mpmath: worst relative difference:", worst)


def main():
    cases = [make_case(p, pts) for p, pts in CASES]
    document = {
        "Distribution": "StudentT",
        "Source": "mpmath %s at %d+ digits (more for huge DegreesOfFreedom), tests/reference/models/make_studentt.py; tails checked by quadrature and against scipy" % (mp.__version__, BASE_DPS),
        "RelTol": 1e-10,
        "Cases": cases,
    }
    with open(os.path.join(HERE, "StudentT.json"), "w") as f:
        json.dump(document, f, indent=1)
        f.write("\n")
    crosscheck()


if __name__ == "__main__":
    main()
