"""Reference regression fits for Gamma, Exponential and Cauchy models (tests/reference/regression_more.json).

Run with Debian's Python (scipy 1.10, statsmodels 0.13, mpmath 1.2):
    /usr/bin/python3 tools/make_regression_more_reference.py > tests/reference/regression_more.json

- Gamma, log link (clotting times of McCullagh and Nelder 1989, sec. 8.4.2, lot 1, on log u):
  the coefficients from statsmodels GLM(family=Gamma(link=Log())), refined by Newton on the score
  at 50 digits in mpmath. The coefficients of the MLE do not depend on the shape; statsmodels'
  scale (the Pearson chi-squared / (n - p)) is not the MLE of 1/Shape, so the Shape is the root of
  its own score equation, sum(log k + 1 - log mu_i + log y_i - y_i/mu_i - digamma(k)) = 0, by
  mpmath.findroot at 50 digits (a direct maximisation, not MASS::gamma.shape).
- Exponential, log of the mean (the same data, lot 2): Gamma with shape 1, so the same score
  equations with k = 1; statsmodels GLM Gamma with scale = 1 fitted by Newton (method='newton',
  whose covariance is the inverse observed Hessian) gives the standard errors, and they are
  checked against the 50-digit observed information below.
- Cauchy, identity link (R's datasets::cars, dist on speed): maximised directly with
  scipy.optimize.minimize (BFGS, gtol 1e-12) from the least-squares start, refined by Newton at 50
  digits in mpmath; the gradient there is verified below 1e-30 in mpmath.
Standard errors everywhere: the observed information (the negative Hessian of the log-likelihood
in the coefficients and the family's other parameters jointly), by mpmath.diff at 50 digits.
"""
import json
import sys

import mpmath as mp
import numpy as np
import scipy
import scipy.optimize
import statsmodels
import statsmodels.api as sm

mp.mp.dps = 50
Z = mp.sqrt(2) * mp.erfinv(mp.mpf("0.95"))

CLOTTING_U = [5, 10, 15, 20, 30, 40, 60, 80, 100]
LOT1 = [118, 58, 42, 35, 27, 25, 21, 19, 18]
LOT2 = [69, 35, 26, 21, 18, 16, 13, 12, 12]
CARS = [(4, 2), (4, 10), (7, 4), (7, 22), (8, 16), (9, 10), (10, 18), (10, 26), (10, 34), (11, 17), (11, 28), (12, 14), (12, 20), (12, 24), (12, 28), (13, 26), (13, 34), (13, 34), (13, 46), (14, 26), (14, 36), (14, 60), (14, 80), (15, 20), (15, 26), (15, 54), (16, 32), (16, 40), (17, 32), (17, 40), (17, 50), (18, 42), (18, 56), (18, 76), (18, 84), (19, 36), (19, 46), (19, 68), (20, 32), (20, 48), (20, 52), (20, 56), (20, 64), (22, 66), (23, 54), (24, 70), (24, 92), (24, 93), (24, 120), (25, 85)]


def newton(score, x0, steps=60):
    x = [mp.mpf(v) for v in x0]
    for _ in range(steps):
        g = mp.matrix(score(x))
        h = mp.matrix(len(x), len(x))
        for i in range(len(x)):
            for j in range(len(x)):
                orders = [0] * len(x)
                orders[j] = 1
                h[i, j] = mp.diff(lambda *v: score(list(v))[i], x, tuple(orders))
        step = mp.lu_solve(h, g)
        x = [x[i] - step[i] for i in range(len(x))]
        if mp.norm(step) < mp.mpf(10) ** -45:
            break
    return x


def hessian(f, x):
    n = len(x)
    h = mp.matrix(n, n)
    for i in range(n):
        for j in range(n):
            orders = [0] * n
            orders[i] += 1
            orders[j] += 1
            h[i, j] = mp.diff(lambda *v: f(list(v)), x, tuple(orders))
    return h


def case(ident, distribution, response, predictor, rows, names, x, loglik, source, parameter_names):
    n = len(rows)
    ll = loglik(x)
    cov = (-hessian(loglik, x)) ** -1
    p = len(names)
    coefficients = []
    for j in range(p):
        se = mp.sqrt(cov[j, j])
        z = x[j] / se
        coefficients.append({
            "Name": names[j], "Value": float(x[j]), "StandardError": float(se), "ZValue": float(z),
            "PValue": float(2 * mp.ncdf(-abs(z))), "Lower": float(x[j] - Z * se), "Upper": float(x[j] + Z * se)})
    parameters = [{"Name": parameter_names[k], "Value": float(x[p + k]), "StandardError": float(mp.sqrt(cov[p + k, p + k]))} for k in range(len(parameter_names))]
    k = len(x)
    return {
        "Id": ident, "Distribution": distribution, "Response": response, "Predictor": predictor, "Rows": rows, "Map": False,
        "Link": "Identity" if distribution == "Cauchy" else "Log", "Coefficients": coefficients, "Parameters": parameters,
        "LogLikelihood": float(ll), "SampleSize": n, "CensoredCount": 0, "RelTol": 1e-6, "CheckStandardErrors": True,
        "StandardErrorKind": "observed information (negative Hessian of the log-likelihood at the MLE, all parameters jointly), 50-digit mpmath.diff",
        "Source": source, "AIC": float(2 * k - 2 * ll), "BIC": float(k * mp.log(n) - 2 * ll)}


def gamma_case():
    logu = [mp.log(u) for u in CLOTTING_U]
    y = [mp.mpf(v) for v in LOT1]
    X = np.column_stack([np.ones(9), np.log(CLOTTING_U)])
    glm = sm.GLM(np.array(LOT1, float), X, family=sm.families.Gamma(link=sm.families.links.Log())).fit(tol=1e-14)
    # The coefficients' score, sum k (y/mu - 1) x, does not involve the shape k.
    beta = newton(lambda b: [sum((yi / mp.exp(b[0] + b[1] * li) - 1) * (1 if j == 0 else li) for yi, li in zip(y, logu)) for j in range(2)], glm.params)
    mu = [mp.exp(beta[0] + beta[1] * l) for l in logu]
    shape = mp.findroot(lambda k: sum(mp.log(k) + 1 - mp.log(m) + mp.log(v) - v / m - mp.digamma(k) for v, m in zip(y, mu)), 1 / glm.scale)

    def ll(v):
        b0, b1, k = v
        return sum(k * mp.log(k) - k * (b0 + b1 * l) + (k - 1) * mp.log(yi) - k * yi / mp.exp(b0 + b1 * l) - mp.loggamma(k) for yi, l in zip(y, logu))

    sys.stderr.write(f"gamma: statsmodels {glm.params} scale {glm.scale} (1/scale {1 / glm.scale}); refined {beta}; shape MLE {shape}\n")
    rows = [{"lot1": v, "logu": float(mp.log(u))} for v, u in zip(LOT1, CLOTTING_U)]
    return case("clotting_gamma", "Gamma", "lot1", ["logu"], rows, ["Intercept", "logu"], beta + [shape], ll,
                f"McCullagh and Nelder (1989) 8.4.2 clotting times, lot 1 on logu = log(u); coefficients: statsmodels {statsmodels.__version__} GLM Gamma(link=Log) refined by Newton at 50 digits (mpmath {mp.__version__}); Shape: root of its score equation at 50 digits (statsmodels' scale is the Pearson moment estimate, not the MLE)",
                ["Shape"])


def exponential_case():
    logu = [mp.log(u) for u in CLOTTING_U]
    y = [mp.mpf(v) for v in LOT2]
    X = np.column_stack([np.ones(9), np.log(CLOTTING_U)])
    glm = sm.GLM(np.array(LOT2, float), X, family=sm.families.Gamma(link=sm.families.links.Log())).fit(method="newton", scale=1.0, tol=1e-14, maxiter=200)
    beta = newton(lambda b: [sum((yi / mp.exp(b[0] + b[1] * li) - 1) * (1 if j == 0 else li) for yi, li in zip(y, logu)) for j in range(2)], glm.params)

    def ll(v):
        b0, b1 = v
        return sum(-(b0 + b1 * l) - yi / mp.exp(b0 + b1 * l) for yi, l in zip(y, logu))

    result = case("clotting_exponential", "Exponential", "lot2", ["logu"], [{"lot2": v, "logu": float(mp.log(u))} for v, u in zip(LOT2, CLOTTING_U)],
                  ["Intercept", "logu"], beta, ll,
                  f"McCullagh and Nelder (1989) 8.4.2 clotting times, lot 2 on logu = log(u), Exponential = Gamma with shape 1; statsmodels {statsmodels.__version__} GLM Gamma(link=Log), scale = 1, method = 'newton' (observed-Hessian covariance), refined and its SEs checked at 50 digits (mpmath)",
                  [])
    for j, c in enumerate(result["Coefficients"]):
        assert abs(glm.bse[j] - c["StandardError"]) < 1e-6 * c["StandardError"], (glm.bse[j], c["StandardError"])
    sys.stderr.write(f"exponential: statsmodels {glm.params} bse {glm.bse}\n")
    return result


def cauchy_case():
    s = [mp.mpf(a) for a, _ in CARS]
    d = [mp.mpf(b) for _, b in CARS]
    sf = np.array([a for a, _ in CARS], float)
    df = np.array([b for _, b in CARS], float)

    def nll(v):
        b0, b1, ls = v
        scale = np.exp(ls)
        r = (df - b0 - b1 * sf) / scale
        return np.sum(np.log(np.pi * scale) + np.log1p(r * r))

    ols = np.polyfit(sf, df, 1)[::-1]
    opt = scipy.optimize.minimize(nll, [ols[0], ols[1], np.log(np.median(np.abs(df - ols[0] - ols[1] * sf)))], method="BFGS", options={"gtol": 1e-12, "maxiter": 10000})

    def ll(v):
        b0, b1, scale = v
        return sum(-mp.log(mp.pi * scale) - mp.log(1 + ((di - b0 - b1 * si) / scale) ** 2) for si, di in zip(s, d))

    def score(v):
        return [mp.diff(lambda *w: ll(list(w)), v, tuple(1 if k == j else 0 for k in range(3))) for j in range(3)]

    x = newton(score, [opt.x[0], opt.x[1], np.exp(opt.x[2])], steps=30)
    g = score(x)
    assert max(abs(v) for v in g) < mp.mpf(10) ** -30, g
    sys.stderr.write(f"cauchy: scipy {opt.x} (nll {opt.fun}); refined {x}; |gradient| {max(abs(v) for v in g)}\n")
    return case("cars_cauchy", "Cauchy", "dist", ["speed"], [{"dist": b, "speed": a} for a, b in CARS], ["Intercept", "speed"], x, ll,
                f"R datasets::cars, dist on speed, Cauchy noise: scipy {scipy.__version__} optimize.minimize (BFGS, gtol 1e-12) from the least-squares start, refined by Newton at 50 digits and the gradient verified below 1e-30 (mpmath {mp.__version__})",
                ["Scale"])


cases = [gamma_case(), exponential_case(), cauchy_case()]
json.dump({"About": "Gamma, Exponential and Cauchy regression models in regression.json's schema, made by tools/make_regression_more_reference.py (see its docstring for how each number was found).", "Cases": cases}, sys.stdout, indent=1)
sys.stdout.write("\n")
