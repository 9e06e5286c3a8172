package io.flipside.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.flipside.privacy.Pseudonymizer;
import io.flipside.testing.WithSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Datasets decided when read go straight from the reading task to {@code curated/} and the quarantine
 * ({@link SinglePassWrite}): what lands where, the month folders in UTC, and the commit of task attempts.
 */
@ExtendWith(WithSpark.class)
class SinglePassWriteTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 9, 30);

    /** @param driverBytes 0 reads them in a Spark job, the default on the driver */
    @ParameterizedTest(name = "read on the driver up to {0} bytes")
    @ValueSource(longs = {0, Ingest.DRIVER_BYTES})
    void activityEventsLandInTheFolderOfTheirMonthInUtcAndRejectedOnesInTheQuarantine(long driverBytes,
            SparkSession spark, @TempDir Path tmp) throws IOException {
        Path input = minimalInput(tmp);
        Files.writeString(input.resolve("activity_events.csv"), """
                employee_id,pair_id,event_time,event_type
                E1,P1,2026-01-15T10:00:00Z,message
                E2,P1,2026-01-31T23:30:00-02:00,call
                E1,P1,2026-02-01T00:30:00+02:00,goal
                E1,P9,2026-02-03T09:00:00Z,message
                E1,P1,2026-02-04T09:00:00Z,dance
                """);
        IngestOutputs out = outputs(tmp);
        IngestResult r = new Ingest(spark, Pseudonymizer.withKey("k"), driverBytes).run(input, AS_OF, out);
        try {
            Path curated = out.curated().resolve("activity_events");
            // 23:30 at -02:00 is 01:30 UTC on 1 February; 00:30 at +02:00 is 22:30 UTC on 31 January
            // (source rows count data rows, the header not included)
            assertThat(sourceRows(spark, curated.resolve("event_month=2026-01"))).containsExactly(1L, 3L);
            assertThat(sourceRows(spark, curated.resolve("event_month=2026-02"))).containsExactly(2L);
            assertThat(filesUnder(curated)).allMatch(p -> p.getFileName().toString().matches("part-\\d{5}\\.zstd\\.parquet"))
                    .noneMatch(p -> p.toString().contains("_temporary"));
            assertThat(r.curated("activity_events").orElseThrow().count()).isEqualTo(3);
            List<Row> rejected = r.quarantined("activity_events").orElseThrow().orderBy(OutputLayout.SOURCE_ROW)
                    .collectAsList();
            assertThat(rejected).extracting(x -> x.getAs(OutputLayout.REASON)).containsExactly("unknown_pair", "invalid_value");
            assertThat(rejected).extracting(x -> x.getAs("pair_id")).as("original text").containsExactly("P9", "P1");
            DatasetSummary s = r.summaries().get("activity_events");
            assertThat(List.of(s.rowsRead(), s.rowsValid(), s.rowsQuarantined())).containsExactly(5L, 3L, 2L);
        } finally {
            r.release();
        }
    }

    @Test
    void filesOfAnAttemptThatDidNotSucceedAreNeverPublished(SparkSession spark, @TempDir Path tmp) throws IOException {
        Path input = withJobEvents(minimalInput(tmp), "E1,2025-06-01,5", "E2,2025-07-01,3");
        IngestOutputs out = outputs(tmp);
        // what a task killed halfway through its file leaves behind: a partial file in its attempt's folder
        Path leftover = out.curated().resolve("job_events").resolve("_temporary").resolve("999999");
        Files.createDirectories(leftover);
        Files.writeString(leftover.resolve("part-00000.zstd.parquet"), "PAR1 half a file");
        IngestResult r = new Ingest(spark, Pseudonymizer.withKey("k"), 0).run(input, AS_OF, out);
        try {
            Path curated = out.curated().resolve("job_events");
            assertThat(filesUnder(curated)).containsExactly(curated.resolve("part-00000.zstd.parquet"));
            assertThat(sourceRows(spark, curated)).containsExactly(1L, 2L);
            assertThat(out.quarantine().resolve("job_events")).as("nothing rejected, no folder").doesNotExist();
        } finally {
            r.release();
        }
    }

    @Test
    void aDatasetWithEveryRowRejectedStillHasACuratedFolderSparkCanRead(SparkSession spark, @TempDir Path tmp)
            throws IOException {
        Path input = withJobEvents(minimalInput(tmp), "E7,2025-06-01,5", "E1,2025-06-01,99");
        IngestOutputs out = outputs(tmp);
        IngestResult r = new Ingest(spark, Pseudonymizer.withKey("k")).run(input, AS_OF, out);
        try {
            Path curated = out.curated().resolve("job_events");
            assertThat(filesUnder(curated)).hasSize(1);
            // Spark reads every column of a file as nullable; the file's own schema marks the required ones
            assertThat(spark.read().parquet(curated.toString()).schema().fields())
                    .allMatch(org.apache.spark.sql.types.StructField::nullable)
                    .extracting(f -> f.name() + " " + f.dataType().simpleString())
                    .containsExactly(java.util.Arrays.stream(OutputLayout.curated(Datasets.JOB_EVENTS).fields())
                            .map(f -> f.name() + " " + f.dataType().simpleString()).toArray(String[]::new));
            assertThat(spark.read().parquet(curated.toString()).count()).isZero();
            assertThat(r.quarantined("job_events").orElseThrow().orderBy(OutputLayout.SOURCE_ROW).collectAsList())
                    .extracting(x -> x.getAs(OutputLayout.REASON)).containsExactly("unknown_employee", "out_of_range");
            assertThat(r.summaries().get("job_events").reasons()).containsOnlyKeys("unknown_employee", "out_of_range");
        } finally {
            r.release();
        }
    }

    @Test
    void onlySmallTextInputsAreReadOnTheDriver() {
        InputFile csv = new InputFile("/in/a.csv", "a.csv", InputFile.Format.CSV, 0, 600_000);
        InputFile jsonl = new InputFile("/in/b.jsonl", "b.jsonl", InputFile.Format.JSONL, 1, 400_000);
        InputFile parquet = new InputFile("/in/c.parquet", "c.parquet", InputFile.Format.PARQUET, 2, 100);
        assertThat(SinglePassWrite.readOnDriver(List.of(csv, jsonl), 1_000_000)).isTrue();
        assertThat(SinglePassWrite.readOnDriver(List.of(csv, jsonl), 999_999)).as("over the limit in all").isFalse();
        assertThat(SinglePassWrite.readOnDriver(List.of(parquet), 1_000_000)).as("Parquet is read by Spark").isFalse();
        assertThat(SinglePassWrite.readOnDriver(List.of(csv), 0)).isFalse();
    }

    /** Two employees, a cohort and their pair: what every run needs. */
    private static Path minimalInput(Path tmp) throws IOException {
        Path input = Files.createDirectories(tmp.resolve("input"));
        Files.writeString(input.resolve("employees.csv"), """
                employee_id,hire_date,job_level,department
                E1,2020-01-01,3,Sales
                E2,2010-01-01,9,Finance
                """);
        Files.writeString(input.resolve("cohorts.csv"), """
                cohort_id,name,start_date,end_date
                C1,Spring,2026-01-01,2026-06-30
                """);
        Files.writeString(input.resolve("pairs.csv"), """
                pair_id,cohort_id,mentor_id,mentee_id
                P1,C1,E1,E2
                """);
        return input;
    }

    private static Path withJobEvents(Path input, String... rows) throws IOException {
        Files.writeString(input.resolve("job_events.csv"),
                "employee_id,effective_date,new_job_level\n" + String.join("\n", rows) + "\n");
        return input;
    }

    private static IngestOutputs outputs(Path tmp) throws IOException {
        return new IngestOutputs(tmp.resolve("out/curated"), Files.createDirectories(tmp.resolve("out/quarantine")));
    }

    private static List<Long> sourceRows(SparkSession spark, Path dir) {
        return spark.read().parquet(dir.toString()).orderBy(OutputLayout.SOURCE_ROW).collectAsList().stream()
                .map(row -> row.<Long>getAs(OutputLayout.SOURCE_ROW)).toList();
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
