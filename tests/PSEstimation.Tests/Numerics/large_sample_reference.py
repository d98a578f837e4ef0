#!/usr/bin/python3
"""
Reference fits for LargeSampleFitTests.cs: Logistic and Cauchy fits of 200000 values, above the
131072 where the module starts from a subsample and evaluates its passes in parallel chunks.

Run with Debian's /usr/bin/python3 (scipy 1.10.1, numpy 1.24):  /usr/bin/python3 large_sample_reference.py

The values come from a 64-bit linear congruential generator that the test repeats exactly
(state = 6364136223846793005 * state + 1442695040888963407 mod 2^64, u = ((state >> 11) + 0.5) / 2^53),
through the quantile functions: logistic 10 + 2 log(u / (1 - u)), Cauchy 3 + 2 tan(pi (u - 1/2)).
Each fit: scipy.stats.<dist>.fit, polished by scipy.optimize.minimize (Nelder-Mead, xatol 1e-12,
fatol 1e-9, a few units in the last place of the sum) on the negative log-likelihood summed with math.fsum over scipy.stats' logpdf; the
log-likelihood there is printed with repr() digits, and the largest relative change of a further
polish from a start 1e-4 away shows how settled the optimum is.
"""
import math

import numpy as np
from scipy import stats, optimize

N = 200000


def uniforms(n, seed):
    state = seed
    out = np.empty(n)
    for i in range(n):
        state = (6364136223846793005 * state + 1442695040888963407) % 2**64
        out[i] = ((state >> 11) + 0.5) / 2**53
    return out


def nll(dist, x):
    return lambda p: math.inf if p[1] <= 0 else -math.fsum(dist.logpdf(x, p[0], p[1]))


def polish(dist, x, start):
    r = optimize.minimize(nll(dist, x), start, method='Nelder-Mead',
                          options=dict(xatol=1e-12, fatol=1e-9, maxiter=4000, maxfev=8000))
    return r.x


def case(label, dist, x):
    loc, scale = dist.fit(x)
    best = polish(dist, x, [loc, scale])
    again = polish(dist, x, [best[0] * (1 + 1e-4) + 1e-4, best[1] * (1 - 1e-4)])
    change = max(abs(again[0] - best[0]) / abs(best[1]), abs(again[1] - best[1]) / best[1])
    ll = -nll(dist, x)(best)
    print(f"{label}: Location {best[0]!r}, Scale {best[1]!r}, LogLikelihood {ll!r} (re-polish change {change:.1e} of Scale)")


u = uniforms(N, 20261124)
case('logistic', stats.logistic, 10 + 2 * np.log(u / (1 - u)))
u = uniforms(N, 7)
case('cauchy', stats.cauchy, 3 + 2 * np.tan(np.pi * (u - 0.5)))
