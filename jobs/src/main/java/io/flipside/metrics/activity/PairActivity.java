package io.flipside.metrics.activity;

import static java.util.Objects.requireNonNull;

/**
 * One pair's collaboration events at the as-of date.
 *
 * @param mentorEvents       the mentor's events in the pair, up to the end of the as-of day
 * @param menteeEvents       the mentee's
 * @param mentorRecent       the mentor's events in the 30 days ending with the as-of day
 * @param menteeRecent       the mentee's
 * @param spanDays           the pair's span, as in engagement
 * @param running            not ended and the cohort not over at as-of
 */
public record PairActivity(String pairId, String cohortId, long mentorEvents, long menteeEvents, long mentorRecent,
        long menteeRecent, long spanDays, boolean running) {
    public PairActivity {
        requireNonNull(pairId, "pairId");
        requireNonNull(cohortId, "cohortId");
    }

    /** min(m, e) / max(m, e); 0 without events. */
    public double reciprocity() {
        long max = Math.max(mentorEvents, menteeEvents);
        return max == 0 ? 0.0 : (double) Math.min(mentorEvents, menteeEvents) / max;
    }
}
