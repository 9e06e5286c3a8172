package io.flipside.metrics.retention;

import static java.util.Objects.requireNonNull;

/**
 * One person followed from one cohort's start (SPEC §5 retention): a person can be a subject of
 * several cohorts, once in each.
 *
 * @param personId    the pseudonymised employee_id
 * @param group       mentor, mentee or comparison (participant is mentor or mentee)
 * @param time        days from the cohort start to the event or the censoring
 * @param event       true when the follow-up ends in a termination that counts under retention.event
 * @param tenureYears days employed at the cohort start / 365.25
 * @param promoted365 a rise in job level within 365 days after the cohort start, on or before as-of
 */
public record Subject(String cohortId, String personId, String group, int time, boolean event, int jobLevel, double tenureYears,
        boolean promoted365) {
    public static final String MENTOR = "mentor";
    public static final String MENTEE = "mentee";
    public static final String PARTICIPANT = "participant";
    public static final String COMPARISON = "comparison";

    public Subject {
        requireNonNull(cohortId, "cohortId");
        requireNonNull(personId, "personId");
        requireNonNull(group, "group");
        if (!group.equals(MENTOR) && !group.equals(MENTEE) && !group.equals(COMPARISON)) {
            throw new IllegalArgumentException("a subject is a mentor, a mentee or in the comparison group, not " + group);
        }
        if (time < 0) {
            throw new IllegalArgumentException("negative follow-up time " + time);
        }
    }

    /** Whether the subject belongs to a group of the tables: mentor, mentee, participant or comparison. */
    public boolean in(String tableGroup) {
        return tableGroup.equals(PARTICIPANT) ? !group.equals(COMPARISON) : group.equals(tableGroup);
    }
}
