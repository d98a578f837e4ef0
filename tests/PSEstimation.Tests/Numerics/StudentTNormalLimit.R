# Reference for StudentTNormalLimitTests: R data sets on which the Student t likelihood rises
# toward the Normal limit (DegreesOfFreedom -> Infinity). For each: the values, the Normal MLE
# (mean, sqrt of the n-divisor variance, log-likelihood: the supremum of the t likelihood), the
# sample kurtosis, and the t profile log-likelihood (Location and Scale maximised by optim from
# the Normal MLE) at increasing df, which must increase toward the Normal's.
# Run: Rscript StudentTNormalLimit.R  (R 4.2, datasets and MASS); writes the two CSV files beside it.
library(MASS)
sets <- list(
  faithful_eruptions = faithful$eruptions,
  faithful_waiting = faithful$waiting,
  precip = as.numeric(precip),
  Nile = as.numeric(Nile),
  geyser_waiting = geyser$waiting,
  geyser_duration = geyser$duration,
  accdeaths = as.numeric(accdeaths),
  quakes_depth = quakes$depth
)
tll <- function(p, x, df) sum(dt((x - p[1]) / exp(p[2]), df, log = TRUE) - p[2])
profile <- function(x, df, start) {
  fit <- optim(start, function(p) -tll(p, x, df), method = "BFGS",
               control = list(reltol = 1e-16, maxit = 1000, ndeps = c(1e-7, 1e-7)))
  -fit$value
}
dfs <- c(1e2, 1e3, 1e4, 1e5, 1e6)
values <- data.frame(set = character(), value = numeric())
summary <- data.frame()
for (name in names(sets)) {
  x <- sets[[name]]
  n <- length(x)
  mu <- mean(x)
  sigma <- sqrt(sum((x - mu)^2) / n)
  ll <- sum(dnorm(x, mu, sigma, log = TRUE))
  kurtosis <- n * sum((x - mu)^4) / sum((x - mu)^2)^2
  prof <- sapply(dfs, function(df) profile(x, df, c(mu, log(sigma))))
  increasing <- all(diff(c(prof, ll)) > 0)
  row <- data.frame(set = name, n = n, mean = mu, sd = sigma, loglik = ll, kurtosis = kurtosis,
                    deficit_1e6 = ll - prof[length(prof)], first_order_deficit_1e6 = n * (3 - kurtosis) / 4e6,
                    profile_increasing = increasing)
  for (k in seq_along(dfs)) row[[sprintf("profile_df_%g", dfs[k])]] <- prof[k]
  summary <- rbind(summary, row)
  values <- rbind(values, data.frame(set = name, value = x))
}
here <- dirname(normalizePath(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))))
numeric <- vapply(summary, is.double, logical(1))
summary[numeric] <- lapply(summary[numeric], function(v) sprintf("%.17g", v))
write.csv(summary, file.path(here, "StudentTNormalLimit.reference.csv"), row.names = FALSE, quote = FALSE)
write.csv(values, file.path(here, "StudentTNormalLimit.values.csv"), row.names = FALSE, quote = FALSE)
print(summary[, c("set", "n", "loglik", "kurtosis", "deficit_1e6", "first_order_deficit_1e6", "profile_increasing")])
