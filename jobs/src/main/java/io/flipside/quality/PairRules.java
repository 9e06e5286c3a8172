package io.flipside.quality;

import static io.flipside.ingest.StagedRows.FILE_INDEX;
import static io.flipside.ingest.StagedRows.REASON;
import static io.flipside.ingest.StagedRows.SOURCE_ROW;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;

import io.flipside.ingest.Reason;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * SPEC §2 pairs: a person holds one role within a cohort, and a second pair in the same cohort is
 * allowed only after an earlier one ended {@code rematched} (matched on or after that end). Pairs are
 * taken in order of matched date (then input order); the later of two conflicting pairs is quarantined.
 */
final class PairRules {
    private PairRules() {
    }

    static Dataset<Row> roleConflicts(Dataset<Row> pairs, Dataset<Row> cohorts) {
        Dataset<Row> starts = cohorts.select(col("cohort_id").as("_rc_cohort"), col("start_date").as("_rc_start"));
        Dataset<Row> withStart = pairs.join(broadcast(starts), pairs.col("cohort_id").equalTo(starts.col("_rc_cohort")),
                "left").drop("_rc_cohort");
        Column matched = coalesce(col("matched_date"), col("_rc_start"));
        Dataset<Row> people = withStart.filter(col(REASON).isNull())
                .select(col("pair_id"), col("cohort_id"), matched.as("_m"), col("ended_date"), col("end_reason"),
                        col(FILE_INDEX), col(SOURCE_ROW),
                        explode(array(struct(col("mentor_id").as("person"), lit("mentor").as("role")),
                                struct(col("mentee_id").as("person"), lit("mentee").as("role")))).as("_p"));
        WindowSpec w = Window.partitionBy(col("cohort_id"), col("_p.person"))
                .orderBy(col("_m"), col(FILE_INDEX), col(SOURCE_ROW));
        Column conflict = lag(col("pair_id"), 1).over(w).isNotNull().and(
                lag(col("_p.role"), 1).over(w).notEqual(col("_p.role"))
                        .or(coalesce(lag(col("end_reason"), 1).over(w), lit("")).notEqual(lit("rematched")))
                        .or(lag(col("ended_date"), 1).over(w).gt(col("_m"))));
        Dataset<Row> conflicted = people.withColumn("_c", conflict).groupBy(col("pair_id").as("_rc_pair"))
                .agg(max(col("_c")).as("_rc_conflict"));
        Dataset<Row> joined = withStart.join(conflicted, withStart.col("pair_id").equalTo(conflicted.col("_rc_pair"))
                .and(withStart.col(REASON).isNull()), "left");
        return QualityChecks.fail(joined, col("_rc_conflict"), Reason.ROLE_CONFLICT,
                "a person of this pair already holds a role in the cohort (a second pair needs the earlier one"
                        + " ended rematched on or before matched_date, in the same role)")
                .drop("_rc_pair", "_rc_conflict", "_rc_start");
    }
}
