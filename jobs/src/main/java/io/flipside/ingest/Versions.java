package io.flipside.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * SPEC §2 "Versions": at as-of D, per key the version with the latest date on or before D wins; on the
 * same date, the one later in the input. Rows dated after D are invisible.
 */
public final class Versions {
    private static final String RANK = "_version_rank";

    private Versions() {
    }

    /** The winning version of every key at {@code asOf}. */
    public static Dataset<Row> current(Dataset<Row> rows, DatasetSchema schema, LocalDate asOf) {
        return ranked(rows, schema, asOf).filter(col(RANK).equalTo(1)).drop(RANK);
    }

    private static Dataset<Row> ranked(Dataset<Row> rows, DatasetSchema schema, LocalDate asOf) {
        WindowSpec w = Window.partitionBy(key(schema)).orderBy(col(schema.versionDate()).desc(),
                col(OutputLayout.SOURCE_FILE).desc(), col(OutputLayout.SOURCE_ROW).desc());
        return rows.filter(col(schema.versionDate()).leq(lit(asOf))).withColumn(RANK, row_number().over(w));
    }

    private static Column[] key(DatasetSchema schema) {
        return schema.versionKey().stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    }
}
