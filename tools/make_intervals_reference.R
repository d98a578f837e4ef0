# Reference values for tests/PSEstimation.Tests/Numerics/ProfileIntervalTests.cs:
# profile-likelihood intervals by a direct root search in R (uniroot on twice the drop of the
# profile log-likelihood, inner maxima in closed form or by optimize), at tolerances far below
# the 1e-6 relative the tests ask for. Run: Rscript tools/make_intervals_reference.R
options(digits = 17)
x <- c(0.62, 1.41, 2.03, 0.27, 3.55, 1.18, 0.89, 4.72, 1.96, 0.45)
n <- length(x); crit <- qchisq(0.95, 1)
tol <- 1e-14

# Gamma(Shape, Rate): given Shape a, the rate maximising the likelihood is a / mean(x).
llg <- function(a, b) sum(dgamma(x, shape = a, rate = b, log = TRUE))
prof_shape <- function(a) llg(a, a / mean(x))
ahat <- optimize(function(a) -prof_shape(a), c(0.01, 100), tol = 1e-15)$minimum
ahat <- uniroot(function(a) log(a) - digamma(a) - (log(mean(x)) - mean(log(x))), c(ahat / 2, ahat * 2), tol = tol)$root
lmax <- prof_shape(ahat)
f <- function(a) 2 * (lmax - prof_shape(a)) - crit
cat("Gamma Shape hat", ahat, "\n")
cat("Gamma Shape profile", uniroot(f, c(1e-3, ahat), tol = tol)$root, uniroot(f, c(ahat, 100), tol = tol)$root, "\n")
# Rate: given Rate b, the shape solves log(b) + mean(log x) = digamma(a).
prof_rate <- function(b) { a <- uniroot(function(a) digamma(a) - log(b) - mean(log(x)), c(1e-8, 1e8), tol = tol)$root; llg(a, b) }
bhat <- ahat / mean(x)
f <- function(b) 2 * (lmax - prof_rate(b)) - crit
cat("Gamma Rate profile", uniroot(f, c(1e-3, bhat), tol = tol)$root, uniroot(f, c(bhat, 100), tol = tol)$root, "\n")
# The 0.99 quantile q: given q and Shape a, Rate = qgamma(0.99, a) / q; maximise over a.
prof_q <- function(q) -optimize(function(la) -llg(exp(la), qgamma(0.99, exp(la)) / q), c(log(ahat) - 4, log(ahat) + 4), tol = 1e-13)$objective
qhat <- qgamma(0.99, ahat, bhat)
f <- function(q) 2 * (lmax - prof_q(q)) - crit
cat("Gamma p99 hat", qhat, "\n")
cat("Gamma p99 profile", uniroot(f, c(qhat / 3, qhat), tol = tol)$root, uniroot(f, c(qhat, qhat * 6), tol = tol)$root, "\n")
# Survival at 3: S = pgamma(3, a, b, lower = FALSE); given S and a, solve for b; maximise over a.
prof_s <- function(s) -optimize(function(la) { a <- exp(la); b <- uniroot(function(lb) pgamma(3, a, exp(lb), lower.tail = FALSE, log.p = TRUE) - log(s), c(-30, 30), tol = tol)$root; -llg(a, exp(b)) }, c(log(ahat) - 3, log(ahat) + 3), tol = 1e-13)$objective
shat <- pgamma(3, ahat, bhat, lower.tail = FALSE)
f <- function(s) 2 * (lmax - prof_s(s)) - crit
cat("Gamma S(3) hat", shat, "\n")
cat("Gamma S(3) profile", uniroot(f, c(shat / 20, shat), tol = tol)$root, uniroot(f, c(shat, 0.9), tol = tol)$root, "\n")

# Weibull(Shape k, Scale l): given k, Scale = mean(x^k)^(1/k).
llw <- function(k, l) sum(dweibull(x, shape = k, scale = l, log = TRUE))
prof_k <- function(k) llw(k, mean(x^k)^(1 / k))
khat <- optimize(function(k) -prof_k(k), c(0.05, 50), tol = 1e-15)$minimum
khat <- uniroot(function(k) sum(x^k * log(x)) / sum(x^k) - 1 / k - mean(log(x)), c(khat / 2, khat * 2), tol = tol)$root
lmax <- prof_k(khat)
f <- function(k) 2 * (lmax - prof_k(k)) - crit
cat("Weibull Shape hat", khat, "\n")
cat("Weibull Shape profile", uniroot(f, c(1e-2, khat), tol = tol)$root, uniroot(f, c(khat, 50), tol = tol)$root, "\n")
# Scale: given l, maximise over k.
prof_l <- function(l) -optimize(function(lk) -llw(exp(lk), l), c(log(khat) - 3, log(khat) + 3), tol = 1e-13)$objective
lhat <- mean(x^khat)^(1 / khat)
f <- function(l) 2 * (lmax - prof_l(l)) - crit
cat("Weibull Scale profile", uniroot(f, c(lhat / 3, lhat), tol = tol)$root, uniroot(f, c(lhat, lhat * 3), tol = tol)$root, "\n")
