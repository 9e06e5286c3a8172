package io.flipside.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.flipside.privacy.Pseudonymizer;
import io.flipside.testing.WithSpark;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A dataset is checked either into the driver's memory (small text inputs) or into Spark's cache; the
 * sample data, with rows quarantined for most reasons and versioned keys, must come out the same both
 * ways, to the row.
 */
@ExtendWith(WithSpark.class)
class IngestPathsTest {
    private static final Path SAMPLE = Path.of("../sample-data/data");
    private static final LocalDate AS_OF = LocalDate.of(2026, 9, 30);

    @Test
    void everyDatasetHeldOnTheDriverOrInSparksCacheGivesTheSameRowsAndCounts(SparkSession spark) {
        Outcome driver = ingest(spark, Long.MAX_VALUE);
        Outcome cache = ingest(spark, 0);
        assertThat(driver.summaries).isEqualTo(cache.summaries);
        assertThat(driver.rows).isEqualTo(cache.rows);
        assertThat(driver.summaries.get("activity_events").get(0)).as("rows read").isNotEqualTo(0L);
        assertThat(driver.summaries.values().stream().mapToLong(s -> (Long) s.get(2)).sum())
                .as("the sample quarantines rows").isGreaterThan(0);
    }

    private record Outcome(Map<String, List<Object>> summaries, Map<String, List<String>> rows) {
    }

    private static Outcome ingest(SparkSession spark, long smallBytes) {
        IngestResult r = new Ingest(spark, Pseudonymizer.withKey("k"), smallBytes).run(SAMPLE, AS_OF);
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
