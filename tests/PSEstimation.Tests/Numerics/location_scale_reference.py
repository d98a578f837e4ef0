#!/usr/bin/env python3
"""
Reference fits for LogisticFamilyTests, CauchyFamilyTests and StudentTFamilyTests.

Run with Debian's /usr/bin/python3 (scipy 1.10.1, numpy 1.24, mpmath 1.3):
    /usr/bin/python3 location_scale_reference.py            # all cases (about 6 minutes)
    /usr/bin/python3 location_scale_reference.py t_free     # one case

Each case: scipy.stats.<dist>.fit, polished by scipy.optimize.minimize (Nelder-Mead, xatol 1e-12,
fatol 1e-14) from the scipy fit and the extra starts given, then by mpmath.findroot on the score
(mpmath.diff of the log-likelihood at 40 digits, log scale for Scale and DegreesOfFreedom); the
largest |score| there is printed; standard errors from the inverse of -Hessian (mpmath.diff).
"""
import json
import sys

import numpy as np
from scipy import stats, optimize
from mpmath import mp, mpf, loggamma, log, exp, pi, diff, findroot, matrix, sqrt

mp.dps = 40

rng = np.random.default_rng(20240611)
LOGISTIC = np.round(rng.logistic(10, 2, 60), 4).tolist()
CAUCHY = np.round(rng.standard_cauchy(80) * 0.5 - 3, 4).tolist()
STUDENT_T = np.round(1 + 0.7 * rng.standard_t(3, 150), 4).tolist()
NEAR_NORMAL = np.round(np.random.default_rng(7).normal(3, 1.5, 200), 4).tolist()
BIMODAL = [-4.1, -2.7, -1.2, 0.3, 1.9, 3.2, 4.6, 20.0, 20.003, 19.998, 20.006, 19.995]

CASES = {
    'lg_free': dict(dist='logistic', data=LOGISTIC),
    'lg_fixloc': dict(dist='logistic', data=LOGISTIC, fixed={'loc': 10.0}),
    'lg_fixscale': dict(dist='logistic', data=LOGISTIC, fixed={'scale': 2.0}),
    'lg_two': dict(dist='logistic', data=[1.5, 4.0]),
    'lg_ties': dict(dist='logistic', data=[float(round(v)) for v in LOGISTIC]),
    'lg_outlier': dict(dist='logistic', data=LOGISTIC[:20] + [1e15], starts=[[5e12, 5e13], [1e13, 2e13], [10.0, 2.0]]),
    'ca_free': dict(dist='cauchy', data=CAUCHY),
    'ca_fixloc': dict(dist='cauchy', data=CAUCHY, fixed={'loc': -3.0}),
    'ca_bimodal': dict(dist='cauchy', data=BIMODAL, fixed={'scale': 0.1}, starts=[[20.0], [3.2], [-1.2]]),
    'ca_ties': dict(dist='cauchy', data=[float(round(v)) for v in CAUCHY]),
    'ca_outlier': dict(dist='cauchy', data=CAUCHY[:20] + [1e15]),
    't_free': dict(dist='t', data=STUDENT_T),
    't_df4': dict(dist='t', data=STUDENT_T, fixed={'df': 4.0}),
    't_two_df4': dict(dist='t', data=[1.5, 4.0], fixed={'df': 4.0}),
    't_ties': dict(dist='t', data=(np.round(np.array(STUDENT_T) * 10) / 10).tolist()),
    't_outlier': dict(dist='t', data=STUDENT_T[:30] + [1e15]),
    't_normal_cap': dict(dist='t', data=NEAR_NORMAL, fixed={'df': 1e6}),
}


def log_likelihood(dist, x, p):
    m, s = p[0], p[1]
    total = mpf(0)
    if dist == 'logistic':
        for xi in x:
            z = (mpf(xi) - m) / s
            total += -z - log(s) - 2 * log(1 + exp(-z))
    elif dist == 'cauchy':
        for xi in x:
            z = (mpf(xi) - m) / s
            total += -log(pi * s * (1 + z * z))
    else:
        nu = p[2]
        c = loggamma((nu + 1) / 2) - loggamma(nu / 2) - log(nu * pi) / 2 - log(s)
        for xi in x:
            z = (mpf(xi) - m) / s
            total += c - (nu + 1) / 2 * log(1 + z * z / nu)
    return total


def fit(dist, x, fixed, extra_starts=()):
    names = ['loc', 'scale'] + (['df'] if dist == 't' else [])
    family = {'logistic': stats.logistic, 'cauchy': stats.cauchy, 't': stats.t}[dist]
    kw = {{'loc': 'floc', 'scale': 'fscale', 'df': 'fdf'}[k]: v for k, v in fixed.items()}
    x = np.asarray(x, float)
    r = family.fit(x, **kw)
    sp = list(r[-2:]) if dist != 't' else [r[1], r[2], r[0]]  # loc, scale, df
    free = [n for n in names if n not in fixed]

    def full(v):
        d = dict(fixed)
        d.update(zip(free, v))
        return [d[n] for n in names]

    def nll(v):
        p = full(v)
        if p[1] <= 0 or (dist == 't' and p[2] <= 0):
            return np.inf
        if dist == 't':
            return -np.sum(family.logpdf(x, p[2], p[0], p[1]))
        return -np.sum(family.logpdf(x, p[0], p[1]))

    starts = ([[dict(zip(names, sp))[n] for n in free]] if sp[1] > 0 else []) + [list(s) for s in extra_starts]
    best = None
    for s0 in starts:
        for _ in range(3):
            rr = optimize.minimize(nll, s0, method='Nelder-Mead',
                                   options=dict(xatol=1e-12, fatol=1e-14, maxiter=100000, maxfev=100000))
            s0 = rr.x
        if best is None or rr.fun < best.fun:
            best = rr

    k = len(free)
    positive = [n != 'loc' for n in free]

    def to_u(v):
        return [log(mpf(float(a))) if p else mpf(float(a)) for a, p in zip(v, positive)]

    def from_u(u):
        return [exp(a) if p else a for a, p in zip(u, positive)]

    def llu(*u):
        return log_likelihood(dist, x, full(from_u(list(u))))

    def llv(*v):
        return log_likelihood(dist, x, full(list(v)))

    def unit(i, k, extra=None):
        o = [0] * k
        o[i] += 1
        if extra is not None:
            o[extra] += 1
        return tuple(o)

    def gradu(*u):
        return [diff(llu, tuple(u), unit(i, k)) for i in range(k)]

    root = findroot(gradu, tuple(to_u(best.x)), tol=mpf(10) ** -30)
    root = from_u([root[i] for i in range(k)] if hasattr(root, 'rows') else [root])
    score = [diff(llv, tuple(root), unit(i, k)) for i in range(k)]
    hessian = matrix(k, k)
    for i in range(k):
        for j in range(k):
            hessian[i, j] = diff(llv, tuple(root), unit(i, k, j))
    covariance = (-hessian) ** -1
    value = llv(*root)
    assert value >= -best.fun - 1e-6 * abs(best.fun), (value, best.fun)
    out = {'free': free, 'fixed': fixed, 'scipy_fit': [float(v) for v in r],
           'estimate': {n: float(v) for n, v in zip(free, root)},
           'se': {n: float(sqrt(covariance[i, i])) for i, n in enumerate(free)},
           'loglik': float(value), 'max_abs_score': float(max(abs(v) for v in score))}
    if dist == 't' and 'df' in fixed:
        out['df_score'] = float(diff(lambda nu: log_likelihood(dist, x, [root[0], root[1], nu]), mpf(fixed['df'])))
    return out


if __name__ == '__main__':
    names = sys.argv[1:] or list(CASES)
    for name in names:
        case = CASES[name]
        print(name, json.dumps(fit(case['dist'], case['data'], case.get('fixed', {}), case.get('starts', ()))), flush=True)
