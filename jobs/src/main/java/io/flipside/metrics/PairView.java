package io.flipside.metrics;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A pair as it stands at the as-of date (SPEC §2 as-of semantics): it exists once matched, and its
 * end date and reason count only once dated on or before as-of.
 *
 * @param matched   matched_date, or the cohort start when empty
 * @param ended     ended_date when on or before as-of, else null (still running)
 * @param endReason end_reason under the same rule
 */
public record PairView(String pairId, String cohortId, String mentorId, String menteeId, LocalDate matched,
        LocalDate ended, String endReason, LocalDate cohortEnd) implements Serializable {

    public PairView {
        requireNonNull(pairId, "pairId");
        requireNonNull(cohortId, "cohortId");
        requireNonNull(matched, "matched");
        requireNonNull(cohortEnd, "cohortEnd");
    }

    /** Days from matched to min(ended, cohort end, as-of); never negative. */
    public long spanDays(LocalDate asOf) {
        LocalDate end = cohortEnd.isBefore(asOf) ? cohortEnd : asOf;
        if (ended != null && ended.isBefore(end)) {
            end = ended;
        }
        return Math.max(0, ChronoUnit.DAYS.between(matched, end));
    }

    /** Not ended by as-of and the cohort not over (its end date on or after as-of). */
    public boolean runningAt(LocalDate asOf) {
        return ended == null && !cohortEnd.isBefore(asOf);
    }
}
