# The IBM HR attrition table (modeldata::attrition, Debian r-cran-modeldata, 1,470 employees) turned
# into Flipside inputs, and the retention tables R's survival package (3.5-3) computes from the raw
# table under the same mapping. Run from this folder: Rscript convert_attrition.R
#
# Mapping (the table is a snapshot: YearsAtCompany is tenure at leaving or at the snapshot):
#   one cohort C1 starting S = 2010-01-01; as-of 2050-06-30, so follow-up is 14,790 days;
#   a leaver (Attrition = Yes) terminates voluntarily 365 * YearsAtCompany + 1 days after S, so
#     YearsAtCompany = 0 leavers still count (a termination on S would exclude them) and leavers
#     with equal YearsAtCompany tie; everyone else is censored at as-of;
#   hired 365 * max(0, TotalWorkingYears - YearsAtCompany) days before S (years of earlier career,
#     tenure_years = that / 365.25); job_level = JobLevel; department = Department;
#   participants are the OverTime = Yes employees, paired in table order (1st with 2nd, ...), the
#     lower JobLevel being the mentor (a tie: the earlier row); the rest are the comparison group.
# flipside.yaml beside this script sets the as-of and the horizons the test uses (180, 365, 730, 3650, 20000).
# Outputs: input/{employees,cohorts,pairs}.csv and golden_{survival_curve,retention,retention_tests}.csv.
library(survival)
library(modeldata)
data(attrition)

write_golden <- function(d, file) {
  for (c in names(d)) if (is.numeric(d[[c]])) d[[c]] <- ifelse(is.na(d[[c]]), "", sprintf("%.17g", d[[c]]))
  write.csv(d, file, row.names = FALSE, quote = FALSE)
}

S <- as.Date("2010-01-01")
as_of <- as.Date("2050-06-30")
a <- attrition
n <- nrow(a)
id <- sprintf("IBM%04d", seq_len(n))
leaver <- a$Attrition == "Yes"
prior_days <- 365 * pmax(0, a$TotalWorkingYears - a$YearsAtCompany)
termination <- S + 365 * a$YearsAtCompany + 1

employees <- data.frame(employee_id = id, hire_date = format(S - prior_days), job_level = a$JobLevel,
  department = as.character(a$Department),
  termination_date = ifelse(leaver, format(termination), ""),
  termination_type = ifelse(leaver, "voluntary", ""),
  birth_year = 2010 - a$Age, gender = tolower(as.character(a$Gender)))
write.csv(employees, "input/employees.csv", row.names = FALSE, quote = FALSE)
write.csv(data.frame(cohort_id = "C1", name = "IBM attrition", start_date = "2010-01-01", end_date = "2010-12-31",
  planned_sessions_per_month = 1), "input/cohorts.csv", row.names = FALSE, quote = FALSE)

overtime <- which(a$OverTime == "Yes")
first <- overtime[seq(1, length(overtime), by = 2)]
second <- overtime[seq(2, length(overtime), by = 2)]
mentor <- ifelse(a$JobLevel[second] < a$JobLevel[first], second, first)
mentee <- ifelse(mentor == first, second, first)
write.csv(data.frame(pair_id = sprintf("P%03d", seq_along(first)), cohort_id = "C1", mentor_id = id[mentor],
  mentee_id = id[mentee]), "input/pairs.csv", row.names = FALSE, quote = FALSE)

group <- rep("comparison", n)
group[mentor] <- "mentor"
group[mentee] <- "mentee"
subjects <- data.frame(time = ifelse(leaver, as.numeric(termination - S), as.numeric(as_of - S)),
  event = as.integer(leaver), group = group, job_level = a$JobLevel, tenure_years = prior_days / 365.25)
in_group <- list(mentor = subjects$group == "mentor", mentee = subjects$group == "mentee",
  participant = subjects$group != "comparison", comparison = subjects$group == "comparison")

curves <- NULL
retention <- NULL
horizons <- c(180, 365, 730, 3650, 20000)
for (cohort in c("C1", "ALL")) for (g in names(in_group)) {
  d <- subjects[in_group[[g]], ]
  fit <- survfit(Surv(time, event) ~ 1, data = d)
  s <- summary(fit, censored = TRUE)
  keep <- s$n.risk >= 5
  curves <- rbind(curves, data.frame(cohort_id = cohort, group = g, time = s$time[keep], n_risk = s$n.risk[keep],
    n_event = s$n.event[keep], n_censor = s$n.censor[keep], survival = s$surv[keep], std_err = s$std.err[keep],
    ci_low = s$lower[keep], ci_high = s$upper[keep]))
  followed <- horizons <= as.numeric(as_of - S)
  at <- summary(fit, times = horizons[followed], extend = TRUE)
  retention <- rbind(retention, data.frame(cohort_id = cohort, group = g, horizon_days = horizons, n = nrow(d),
    events = sapply(horizons, function(h) sum(d$event == 1 & d$time <= h)),
    retention = c(at$surv, rep(NA, sum(!followed))), ci_low = c(at$lower, rep(NA, sum(!followed))),
    ci_high = c(at$upper, rep(NA, sum(!followed)))))
}
# ALL at a horizon stacks only the cohorts followed that long: here none at 20,000 days, so the row has
# n = 0 and, below the minimum group size, no statistics
beyond <- retention$cohort_id == "ALL" & retention$horizon_days > as.numeric(as_of - S)
retention$n[beyond] <- 0
retention$events[beyond] <- NA
write_golden(curves, "golden_survival_curve.csv")
write_golden(retention, "golden_retention.csv")

tests <- NULL
for (g in c("participant", "mentor", "mentee")) {
  d <- subjects[in_group[[g]] | in_group$comparison, ]
  d$in_group <- as.integer(d$group != "comparison")
  lr <- survdiff(Surv(time, event) ~ in_group, data = d)
  cox <- summary(coxph(Surv(time, event) ~ in_group + job_level + tenure_years, data = d, ties = "efron"))
  tests <- rbind(tests, data.frame(cohort_id = "C1", contrast = paste0(g, "_vs_comparison"),
    n_group = sum(d$in_group), n_comparison = sum(1 - d$in_group),
    events_group = sum(d$event[d$in_group == 1]), events_comparison = sum(d$event[d$in_group == 0]),
    logrank_chisq = lr$chisq, logrank_p = pchisq(lr$chisq, 1, lower.tail = FALSE),
    hazard_ratio = cox$conf.int["in_group", "exp(coef)"], hr_ci_low = cox$conf.int["in_group", "lower .95"],
    hr_ci_high = cox$conf.int["in_group", "upper .95"], hr_p = cox$coefficients["in_group", "Pr(>|z|)"]))
}
write_golden(tests, "golden_retention_tests.csv")
