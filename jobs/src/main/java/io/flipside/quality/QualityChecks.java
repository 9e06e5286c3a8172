package io.flipside.quality;

import static io.flipside.ingest.StagedRows.DETAIL;
import static io.flipside.ingest.StagedRows.FILE_INDEX;
import static io.flipside.ingest.StagedRows.LOOKUP_DETAIL;
import static io.flipside.ingest.StagedRows.LOOKUP_REASON;
import static io.flipside.ingest.StagedRows.REASON;
import static io.flipside.ingest.StagedRows.SOURCE_ROW;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import io.flipside.ingest.DatasetSchema;
import io.flipside.ingest.Reason;
import io.flipside.ingest.StagedRows;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The rules of SPEC §2/§3 that need more than one row. Those that look values up in other datasets
 * (references, cascading because only their valid rows count; the employee of an activity event
 * belonging to its pair; answer and score ranges from the codebooks) are {@link LookupChecks}, run as
 * rows are read; those that need the whole dataset, unique keys and the pairs' role conflicts, are
 * here. Each rule only ever sets the reason of a row that is still valid, so a row carries its first
 * failure: its own rules, then duplicate ids, then lookups, then role conflicts.
 */
public final class QualityChecks {
    private QualityChecks() {
    }

    /**
     * The datasets whose valid rows the checks of {@code schema} read ({@link LookupChecks} and
     * {@link #apply}): they must be checked first.
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

    /**
     * Whether every rule that could fail a row of {@code schema} runs as it is read ({@link LookupChecks}
     * included), so its reason is final there: true for datasets without a unique key, as the rules left
     * to {@link #apply} (duplicate ids, and the pairs' role conflicts) belong to datasets with one.
     */
    public static boolean decidedWhenRead(DatasetSchema schema) {
        return schema.uniqueKey() == null;
    }

    /**
     * Whether the only rule across rows of {@code schema} is its unique key: then a task that sees every
     * row of the dataset can apply it as it reads (true for every dataset with a unique key but pairs,
     * whose role conflicts compare pairs across the cohort).
     */
    public static boolean onlyUniqueKeyAcrossRows(DatasetSchema schema) {
        return schema.uniqueKey() != null && !schema.name().equals("pairs");
    }

    /** The detail of a {@code duplicate_key} row. */
    public static String duplicateDetail(String key) {
        return key + " repeats an earlier row's id; the first in input order is kept";
    }

    /**
     * Applies the rules that need the whole dataset, then gives the rows that passed them their
     * {@linkplain StagedRows#LOOKUP_REASON lookup failure}, if any.
     *
     * @param staged the dataset's staged rows, lookups checked
     * @param valid  the valid rows of the present datasets among {@link #inputs}, by name
     */
    public static Dataset<Row> apply(DatasetSchema schema, Dataset<Row> staged, Map<String, Dataset<Row>> valid) {
        if (decidedWhenRead(schema)) {
            return staged.drop(LOOKUP_REASON, LOOKUP_DETAIL);
        }
        Dataset<Row> df = fail(duplicates(staged, schema.uniqueKey()), col(LOOKUP_REASON).isNotNull(),
                col(LOOKUP_REASON), col(LOOKUP_DETAIL)).drop(LOOKUP_REASON, LOOKUP_DETAIL);
        return schema.name().equals("pairs") ? PairRules.roleConflicts(df, valid.get("cohorts")) : df;
    }

    /** Sets reason and detail where {@code condition} holds on a row that is still valid. */
    static Dataset<Row> fail(Dataset<Row> df, Column condition, Reason reason, String detail) {
        return fail(df, condition, lit(reason.code()), lit(detail));
    }

    private static Dataset<Row> fail(Dataset<Row> df, Column condition, Column reason, Column detail) {
        Column hit = col(REASON).isNull().and(coalesce(condition, lit(false)));
        return df.withColumn(DETAIL, when(hit, detail).otherwise(col(DETAIL)))
                .withColumn(REASON, when(hit, reason).otherwise(col(REASON)));
    }

    /** A repeated id: the first valid row in input order is kept, later ones are {@code duplicate_key}. */
    private static Dataset<Row> duplicates(Dataset<Row> df, String key) {
        WindowSpec w = Window.partitionBy(col(key), col(REASON).isNull()).orderBy(col(FILE_INDEX), col(SOURCE_ROW));
        return fail(df.withColumn("_dup", row_number().over(w)), col("_dup").gt(1), Reason.DUPLICATE_KEY,
                duplicateDetail(key)).drop("_dup");
    }
}
