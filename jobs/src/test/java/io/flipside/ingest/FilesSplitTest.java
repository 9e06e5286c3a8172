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
 * A dataset given as a folder of part files is the same dataset as one file with their rows in order:
 * the sample data (rows quarantined for several reasons, versioned keys, a pair that is not reverse)
 * plus repeated ids, once with every dataset in one file and once with every dataset split in two,
 * must give the same rows and counts. Ids repeat across the split, so the datasets with a unique key
 * must be read in input order across files; the others are read a task per file. The split data set is
 * read in Spark jobs, the whole one as by default (every dataset but the activity events is small enough
 * to be read on the driver), so the two ways of reading are held to the same outcome too.
 */
@ExtendWith(WithSpark.class)
class FilesSplitTest {
    private static final Path SAMPLE = Path.of("../sample-data/data");
    private static final LocalDate AS_OF = LocalDate.of(2026, 9, 30);
    private static final String[] SOURCE = {OutputLayout.SOURCE_FILE, OutputLayout.SOURCE_ROW};

    @Test
    void everyDatasetSplitInTwoGivesTheSameRowsAndCountsAsInOneFile(SparkSession spark, @TempDir Path tmp)
            throws IOException {
        // the first of two rows with one id names an unknown pair: it is kept as the first and fails its
        // lookup, the second is the duplicate; an invalid first row does not count as the first
        String sessions = "S0000001,P00001,2024-10-03,held,30,4,4,repeated id\n"
                + "S9999999,P00001,2024-10-05,held,30,9,4,rating out of range\n"
                + "S9000001,P99999,2024-10-03,held,30,4,4,unknown pair\n"
                + "S9000001,P00001,2024-10-04,held,30,4,4,second of the id\n"
                + "S9000002,P00001,2024-10-05,bogus,30,4,4,invalid status\n"
                + "S9000002,P00001,2024-10-06,held,30,4,4,first valid of the id\n";
        Path one = tmp.resolve("one");
        copySample(one);
        Files.writeString(one.resolve("sessions.csv"), sessions, StandardOpenOption.APPEND);
        Path split = tmp.resolve("split");
        copySample(split);
        Files.writeString(split.resolve("sessions.csv"), sessions, StandardOpenOption.APPEND);
        for (DatasetSchema schema : Datasets.ALL) {
            Path file = split.resolve(schema.name() + ".csv");
            if (Files.exists(file)) {
                splitInTwo(file, split.resolve(schema.name()));
            }
        }

        Outcome whole = ingest(spark, one, Ingest.DRIVER_BYTES);
        Outcome parts = ingest(spark, split, 0);
        assertThat(parts.summaries).isEqualTo(whole.summaries);
        assertThat(parts.rows).isEqualTo(whole.rows);
        List<Object> s = whole.summaries.get("sessions");
        assertThat(s.get(3)).as("reasons").isEqualTo(Map.of("duplicate_key", 2L, "invalid_value", 1L,
                "missing_field", 2L, "unknown_pair", 4L));
        assertThat(s.get(4)).as("fields nulled").isEqualTo(1L);
        assertThat(whole.summaries.get("survey_responses").get(5)).as("superseded").isNotEqualTo(0L);
        assertThat(whole.summaries.get("pairs").get(6)).as("not reverse").isNotEqualTo(0L);
        assertThat(whole.rows.get("sessions quarantined"))
                .anyMatch(r -> r.startsWith("[S9000001,P99999") && r.contains("unknown_pair"))
                .anyMatch(r -> r.startsWith("[S9000001,P00001") && r.contains("duplicate_key"))
                .anyMatch(r -> r.startsWith("[S9000002,P00001,2024-10-05,bogus"));
        assertThat(whole.rows.get("sessions valid")).anyMatch(r -> r.startsWith("[S9000002,P00001,2024-10-06"));
    }

    private record Outcome(Map<String, List<Object>> summaries, Map<String, List<String>> rows) {
    }

    private static Outcome ingest(SparkSession spark, Path input, long driverBytes) {
        IngestResult r = new Ingest(spark, Pseudonymizer.withKey("k"), driverBytes).run(input, AS_OF);
        try {
            Map<String, List<Object>> summaries = new TreeMap<>();
            Map<String, List<String>> rows = new TreeMap<>();
            for (DatasetSummary s : r.summaries().values()) {
                summaries.put(s.dataset(), List.of(s.rowsRead(), s.rowsValid(), s.rowsQuarantined(),
                        new TreeMap<>(s.reasons()), s.fieldsNulled(), s.superseded(), s.notReverse()));
                if (s.present()) {
                    rows.put(s.dataset() + " valid", sorted(r.curated(s.dataset()).orElseThrow().drop(SOURCE)));
                    rows.put(s.dataset() + " quarantined", sorted(r.quarantined(s.dataset()).orElseThrow().drop(SOURCE)));
                }
            }
            return new Outcome(summaries, rows);
        } finally {
            r.release();
        }
    }

    /** The header and the first half of the rows in {@code folder/a.csv}, the header and the rest in b.csv. */
    private static void splitInTwo(Path file, Path folder) throws IOException {
        List<String> lines = Files.readAllLines(file);
        Files.delete(file);
        Files.createDirectories(folder);
        int half = 1 + (lines.size() - 1) / 2;
        Files.write(folder.resolve("a.csv"), lines.subList(0, half));
        List<String> rest = new ArrayList<>(List.of(lines.get(0)));
        rest.addAll(lines.subList(half, lines.size()));
        Files.write(folder.resolve("b.csv"), rest);
    }

    private static void copySample(Path input) throws IOException {
        try (Stream<Path> files = Files.walk(SAMPLE)) {
            for (Path f : files.toList()) {
                Files.copy(f, input.resolve(SAMPLE.relativize(f).toString()));
            }
        }
    }

    private static List<String> sorted(Dataset<Row> df) {
        List<String> out = new ArrayList<>();
        df.collectAsList().forEach(row -> out.add(row.toString()));
        out.sort(null);
        return out;
    }
}
