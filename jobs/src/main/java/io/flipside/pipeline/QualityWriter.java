package io.flipside.pipeline;

import io.flipside.ingest.DatasetSummary;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes {@code quality/summary.csv}, and keeps {@code quality/quarantine/} (which ingest writes)
 * readable by the owner only: quarantined rows hold raw input, ids included (§6).
 */
final class QualityWriter {
    private QualityWriter() {
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
