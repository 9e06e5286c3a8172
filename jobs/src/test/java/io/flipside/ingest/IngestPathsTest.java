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
        try (Stream<Path> files = Files.walk(SAMPLE)) {
            for (Path f : files.toList()) {
                Files.copy(f, input.resolve(SAMPLE.relativize(f).toString()));
            }
        }
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
