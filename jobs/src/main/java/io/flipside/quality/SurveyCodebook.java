package io.flipside.quality;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The effective answer range of survey items: SPEC §2 defaults 1-5 for likert, 0-10 for nps. */
public final class SurveyCodebook {
    private SurveyCodebook() {
    }

    public static Dataset<Row> effectiveRanges(Dataset<Row> items) {
        return items
                .withColumn("min_value", coalesce(col("min_value"), when(col("kind").equalTo("nps"), lit(0)).otherwise(lit(1))))
                .withColumn("max_value", coalesce(col("max_value"), when(col("kind").equalTo("nps"), lit(10)).otherwise(lit(5))));
    }
}
