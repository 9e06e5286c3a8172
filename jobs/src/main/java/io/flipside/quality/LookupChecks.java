package io.flipside.quality;

import static java.util.Objects.requireNonNull;

import io.flipside.ingest.DatasetSchema;
import io.flipside.ingest.Reason;
import io.flipside.ingest.RowRule.Violation;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of SPEC §2/§3 that look a row's values up in other datasets' valid rows: references
 * ({@code unknown_employee}, {@code unknown_pair}, ...), the employee of an activity event belonging
 * to its pair ({@code not_in_pair}), and answer and score ranges from the codebooks ({@code out_of_range}).
 *
 * <p>They run where a dataset's rows are read (a Spark task, or the driver for a small dataset), against
 * the {@link ReferenceRows} the driver got from the writers of those datasets, broadcast to the tasks:
 * joining every row of a big dataset with each dataset it refers to cost a fifth of the activity events'
 * ingest at scale 100, and a Spark job per reference. Only valid rows are checked, and a row gets its
 * first failure: the references in {@link DatasetSchema#references()} order, then the dataset's own
 * rule. Immutable once built, so tasks share one copy.
 */
public final class LookupChecks implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<Check> checks;

    LookupChecks(List<Check> checks) {
        this.checks = List.copyOf(checks);
    }

    /**
     * The checks of {@code schema}.
     *
     * @param references the valid rows of the present datasets among {@link QualityChecks#inputs}, by
     *                   name; a reference to an absent dataset is not checked
     */
    public static LookupChecks of(DatasetSchema schema, Map<String, ReferenceRows> references) {
        List<String> names = schema.fieldNames();
        List<Check> checks = new ArrayList<>();
        for (DatasetSchema.Reference ref : schema.references()) {
            ReferenceRows target = references.get(ref.target());
            if (target != null) {
                checks.add(new KnownKey(names.indexOf(ref.column()), new HashSet<>(target.keys()), ref.reason(),
                        ref.column() + " is not a valid " + ref.target() + " id (unknown, or its row was quarantined)"));
            }
        }
        switch (schema.name()) {
            case "activity_events" -> {
                if (references.containsKey("pairs")) {
                    checks.add(new InPair(names.indexOf("pair_id"), names.indexOf("employee_id"),
                            members(references.get("pairs"))));
                }
            }
            case "survey_responses" -> {
                ReferenceRows items = references.get("survey_items");
                if (items != null) {
                    Map<String, Range> ranges = new HashMap<>();
                    for (String item : items.keys()) {
                        String kind = (String) items.get(item, "kind");
                        ranges.put(item, new Range(SurveyCodebook.minValue(kind, (Integer) items.get(item, "min_value")),
                                SurveyCodebook.maxValue(kind, (Integer) items.get(item, "max_value"))));
                    }
                    checks.add(new InRange(names.indexOf("item_id"), names.indexOf("value"), ranges,
                            "value is outside the item's range "));
                }
            }
            case "assessments" -> {
                ReferenceRows skills = references.get("skills");
                if (skills != null) {
                    Map<String, Range> ranges = new HashMap<>();
                    for (String skill : skills.keys()) {
                        ranges.put(skill, new Range((Number) skills.get(skill, "min_score"),
                                (Number) skills.get(skill, "max_score")));
                    }
                    checks.add(new InRange(names.indexOf("skill_id"), names.indexOf("score"), ranges,
                            "score is outside the skill's range "));
                }
            }
            default -> {
            }
        }
        return new LookupChecks(checks);
    }

    /**
     * The first rule that a valid row's values break, or null when it passes.
     *
     * @param values the row's typed values in {@link DatasetSchema#fields()} order
     */
    public Violation check(Object[] values) {
        for (Check c : checks) {
            Violation v = c.check(values);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static Map<String, Members> members(ReferenceRows pairs) {
        Map<String, Members> members = new HashMap<>();
        for (String pair : pairs.keys()) {
            members.put(pair, new Members((String) pairs.get(pair, "mentor_id"), (String) pairs.get(pair, "mentee_id")));
        }
        return members;
    }

    /**
     * A read-only copy that answers in constant time: {@code Map.copyOf}'s open addressing probed long runs
     * for ids that differ in their last characters (pair ids: two fifths of the activity events' ingest).
     */
    private static <V> Map<String, V> lookup(Map<String, V> map) {
        return Collections.unmodifiableMap(new HashMap<>(map));
    }

    interface Check extends Serializable {
        Violation check(Object[] values);
    }

    /** A value that must be a valid key of another dataset; null passes (requiredness is a field rule). */
    record KnownKey(int column, Set<String> keys, Reason reason, String detail) implements Check {
        KnownKey {
            requireNonNull(keys, "keys");
            requireNonNull(reason, "reason");
        }

        @Override
        public Violation check(Object[] values) {
            Object v = values[column];
            return v == null || keys.contains(v) ? null : new Violation(reason, detail);
        }
    }

    record Members(String mentor, String mentee) implements Serializable {
    }

    /** An activity event of a known pair must be the mentor's or the mentee's. */
    record InPair(int pairColumn, int employeeColumn, Map<String, Members> members) implements Check {
        InPair {
            members = lookup(members);
        }

        @Override
        public Violation check(Object[] values) {
            Members m = members.get(values[pairColumn]);
            Object employee = values[employeeColumn];
            if (m == null || employee == null || m.mentor() == null || m.mentee() == null
                    || employee.equals(m.mentor()) || employee.equals(m.mentee())) {
                return null;
            }
            return new Violation(Reason.NOT_IN_PAIR, "employee_id is neither the mentor nor the mentee of pair_id");
        }
    }

    /** Either bound may be missing, and then does not limit; the detail then has none, as SQL's concat. */
    record Range(Number min, Number max) implements Serializable {
        boolean excludes(double value) {
            return min != null && value < min.doubleValue() || max != null && value > max.doubleValue();
        }

        String describe(String sentence) {
            return min == null || max == null ? null : sentence + min + "-" + max;
        }
    }

    /** A value outside its codebook entry's range; a value whose entry is unknown is not limited here. */
    record InRange(int keyColumn, int valueColumn, Map<String, Range> ranges, String sentence) implements Check {
        InRange {
            ranges = lookup(ranges);
            requireNonNull(sentence, "sentence");
        }

        @Override
        public Violation check(Object[] values) {
            Range r = ranges.get(values[keyColumn]);
            Object v = values[valueColumn];
            return r == null || v == null || !r.excludes(((Number) v).doubleValue()) ? null
                    : new Violation(Reason.OUT_OF_RANGE, r.describe(sentence));
        }
    }
}
