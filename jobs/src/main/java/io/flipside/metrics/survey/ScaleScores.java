package io.flipside.metrics.survey;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * Each respondent's likert answers gathered per wave: their scale scores (SPEC §5: the mean score_100
 * of the scale's likert items they answered), the normalised answer x of every item they answered, and
 * their role. {@code survey_scales}, {@code survey_change} and the cohort comparison of scale change all
 * read these, so they are gathered once per as-of ({@link SurveyJob#scaleScores}).
 *
 * <p>Maps are in the order their keys first appear in the answers, which {@link SurveyJob} puts in input
 * order: the same input gives the same order, and so the same sums to the last digit, whatever the
 * pseudonym key. They are not changed
 * after construction; the survey tables read them from two threads.
 *
 * @param byWave   wave → person → scale → scale score (0-100), scales in name order
 * @param answered wave → person → likert item id → x (0-1), items in id order
 * @param roles    each person's role in their cohort: mentor, mentee or other
 */
public record ScaleScores(Map<String, Map<SurveyCalculator.Person, Map<String, Double>>> byWave,
        Map<String, Map<SurveyCalculator.Person, Map<String, Double>>> answered,
        Map<SurveyCalculator.Person, String> roles) {
    public ScaleScores {
        requireNonNull(byWave, "byWave");
        requireNonNull(answered, "answered");
        requireNonNull(roles, "roles");
    }

    /** A wave's scale scores by person, empty when nobody answered a likert item in it. */
    Map<SurveyCalculator.Person, Map<String, Double>> inWave(String wave) {
        return byWave.getOrDefault(wave, Map.of());
    }
}
