package io.flipside.metrics.engagement;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * One pair's engagement facts at the as-of date, the unit every engagement figure is built from.
 *
 * @param spanDays          days from matched_date to min(ended_date, cohort end_date, as-of), at least 0
 * @param planned           the cohort's planned_sessions_per_month
 * @param running           not ended by as-of and the cohort not over (end_date on or after as-of)
 * @param withdrawn         ended {@code withdrawn} on or before as-of
 * @param scheduled         held + cancelled + no_show sessions dated on or before as-of
 * @param held              held sessions dated on or before as-of
 * @param minutesHeld       total duration of those held sessions
 * @param firstHeld         the earliest held session, or null
 * @param heldRecently      held sessions in the inactivity window ending with the as-of day
 */
public record PairEngagement(String pairId, String cohortId, LocalDate matched, long spanDays, double planned,
        boolean running, boolean withdrawn, long scheduled, long held, long minutesHeld, LocalDate firstHeld,
        long heldRecently, long mentorRatingSum, long mentorRatings, long menteeRatingSum, long menteeRatings) {

    /** SPEC §5: a month is 30.4375 days (365.25 / 12). */
    public static final double DAYS_PER_MONTH = 30.4375;

    public PairEngagement {
        requireNonNull(pairId, "pairId");
        requireNonNull(cohortId, "cohortId");
        requireNonNull(matched, "matched");
    }

    public double pairMonths() {
        return spanDays / DAYS_PER_MONTH;
    }
}
