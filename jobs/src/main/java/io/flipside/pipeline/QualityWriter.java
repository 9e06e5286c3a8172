package io.flipside.pipeline;

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
    private QualityWriter() {
    }

    /**
     * Writes the valid rows of each dataset in {@code ingest} (one, as the pipeline hands them over) that
     * ingest has not {@linkplain IngestResult#written written} itself, as one file.
     */
    static void writeCurated(IngestResult ingest, Path dir) {
        for (String name : ingest.summaries().keySet()) {
            if (!ingest.written(name)) {
                ingest.curated(name).ifPresent(df -> df.coalesce(1).write().mode(SaveMode.ErrorIfExists)
                        .parquet(dir.resolve(name).toString()));
            }
        }
    }

    /**
     * Writes the quarantined rows of each dataset in {@code ingest} that has some and that ingest has not
     * written itself into {@code dir}, which should be an {@link #ownerOnlyFolder}; call {@link #ownerOnly}
     * on it once every writer is done.
     */
    static void writeQuarantine(IngestResult ingest, Path dir) {
        for (DatasetSummary s : ingest.summaries().values()) {
            if (s.rowsQuarantined() > 0 && !ingest.written(s.dataset())) {
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
