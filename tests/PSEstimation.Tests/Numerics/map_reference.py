#!/usr/bin/python3
"""Reference values for MapEstimateTests.cs (run with Debian's /usr/bin/python3: scipy 1.10.1, mpmath 1.2.1).

Conjugate cases: posterior hyperparameters, modes, means and SDs by exact rational arithmetic
(fractions) from the hand-derived updates quoted in the tests; credible intervals from
scipy.stats' quantile functions. Numerical cases: the same log-posterior as the module (scipy.stats
logpdf/logpmf for the likelihood, prior log-densities on the parameter's own scale) maximised by
scipy.optimize.minimize (Nelder-Mead, then BFGS polish) to |gradient| ~ 1e-10; the Laplace
standard deviations from a Richardson-extrapolated central-difference Hessian of that log-posterior.
Prints every number the tests use, with repr() digits.
"""
from fractions import Fraction as F
import math
import numpy as np
from scipy import stats, optimize, special

np.set_printoptions(precision=17)


def show(label, value):
    print(f"{label} = {float(value)!r}")


def beta_case(label, a, b, level=0.95):
    a, b = F(a), F(b)
    show(label + ".Alpha", a)
    show(label + ".Beta", b)
    show(label + ".Mode", (a - 1) / (a + b - 2))
    show(label + ".Mean", a / (a + b))
    show(label + ".Sd", math.sqrt(a * b / ((a + b) ** 2 * (a + b + 1))))
    show(label + ".Lower", stats.beta.ppf((1 - level) / 2, float(a), float(b)))
    show(label + ".Upper", stats.beta.isf((1 - level) / 2, float(a), float(b)))


def gamma_case(label, shape, rate, level=0.95):
    shape, rate = F(shape), F(rate)
    show(label + ".Shape", shape)
    show(label + ".Rate", rate)
    show(label + ".Mode", (shape - 1) / rate)
    show(label + ".Mean", shape / rate)
    show(label + ".Sd", math.sqrt(shape) / rate)
    show(label + ".Lower", stats.gamma.ppf((1 - level) / 2, float(shape), scale=1 / float(rate)))
    show(label + ".Upper", stats.gamma.isf((1 - level) / 2, float(shape), scale=1 / float(rate)))


# --- Conjugate pairs -------------------------------------------------------------------------
# Bernoulli [1,0,1,1,0,1,1,1], P ~ Beta(2, 2): Beta(2 + 6, 2 + 2).
beta_case("bernoulli_beta22", 2 + 6, 2 + 2)
# Bernoulli same data, level 0.9.
print("bernoulli_beta22_90.Lower =", repr(stats.beta.ppf(0.05, 8, 4)), " Upper =", repr(stats.beta.isf(0.05, 8, 4)))
# Geometric [0,2,1,4,0,3] (failures before the first success), P ~ Beta(2, 3): Beta(2 + n, 3 + sum x) = Beta(8, 13).
beta_case("geometric_beta23", 2 + 6, 3 + 10)
# Binomial, Trials 10, counts [7, 4, 6], P ~ Beta(2, 2): Beta(2 + 17, 2 + 30 - 17) = Beta(19, 15).
beta_case("binomial3_beta22", 2 + 17, 2 + 13)
# NegativeBinomial Size fixed 3, [2,5,0,3,1], P ~ Beta(2, 2): Beta(2 + 5*3, 2 + 11) = Beta(17, 13).
beta_case("negbin_size3_beta22", 2 + 15, 2 + 11)
# Poisson [3, 1, 4, 1, 5] with weights [1, 2, 1, 1, 3]: n = 8, sum = 3+2+4+1+15 = 25; Lambda ~ Gamma(1.5, 0.5): Gamma(26.5, 8.5).
gamma_case("poisson_weighted_gamma", F(3, 2) + 25, F(1, 2) + 8)

# Categorical a,b,a,c,a,b with Dirichlet(1): posterior Dirichlet(4, 3, 2); marginals Beta(a_k, 9 - a_k).
for alpha in (1, 2):
    post = [alpha + 3, alpha + 2, alpha + 1]
    total = sum(post)
    k = 3
    for name, ak in zip("abc", post):
        label = f"dirichlet{alpha}.{name}"
        show(label + ".Mode", F(ak - 1, total - k))
        show(label + ".Mean", F(ak, total))
        show(label + ".Sd", math.sqrt(F(ak * (total - ak), total * total * (total + 1))))
        show(label + ".Lower", stats.beta.ppf(0.025, ak, total - ak))
        show(label + ".Upper", stats.beta.isf(0.025, ak, total - ak))
    show(f"dirichlet{alpha}.Cov_ab", F(-post[0] * post[1], total * total * (total + 1)))
    p = [F(ak - 1, total - k) for ak in post]
    counts = [3, 2, 1]
    loglik = sum(n * math.log(pk) for n, pk in zip(counts, p))
    logprior = special.gammaln(k * alpha) - k * special.gammaln(alpha) + (alpha - 1) * sum(math.log(pk) for pk in p)
    show(f"dirichlet{alpha}.LogPosterior", loglik + logprior)

# Seed Normal-Normal LogPosterior: log N(x | 2.5, 1) summed + log N(2.5 | 2, 0.5).
x = np.array([2.3, 2.5, 2.7, 2.9, 3.1])
show("seed.LogPosterior", stats.norm.logpdf(x, 2.5, 1).sum() + stats.norm.logpdf(2.5, 2, math.sqrt(0.5)))
# NIG seed LogPosterior at the joint mode (2.58333.., 0.2340277..): Normal loglik + log N(mu | 2, s2/1) + log IG(s2 | 2, 1).
mu, s2 = 31 / 12, (1 + 0.2 + 5 * 0.49 / 12) / 6
show("seed_nig.LogPosterior", stats.norm.logpdf(x, mu, math.sqrt(s2)).sum() + stats.norm.logpdf(mu, 2, math.sqrt(s2)) + stats.invgamma.logpdf(s2, 2, scale=1))
# Huge offset: x + 1e9, prior Normal(1e9 + 2, 0.5), known variance 1: MAP = 1e9 + 2.5.


# --- Numerical MAPs ---------------------------------------------------------------------------
def mode(neg_log_post, x0, bounds_ok=lambda t: True):
    def f(t):
        return neg_log_post(t) if bounds_ok(t) else np.inf
    r = optimize.minimize(f, x0, method="Nelder-Mead", options=dict(xatol=1e-13, fatol=1e-15, maxiter=200000, maxfev=400000))
    r2 = optimize.minimize(f, r.x, method="BFGS", options=dict(gtol=1e-11))
    best = r2.x if r2.fun <= r.fun else r.x
    return best


def hessian(f, t, rel=1e-4):
    t = np.asarray(t, float)
    k = len(t)
    def second(i, j, h):
        ei = np.zeros(k); ej = np.zeros(k)
        ei[i] = h[i]; ej[j] = h[j]
        return (f(t + ei + ej) - f(t + ei - ej) - f(t - ei + ej) + f(t - ei - ej)) / (4 * h[i] * h[j])
    H = np.zeros((k, k))
    for i in range(k):
        for j in range(k):
            h1 = np.abs(t) * rel + rel
            d1 = second(i, j, h1)
            d2 = second(i, j, h1 / 2)
            H[i, j] = (4 * d2 - d1) / 3
    return H


def report(label, logpost, t):
    show(label + ".LogPosterior", logpost(t))
    H = hessian(logpost, t)
    cov = np.linalg.inv(-H)
    for i, v in enumerate(t):
        show(f"{label}.theta{i}", v)
        show(f"{label}.sd{i}", math.sqrt(cov[i, i]))


# 1. Normal [2.3..3.1], Mean ~ Normal(2, 0.5) (variance 0.5), Variance ~ InverseGamma(2, 1), independent.
def lp_normal(t):
    m, v = t
    if v <= 0:
        return -np.inf
    return stats.norm.logpdf(x, m, math.sqrt(v)).sum() + stats.norm.logpdf(m, 2, math.sqrt(0.5)) + stats.invgamma.logpdf(v, 2, scale=1)
report("normal_semiconjugate", lp_normal, mode(lambda t: -lp_normal(t), [2.7, 0.1], lambda t: t[1] > 0))

# 2. LogNormal [1.2, 0.8, 2.5, 1.9, 3.3, 0.6], MeanLog ~ Normal(0, 1), SdLog ~ Gamma(2, 2) (shape 2, rate 2).
y = np.array([1.2, 0.8, 2.5, 1.9, 3.3, 0.6])
def lp_lognormal(t):
    m, s = t
    if s <= 0:
        return -np.inf
    return stats.lognorm.logpdf(y, s, scale=math.exp(m)).sum() + stats.norm.logpdf(m, 0, 1) + stats.gamma.logpdf(s, 2, scale=0.5)
report("lognormal_priors", lp_lognormal, mode(lambda t: -lp_lognormal(t), [0.4, 0.6], lambda t: t[1] > 0))

# 3. Exponential [0.5, 1.2, 0.3, 2.2, 0.9], Rate ~ LogNormal(0, 1) (meanlog 0, sdlog 1): not conjugate.
e = np.array([0.5, 1.2, 0.3, 2.2, 0.9])
def lp_exp(t):
    r = t[0]
    if r <= 0:
        return -np.inf
    return stats.expon.logpdf(e, scale=1 / r).sum() + stats.lognorm.logpdf(r, 1, scale=1)
report("exponential_lognormal", lp_exp, mode(lambda t: -lp_exp(t), [1.0], lambda t: t[0] > 0))

# 4. NegativeBinomial [2, 3, 2, 4, 3] (variance < mean: no MLE), Size ~ Gamma(2, 0.5), P ~ Beta(2, 2).
nb = np.array([2, 3, 2, 4, 3])
def lp_nb(t):
    r, p = t
    if r <= 0 or not (0 < p < 1):
        return -np.inf
    return stats.nbinom.logpmf(nb, r, p).sum() + stats.gamma.logpdf(r, 2, scale=2) + stats.beta.logpdf(p, 2, 2)
report("negbin_underdispersed", lp_nb, mode(lambda t: -lp_nb(t), [3.0, 0.5], lambda t: t[0] > 0 and 0 < t[1] < 1))

# 5. Laplace [1, 2, 3, 7], Location flat (held at the median 2.5), Scale ~ Gamma(2, 1).
lap = np.array([1.0, 2.0, 3.0, 7.0])
def lp_laplace(t):
    b = t[0]
    if b <= 0:
        return -np.inf
    return stats.laplace.logpdf(lap, 2.5, b).sum() + stats.gamma.logpdf(b, 2, scale=1)
report("laplace_scale_gamma", lp_laplace, mode(lambda t: -lp_laplace(t), [1.75], lambda t: t[0] > 0))

# 6. Poisson [0,1,2,3,4,2,1], Lambda ~ LogNormal(0.5, 0.5).
po = np.array([0, 1, 2, 3, 4, 2, 1])
def lp_pois(t):
    lam = t[0]
    if lam <= 0:
        return -np.inf
    return stats.poisson.logpmf(po, lam).sum() + stats.lognorm.logpdf(lam, 0.5, scale=math.exp(0.5))
report("poisson_lognormal", lp_pois, mode(lambda t: -lp_pois(t), [1.8], lambda t: t[0] > 0))

# 7. Normal [2.3..3.1], Mean ~ Normal(2, 0.5), Variance flat (no prior): Mean and Variance jointly.
def lp_normal_flat(t):
    m, v = t
    if v <= 0:
        return -np.inf
    return stats.norm.logpdf(x, m, math.sqrt(v)).sum() + stats.norm.logpdf(m, 2, math.sqrt(0.5))
report("normal_mean_prior_variance_flat", lp_normal_flat, mode(lambda t: -lp_normal_flat(t), [2.7, 0.1], lambda t: t[1] > 0))

# 8. Rayleigh [0.8, 1.9, 2.4, 1.1, 3.0], Scale ~ InverseGamma(3, 4).
ra = np.array([0.8, 1.9, 2.4, 1.1, 3.0])
def lp_ray(t):
    s = t[0]
    if s <= 0:
        return -np.inf
    return stats.rayleigh.logpdf(ra, scale=s).sum() + stats.invgamma.logpdf(s, 3, scale=4)
report("rayleigh_invgamma", lp_ray, mode(lambda t: -lp_ray(t), [1.5], lambda t: t[0] > 0))

# --- Families merged later (Gamma, Weibull, Beta, StudentT, Cauchy, Logistic) --------------------
g = np.array([1.2, 0.7, 2.9, 1.6, 0.4, 2.2, 1.1])
t = np.array([-1.2, 0.4, 2.8, -0.3, 0.9, 5.1, -2.2, 0.1, 1.4, -0.8])

# 9. Gamma (Shape, Rate), Shape ~ Gamma(2, 1), Rate ~ Gamma(1, 1) (the example).
def lp_gamma(p):
    a, r = p
    if a <= 0 or r <= 0:
        return -np.inf
    return stats.gamma.logpdf(g, a, scale=1 / r).sum() + stats.gamma.logpdf(a, 2, scale=1) + stats.gamma.logpdf(r, 1, scale=1)
report("gamma_gamma_priors", lp_gamma, mode(lambda p: -lp_gamma(p), [2.0, 1.5], lambda p: p[0] > 0 and p[1] > 0))

# 10. StudentT (Location, Scale, DegreesOfFreedom), DegreesOfFreedom ~ Gamma(2, 0.1), Location and Scale flat.
def lp_t(p):
    m, s, nu = p
    if s <= 0 or nu <= 0:
        return -np.inf
    return stats.t.logpdf(t, nu, m, s).sum() + stats.gamma.logpdf(nu, 2, scale=10)
report("studentt_dof_gamma", lp_t, mode(lambda p: -lp_t(p), [0.4, 1.6, 5.0], lambda p: p[1] > 0 and p[2] > 0))

# 11. Weibull (Shape, Scale), Shape ~ LogNormal(0, 1), Scale ~ InverseGamma(3, 3).
def lp_weibull(p):
    k, lam = p
    if k <= 0 or lam <= 0:
        return -np.inf
    return stats.weibull_min.logpdf(g, k, scale=lam).sum() + stats.lognorm.logpdf(k, 1, scale=1) + stats.invgamma.logpdf(lam, 3, scale=3)
report("weibull_priors", lp_weibull, mode(lambda p: -lp_weibull(p), [1.5, 1.5], lambda p: p[0] > 0 and p[1] > 0))

# 12. Beta (Alpha, Beta), both ~ Exponential(0.5) (rate 0.5).
b = np.array([0.2, 0.45, 0.3, 0.71, 0.5, 0.38])
def lp_beta(p):
    a, bb = p
    if a <= 0 or bb <= 0:
        return -np.inf
    return stats.beta.logpdf(b, a, bb).sum() + stats.expon.logpdf(a, scale=2) + stats.expon.logpdf(bb, scale=2)
report("beta_exponential_priors", lp_beta, mode(lambda p: -lp_beta(p), [2.0, 2.5], lambda p: p[0] > 0 and p[1] > 0))

# 13. Cauchy (Location, Scale), Location ~ Normal(0, 1), Scale ~ Gamma(2, 2).
def lp_cauchy(p):
    m, s = p
    if s <= 0:
        return -np.inf
    return stats.cauchy.logpdf(t, m, s).sum() + stats.norm.logpdf(m, 0, 1) + stats.gamma.logpdf(s, 2, scale=0.5)
report("cauchy_priors", lp_cauchy, mode(lambda p: -lp_cauchy(p), [0.1, 0.9], lambda p: p[1] > 0))

# 14. Logistic (Location, Scale), Location ~ Uniform(-1, 1), Scale ~ LogNormal(0, 0.5).
def lp_logistic(p):
    m, s = p
    if s <= 0 or not (-1 <= m <= 1):
        return -np.inf
    return stats.logistic.logpdf(t, m, s).sum() + stats.uniform.logpdf(m, -1, 2) + stats.lognorm.logpdf(s, 0.5, scale=1)
report("logistic_priors", lp_logistic, mode(lambda p: -lp_logistic(p), [0.3, 1.0], lambda p: p[1] > 0 and -1 <= p[0] <= 1))
