#!/usr/bin/env python3
"""
Reference values for the reliability suite (BadInputMatrixTests, NumericalStressTests):
reference.json beside this file. Regenerate with Debian's /usr/bin/python3 (scipy 1.10.1,
numpy 1.24, mpmath 1.3):

    /usr/bin/python3 make_reference.py > reference.json

Every number is computed here, never taken from the module:
- Fits: closed forms evaluated in mpmath at 40 digits (Normal, LogNormal, Exponential, Rayleigh,
  Pareto, Uniform, Laplace with R's median, Poisson, Bernoulli, Binomial, Geometric,
  Categorical); one-dimensional profile score equations solved by bisection in mpmath (Gamma:
  log a - psi(a) = log mean - mean log x; Weibull: sum x^k log x / sum x^k - 1/k = mean log x;
  negative binomial: sum psi(x + r) - n psi(r) + n log(r / (r + mean)) = 0); two- and
  three-parameter score equations (Beta, Logistic, Cauchy, Student t) solved by mpmath.findroot
  from scipy.stats.<dist>.fit on the data divided by max|x| (then scaled back; the families are
  scale-equivariant) and, for Cauchy, from extra starts at the quartiles, keeping the highest
  log-likelihood. The largest |score| relative to the data scale is checked below 1e-25.
- NLL: the sum of -log f at the given parameters, in mpmath (+Infinity outside the support or
  beyond the double range).
- Losses: exact rational arithmetic (fractions) on the formulas of scikit-learn 1.2's metrics,
  cross-checked against sklearn.metrics where the result is finite.
A value beyond the double range is written as the string "Infinity" or "-Infinity".
"""
import json
import math
import sys
from fractions import Fraction

import numpy as np
from mpmath import mp, mpf, log, exp, sqrt, pi, loggamma, digamma, findroot, tanh, nstr
from scipy import stats
from sklearn import metrics

mp.dps = 40
DOUBLE_MAX = mpf('1.7976931348623157e308')

DECIMAL_MAX = float(79228162514264337593543950335)  # [decimal]::MaxValue as a double
INT64_MIN = float(-9223372036854775808)

CONTINUOUS = [2.3, 2.5, 3.1, 3.8, 2.7, 1.9, 3.3]
BASE = {
    'Normal': CONTINUOUS, 'LogNormal': CONTINUOUS, 'Exponential': CONTINUOUS, 'Gamma': CONTINUOUS,
    'Weibull': CONTINUOUS, 'Laplace': CONTINUOUS, 'Logistic': CONTINUOUS, 'Cauchy': CONTINUOUS,
    'Uniform': CONTINUOUS, 'Pareto': CONTINUOUS, 'Rayleigh': CONTINUOUS,
    'StudentT': CONTINUOUS + [0.2, 7.5],
    'Beta': [0.2, 0.35, 0.5, 0.61, 0.8, 0.45, 0.3],
    'Poisson': [2, 0, 3, 1, 4, 2, 1], 'Geometric': [2, 0, 3, 1, 4, 2, 1],
    'NegativeBinomial': [2, 0, 3, 1, 9, 2, 6, 0],
    'Bernoulli': [0, 1, 1, 0, 1, 1, 0],
    'Binomial': [2, 5, 3, 7, 4, 3, 6],
    'Categorical': ['a', 'b', 'a', 'c', 'b', 'a'],
}
TRIALS = 10

# Three ordinary values of each family, given as @(v1, @(v2, v3)) in the nested-array case.
NESTED = {f: [2.0, 2.9, 3.6] for f in BASE}
NESTED.update({'Beta': [0.25, 0.55, 0.7], 'Poisson': [1, 4, 2], 'Geometric': [1, 4, 2],
               'NegativeBinomial': [1, 4, 2], 'Bernoulli': [1, 0, 1], 'Binomial': [1, 4, 2],
               'Categorical': ['a', 'd', 'b']})

# Parameters at which Measure-NegativeLogLikelihood evaluates (valid, not the MLE).
THETA = {
    'Normal': {'Mean': 2.8, 'Variance': 0.3}, 'LogNormal': {'MeanLog': 1.0, 'SdLog': 0.2},
    'Exponential': {'Rate': 0.35}, 'Gamma': {'Shape': 20.0, 'Rate': 7.0},
    'Weibull': {'Shape': 5.0, 'Scale': 3.0}, 'Beta': {'Alpha': 2.6, 'Beta': 2.7},
    'Laplace': {'Location': 2.7, 'Scale': 0.4}, 'Logistic': {'Location': 2.8, 'Scale': 0.3},
    'Cauchy': {'Location': 2.7, 'Scale': 0.4},
    'StudentT': {'Location': 2.7, 'Scale': 0.5, 'DegreesOfFreedom': 4.0},
    'Uniform': {'Lower': 1.5, 'Upper': 4.0}, 'Pareto': {'Scale': 1.8, 'Shape': 4.8},
    'Rayleigh': {'Scale': 2.0}, 'Poisson': {'Lambda': 2.0}, 'Bernoulli': {'P': 0.6},
    'Binomial': {'P': 0.42, 'Trials': 10.0}, 'Geometric': {'P': 0.3},
    'NegativeBinomial': {'Size': 1.2, 'P': 0.3},
}

# The hostile numbers that are valid doubles, by case name (the matrix's names).
NUMBERS = {
    'DecimalMax': DECIMAL_MAX, 'Huge': 1e308, 'Subnormal': 1e-320, 'Int64Min': INT64_MIN,
    'Negative': -1.0, 'Zero': 0.0, 'NonInteger': 2.5, 'One': 1.0, 'Outlier': 1e15,
}


def is_int(x):
    return float(x) == math.floor(float(x))


def fit_support(f, x):
    """Whether Get-MLEstimate takes x for family f (the contract's support column)."""
    if f in ('Normal', 'Laplace', 'Logistic', 'Cauchy', 'StudentT', 'Uniform'):
        return True
    if f in ('LogNormal', 'Gamma', 'Weibull', 'Rayleigh', 'Pareto'):
        return x > 0
    if f == 'Exponential':
        return x >= 0
    if f == 'Beta':
        return 0 < x < 1
    if f in ('Poisson', 'Geometric', 'NegativeBinomial'):
        return x >= 0 and is_int(x)
    if f == 'Bernoulli':
        return x in (0, 1)
    if f == 'Binomial':
        return 0 <= x <= TRIALS and is_int(x)
    raise KeyError(f)


def out(v):
    """A double for JSON, or the strings Infinity/-Infinity beyond the double range."""
    v = mpf(v)
    if v > DOUBLE_MAX:
        return 'Infinity'
    if v < -DOUBLE_MAX:
        return '-Infinity'
    return float(v)


def M(xs):
    return [mpf(x) for x in xs]


def median(xs):
    s = sorted(M(xs))
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


def bisect(g, lo, hi, increasing, steps=400):
    """Root of g on [lo, hi] (in the variable given, usually a log) by bisection."""
    for _ in range(steps):
        mid = (lo + hi) / 2
        if (g(mid) > 0) == increasing:
            hi = mid
        else:
            lo = mid
    return (lo + hi) / 2


def lgam(x):
    return loggamma(x)


def logpdf(f, x, p):
    """log f(x | p) in mpmath, -inf outside the support."""
    x = mpf(x)
    if f == 'Normal':
        m, v = p
        return -(log(2 * pi * v) + (x - m) ** 2 / v) / 2
    if f == 'LogNormal':
        if x <= 0:
            return -mp.inf
        m, s = p
        return -log(x * s * sqrt(2 * pi)) - (log(x) - m) ** 2 / (2 * s * s)
    if f == 'Exponential':
        return log(p[0]) - p[0] * x if x >= 0 else -mp.inf
    if f == 'Gamma':
        a, b = p
        return a * log(b) - lgam(a) + (a - 1) * log(x) - b * x if x > 0 else -mp.inf
    if f == 'Weibull':
        k, lam = p
        if x < 0:
            return -mp.inf
        if x == 0:
            return -mp.inf if k > 1 else (log(k / lam) if k == 1 else mp.inf)
        return log(k / lam) + (k - 1) * log(x / lam) - (x / lam) ** k
    if f == 'Beta':
        a, b = p
        if not 0 < x < 1:
            return -mp.inf
        return (a - 1) * log(x) + (b - 1) * mp.log1p(-x) - (lgam(a) + lgam(b) - lgam(a + b))
    if f == 'Laplace':
        m, s = p
        return -log(2 * s) - abs(x - m) / s
    if f == 'Logistic':
        m, s = p
        z = (x - m) / s
        return -abs(z) - log(s) - 2 * log(1 + exp(-abs(z)))
    if f == 'Cauchy':
        m, s = p
        z = (x - m) / s
        return -log(pi * s * (1 + z * z))
    if f == 'StudentT':
        m, s, nu = p
        z = (x - m) / s
        return lgam((nu + 1) / 2) - lgam(nu / 2) - log(nu * pi) / 2 - log(s) - (nu + 1) / 2 * log(1 + z * z / nu)
    if f == 'Uniform':
        a, b = p
        return -log(b - a) if a <= x <= b else -mp.inf
    if f == 'Pareto':
        s, a = p
        return log(a) + a * log(s) - (a + 1) * log(x) if x >= s else -mp.inf
    if f == 'Rayleigh':
        s = p[0]
        if x < 0:
            return -mp.inf
        if x == 0:
            return -mp.inf
        return log(x) - 2 * log(s) - x * x / (2 * s * s)
    if f == 'Poisson':
        if x < 0 or not is_int(x):
            return -mp.inf
        lam = p[0]
        return (x * log(lam) if x > 0 else 0) - lam - lgam(x + 1)
    if f == 'Bernoulli':
        q = p[0]
        return log(q) if x == 1 else (mp.log1p(-q) if x == 0 else -mp.inf)
    if f == 'Binomial':
        q, t = p[0], TRIALS
        if x < 0 or x > t or not is_int(x):
            return -mp.inf
        return lgam(t + 1) - lgam(x + 1) - lgam(t - x + 1) + x * log(q) + (t - x) * mp.log1p(-q)
    if f == 'Geometric':
        q = p[0]
        if x < 0 or not is_int(x):
            return -mp.inf
        return log(q) + (x * mp.log1p(-q) if x > 0 else 0)
    if f == 'NegativeBinomial':
        r, q = p
        if x < 0 or not is_int(x):
            return -mp.inf
        return lgam(x + r) - lgam(r) - lgam(x + 1) + r * log(q) + (x * mp.log1p(-q) if x > 0 else 0)
    raise KeyError(f)


def loglik(f, xs, p):
    """
    The log-likelihood with enough digits for the largest value: log Γ(x + r) - log Γ(x + 1) at
    x = 1e308 cancels two numbers near 7e310, and r must survive in x + r.
    """
    digits = 50 + max(0, int(mp.log10(max(abs(mpf(x)) for x in xs) + 1)))
    with mp.workdps(max(mp.dps, digits)):
        return +mp.fsum(logpdf(f, x, [+mpf(v) for v in p]) for x in xs)


def fit(f, xs):
    """(parameter dict, log-likelihood) at the MLE, in mpmath."""
    n = len(xs)
    X = M(xs)
    mean = mp.fsum(X) / n
    if f == 'Normal':
        v = mp.fsum((x - mean) ** 2 for x in X) / n
        return {'Mean': mean, 'Variance': v}, None
    if f == 'LogNormal':
        L = [log(x) for x in X]
        m = mp.fsum(L) / n
        return {'MeanLog': m, 'SdLog': sqrt(mp.fsum((l - m) ** 2 for l in L) / n)}, None
    if f == 'Exponential':
        return {'Rate': 1 / mean}, None
    if f == 'Rayleigh':
        return {'Scale': sqrt(mp.fsum(x * x for x in X) / (2 * n))}, None
    if f == 'Pareto':
        s = min(X)
        return {'Scale': s, 'Shape': n / mp.fsum(log(x / s) for x in X)}, None
    if f == 'Uniform':
        return {'Lower': min(X), 'Upper': max(X)}, None
    if f == 'Laplace':
        m = median(xs)
        return {'Location': m, 'Scale': mp.fsum(abs(x - m) for x in X) / n}, None
    if f == 'Poisson':
        return {'Lambda': mean}, None
    if f == 'Bernoulli':
        return {'P': mean}, None
    if f == 'Binomial':
        return {'P': mean / TRIALS}, None
    if f == 'Geometric':
        return {'P': 1 / (1 + mean)}, None
    if f == 'Gamma':
        s = log(mean) - mp.fsum(log(x) for x in X) / n
        la = bisect(lambda la: log(exp(la)) - digamma(exp(la)) - s, mpf(-900), mpf(900), increasing=False)
        a = exp(la)
        return {'Shape': a, 'Rate': a / mean}, None
    if f == 'Weibull':
        L = [log(x) for x in X]
        ml = mp.fsum(L) / n
        xmax = max(X)

        def g(lk):
            k = exp(lk)
            w = [(x / xmax) ** k for x in X]
            return mp.fsum(wi * li for wi, li in zip(w, L)) / mp.fsum(w) - 1 / k - ml
        k = exp(bisect(g, mpf(-900), mpf(50), increasing=True))
        lam = xmax * (mp.fsum((x / xmax) ** k for x in X) / n) ** (1 / k)
        return {'Shape': k, 'Scale': lam}, None
    if f == 'NegativeBinomial':
        # h decreases through its root and tends to 0 from below as r grows; above r = e^40
        # its size falls under the working precision, so the bracket stops there.
        def h(lr):
            r = exp(lr)
            return mp.fsum(digamma(x + r) for x in X) - n * digamma(r) + n * log(r / (r + mean))
        with mp.workdps(80):
            r = exp(bisect(h, mpf(-900), mpf(40), increasing=False))
        return {'Size': r, 'P': r / (r + mean)}, None
    if f == 'Beta':
        # Nested bisection: for each Alpha the Beta solving its own score equation
        # (psi(b) - psi(a + b) = mean log(1 - x), increasing in b), then Alpha's equation.
        sl = mp.fsum(log(x) for x in X) / n
        sl1 = mp.fsum(mp.log1p(-x) for x in X) / n

        def beta_for(a):
            return exp(bisect(lambda lb: digamma(exp(lb)) - digamma(a + exp(lb)) - sl1, mpf(-60), mpf(60), increasing=True, steps=200))

        la = bisect(lambda la: digamma(exp(la) + beta_for(exp(la))) - digamma(exp(la)) + sl, mpf(-60), mpf(60), increasing=False, steps=200)
        a = exp(la)
        return {'Alpha': a, 'Beta': beta_for(a)}, None
    if f in ('Logistic', 'Cauchy', 'StudentT'):
        return fit_location_scale(f, xs), None
    raise KeyError(f)


def fit_location_scale(f, xs, fixed_nu=None):
    """
    Solves the score equations for y = (x - c) / d, which has the same MLE mapped back
    (the families are location-scale equivariant), for two normalisations: c = 0, d = max|x|
    (an outlier dominates) and c = median, d = the interquartile range (the bulk dominates);
    the highest log-likelihood of the original data wins.
    """
    X = M(xs)
    q = np.quantile(np.asarray(xs, float), [0.25, 0.75])
    spread = mpf(float(q[1] - q[0])) or max(abs(x) for x in X)
    normalisations = [(mpf(0), max(abs(x) for x in X)), (median(xs), spread)]
    dist = {'Logistic': stats.logistic, 'Cauchy': stats.cauchy, 'StudentT': stats.t}[f]
    best = None
    for c, d in normalisations:
        Y = [(x - c) / d for x in X]
        y = np.asarray([float(v) for v in Y])
        r = dist.fit(y)
        starts = [(r[1], r[2], r[0])] if f == 'StudentT' and fixed_nu is None else [(r[0], r[1]) if f != 'StudentT' else (r[1], r[2])]
        qy = np.quantile(y, [0.25, 0.5, 0.75])
        iqr = float(qy[2] - qy[0])
        if iqr > 0:
            starts += [(float(v), iqr / 2) + ((1.0,) if f == 'StudentT' and fixed_nu is None else ()) for v in qy]

        def score(mu, ls, *rest):
            s = exp(ls)
            z = [(v - mu) / s for v in Y]
            if f == 'Logistic':
                return [mp.fsum(tanh(zi / 2) for zi in z), mp.fsum(zi * tanh(zi / 2) - 1 for zi in z)]
            if f == 'Cauchy':
                return [mp.fsum(2 * zi / (1 + zi * zi) for zi in z), mp.fsum((zi * zi - 1) / (1 + zi * zi) for zi in z)]
            nu = exp(rest[0]) if fixed_nu is None else fixed_nu
            location_scale = [mp.fsum((nu + 1) * zi / (nu + zi * zi) for zi in z),
                              mp.fsum((nu + 1) * zi * zi / (nu + zi * zi) - 1 for zi in z)]
            if fixed_nu is not None:
                return location_scale
            return location_scale + [nu * mp.fsum(digamma((nu + 1) / 2) / 2 - digamma(nu / 2) / 2 - 1 / (2 * nu)
                                 - log(1 + zi * zi / nu) / 2 + (nu + 1) * zi * zi / (2 * nu * (nu + zi * zi)) for zi in z)]

        for st in starts:
            if not (st[1] > 0 and np.isfinite(st[0])):
                continue
            x0 = (mpf(st[0]), log(mpf(st[1]))) + ((log(mpf(st[2])),) if f == 'StudentT' and fixed_nu is None else ())
            try:
                root = findroot(score, x0, tol=mpf(10) ** -30, maxsteps=200)
            except (ValueError, ZeroDivisionError, TypeError):
                continue
            p = [c + root[0] * d, exp(root[1]) * d] + ([exp(root[2])] if f == 'StudentT' and fixed_nu is None else [fixed_nu] if f == 'StudentT' else [])
            value = loglik(f, xs, p)
            if best is None or value > best[1]:
                best = (p, value)
    names = ['Location', 'Scale'] + (['DegreesOfFreedom'] if f == 'StudentT' else [])
    return dict(zip(names, best[0]))


def check_score(f, xs, est, skip=frozenset()):
    """
    Largest |d logL / d log p| (|d logL / d p| for p = 0) at the estimate, by central differences
    at 150 digits plus as many as x + p needs to keep p beside the largest |x| (1e308 + 0.001).
    """
    digits = 150 + max(0, int(mp.log10(max(abs(mpf(x)) for x in xs) + 1)))
    with mp.workdps(digits):
        return _check_score(f, xs, est, skip)


def _check_score(f, xs, est, skip):
    names = list(est)
    p = [est[k] for k in names]
    worst = mpf(0)
    for i in range(len(p)):
        if names[i] in skip:
            continue
        if f == 'Uniform' or (f in ('Pareto', 'Laplace') and i == 0):
            continue  # the likelihood has a kink or an edge in this parameter
        if f in ('Bernoulli', 'Binomial', 'Geometric', 'Poisson') and (p[i] == 0 or p[i] == 1):
            continue
        h = p[i] * mpf(10) ** -40 if p[i] != 0 else mpf(10) ** -40

        def shifted(d):
            q = list(p)
            q[i] = p[i] + d
            return loglik(f, xs, q)
        g = (shifted(h) - shifted(-h)) / (2 * h) * (abs(p[i]) if p[i] != 0 else 1)
        worst = max(worst, abs(g))
    return worst


def hessian_eigenvalues(f, xs, est, skip=frozenset()):
    """
    Eigenvalues of the log-likelihood's Hessian in (Location / Scale, log Scale, log others), by
    mpmath.diff: every coordinate of order 1 whatever the data's scale.
    """
    names = [k for k in est if k not in skip]
    logged = [k != 'Location' for k in names]
    unit = mpf(est['Scale']) if 'Scale' in est else mpf(1)

    def ll(*u):
        p = dict(est)
        for k, v, lg in zip(names, u, logged):
            p[k] = exp(v) if lg else v * unit
        return loglik(f, xs, [p[k] for k in est])
    u0 = tuple(log(mpf(est[k])) if lg else mpf(est[k]) / unit for k, lg in zip(names, logged))
    k = len(names)
    hessian = mp.matrix(k, k)
    for i in range(k):
        for j in range(k):
            order = [0] * k
            order[i] += 1
            order[j] += 1
            hessian[i, j] = mp.diff(ll, u0, tuple(order))
    return mp.eig(hessian)[0]


def fit_entry(f, xs, fixed_nu=None):
    if f == 'Categorical':
        counts = {}
        for x in xs:
            key = x.lower() if isinstance(x, str) else x
            counts[key] = counts.get(key, 0) + 1
        n = len(xs)
        ll = mp.fsum(c * log(mpf(c) / n) for c in counts.values())
        # Probabilities in order of first appearance (the names are the values themselves).
        return {'SampleSize': n, 'Probabilities': [float(mpf(c) / n) for c in counts.values()], 'LogLikelihood': float(ll)}
    est = fit_location_scale(f, xs, fixed_nu) if fixed_nu is not None else fit(f, xs)[0]
    ll = loglik(f, xs, [est[k] for k in est] if f != 'Binomial' else [est['P']])
    worst = check_score(f, xs, est, skip={'DegreesOfFreedom'} if fixed_nu is not None else set())
    scale = 1 + abs(ll)
    assert worst < mpf(10) ** -12 * scale * len(xs), (f, xs, est, worst)
    if f in ('Beta', 'Logistic', 'Cauchy', 'StudentT'):
        # The root of the score equations must be a maximum: with one value near 1e28 or 1e308
        # the Student t root is a saddle, and the likelihood (unbounded as DegreesOfFreedom → 0
        # and Scale → 0 at a data point) has no maximum to report.
        eigenvalues = hessian_eigenvalues(f, xs, est, skip={'DegreesOfFreedom'} if fixed_nu is not None else set())
        if max(eigenvalues) >= 0:
            return {'SampleSize': len(xs), 'NoMaximum': 'the score equations have a root only at a saddle point (Hessian eigenvalues '
                    + ', '.join(nstr(e, 6) for e in eigenvalues) + ')'}
    return {'SampleSize': len(xs), 'Parameters': {k: out(v) for k, v in est.items()}, 'LogLikelihood': out(ll)}


def nll_entry(f, xs):
    p = [mpf(v) for k, v in THETA[f].items() if k != 'Trials']
    digits = 50 + max(0, int(mp.log10(max(abs(mpf(x)) for x in xs) + 1)))
    with mp.workdps(max(mp.dps, digits)):
        values = [+(-logpdf(f, x, p)) for x in xs]
    if any(v == mp.inf for v in values):
        total = 'Infinity'
    else:
        total = out(mp.fsum(values))
    return {'SampleSize': len(xs), 'Value': total}


# Values from 1e-300 to 1e300 for the families on x > 0 (NumericalStressTests).
SPAN = [1e-300, 1e-200, 1e-100, 1e-10, 1.0, 1e10, 1e100, 1e200, 1e300]
SPAN_FAMILIES = ['LogNormal', 'Exponential', 'Gamma', 'Weibull', 'Rayleigh', 'Pareto']


def pattern(f):
    """
    1000 values of family f; NumericalStressTests repeats them 1000 times (n = 10^6), whose MLE
    is theirs and whose log-likelihood is 1000 times theirs.
    """
    k = range(1000)
    if f == 'Beta':
        return [(i + 0.5) / 1000 * 0.9 + 0.05 for i in k]
    if f in ('Poisson', 'Geometric'):
        return [float(i % 7) for i in k]
    if f == 'NegativeBinomial':
        return [float((i * i) % 13) for i in k]
    if f == 'Bernoulli':
        return [1.0 if i % 3 == 0 else 0.0 for i in k]
    if f == 'Binomial':
        return [float(i % 11) for i in k]
    if f == 'StudentT':
        # A heavy-tailed pattern (a finite DegreesOfFreedom): every 50th value far out.
        return [1.0 + (i % 50) / 25.0 + (40.0 if i % 50 == 0 else 0.0) for i in k]
    return [0.5 + (i % 200) / 100.0 + (i % 7) / 70.0 for i in k]


def small_samples(f, base):
    """n = 1, n = 2 and four equal values, from the family's base sample."""
    return {'SingleValue': base[:1], 'TwoValues': base[:2], 'AllEqual': base[:1] * 4}


def main():
    fits, nlls, samples = {}, {}, {}
    for f, base in BASE.items():
        variants = {'Base': base, 'Nested': base + NESTED[f]}
        samples[f] = {'Base': base, 'Nested': NESTED[f]}
        for name, v in NUMBERS.items():
            variants[name] = base + [v]
        if f == 'Bernoulli':
            variants['True'] = base + [1]
        if f == 'Categorical':
            # One new category; the value itself does not matter for the frequencies.
            for name in ('String', 'CultureComma', 'True', 'DateTime', 'CodeString', 'CommandString'):
                variants[name] = base + ['<' + name + '>']
            for name in NUMBERS:
                variants[name] = base + ['<' + name + '>']
        for name, xs in small_samples(f, base).items():
            variants[name] = xs
            samples[f][name] = xs
        for name, xs in variants.items():
            key = f + '/' + name
            if f != 'Categorical' and not all(fit_support(f, x) for x in xs):
                continue
            try:
                if f == 'StudentT' and name == 'TwoValues':
                    # The t likelihood of two values grows as DegreesOfFreedom → ∞: the fit stops
                    # at the module's cap 1e20 (the Normal limit to rounding), so the reference is
                    # the fit with it fixed there (log-likelihood = the Normal fit's, 1.7672931195787456 by hand).
                    fits[key] = fit_entry(f, xs, fixed_nu=mpf(10) ** 20)
                else:
                    fits[key] = fit_entry(f, xs)
            except (AssertionError, ZeroDivisionError, ValueError, TypeError) as e:
                fits[key] = {'Error': type(e).__name__ + ': ' + str(e)[:200]}
            print(key, json.dumps(fits[key]), file=sys.stderr, flush=True)
        if f in THETA:
            for name, xs in variants.items():
                nlls[f + '/' + name] = nll_entry(f, xs)
    for f in SPAN_FAMILIES:
        samples[f]['Span'] = SPAN
        fits[f + '/Span'] = fit_entry(f, SPAN)
        print(f + '/Span', json.dumps(fits[f + '/Span']), file=sys.stderr, flush=True)
    for f in BASE:
        if f == 'Categorical':
            continue
        xs = pattern(f)
        samples[f]['Pattern'] = xs
        entry = fit_entry(f, xs)
        if 'LogLikelihood' in entry:
            entry['LogLikelihood'] = out(mpf(entry['LogLikelihood']) * 1000)
        entry['SampleSize'] = 1000000
        fits[f + '/Million'] = entry
        nll = nll_entry(f, xs)
        value = nll['Value'] if isinstance(nll['Value'], str) else out(mpf(nll['Value']) * 1000)
        nlls[f + '/Million'] = {'SampleSize': 1000000, 'Value': value}
        print(f + '/Million', json.dumps(entry), json.dumps(nlls[f + '/Million']), file=sys.stderr, flush=True)
    losses = loss_entries()
    samples['Loss'] = {'Actual': ACTUAL, 'Predicted': PREDICTED}
    json.dump({'About': __doc__.strip().splitlines()[0], 'Samples': samples, 'Theta': THETA,
               'Fits': fits, 'Nll': nlls, 'Loss': losses}, sys.stdout, indent=1)
    print()


ACTUAL = [2.3, 2.5, 3.1, 3.8, 2.7]
PREDICTED = [2.4, 2.6, 3.0, 3.7, 2.8]


def loss_values(a, p):
    A = [Fraction(x) for x in a]
    P = [Fraction(x) for x in p]
    n = len(A)
    r = [x - y for x, y in zip(A, P)]
    mse = sum(e * e for e in r) / n
    mae = sum(abs(e) for e in r) / n
    mean = sum(A) / n
    sst = sum((x - mean) ** 2 for x in A)
    ssr = sum(e * e for e in r)
    # With constant actual values R² is 0/0 or x/0; scikit-learn 1.2's r2_score then gives 1
    # for perfect predictions, else 0, and NaN (with a warning) for a single pair.
    r2 = 1 - ssr / sst if sst != 0 else None
    absr = sorted(abs(e) for e in r)
    medae = absr[n // 2] if n % 2 else (absr[n // 2 - 1] + absr[n // 2]) / 2
    result = {'SampleSize': n, 'MeanSquaredError': out(mpf(mse.numerator) / mse.denominator),
              'MeanAbsoluteError': out(mpf(mae.numerator) / mae.denominator),
              'MedianAbsoluteError': out(mpf(medae.numerator) / medae.denominator),
              'MaxError': out(mpf(max(absr).numerator) / max(absr).denominator),
              'RSquared': out(mpf(r2.numerator) / r2.denominator) if r2 is not None else sklearn_r2(a, p)}
    if all(math.isfinite(x) and abs(x) < 1e150 for x in a + p):
        assert abs(metrics.mean_squared_error(a, p) - result['MeanSquaredError']) <= 1e-12 * result['MeanSquaredError']
        assert abs(metrics.mean_absolute_error(a, p) - result['MeanAbsoluteError']) <= 1e-12 * result['MeanAbsoluteError']
        if sst != 0:
            assert abs(metrics.r2_score(a, p) - result['RSquared']) <= 1e-9 * abs(result['RSquared'])
    return result


def sklearn_r2(a, p):
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        value = float(metrics.r2_score(a, p))
    return 'NaN' if math.isnan(value) else value


def loss_entries():
    entries = {'Base': loss_values(ACTUAL, PREDICTED),
               'SingleValue': loss_values(ACTUAL[:1], PREDICTED[:1]),
               'TwoValues': loss_values(ACTUAL[:2], PREDICTED[:2]),
               'AllEqual': loss_values(ACTUAL[:1] * 4, PREDICTED[:1] * 4)}
    for name, v in NUMBERS.items():
        entries['Actual/' + name] = loss_values(ACTUAL + [v], PREDICTED + [3.0])
        entries['Predicted/' + name] = loss_values(ACTUAL + [3.0], PREDICTED + [v])
    return entries


if __name__ == '__main__':
    main()
