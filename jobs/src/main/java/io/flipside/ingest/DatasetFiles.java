package io.flipside.ingest;

import io.flipside.parquet.ParquetRows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.types.StructType;

/**
 * The Parquet files one writer fills in a dataset's folder: one file named {@code name}, or for curated
 * activity events one in each month's folder ({@link OutputLayout#byMonth}). A file is created with its
 * first row, so a writer that keeps or rejects nothing leaves none. The ingest's writers and the bench's
 * writing floor both write through this, so the floor writes as the ingest does.
 */
public final class DatasetFiles implements AutoCloseable {
    private final Path dir;
    private final String name;
    private final StructType schema;
    private final Set<String> noDictionary;
    /** The field whose month picks the file, or -1 for a single file. */
    private final int eventTime;
    private final Map<YearMonth, ParquetRows> months = new HashMap<>();
    private final List<String> created = new ArrayList<>();
    private ParquetRows single;

    private DatasetFiles(Path dir, String name, StructType schema, Set<String> noDictionary, int eventTime) {
        this.dir = dir;
        this.name = name;
        this.schema = schema;
        this.noDictionary = noDictionary;
        this.eventTime = eventTime;
    }

    /** Curated rows ({@link OutputLayout#curatedRow}) of {@code dataset}, written into {@code dir}. */
    public static DatasetFiles curated(Path dir, String name, DatasetSchema dataset) {
        return new DatasetFiles(dir, name, OutputLayout.curated(dataset), OutputLayout.noDictionary(dataset),
                OutputLayout.byMonth(dataset) ? dataset.fieldNames().indexOf("event_time") : -1);
    }

    /** Quarantined rows ({@link OutputLayout#quarantinedRow}) of {@code dataset}: one file. */
    static DatasetFiles quarantined(Path dir, String name, DatasetSchema dataset) {
        return new DatasetFiles(dir, name, OutputLayout.quarantined(dataset), Set.of(), -1);
    }

    public void write(Object[] row) {
        if (eventTime < 0) {
            if (single == null) {
                single = create(name);
            }
            single.write(row);
            return;
        }
        YearMonth month = OutputLayout.eventMonth((Instant) row[eventTime]);
        ParquetRows file = months.get(month);
        if (file == null) {
            file = create(OutputLayout.monthFolder(month) + "/" + name);
            months.put(month, file);
        }
        file.write(row);
    }

    /** The files created so far, relative to the folder, in the order they were created. */
    public List<String> files() {
        return List.copyOf(created);
    }

    /** Finishes every file; the first failure is thrown once all were tried, with the others suppressed. */
    @Override
    public void close() {
        List<ParquetRows> open = new ArrayList<>(months.values());
        if (single != null) {
            open.add(single);
        }
        RuntimeException failed = null;
        for (ParquetRows file : open) {
            try {
                file.close();
            } catch (RuntimeException e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    private ParquetRows create(String relative) {
        Path file = dir.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file.getParent(), e);
        }
        created.add(relative);
        return ParquetRows.create(file, schema, noDictionary);
    }
}
