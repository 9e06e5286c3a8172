package io.flipside.ingest;

import static io.flipside.ingest.StagedRows.REASON;
import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The outcome of {@link Ingest}: every staged row with its final reason, the valid rows, and the
 * per-dataset summaries, all keyed by dataset name in validation order.
 *
 * @param checkMillis wall time until every dataset was checked; writing their outputs can go on after
 */
public record IngestResult(Map<String, Dataset<Row>> checked, Map<String, Dataset<Row>> valid,
        Map<String, DatasetSummary> summaries, long checkMillis) {

    /** The curated form of a dataset: typed fields plus the source file and row; empty when absent. */
    public Optional<Dataset<Row>> curated(String dataset) {
        Dataset<Row> ok = valid.get(dataset);
        if (ok == null) {
            return Optional.empty();
        }
        List<Column> cols = new ArrayList<>();
        for (String f : Datasets.byName(dataset).fieldNames()) {
            cols.add(col(f));
        }
        cols.add(col(StagedRows.SOURCE_FILE));
        cols.add(col(StagedRows.SOURCE_ROW));
        return Optional.of(ok.select(cols.toArray(new Column[0])));
    }

    /** Rejected rows as SPEC §3 wants them: every field as its original text, plus reason and source. */
    public Optional<Dataset<Row>> quarantined(String dataset) {
        Dataset<Row> all = checked.get(dataset);
        if (all == null) {
            return Optional.empty();
        }
        List<String> names = Datasets.byName(dataset).fieldNames();
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            cols.add(functions.element_at(col(StagedRows.RAW), i + 1).as(names.get(i)));
        }
        cols.add(col(REASON));
        cols.add(col(StagedRows.DETAIL));
        cols.add(col(StagedRows.SOURCE_FILE));
        cols.add(col(StagedRows.SOURCE_ROW));
        cols.add(col(StagedRows.RAW_RECORD));
        return Optional.of(all.filter(col(REASON).isNotNull()).select(cols.toArray(new Column[0])));
    }

    /** Frees Spark's cache of the staged rows. */
    public void release() {
        checked.values().forEach(Dataset::unpersist);
    }
}
