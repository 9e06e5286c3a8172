package io.flipside.metrics.survey;

/**
 * One answer, the version current at the as-of date.
 *
 * @param role mentor or mentee from the respondent's visible pairs in the cohort, else other
 */
public record SurveyAnswer(String cohortId, String respondentId, String role, String wave, String itemId, int value) {
}
