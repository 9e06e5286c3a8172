# Converts psychTools::bfi (Debian r-cran-psychtools) into Flipside's survey input format and prints
# psych::alpha's raw_alpha on complete cases per scale, the golden values of BfiAlphaTest.
# Run from this folder: Rscript convert_bfi.R
suppressMessages({library(psych); library(psychTools)})
scales <- list(agreeableness = c("A1","A2","A3","A4","A5"), conscientiousness = c("C1","C2","C3","C4","C5"),
               extraversion = c("E1","E2","E3","E4","E5"), neuroticism = c("N1","N2","N3","N4","N5"),
               openness = c("O1","O2","O3","O4","O5"))
reversed <- c("A1","C4","C5","E1","E2","O2","O5")
items <- do.call(rbind, lapply(names(scales), function(s) data.frame(item_id = scales[[s]], scale = s, text = "",
  kind = "likert", min_value = 1, max_value = 6, reverse_coded = ifelse(scales[[s]] %in% reversed, "true", "false"))))
write.csv(items, "survey_items.csv", row.names = FALSE, quote = FALSE, na = "")
long <- do.call(rbind, lapply(unlist(scales), function(i) {
  v <- bfi[[i]]; keep <- !is.na(v)
  data.frame(respondent_id = rownames(bfi)[keep], cohort_id = "BFI", wave = "baseline", item_id = i, value = v[keep],
             submitted_date = "2020-01-01")
}))
write.csv(long, "survey_responses.csv", row.names = FALSE, quote = FALSE)
for (s in names(scales)) {
  keys <- ifelse(scales[[s]] %in% reversed, -1, 1)
  a <- alpha(na.omit(bfi[, scales[[s]]]), keys = keys, warnings = FALSE)
  cat(sprintf("%s %.17g %d\n", s, a$total$raw_alpha, nrow(na.omit(bfi[, scales[[s]]]))))
}
