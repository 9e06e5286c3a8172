package io.flipside.ingest;

import static java.util.Objects.requireNonNull;

import io.flipside.files.Folders;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The outcome of {@link Ingest}: each present dataset's curated and quarantined rows as written, in their
 * output layout ({@link OutputLayout}), and the per-dataset summaries, keyed by dataset name in
 * validation order.
 */
public final class IngestResult {
    /** One dataset's rows, read back from the {@link IngestOutputs} they were written to. */
    public record Rows(Dataset<Row> curated, Dataset<Row> quarantined) {
        public Rows {
            requireNonNull(curated, "curated");
            requireNonNull(quarantined, "quarantined");
        }
    }

    private final Map<String, Rows> datasets;
    private final Map<String, DatasetSummary> summaries;
    private final long checkMillis;
    private final Path scratch;

    /**
     * @param checkMillis wall time until every dataset was checked and written
     * @param scratch     a folder of ingest's own, deleted by {@link #release()}, or null
     */
    IngestResult(Map<String, Rows> datasets, Map<String, DatasetSummary> summaries, long checkMillis, Path scratch) {
        this.datasets = Map.copyOf(datasets);
        this.summaries = Collections.unmodifiableMap(new LinkedHashMap<>(summaries));
        this.checkMillis = checkMillis;
        this.scratch = scratch;
    }

    /** Every dataset, present or not, in validation order. */
    public Map<String, DatasetSummary> summaries() {
        return summaries;
    }

    public long checkMillis() {
        return checkMillis;
    }

    /** The curated form of a dataset: typed fields plus the source file and row; empty when absent. */
    public Optional<Dataset<Row>> curated(String dataset) {
        return Optional.ofNullable(datasets.get(dataset)).map(Rows::curated);
    }

    /** Every present dataset's curated rows by dataset name: what the metric jobs read. */
    public Map<String, Dataset<Row>> curated() {
        Map<String, Dataset<Row>> curated = new LinkedHashMap<>();
        datasets.forEach((name, rows) -> curated.put(name, rows.curated()));
        return curated;
    }

    /** Rejected rows as SPEC §3 wants them: every field as its original text, plus reason and source. */
    public Optional<Dataset<Row>> quarantined(String dataset) {
        return Optional.ofNullable(datasets.get(dataset)).map(Rows::quarantined);
    }

    /** Deletes ingest's own folder if it made one; the rows read from it are gone then. */
    public void release() {
        if (scratch != null) {
            Folders.delete(scratch);
        }
    }
}
