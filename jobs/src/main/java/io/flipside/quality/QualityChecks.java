package io.flipside.quality;

import static io.flipside.ingest.StagedRows.DETAIL;
import static io.flipside.ingest.StagedRows.FILE_INDEX;
import static io.flipside.ingest.StagedRows.REASON;
import static io.flipside.ingest.StagedRows.SOURCE_ROW;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import io.flipside.ingest.DatasetSchema;
import io.flipside.ingest.Datasets;
import io.flipside.ingest.Reason;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The rules of SPEC §2/§3 that need more than one row: unique keys, references to other datasets
 * (cascading, because only their valid rows count), role conflicts in pairs, the employee of an
 * activity event belonging to its pair, and answer and score ranges that come from the codebooks.
 * Each rule only ever sets the reason of a row that is still valid, so a row carries its first failure.
 */
public final class QualityChecks {
    private QualityChecks() {
    }

    /** The datasets whose valid rows {@link #apply} reads for {@code schema}: they must be checked first. */
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
     * @param staged  the dataset's staged rows
     * @param valid   the valid rows of the present datasets among {@link #inputs}, by name
     */
    public static Dataset<Row> apply(DatasetSchema schema, Dataset<Row> staged, Map<String, Dataset<Row>> valid) {
        Dataset<Row> df = staged;
        if (schema.uniqueKey() != null) {
            df = duplicates(df, schema.uniqueKey());
        }
        int n = 0;
        for (DatasetSchema.Reference ref : schema.references()) {
            Dataset<Row> target = valid.get(ref.target());
            if (target == null) {
                continue;
            }
            String key = "_ref" + n++;
            String targetKey = Datasets.byName(ref.target()).uniqueKey();
            Dataset<Row> keys = target.select(col(targetKey).as(key)).distinct();
            df = df.join(broadcast(keys), df.col(ref.column()).equalTo(keys.col(key)), "left");
            df = fail(df, col(ref.column()).isNotNull().and(col(key).isNull()), ref.reason(),
                    ref.column() + " is not a valid " + ref.target() + " id (unknown, or its row was quarantined)")
                    .drop(key);
        }
        return switch (schema.name()) {
            case "pairs" -> PairRules.roleConflicts(df, valid.get("cohorts"));
            case "activity_events" -> notInPair(df, valid.get("pairs"));
            case "survey_responses" -> valid.containsKey("survey_items") ? answerRange(df, valid.get("survey_items")) : df;
            case "assessments" -> valid.containsKey("skills") ? scoreRange(df, valid.get("skills")) : df;
            default -> df;
        };
    }

    /** Sets reason and detail where {@code condition} holds on a row that is still valid. */
    static Dataset<Row> fail(Dataset<Row> df, Column condition, Reason reason, String detail) {
        Column hit = col(REASON).isNull().and(coalesce(condition, lit(false)));
        return df.withColumn(DETAIL, when(hit, lit(detail)).otherwise(col(DETAIL)))
                .withColumn(REASON, when(hit, lit(reason.code())).otherwise(col(REASON)));
    }

    static Dataset<Row> fail(Dataset<Row> df, Column condition, Reason reason, Column detail) {
        Column hit = col(REASON).isNull().and(coalesce(condition, lit(false)));
        return df.withColumn(DETAIL, when(hit, detail).otherwise(col(DETAIL)))
                .withColumn(REASON, when(hit, lit(reason.code())).otherwise(col(REASON)));
    }

    /** A repeated id: the first valid row in input order is kept, later ones are {@code duplicate_key}. */
    private static Dataset<Row> duplicates(Dataset<Row> df, String key) {
        WindowSpec w = Window.partitionBy(col(key), col(REASON).isNull()).orderBy(col(FILE_INDEX), col(SOURCE_ROW));
        return fail(df.withColumn("_dup", row_number().over(w)), col("_dup").gt(1), Reason.DUPLICATE_KEY,
                key + " repeats an earlier row's id; the first in input order is kept").drop("_dup");
    }

    private static Dataset<Row> notInPair(Dataset<Row> df, Dataset<Row> pairs) {
        Dataset<Row> p = pairs.select(col("pair_id").as("_np_pair"), col("mentor_id").as("_np_mentor"),
                col("mentee_id").as("_np_mentee"));
        Dataset<Row> joined = df.join(broadcast(p), df.col("pair_id").equalTo(p.col("_np_pair")), "left");
        Column outside = col("_np_pair").isNotNull()
                .and(col("employee_id").notEqual(col("_np_mentor")))
                .and(col("employee_id").notEqual(col("_np_mentee")));
        return fail(joined, outside, Reason.NOT_IN_PAIR, "employee_id is neither the mentor nor the mentee of pair_id")
                .drop("_np_pair", "_np_mentor", "_np_mentee");
    }

    private static Dataset<Row> answerRange(Dataset<Row> df, Dataset<Row> items) {
        Dataset<Row> i = SurveyCodebook.effectiveRanges(items)
                .select(col("item_id").as("_ar_item"), col("min_value").as("_ar_min"), col("max_value").as("_ar_max"));
        Dataset<Row> joined = df.join(broadcast(i), df.col("item_id").equalTo(i.col("_ar_item")), "left");
        Column out = col("value").lt(col("_ar_min")).or(col("value").gt(col("_ar_max")));
        return fail(joined, out, Reason.OUT_OF_RANGE, org.apache.spark.sql.functions.concat(
                lit("value is outside the item's range "), col("_ar_min").cast("string"), lit("-"),
                col("_ar_max").cast("string"))).drop("_ar_item", "_ar_min", "_ar_max");
    }

    private static Dataset<Row> scoreRange(Dataset<Row> df, Dataset<Row> skills) {
        Dataset<Row> s = skills.select(col("skill_id").as("_sr_skill"), col("min_score").as("_sr_min"),
                col("max_score").as("_sr_max"));
        Dataset<Row> joined = df.join(broadcast(s), df.col("skill_id").equalTo(s.col("_sr_skill")), "left");
        Column out = col("score").lt(col("_sr_min")).or(col("score").gt(col("_sr_max")));
        return fail(joined, out, Reason.OUT_OF_RANGE, org.apache.spark.sql.functions.concat(
                lit("score is outside the skill's range "), col("_sr_min").cast("string"), lit("-"),
                col("_sr_max").cast("string"))).drop("_sr_skill", "_sr_min", "_sr_max");
    }
}
