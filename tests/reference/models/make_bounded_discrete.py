#!/usr/bin/env python3
"""Reference values for the bounded and discrete models (Beta, Uniform, Poisson, Bernoulli,
Binomial, Geometric, NegativeBinomial): tests/reference/models/<Family>.json.

Every value from the exact definitions in mpmath at 50 digits: densities and masses from their
formulas; CDF and survival of Beta as regularized incomplete beta integrals (mpmath.betainc, each
tail integrated directly), of Poisson, Binomial and NegativeBinomial as direct sums of masses
(each tail summed from its own end: mpmath's betainc and gammainc do not converge for
Trials 1e6 or Lambda 1e6), of Geometric, Bernoulli and Uniform in closed form. Continuous
quantiles by bracketed bisection/secant on log F (or log S) to 1e-30; discrete quantiles as the
smallest support point with F(k) >= p (S(k) <= q), found by exact search in mpmath. Cross-checked
with scipy.stats where scipy is installed (printed, not written).

Run: python3 tests/reference/models/make_bounded_discrete.py
"""
import json
import math
import os

import mpmath as mp
from mpmath import mpf

mp.mp.dps = 50
HERE = os.path.dirname(os.path.abspath(__file__))
SMALLEST_NORMAL = 2.2250738585072014e-308
PROBS = [1e-300, 1e-100, 1e-15, 1e-6, 0.01, 0.3, 0.5, 0.9, 0.999, 1 - 1e-12, 1 - 1e-16]
EXCEED = [0.5, 1e-3, 1e-15, 1e-100, 1e-300]


def fl(v):
    """A probability as a double: 0.0 where it underflows below the normal range."""
    v = mpf(v)
    return 0.0 if v < SMALLEST_NORMAL else float(v)


def lg(v):
    """log of a probability, None for log 0."""
    v = mpf(v)
    return None if v == 0 else float(mp.log(v))


def point(x, logpdf, cdf, sf):
    """logpdf: mpf or None (log 0); cdf, sf: mpf."""
    return {
        "Value": float(x),
        "LogDensity": None if logpdf is None else float(logpdf),
        "Density": 0.0 if logpdf is None else fl(mp.exp(logpdf)),
        "LogCdf": lg(cdf), "Cdf": fl(cdf),
        "LogSurvival": lg(sf), "Survival": fl(sf),
    }


# ---- continuous quantiles -----------------------------------------------------------------

def solve_increasing(g, lo, hi, tol=mpf(10) ** -32):
    """Root of an increasing g on [lo, hi] (g(lo) < 0 < g(hi)) by Illinois regula falsi with bisection."""
    glo, ghi = g(lo), g(hi)
    for _ in range(2000):
        if hi - lo < tol * max(1, abs(lo), abs(hi)):
            break
        mid = (lo + hi) / 2
        if mp.isfinite(glo) and mp.isfinite(ghi):
            cand = hi - ghi * (hi - lo) / (ghi - glo)
            if lo < cand < hi and (cand - lo) > (hi - lo) * mpf('1e-3') and (hi - cand) > (hi - lo) * mpf('1e-3'):
                mid = cand
        gm = g(mid)
        if gm == 0:
            return mid
        if gm < 0:
            lo, glo = mid, gm
        else:
            hi, ghi = mid, gm
    return (lo + hi) / 2


def logit_point(s):
    return 1 / (1 + mp.exp(-s))


def safe_log(v):
    return mp.log(v) if v > 0 else mpf('-inf')


def continuous_quantiles(cdf, sf, lo, hi, to_x):
    qs = []
    for p in PROBS:
        pp = mpf(p)
        if pp <= 0.5:
            g = lambda s: safe_log(cdf(to_x(s))) - mp.log(pp)
        else:
            g = lambda s: mp.log(1 - pp) - safe_log(sf(to_x(s)))
        qs.append({"Probability": p, "Value": float(to_x(solve_increasing(g, lo, hi)))})
    inv = []
    for q in EXCEED:
        qq = mpf(q)
        if qq <= 0.5:
            g = lambda s: mp.log(qq) - safe_log(sf(to_x(s)))
        else:
            g = lambda s: safe_log(cdf(to_x(s))) - mp.log(1 - qq)
        inv.append({"ExceedanceProbability": q, "Value": float(to_x(solve_increasing(g, lo, hi)))})
    return qs, inv


# ---- discrete quantiles -------------------------------------------------------------------

def smallest(holds, upper):
    """Smallest integer k in [0, upper] with holds(k) (monotone); upper may be huge."""
    if holds(0):
        return 0
    lo, hi = 0, 1
    while not holds(hi):
        lo, hi = hi, min(2 * hi, upper)
        if hi == upper:
            break
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if holds(mid):
            hi = mid
        else:
            lo = mid
    return hi


def discrete_quantiles(cdf, sf, upper):
    # F(k) >= p as S(k) <= 1 - p above 1/2 (the same condition; the sums stay on the short side).
    qs = [{"Probability": p, "Value": float(smallest((lambda k: cdf(k) >= mpf(p)) if p <= 0.5 else (lambda k: sf(k) <= 1 - mpf(p)), upper))} for p in PROBS]
    inv = [{"ExceedanceProbability": q, "Value": float(smallest((lambda k: sf(k) <= mpf(q)) if q <= 0.5 else (lambda k: cdf(k) >= 1 - mpf(q)), upper))} for q in EXCEED]
    return qs, inv


def discrete_points(logpmf, cdf, sf, ks):
    pts = []
    for x in ks:
        k = math.floor(x)
        if k < 0:
            pts.append(point(x, None, mpf(0), mpf(1)))
        else:
            lp = logpmf(k) if x == k else None
            pts.append(point(x, lp, cdf(k), sf(k)))
    return pts


def tail_points(logsf, start, targets):
    """Integers k where log S(k) first falls below each target (the far right tail)."""
    out = []
    for t in targets:
        out.append(smallest(lambda k: logsf(k) < t, 10 ** 18))
    return out


def write(name, tol, cases, source_extra=""):
    doc = {
        "Distribution": name,
        "Source": "mpmath %s at 50 digits, tests/reference/models/make_bounded_discrete.py%s" % (mp.__version__, source_extra),
        "RelTol": tol,
        "Cases": cases,
    }
    with open(os.path.join(HERE, name + ".json"), "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    print("wrote", name, len(cases), "cases")


# ---- families -----------------------------------------------------------------------------

def beta_case(a, b, xs):
    a, b = mpf(a), mpf(b)
    logB = mp.log(mp.beta(a, b))
    cdf = lambda x: mpf(0) if x <= 0 else mpf(1) if x >= 1 else mp.betainc(a, b, 0, x, regularized=True)
    # S(x) = I_{1-x}(b, a); below x = 1e-40 (where 1 - x at 50 digits would drop x) as 1 - F, F small there.
    sf = lambda x: mpf(1) if x <= 0 else mpf(0) if x >= 1 else (1 - cdf(x) if x < mpf(10) ** -40 else mp.betainc(b, a, 0, 1 - x, regularized=True))
    pts = []
    for x in xs:
        xx = mpf(x)
        lp = (a - 1) * mp.log(xx) + (b - 1) * mp.log1p(-xx) - logB if 0 < xx < 1 else None
        pts.append(point(x, lp, cdf(xx), sf(xx)))
    qs, inv = continuous_quantiles(cdf, sf, mpf(-800), mpf(800), logit_point)
    return {"Parameter": {"Alpha": float(a), "Beta": float(b)}, "Points": pts, "Quantiles": qs, "InverseSurvival": inv}


def uniform_case(lo, hi, xs):
    L, U = mpf(lo), mpf(hi)
    w = U - L
    cdf = lambda x: mpf(0) if x <= L else mpf(1) if x >= U else (x - L) / w
    sf = lambda x: mpf(1) if x <= L else mpf(0) if x >= U else (U - x) / w
    pts = [point(x, -mp.log(w) if L <= mpf(x) <= U else None, cdf(mpf(x)), sf(mpf(x))) for x in xs]
    qs = [{"Probability": p, "Value": float(L + mpf(p) * w)} for p in PROBS]
    inv = [{"ExceedanceProbability": q, "Value": float(U - mpf(q) * w)} for q in EXCEED]
    return {"Parameter": {"Lower": lo, "Upper": hi}, "Points": pts, "Quantiles": qs, "InverseSurvival": inv}


def tail_sums(logpmf, ratio, mean, upper=None):
    """F(k) and S(k) from a direct sum of masses over the tail on k's side of the mean, summed
    from k outwards until a term is below 1e-60 of the sum (past the mode the masses decrease,
    so the rest is smaller still); the other tail, at least about 1/2, is 1 minus it, exact to
    about 1e-50 at this precision. mpmath's betainc and gammainc give up for Trials 1e6 or
    Lambda 1e6."""
    cache = {}

    def tails(k):
        if k in cache:
            return cache[k]
        if k < mean:
            term = mp.exp(logpmf(k))
            lower, j = term, k
            while j > 0:
                term = term / ratio(j - 1)
                j -= 1
                lower += term
                if term < lower * mpf(10) ** -60:
                    break
            result = (lower, 1 - lower)
        elif upper is not None and k >= upper:
            result = (mpf(1), mpf(0))
        else:
            term = mp.exp(logpmf(k + 1))
            up, j = term, k + 1
            while upper is None or j < upper:
                term = term * ratio(j)
                j += 1
                up += term
                if term < up * mpf(10) ** -60:
                    break
            result = (1 - up, up)
        cache[k] = result
        return result

    return (lambda k: tails(k)[0]), (lambda k: tails(k)[1])


def poisson_case(lam, ks):
    l = mpf(lam)
    logpmf = lambda k: k * mp.log(l) - l - mp.loggamma(k + 1)
    cdf, sf = tail_sums(logpmf, lambda j: l / (j + 1), l)
    ks = ks + tail_points(lambda k: mp.log(sf(k)), lam, [-50, -700, -760])
    qs, inv = discrete_quantiles(cdf, sf, 10 ** 18)
    return {"Parameter": {"Lambda": lam}, "Points": discrete_points(logpmf, cdf, sf, ks), "Quantiles": qs, "InverseSurvival": inv}


def binomial_case(n, p, ks):
    N, P = mpf(n), mpf(p)
    Q = 1 - P
    logpmf = lambda k: mp.loggamma(N + 1) - mp.loggamma(k + 1) - mp.loggamma(N - k + 1) + k * mp.log(P) + (N - k) * mp.log(Q) if k <= n else None
    cdf0, sf0 = tail_sums(logpmf, lambda j: (N - j) / (j + 1) * P / Q, N * P, upper=n)
    cdf = lambda k: mpf(1) if k >= n else cdf0(k)
    sf = lambda k: mpf(0) if k >= n else sf0(k)
    qs, inv = discrete_quantiles(cdf, sf, n)
    return {"Parameter": {"P": p, "Trials": n}, "Points": discrete_points(logpmf, cdf, sf, ks), "Quantiles": qs, "InverseSurvival": inv}


def negbin_case(r, p, ks):
    R, P = mpf(r), mpf(p)
    Q = 1 - P
    logpmf = lambda k: mp.loggamma(k + R) - mp.loggamma(R) - mp.loggamma(k + 1) + R * mp.log(P) + k * mp.log(Q)
    cdf, sf = tail_sums(logpmf, lambda j: (j + R) / (j + 1) * Q, R * Q / P)
    ks = ks + tail_points(lambda k: mp.log(sf(k)), 0, [-50, -700, -760])
    qs, inv = discrete_quantiles(cdf, sf, 10 ** 18)
    return {"Parameter": {"Size": r, "P": p}, "Points": discrete_points(logpmf, cdf, sf, ks), "Quantiles": qs, "InverseSurvival": inv}


def geometric_case(p, ks):
    P = mpf(p)
    logq = mp.log1p(-P)
    logpmf = lambda k: mp.log(P) + k * logq
    sf = lambda k: mp.exp((k + 1) * logq)
    cdf = lambda k: -mp.expm1((k + 1) * logq)
    ks = ks + tail_points(lambda k: (k + 1) * logq, 0, [-50, -700, -760])
    qs, inv = discrete_quantiles(cdf, sf, 10 ** 30)
    return {"Parameter": {"P": p}, "Points": discrete_points(logpmf, cdf, sf, ks), "Quantiles": qs, "InverseSurvival": inv}


def bernoulli_case(p):
    P = mpf(p)
    logpmf = lambda k: mp.log1p(-P) if k == 0 else mp.log(P) if k == 1 else None
    cdf = lambda k: 1 - P if k == 0 else mpf(1)
    sf = lambda k: P if k == 0 else mpf(0)
    pts = discrete_points(logpmf, cdf, sf, [-1, -0.5, 0, 0.5, 1, 2])
    qs, inv = discrete_quantiles(cdf, sf, 1)
    return {"Parameter": {"P": p}, "Points": pts, "Quantiles": qs, "InverseSurvival": inv}


def main():
    import sys
    only = sys.argv[1:]
    want = lambda name: not only or name in only
    if want("Beta"):
        xs = [-1, 0, 1e-300, 1e-100, 1e-10, 0.01, 0.3, 0.5, 0.9, 0.999, 1 - 1e-10, 1 - 1e-15, 1, 2]
        write("Beta", 1e-10, [beta_case(2.5, 0.5, xs), beta_case(0.01, 0.02, xs), beta_case(300, 700, xs + [0.25, 0.35])])
    if want("Uniform"):
        write("Uniform", 1e-12, [
            uniform_case(-2.0, 3.0, [-5, -2, -1.999999, 0, 2.999999999, 3, 4]),
            uniform_case(1e9, 1e9 + 1, [0, 1e9, 1e9 + 1e-6, 1e9 + 0.5, 1e9 + 1, 2e9]),
            uniform_case(-1e300, 1e300, [-1e301, -1e300, -5e299, 0, 9.999e299, 1e300, 1e301]),
        ])
    if want("Poisson"):
        write("Poisson", 1e-12, [poisson_case(0.2, [-1, -0.5, 0, 0.5, 1, 2, 3]), poisson_case(30.0, [-1, 0, 5, 29, 30, 31, 60]),
                                 poisson_case(1e6, [0, 990000, 999000, 1e6, 1001000, 1010000])])
    if want("Bernoulli"):
        write("Bernoulli", 1e-12, [bernoulli_case(0.3), bernoulli_case(1e-10), bernoulli_case(0.999999999)])
    if want("Binomial"):
        write("Binomial", 1e-10, [binomial_case(10, 0.3, [-1, -0.5, 0, 1, 2.5, 3, 9, 10, 11]),
                                  binomial_case(2000, 1e-3, [0, 1, 2, 10, 50, 200, 400, 1999, 2000]),
                                  binomial_case(1000000, 0.3, [0, 290000, 299000, 300000, 301000, 310000, 400000, 999999, 1000000])])
    if want("Geometric"):
        write("Geometric", 1e-12, [geometric_case(0.2, [-1, -0.5, 0, 1, 3, 13]), geometric_case(1e-9, [0, 1, 1000, 1e9, 5e10]),
                                   geometric_case(0.999999, [0, 1, 2, 5])])
    if want("NegativeBinomial"):
        write("NegativeBinomial", 1e-10, [negbin_case(2.5, 0.3, [-1, -0.5, 0, 1, 5, 20]), negbin_case(0.001, 0.5, [0, 1, 2, 10, 100]),
                                          negbin_case(1e5, 0.99, [0, 900, 1000, 1010, 1100])])
    try:
        import scipy.stats as st
        print("scipy", __import__("scipy").__version__, "cross-check:")
        print(" beta cdf(0.3; 2.5, 0.5)", st.beta.cdf(0.3, 2.5, 0.5), float(mp.betainc(2.5, 0.5, 0, 0.3, regularized=True)))
        print(" binom sf(400; 2000, 1e-3)", st.binom.sf(400, 2000, 1e-3), float(mp.betainc(401, 1600, 0, 1e-3, regularized=True)))
        print(" poisson sf(1010000; 1e6)", st.poisson.sf(1010000, 1e6), float(mp.gammainc(1010001, 0, 1e6, regularized=True)))
        print(" nbinom cdf(5; 2.5, 0.3)", st.nbinom.cdf(5, 2.5, 0.3), float(mp.betainc(2.5, 6, 0, 0.3, regularized=True)))
    except ImportError:
        pass


if __name__ == "__main__":
    main()
