package io.flipside.quality;

import io.flipside.ingest.Datasets;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SPEC §2 pairs: a person holds one role within a cohort, and a second pair of theirs in the same cohort
 * is allowed only after the previous one ended {@code rematched}, on or before the new one's matched
 * date, in the same role. Each person's pairs in a cohort are taken in order of matched date (the
 * cohort's start when empty), then input order, and each is compared with the one before it, conflicting
 * or not; a pair conflicts when either of its people's comparisons does, and is quarantined
 * ({@code role_conflict}). Plain Java over the pairs that passed every other rule, in the task that
 * reads every pair; the cohorts' start dates are its one lookup.
 */
public final class RoleConflicts implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final List<String> FIELDS = Datasets.PAIRS.fieldNames();
    private static final int COHORT = FIELDS.indexOf("cohort_id");
    private static final int MENTOR = FIELDS.indexOf("mentor_id");
    private static final int MENTEE = FIELDS.indexOf("mentee_id");
    private static final int MATCHED = FIELDS.indexOf("matched_date");
    private static final int ENDED = FIELDS.indexOf("ended_date");
    private static final int END_REASON = FIELDS.indexOf("end_reason");

    /** The detail of a {@code role_conflict} row. */
    public static final String DETAIL = "a person of this pair already holds a role in the cohort (a second pair"
            + " needs the earlier one ended rematched on or before matched_date, in the same role)";

    private final Map<String, LocalDate> cohortStarts;

    RoleConflicts(Map<String, LocalDate> cohortStarts) {
        this.cohortStarts = Collections.unmodifiableMap(new HashMap<>(cohortStarts));
    }

    /** With the start dates of the valid cohorts, or none when cohorts are absent ({@code cohorts} null). */
    public static RoleConflicts of(ReferenceRows cohorts) {
        Map<String, LocalDate> starts = new HashMap<>();
        if (cohorts != null) {
            for (String cohort : cohorts.keys()) {
                starts.put(cohort, (LocalDate) cohorts.get(cohort, "start_date"));
            }
        }
        return new RoleConflicts(starts);
    }

    /**
     * Which of {@code pairs} conflict.
     *
     * @param pairs the typed values of the pairs that passed every other rule, in input order
     * @return the positions in {@code pairs} of the conflicting ones
     */
    public BitSet conflicting(List<Object[]> pairs) {
        Map<List<Object>, List<Role>> byPerson = new HashMap<>();
        for (int i = 0; i < pairs.size(); i++) {
            Object[] p = pairs.get(i);
            LocalDate matched = p[MATCHED] != null ? (LocalDate) p[MATCHED] : cohortStarts.get(p[COHORT]);
            for (String role : List.of("mentor", "mentee")) {
                Object person = p[role.equals("mentor") ? MENTOR : MENTEE];
                byPerson.computeIfAbsent(Arrays.asList(p[COHORT], person), k -> new ArrayList<>())
                        .add(new Role(i, role, matched, p));
            }
        }
        BitSet conflicting = new BitSet(pairs.size());
        for (List<Role> roles : byPerson.values()) {
            // nulls first, as Spark sorts ascending; ties by input order, which is the position
            roles.sort(Comparator.comparing(Role::matched, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparingInt(Role::position));
            for (int k = 1; k < roles.size(); k++) {
                if (conflicts(roles.get(k - 1), roles.get(k))) {
                    conflicting.set(roles.get(k).position());
                }
            }
        }
        return conflicting;
    }

    /**
     * Whether {@code next} may not follow {@code previous}: another role, or the previous not ended
     * rematched, or ended after {@code next} was matched. An unknown date decides nothing, as SQL's null.
     */
    private static boolean conflicts(Role previous, Role next) {
        Object[] prev = previous.values();
        if (!previous.role().equals(next.role()) || !"rematched".equals(prev[END_REASON])) {
            return true;
        }
        LocalDate ended = (LocalDate) prev[ENDED];
        return ended != null && next.matched() != null && ended.isAfter(next.matched());
    }

    private record Role(int position, String role, LocalDate matched, Object[] values) {
    }
}
