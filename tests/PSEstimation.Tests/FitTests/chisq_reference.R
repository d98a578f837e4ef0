# Pearson chi-squared with Test-GoodnessOfFit's binning rule, written independently in R 4.2:
# cells k = min..max (first with P(X < min), last with P(X > max)), merged from the left until the
# expected count is >= 5, a last group below 5 joined to its left neighbour; df = cells - 1 - estimated.
# Data: datasets::discoveries and InsectSprays$count (gof.json cases), Poisson at the MLE (the mean).
chisq <- function(x, lambda) {
  n <- length(x); ks <- min(x):max(x)
  p <- dpois(ks, lambda); p[1] <- p[1] + ppois(min(x) - 1, lambda); p[length(p)] <- p[length(p)] + ppois(max(x), lambda, lower.tail = FALSE)
  o <- sapply(ks, function(k) sum(x == k)); E <- c(); O <- c(); ge <- 0; go <- 0
  for (i in seq_along(ks)) { ge <- ge + n * p[i]; go <- go + o[i]; if (ge >= 5) { E <- c(E, ge); O <- c(O, go); ge <- 0; go <- 0 } }
  if (ge > 0 || go > 0) { E[length(E)] <- E[length(E)] + ge; O[length(O)] <- O[length(O)] + go }
  s <- sum((O - E)^2 / E); df <- length(E) - 2
  cat(sprintf("statistic %.15g cells %d df %d p %.15g\n", s, length(E), df, pchisq(s, df, lower.tail = FALSE)))
}
chisq(as.numeric(discoveries), mean(discoveries))
chisq(InsectSprays$count, mean(InsectSprays$count))
