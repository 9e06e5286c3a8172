package io.flipside.quality;

import io.flipside.ingest.DatasetSchema;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Where the rules of SPEC §2/§3 beyond a single row's fields live, and in which order a row meets them:
 * its own rules ({@code RowValidator}), then its id against the earlier valid rows' ids
 * ({@code duplicate_key}, the first in input order kept), then the {@link LookupChecks} against other
 * datasets (references, cascading because only their valid rows count; the employee of an activity
 * event belonging to its pair; answer and score ranges from the codebooks), then, for pairs, the
 * {@link RoleConflicts}. A row carries its first failure. All of them run in the task that reads the
 * dataset ({@code SinglePassWrite}).
 */
public final class QualityChecks {
    private QualityChecks() {
    }

    /**
     * The datasets whose valid rows the checks of {@code schema} read ({@link LookupChecks} and
     * {@link RoleConflicts}): they must be checked first.
     */
    public static Set<String> inputs(DatasetSchema schema) {
        Set<String> inputs = new LinkedHashSet<>();
        schema.references().forEach(r -> inputs.add(r.target()));
        switch (schema.name()) {
            case "pairs" -> inputs.add("cohorts");
            case "activity_events" -> inputs.add("pairs");
            case "survey_responses" -> inputs.add("survey_items");
            case "assessments" -> inputs.add("skills");
            default -> {
            }
        }
        return inputs;
    }

    /** The detail of a {@code duplicate_key} row. */
    public static String duplicateDetail(String key) {
        return key + " repeats an earlier row's id; the first in input order is kept";
    }
}
