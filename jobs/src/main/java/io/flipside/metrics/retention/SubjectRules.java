package io.flipside.metrics.retention;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Who is followed from a cohort's start, in which group, for how long and to what end (SPEC §5
 * retention). Pure rules over one employee and one cohort, so every edge is tested without Spark.
 */
public final class SubjectRules {
    /** Under {@code retention.event = voluntary} only voluntary terminations are events. */
    public static final String VOLUNTARY = "voluntary";

    private SubjectRules() {
    }

    /**
     * An employee seen from one cohort's start.
     *
     * @param role              mentor or mentee in this cohort (pairs matched by as-of), or null
     * @param inEarlierCohort   in a pair of another cohort that started on or before this one
     * @param laterMatch        the earliest matched_date of the person's pairs in cohorts that start after this
     *                          one (matched by as-of), or null
     * @param rises             dates of the person's job events that raised their level
     */
    public record Candidate(String cohortId, String personId, LocalDate start, LocalDate hireDate, int jobLevel,
            LocalDate terminationDate, String terminationType, String role, boolean inEarlierCohort,
            LocalDate laterMatch, List<LocalDate> rises) {
        public Candidate {
            requireNonNull(cohortId, "cohortId");
            requireNonNull(personId, "personId");
            requireNonNull(start, "start");
            requireNonNull(hireDate, "hireDate");
            rises = List.copyOf(rises);
        }
    }

    /**
     * @param event {@code voluntary} or {@code any}
     * @return the subject, or empty when the employee is not followed from this cohort's start: not
     *         employed at it, or a non-participant of this cohort who took part in one that started
     *         no later
     */
    public static Optional<Subject> subject(Candidate c, LocalDate asOf, String event) {
        LocalDate s = c.start();
        // a termination after as-of has not happened yet as far as the metrics know
        LocalDate left = c.terminationDate() != null && !c.terminationDate().isAfter(asOf) ? c.terminationDate() : null;
        if (c.hireDate().isAfter(s) || (left != null && !left.isAfter(s))) {
            return Optional.empty();
        }
        if (c.role() == null && c.inEarlierCohort()) {
            return Optional.empty();
        }
        String group = c.role() != null ? c.role() : Subject.COMPARISON;
        LocalDate end = asOf;
        boolean isEvent = false;
        if (left != null) {
            end = left;
            isEvent = !VOLUNTARY.equals(event) || VOLUNTARY.equals(c.terminationType());
        }
        if (c.role() == null && c.laterMatch() != null && c.laterMatch().isBefore(end)) {
            // from the day a comparison employee joins the programme they no longer stand for non-participants
            end = c.laterMatch();
            isEvent = false;
        }
        int time = (int) Math.max(0, ChronoUnit.DAYS.between(s, end));
        double tenure = ChronoUnit.DAYS.between(c.hireDate(), s) / 365.25;
        LocalDate window = s.plusDays(365);
        boolean promoted = c.rises().stream().anyMatch(d -> d.isAfter(s) && !d.isAfter(window) && !d.isAfter(asOf));
        return Optional.of(new Subject(c.cohortId(), c.personId(), group, time, isEvent, c.jobLevel(), tenure, promoted));
    }
}
