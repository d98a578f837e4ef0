# Profile-likelihood intervals of regression coefficients, for
# tests/reference/regression_intervals.json (tests/PSEstimation.Tests/Regression/RegressionIntervalTests.cs).
# Each bound is a root of 2 (l_max - l_p(b)) = qchisq(level, 1), l_p(b) the maximum of the
# log-likelihood with the coefficient held at b: glm of the other columns with b x_j as an offset
# (the construction of MASS's profile.glm), at epsilon 1e-15, solved by uniroot at tol 1e-13.
# confint() of a glm (MASS's confint.glm in R 4.2; in stats from R 4.4) profiles on a grid and
# interpolates with a spline, so its bounds agree with these to about 1e-4 only: they are kept
# beside them as "ConfintMASS" for comparison, not as the reference.
# Run: Rscript tools/make_regression_intervals_reference.R > tests/reference/regression_intervals.json
suppressMessages(library(MASS))
options(digits = 17)
level <- 0.95
crit <- qchisq(level, 1)
ctl <- glm.control(epsilon = 1e-15, maxit = 200)

num <- function(x) sprintf("%.17g", x)

profile_bounds <- function(y, X, family) {
  full <- glm.fit(X, y, family = family, control = ctl)
  ll <- function(fit) {
    mu <- fit$fitted.values
    if (family$family == "poisson") sum(dpois(y, mu, log = TRUE)) else sum(dbinom(y, 1, mu, log = TRUE))
  }
  lmax <- ll(full)
  # Canonical links: the observed information is X' W X with the IRLS working weights.
  se <- sqrt(diag(solve(crossprod(X, full$weights * X))))
  out <- list()
  for (j in seq_len(ncol(X))) {
    prof <- function(b) {
      off <- b * X[, j]
      rest <- X[, -j, drop = FALSE]
      if (ncol(rest) == 0) {
        mu <- family$linkinv(off)
        return(ll(list(fitted.values = mu)))
      }
      ll(glm.fit(rest, y, offset = off, family = family, control = ctl))
    }
    f <- function(b) 2 * (lmax - prof(b)) - crit
    bhat <- full$coefficients[j]
    lo <- uniroot(f, c(bhat - 20 * se[j], bhat), tol = 1e-13)$root
    hi <- uniroot(f, c(bhat, bhat + 20 * se[j]), tol = 1e-13)$root
    out[[j]] <- c(bhat, se[j], lo, hi)
  }
  list(coef = out, lmax = lmax)
}

emit_case <- function(id, distribution, response, predictors, rows, y, X, family, formula_text, data, last) {
  pb <- profile_bounds(y, X, family)
  fit <- glm(as.formula(formula_text), family = family, data = data, control = ctl)
  ci <- suppressMessages(confint(fit, level = level))
  cat(sprintf('    {\n      "Id": "%s",\n      "Distribution": "%s",\n      "Response": "%s",\n      "Predictor": [%s],\n', id, distribution, response, paste0('"', predictors, '"', collapse = ", ")))
  cat(sprintf('      "Source": "R %s: glm.fit at epsilon 1e-15; profile bounds by uniroot (tol 1e-13) on 2 (lmax - lp(b)) = qchisq(0.95, 1), lp by glm.fit with b x_j as offset; ConfintMASS = confint(glm(%s)) (MASS %s, spline-interpolated profile)",\n', paste(R.version$major, R.version$minor, sep = "."), formula_text, packageVersion("MASS")))
  cat(sprintf('      "ConfidenceLevel": %s,\n      "LogLikelihood": %s,\n      "Rows": [\n', num(level), num(pb$lmax)))
  cat(paste0("        ", rows, collapse = ",\n"))
  cat('\n      ],\n      "Coefficients": [\n')
  names <- colnames(X)
  lines <- character(0)
  for (j in seq_along(pb$coef)) {
    v <- pb$coef[[j]]
    lines <- c(lines, sprintf('        { "Name": "%s", "Value": %s, "StandardError": %s, "ProfileLower": %s, "ProfileUpper": %s, "ConfintMASSLower": %s, "ConfintMASSUpper": %s }',
      names[j], num(v[1]), num(v[2]), num(v[3]), num(v[4]), num(ci[j, 1]), num(ci[j, 2])))
  }
  cat(paste(lines, collapse = ",\n"))
  cat(sprintf('\n      ]\n    }%s\n', if (last) "" else ","))
}

cat('{\n  "About": "Profile-likelihood intervals of glm coefficients (Poisson log link, Bernoulli logit link) by a direct root search in R; made by tools/make_regression_intervals_reference.R",\n  "Cases": [\n')

# Dobson (1990), p. 93: the example of ?glm. Categorical predictors as strings (first sorted level the reference, as R's factors).
counts <- c(18, 17, 15, 20, 10, 20, 25, 13, 12)
# Levels as letters: a predictor whose values are numbers is numeric to the module, so "1", "2", "3" would not be categorical.
outcome <- gl(3, 1, 9, labels = c("a", "b", "c"))
treatment <- gl(3, 3, labels = c("a", "b", "c"))
dobson <- data.frame(counts, outcome, treatment)
X <- model.matrix(~ outcome + treatment, dobson)
colnames(X)[1] <- "Intercept"
rows <- sprintf('{ "counts": %d, "outcome": "%s", "treatment": "%s" }', counts, outcome, treatment)
emit_case("dobson_poisson", "Poisson", "counts", c("outcome", "treatment"), rows, counts, X, poisson(), "counts ~ outcome + treatment", dobson, FALSE)

# mtcars: transmission (am, 1 = manual) on weight (wt, 1000 lb).
X <- cbind(Intercept = 1, wt = mtcars$wt)
rows <- sprintf('{ "am": %d, "wt": %s }', mtcars$am, num(mtcars$wt))
emit_case("mtcars_bernoulli", "Bernoulli", "am", c("wt"), rows, mtcars$am, X, binomial(), "am ~ wt", mtcars, TRUE)

cat('  ]\n}\n')
