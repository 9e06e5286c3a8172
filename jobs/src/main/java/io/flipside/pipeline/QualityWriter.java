package io.flipside.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;

import io.flipside.ingest.DatasetSummary;
import io.flipside.ingest.IngestResult;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SaveMode;

/**
 * Writes {@code curated/DATASET/}, {@code quality/quarantine/DATASET/} and {@code quality/summary.csv}.
 * Quarantined rows hold raw input, ids included, so their folder is readable by the owner only (§6).
 */
final class QualityWriter {
    /** The partition column of curated/activity_events/. */
    static final String EVENT_MONTH = "event_month";

    private QualityWriter() {
    }

    /** Writes the valid rows of each dataset in {@code ingest} (one, as the pipeline hands them over). */
    static void writeCurated(IngestResult ingest, Path dir) {
        for (String name : ingest.summaries().keySet()) {
            ingest.curated(name).ifPresent(df -> {
                if (name.equals("activity_events")) {
                    // the high-volume feed: one folder per month of event time (UTC), so BI tools and later
                    // runs read only the months they need; one writer per core, each sorting its share by
                    // month, costs a local sort where grouping months into one file each cost a shuffle
                    df.withColumn(EVENT_MONTH, date_format(col("event_time"), "yyyy-MM"))
                            .coalesce(df.sparkSession().sparkContext().defaultParallelism())
                            .write().mode(SaveMode.ErrorIfExists).partitionBy(EVENT_MONTH)
                            // nearly every event time is distinct: the writer filled a dictionary for each file
                            // only to drop it for plain values, a fifth of the write's time at scale 100
                            .option("parquet.enable.dictionary#event_time", "false")
                            .parquet(dir.resolve(name).toString());
                } else {
                    df.coalesce(1).write().mode(SaveMode.ErrorIfExists).parquet(dir.resolve(name).toString());
                }
            });
        }
    }

    /**
     * Writes the quarantined rows of each dataset in {@code ingest} that has some into {@code dir}, which
     * should be an {@link #ownerOnlyFolder}; call {@link #ownerOnly} on it once every writer is done.
     */
    static void writeQuarantine(IngestResult ingest, Path dir) {
        for (DatasetSummary s : ingest.summaries().values()) {
            if (s.rowsQuarantined() > 0) {
                ingest.quarantined(s.dataset()).orElseThrow().coalesce(1).write().mode(SaveMode.ErrorIfExists)
                        .parquet(dir.resolve(s.dataset()).toString());
            }
        }
    }

    /**
     * Creates {@code dir} readable by the owner only before anything is written into it, so no other
     * user can read a quarantined row between its write and {@link #ownerOnly}.
     */
    static Path ownerOnlyFolder(Path dir) {
        try {
            Files.createDirectories(dir.getParent());
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            ownerOnly(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    static void writeSummary(Map<String, DatasetSummary> summaries, Path file) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file.getParent(), e);
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("dataset,reason,rows\n");
            for (DatasetSummary s : summaries.values()) {
                for (Map.Entry<String, Long> e : s.reasons().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
                    w.write(s.dataset() + "," + e.getKey() + "," + e.getValue() + "\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static void ownerOnly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwx------" : "rw-------"));
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("cannot restrict the permissions of " + dir
                    + "; quarantined rows must be readable by the owner only", e);
        }
    }
}
