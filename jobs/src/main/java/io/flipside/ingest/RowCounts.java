package io.flipside.ingest;

import static io.flipside.ingest.StagedRows.REASON;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Rows read, quarantined (in total and by reason) and fields nulled, of one dataset or of one task's
 * share of it.
 */
record RowCounts(long read, long quarantined, long nulled, Map<String, Long> reasons) implements Serializable {
    RowCounts {
        reasons = Map.copyOf(reasons);
    }

    static final RowCounts NONE = new RowCounts(0, 0, 0, Map.of());

    RowCounts plus(RowCounts other) {
        Map<String, Long> merged = new TreeMap<>(reasons);
        other.reasons.forEach((reason, n) -> merged.merge(reason, n, Long::sum));
        return new RowCounts(read + other.read, quarantined + other.quarantined, nulled + other.nulled, merged);
    }

    /** From one pass over a dataset's staged rows. */
    static RowCounts of(Dataset<Row> all) {
        long read = 0;
        long quarantined = 0;
        long nulled = 0;
        Map<String, Long> reasons = new TreeMap<>();
        for (Row r : all.groupBy(col(REASON)).agg(count(lit(1)), sum(col(StagedRows.FIELDS_NULLED)))
                .collectAsList()) {
            long n = r.getLong(1);
            read += n;
            nulled += r.isNullAt(2) ? 0 : r.getLong(2);
            if (!r.isNullAt(0)) {
                quarantined += n;
                reasons.merge(r.getString(0), n, Long::sum);
            }
        }
        return new RowCounts(read, quarantined, nulled, reasons);
    }

    /** From staged rows already on the driver. */
    static RowCounts of(List<Row> rows, StructType schema) {
        int nulledAt = schema.fieldIndex(StagedRows.FIELDS_NULLED);
        int reasonAt = schema.fieldIndex(REASON);
        long quarantined = 0;
        long nulled = 0;
        Map<String, Long> reasons = new TreeMap<>();
        for (Row r : rows) {
            nulled += r.getInt(nulledAt);
            String reason = r.getString(reasonAt);
            if (reason != null) {
                quarantined++;
                reasons.merge(reason, 1L, Long::sum);
            }
        }
        return new RowCounts(rows.size(), quarantined, nulled, reasons);
    }
}
