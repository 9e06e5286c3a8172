# Golden values for stats.KaplanMeier, LogRank and CoxModel on small hand-made data.
# Run from this folder: Rscript small_cases.R  (R 4.2, survival 3.5-3 from Debian r-cran-survival)
# Writes small_km.csv, small_logrank.csv, small_cox.csv with 17 significant digits.
library(survival)
# every number with 17 significant digits, NA as an empty field
write_golden <- function(d, file) {
  for (c in names(d)) if (is.numeric(d[[c]])) d[[c]] <- ifelse(is.na(d[[c]]), "", sprintf("%.17g", d[[c]]))
  write.csv(d, file, row.names = FALSE, quote = FALSE)
}

# Case "ties": tied event times, censorings at event times, events and a censoring at time 0.
ties <- data.frame(
  time  = c(0, 0, 1, 2, 2, 2, 3, 3, 5, 5, 5, 6, 8, 8, 9, 10, 10, 12, 12, 15),
  event = c(1, 0, 1, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 1, 0, 1, 0, 1, 0, 0),
  group = c(1, 0, 1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 1, 1, 0, 0, 1, 1, 0, 0),
  level = c(3, 7, 2, 9, 4, 4, 6, 8, 1, 5, 3, 10, 2, 3, 7, 6, 2, 5, 11, 8),
  tenure = c(0.5, 12.2, 1.1, 20.4, 3.3, 2.0, 8.8, 15.0, 0.2, 6.1, 1.9, 22.7, 0.9, 2.5, 9.4, 7.7, 1.0, 4.4, 18.3, 10.6))
# Case "extinct": the curve reaches 0 (the last two at risk both have the event).
extinct <- data.frame(time = c(1, 2, 2, 3, 4, 4), event = c(1, 1, 0, 1, 1, 1), group = c(1, 0, 1, 0, 1, 0))

km_rows <- function(name, d) {
  s <- summary(survfit(Surv(time, event) ~ 1, data = d), censored = TRUE)
  data.frame(case = name, time = s$time, n_risk = s$n.risk, n_event = s$n.event, n_censor = s$n.censor,
             survival = s$surv, std_err = s$std.err, ci_low = s$lower, ci_high = s$upper)
}
km <- rbind(km_rows("ties", ties), km_rows("ties_group1", ties[ties$group == 1, ]), km_rows("extinct", extinct))
write_golden(km, "small_km.csv")

lr_rows <- function(name, d) {
  sd <- survdiff(Surv(time, event) ~ I(1 - group), data = d)   # first stratum = group 1
  data.frame(case = name, observed1 = sd$obs[1], expected1 = sd$exp[1], variance = sd$var[1, 1],
             chisq = sd$chisq, p = pchisq(sd$chisq, 1, lower.tail = FALSE))
}
write_golden(rbind(lr_rows("ties", ties), lr_rows("extinct", extinct)), "small_logrank.csv")

fit <- coxph(Surv(time, event) ~ group + level + tenure, data = ties, ties = "efron")
s <- summary(fit)
cox <- data.frame(case = "ties", term = rownames(s$coefficients), beta = s$coefficients[, "coef"],
                  se = s$coefficients[, "se(coef)"], z = s$coefficients[, "z"], p = s$coefficients[, "Pr(>|z|)"],
                  hr = s$conf.int[, "exp(coef)"], ci_low = s$conf.int[, "lower .95"], ci_high = s$conf.int[, "upper .95"],
                  loglik = fit$loglik[2])
write_golden(cox, "small_cox.csv")
