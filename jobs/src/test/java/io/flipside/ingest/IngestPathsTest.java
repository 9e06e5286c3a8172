package io.flipside.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.flipside.privacy.Pseudonymizer;
import io.flipside.testing.WithSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dataset with a unique key is checked either into the driver's memory (small text inputs) or into
 * Spark's cache (the others are written as read either way); the sample data (rows quarantined for several reasons, versioned keys, a pair that is not reverse) plus a
 * repeated session id and a nulled rating must come out the same both ways, to the row.
 */
@ExtendWith(WithSpark.class)
class IngestPathsTest {
    private static final Path SAMPLE = Path.of("../sample-data/data");
    private static final LocalDate AS_OF = LocalDate.of(2026, 9, 30);

    @Test
    void everyDatasetHeldOnTheDriverOrInSparksCacheGivesTheSameRowsAndCounts(SparkSession spark, @TempDir Path tmp)
            throws IOException {
        Path input = tmp.resolve("input");
        copySample(input);
        Files.writeString(input.resolve("sessions.csv"), "S0000001,P00001,2024-10-03,held,30,4,4,repeated id\n"
                + "S9999999,P00001,2024-10-05,held,30,9,4,rating out of range\n", StandardOpenOption.APPEND);
        Outcome driver = ingest(spark, input, Long.MAX_VALUE);
        Outcome cache = ingest(spark, input, 0);
        assertThat(driver.summaries).isEqualTo(cache.summaries);
        assertThat(driver.rows).isEqualTo(cache.rows);
        List<Object> sessions = driver.summaries.get("sessions");
        assertThat(sessions.get(3).toString()).as("reasons").contains("duplicate_key=1");
        assertThat(sessions.get(4)).as("fields nulled").isEqualTo(1L);
        assertThat(driver.summaries.get("survey_responses").get(5)).as("superseded").isNotEqualTo(0L);
        assertThat(driver.summaries.get("pairs").get(6)).as("not reverse").isNotEqualTo(0L);
    }

    @Test
    void aUniqueKeyAppliedInOnePassOrBySparkAcrossFilesGivesTheSameRows(SparkSession spark, @TempDir Path tmp)
            throws IOException {
        // the first of two rows with one id names an unknown pair: it is kept as the first and fails its
        // lookup, the second is the duplicate; an invalid first row does not count as the first
        String extra = "S9000001,P99999,2024-10-03,held,30,4,4,unknown pair\n"
                + "S9000001,P00001,2024-10-04,held,30,4,4,second of the id\n"
                + "S9000002,P00001,2024-10-05,bogus,30,4,4,invalid status\n"
                + "S9000002,P00001,2024-10-06,held,30,4,4,first valid of the id\n";
        Path one = tmp.resolve("one");
        copySample(one);
        Files.writeString(one.resolve("sessions.csv"), extra, StandardOpenOption.APPEND);
        Path split = tmp.resolve("split");
        copySample(split);
        List<String> lines = Files.readAllLines(split.resolve("sessions.csv"));
        Files.delete(split.resolve("sessions.csv"));
        Files.createDirectories(split.resolve("sessions"));
        int half = lines.size() / 2;
        Files.write(split.resolve("sessions/a.csv"), lines.subList(0, half));
        List<String> second = new ArrayList<>(List.of(lines.get(0)));
        second.addAll(lines.subList(half, lines.size()));
        Files.write(split.resolve("sessions/b.csv"), second);
        Files.writeString(split.resolve("sessions/b.csv"), extra, StandardOpenOption.APPEND);

        IngestResult a = new Ingest(spark, Pseudonymizer.withKey("k")).run(one, AS_OF);
        IngestResult b = new Ingest(spark, Pseudonymizer.withKey("k")).run(split, AS_OF);
        try {
            assertThat(a.written("sessions")).isTrue();
            assertThat(b.written("sessions")).as("two files: Spark's window").isFalse();
            assertThat(a.summaries().get("sessions").reasons()).isEqualTo(b.summaries().get("sessions").reasons())
                    .containsEntry("duplicate_key", 1L);
            String[] where = {StagedRows.SOURCE_FILE, StagedRows.SOURCE_ROW};
            assertThat(sorted(a.curated("sessions").orElseThrow().drop(where)))
                    .isEqualTo(sorted(b.curated("sessions").orElseThrow().drop(where)));
            assertThat(sorted(a.quarantined("sessions").orElseThrow().drop(where)))
                    .isEqualTo(sorted(b.quarantined("sessions").orElseThrow().drop(where)))
                    .anyMatch(r -> r.contains("S9000001,P99999") && r.contains("unknown_pair"))
                    .anyMatch(r -> r.contains("S9000001,P00001") && r.contains("duplicate_key"))
                    .anyMatch(r -> r.contains("S9000002,P00001,2024-10-05,bogus"));
        } finally {
            a.release();
            b.release();
        }
    }

    private static void copySample(Path input) throws IOException {
        try (Stream<Path> files = Files.walk(SAMPLE)) {
            for (Path f : files.toList()) {
                Files.copy(f, input.resolve(SAMPLE.relativize(f).toString()));
            }
        }
    }

    private record Outcome(Map<String, List<Object>> summaries, Map<String, List<String>> rows) {
    }

    private static Outcome ingest(SparkSession spark, Path input, long smallBytes) {
        IngestResult r = new Ingest(spark, Pseudonymizer.withKey("k"), smallBytes).run(input, AS_OF);
        try {
            Map<String, List<Object>> summaries = new TreeMap<>();
            Map<String, List<String>> rows = new TreeMap<>();
            for (DatasetSummary s : r.summaries().values()) {
                summaries.put(s.dataset(), List.of(s.rowsRead(), s.rowsValid(), s.rowsQuarantined(),
                        new TreeMap<>(s.reasons()), s.fieldsNulled(), s.superseded(), s.notReverse()));
                if (s.present()) {
                    rows.put(s.dataset() + " valid", sorted(r.curated(s.dataset()).orElseThrow()));
                    rows.put(s.dataset() + " quarantined", sorted(r.quarantined(s.dataset()).orElseThrow()));
                }
            }
            return new Outcome(summaries, rows);
        } finally {
            r.release();
        }
    }

    private static List<String> sorted(Dataset<Row> df) {
        List<String> out = new ArrayList<>();
        df.collectAsList().forEach(row -> out.add(row.toString()));
        out.sort(null);
        return out;
    }
}
