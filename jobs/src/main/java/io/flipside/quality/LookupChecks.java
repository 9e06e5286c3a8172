package io.flipside.quality;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import io.flipside.ingest.DatasetSchema;
import io.flipside.ingest.Datasets;
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
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The rules of SPEC §2/§3 that look a row's values up in other datasets' valid rows: references
 * ({@code unknown_employee}, {@code unknown_pair}, ...), the employee of an activity event belonging
 * to its pair ({@code not_in_pair}), and answer and score ranges from the codebooks ({@code out_of_range}).
 *
 * <p>They run inside the reading tasks, against lookups collected once on the driver and broadcast:
 * joining every row of a big dataset with each dataset it refers to cost a fifth of the activity
 * events' ingest at scale 100, and a Spark job per reference. Only valid rows are checked, and a row
 * gets its first failure: the references in {@link DatasetSchema#references()} order, then the
 * dataset's own rule. Immutable once built, so tasks share one copy.
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
     * @param keys  the valid keys of each present dataset {@code schema} refers to, by dataset name; a
     *              reference to an absent dataset is not checked
     * @param valid the valid rows of the present datasets among {@link QualityChecks#inputs}, by name,
     *              for the pairs' members and the codebooks' ranges
     */
    public static LookupChecks of(DatasetSchema schema, Map<String, Set<String>> keys,
            Map<String, Dataset<Row>> valid) {
        List<String> names = schema.fieldNames();
        List<Check> checks = new ArrayList<>();
        for (DatasetSchema.Reference ref : schema.references()) {
            Set<String> targetKeys = keys.get(ref.target());
            if (targetKeys != null) {
                checks.add(new KnownKey(names.indexOf(ref.column()), targetKeys, ref.reason(), ref.column()
                        + " is not a valid " + ref.target() + " id (unknown, or its row was quarantined)"));
            }
        }
        switch (schema.name()) {
            case "activity_events" -> {
                if (valid.containsKey("pairs")) {
                    checks.add(new InPair(names.indexOf("pair_id"), names.indexOf("employee_id"),
                            members(valid.get("pairs"))));
                }
            }
            case "survey_responses" -> {
                if (valid.containsKey("survey_items")) {
                    checks.add(new InRange(names.indexOf("item_id"), names.indexOf("value"),
                            ranges(SurveyCodebook.effectiveRanges(valid.get("survey_items")), "item_id", "min_value",
                                    "max_value"), "value is outside the item's range "));
                }
            }
            case "assessments" -> {
                if (valid.containsKey("skills")) {
                    checks.add(new InRange(names.indexOf("skill_id"), names.indexOf("score"),
                            ranges(valid.get("skills"), "skill_id", "min_score", "max_score"),
                            "score is outside the skill's range "));
                }
            }
            default -> {
            }
        }
        return new LookupChecks(checks);
    }

    /** The valid keys of a dataset others refer to (its unique key), collected to the driver. */
    public static Set<String> keysOf(String dataset, Dataset<Row> valid) {
        String key = Datasets.byName(dataset).uniqueKey();
        Set<String> keys = new HashSet<>();
        for (Row r : valid.select(col(key)).collectAsList()) {
            keys.add(r.getString(0));
        }
        return Collections.unmodifiableSet(keys);
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

    private static Map<String, Members> members(Dataset<Row> pairs) {
        Map<String, Members> members = new HashMap<>();
        for (Row r : pairs.select(col("pair_id"), col("mentor_id"), col("mentee_id")).collectAsList()) {
            members.put(r.getString(0), new Members(r.getString(1), r.getString(2)));
        }
        return members;
    }

    private static Map<String, Range> ranges(Dataset<Row> codebook, String key, String min, String max) {
        Map<String, Range> ranges = new HashMap<>();
        for (Row r : codebook.select(col(key), col(min), col(max)).collectAsList()) {
            ranges.put(r.getString(0), new Range((Number) r.get(1), (Number) r.get(2)));
        }
        return ranges;
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
