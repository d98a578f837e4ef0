"""Reference profile-likelihood intervals for censored fits (issue #18), by mpmath at 40 digits.

Exponential, right-censored at c: d events, total time T = sum of exact values + c per censored
one; l(rate) = d log(rate) - rate T, maximised at rate_hat = d / T, so the 95% profile interval
solves d log(rate / rate_hat) - (rate - rate_hat) T = -chi2_1(0.95) / 2 on each side. The p99 and
S(x) = exp(-rate x) are monotone in the rate: their intervals are the rate's, transformed.

LogNormal, right-censored at c: a direct root search, the inner maximum over the other parameter
by findroot on its score (mp.diff), the outer by findroot of twice the drop minus chi2_1(0.95).
Run: python3 tools/make_censored_intervals_reference.py
"""
import mpmath as mp

mp.mp.dps = 40
CRIT = 2 * mp.erfinv(mp.mpf('0.95')) ** 2  # chi2_1(0.95) = z^2, z = sqrt(2) erfinv(0.95)

# Exponential
times = [mp.mpf(s) for s in ['0.12', '0.85', '2.40', '0.33', '1.07', '0.05', '0.61']]
c = mp.mpf(1)
exact = [t for t in times if t < c]
d = len(exact)
T = sum(exact) + c * (len(times) - d)
rhat = d / T
f = lambda r: d * mp.log(r / rhat) - (r - rhat) * T + CRIT / 2
lo = mp.findroot(f, (rhat / 10, rhat), solver='anderson')
hi = mp.findroot(f, (rhat, rhat * 10), solver='anderson')
print('Exponential rate_hat', mp.nstr(rhat, 20), 'lower', mp.nstr(lo, 20), 'upper', mp.nstr(hi, 20))
print('  p99 lower', mp.nstr(-mp.log(mp.mpf('0.01')) / hi, 20), 'upper', mp.nstr(-mp.log(mp.mpf('0.01')) / lo, 20))
x = mp.mpf('0.5')
print('  S(0.5) lower', mp.nstr(mp.exp(-hi * x), 20), 'upper', mp.nstr(mp.exp(-lo * x), 20))

# LogNormal
data = [mp.mpf(s) for s in ['0.62', '1.41', '2.03', '0.27', '3.55', '1.18', '0.89', '4.72', '1.96', '0.45']]
c = mp.mpf(3)
ex = [v for v in data if v < c]
nc = len(data) - len(ex)

def ll(mu, s):
    z = [(mp.log(v) - mu) / s for v in ex]
    val = sum(-mp.log(v * s * mp.sqrt(2 * mp.pi)) - zi ** 2 / 2 for v, zi in zip(ex, z))
    return val + nc * mp.log(mp.ncdf(-(mp.log(c) - mu) / s))

def fit():
    g = lambda mu, ls: [mp.diff(lambda m: ll(m, mp.exp(ls)), mu), mp.diff(lambda t: ll(mu, mp.exp(t)), ls)]
    mu, ls = mp.findroot(g, (mp.mpf('0.3'), mp.log(mp.mpf('0.8'))))
    return mu, mp.exp(ls)

mu_hat, s_hat = fit()
lmax = ll(mu_hat, s_hat)
print('LogNormal MeanLog', mp.nstr(mu_hat, 20), 'SdLog', mp.nstr(s_hat, 20), 'loglik', mp.nstr(lmax, 20))

def prof_mu(mu):
    ls = mp.findroot(lambda t: mp.diff(lambda u: ll(mu, mp.exp(u)), t), mp.log(s_hat))
    return ll(mu, mp.exp(ls))

def prof_s(s):
    mu = mp.findroot(lambda m: mp.diff(lambda u: ll(u, s), m), mu_hat)
    return ll(mu, s)

for name, prof, hat, step in [('MeanLog', prof_mu, mu_hat, mp.mpf('0.3')), ('SdLog', prof_s, s_hat, s_hat * mp.mpf('0.3'))]:
    g = lambda v: 2 * (lmax - prof(v)) - CRIT
    a = mp.findroot(g, (hat - 2 * step, hat - step / 2), solver='anderson')
    b = mp.findroot(g, (hat + step / 2, hat + 2 * step), solver='anderson')
    print('  ', name, 'lower', mp.nstr(a, 20), 'upper', mp.nstr(b, 20))
