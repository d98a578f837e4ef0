# Closed-form profile-likelihood intervals (mpmath, 40 digits) for ProfileIntervalTests.cs.
# Normal, n values, MLE variance v: twice the drop of the profile in the variance s2 is
# n (r - 1 - log r) with r = v / s2; in the mean m it is n log(1 + (xbar - m)^2 / v), so
# m = xbar -/+ sqrt(v (exp(c / n) - 1)). Exponential, rate l, MLE lhat = 1 / xbar: twice the drop
# is 2 n (t - 1 - log t) with t = l / lhat. c is the chi-squared(1) quantile at 0.95.
from mpmath import mp, mpf, log, exp, sqrt, findroot, erfinv
mp.dps = 40
c = 2 * erfinv(mpf('0.95')) ** 2  # chi2_1 quantile = z^2, z = sqrt(2) erfinv(level)
x = [mpf(s) for s in ['2.3', '2.5', '3.1', '3.8', '2.7']]
n = len(x); xbar = sum(x) / n; v = sum((xi - xbar) ** 2 for xi in x) / n
g = lambda r: n * (r - 1 - log(r)) - c
r_hi = findroot(g, mpf('5')); r_lo = findroot(g, mpf('0.2'))
print('Normal Variance', mp.nstr(v / r_hi, 20), mp.nstr(v / r_lo, 20))
d = sqrt(v * (exp(c / n) - 1))
print('Normal Mean', mp.nstr(xbar - d, 20), mp.nstr(xbar + d, 20))
y = [mpf(s) for s in ['0.12', '0.85', '2.40', '0.33', '1.07', '0.05', '0.61']]
m = len(y); lhat = m / sum(y)
h = lambda t: 2 * m * (t - 1 - log(t)) - c
print('Exponential Rate', mp.nstr(lhat * findroot(h, mpf('0.3')), 20), mp.nstr(lhat * findroot(h, mpf('2.2')), 20))
