package io.flipside.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.flipside.FlipsideException;
import io.flipside.cli.Main;
import io.flipside.privacy.Pseudonymizer;
import io.flipside.testing.BadInputs;
import io.flipside.testing.WithSpark;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed corpus of bad inputs, {@code src/test/resources/bad/KIND/}: each folder holds the files
 * that replace the hand-made {@code tiny} data set's, and {@code expect.properties} with the exact
 * outcome: exit code, rows read/valid/quarantined and reason counts per dataset, the one-line message.
 * Exit-0 kinds run ingest itself; the others run {@code flipside validate} as a user would.
 */
@ExtendWith(WithSpark.class)
class BadInputCorpusTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);

    @Test
    void corpusCoversEveryReasonCodeAndAtLeastFifteenKinds() throws IOException {
        List<String> kinds = BadInputs.kinds();
        assertThat(kinds).hasSizeGreaterThanOrEqualTo(15);
        StringBuilder all = new StringBuilder();
        for (String k : kinds) {
            Properties expect = BadInputs.expect(k);
            expect.stringPropertyNames().forEach(key ->
                    all.append(key).append('=').append(expect.getProperty(key)).append('\n'));
        }
        for (Reason r : Reason.values()) {
            assertThat(all.toString()).as(r.code()).contains("." + r.code() + "=");
        }
    }

    /**
     * Every kind read both ways: its small files on the driver, as by default, and in Spark jobs, as a
     * larger input would be; the outcome must be the same.
     */
    static Stream<Arguments> kindsReadBothWays() throws IOException {
        return BadInputs.kinds().stream().flatMap(k -> Stream.of(Arguments.of(k, "on the driver", Ingest.DRIVER_BYTES),
                Arguments.of(k, "in Spark jobs", 0L)));
    }

    @ParameterizedTest(name = "{0}, read {1}")
    @MethodSource("kindsReadBothWays")
    void kind(String kind, String reading, long driverBytes, SparkSession spark, @TempDir Path tmp) throws IOException {
        Properties expect = BadInputs.expect(kind);
        Path input = prepare(kind, expect, tmp);
        int exit = Integer.parseInt(expect.getProperty("exit"));
        if (exit != 0 && driverBytes == 0) {
            // the command reads on the driver; in Spark jobs the error must reach it the same way, as the
            // cause of a failed job, which the command looks for along the chain of causes
            Throwable thrown = catchThrowable(() -> new Ingest(spark, Pseudonymizer.withKey("k"), 0).run(input, AS_OF)
                    .release());
            if (exit == FlipsideException.DATA_QUALITY) {
                assertThat(thrown).as("the ingest itself succeeds; the gate after it stops the run").isNull();
                return;
            }
            FlipsideException cause = Stream.iterate(thrown, t -> t != null, Throwable::getCause)
                    .filter(FlipsideException.class::isInstance).map(FlipsideException.class::cast).findFirst().orElseThrow(
                            () -> new AssertionError("no FlipsideException among the causes of " + thrown, thrown));
            assertThat(cause.exitCode()).isEqualTo(exit);
            assertThat(cause.getMessage()).contains(expect.getProperty("message"));
            return;
        }
        if (exit != 0) {
            StringWriter err = new StringWriter();
            int actual = Main.execute(new String[] {"validate", "--input", input.toString(), "--config",
                tmp.resolve("config.yaml").toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
            assertThat(actual).as(err.toString()).isEqualTo(exit);
            assertThat(err.toString().lines().toList()).hasSize(1);
            assertThat(err.toString()).startsWith("flipside: ").contains(expect.getProperty("message"));
            return;
        }
        IngestResult result = new Ingest(spark, Pseudonymizer.withKey("k"), driverBytes).run(input, AS_OF);
        try {
            for (DatasetSummary s : result.summaries().values()) {
                assertThat(s.rowsRead()).as(s.dataset()).isEqualTo(s.rowsValid() + s.rowsQuarantined());
            }
            for (String key : expect.stringPropertyNames()) {
                String[] k = key.split("\\.");
                String v = expect.getProperty(key);
                switch (k[0]) {
                    case "rows" -> {
                        DatasetSummary s = result.summaries().get(k[1]);
                        assertThat(List.of(s.rowsRead(), s.rowsValid(), s.rowsQuarantined())).as(key)
                                .isEqualTo(Stream.of(v.split(",")).map(Long::parseLong).toList());
                    }
                    case "reason" -> assertThat(result.summaries().get(k[1]).reasons().get(k[2])).as(key)
                            .isEqualTo(Long.parseLong(v));
                    case "superseded" -> assertThat(result.summaries().get(k[1]).superseded()).as(key)
                            .isEqualTo(Long.parseLong(v));
                    case "not_reverse" -> assertThat(result.summaries().get("pairs").notReverse()).as(key)
                            .isEqualTo(Long.parseLong(v));
                    case "source_row" -> assertThat(result.quarantined(k[1]).orElseThrow().collectAsList())
                            .extracting(r -> r.getLong(r.fieldIndex("_source_row"))).as(key)
                            .containsExactly(Long.parseLong(v));
                    default -> {
                    }
                }
            }
            for (DatasetSummary s : result.summaries().values()) {
                long expected = expect.stringPropertyNames().stream()
                        .filter(k -> k.startsWith("reason." + s.dataset() + ".")).count();
                assertThat(s.reasons()).as(s.dataset() + " has no unexpected reason").hasSize((int) expected);
            }
        } finally {
            result.release();
        }
    }

    @Test
    void quarantinedRowsKeepTheirOriginalTextReasonAndSource(SparkSession spark, @TempDir Path tmp) throws IOException {
        Properties none = new Properties();
        Path input = prepare("invalid_value", none, tmp);
        IngestResult result = new Ingest(spark, Pseudonymizer.withKey("k")).run(input, AS_OF);
        Row r = result.quarantined("employees").orElseThrow().collectAsList().get(0);
        assertThat(r.<String>getAs("employee_id")).as("raw id, not a pseudonym").isEqualTo("E12");
        assertThat(r.<String>getAs("termination_type")).isEqualTo("fired");
        assertThat(r.<String>getAs("hire_date")).isEqualTo("2021-02-03");
        assertThat(r.<String>getAs("_reason")).isEqualTo("invalid_value");
        assertThat(r.<String>getAs("_detail")).isEqualTo("termination_type: 'fired' is not one of [involuntary, voluntary]");
        assertThat(r.<String>getAs("_source_file")).isEqualTo("employees.csv");
        assertThat(r.<Long>getAs("_source_row")).isEqualTo(12L);
        result.release();
    }

    @Test
    void rowsFailingALookupKeepTheirOriginalTextToo(SparkSession spark, @TempDir Path tmp) throws IOException {
        Properties jsonOnly = new Properties();
        jsonOnly.setProperty("delete", "activity_events.csv");
        Path input = prepare("not_in_pair", jsonOnly, tmp);
        IngestResult result = new Ingest(spark, Pseudonymizer.withKey("k")).run(input, AS_OF);
        List<Row> rows = result.quarantined("activity_events").orElseThrow().orderBy("_source_row").collectAsList();
        assertThat(rows).extracting(r -> r.<String>getAs("_reason"))
                .containsExactly("not_in_pair", "unknown_employee", "unknown_pair", "invalid_date", "malformed_row");
        Row notInPair = rows.get(0);
        assertThat(notInPair.<String>getAs("employee_id")).as("raw id, not a pseudonym").isEqualTo("E05");
        assertThat(notInPair.<String>getAs("event_time")).isEqualTo("2025-02-01T11:00:00Z");
        assertThat(notInPair.<String>getAs("_detail")).isEqualTo("employee_id is neither the mentor nor the mentee of pair_id");
        assertThat(rows.get(1).<String>getAs("employee_id")).isEqualTo("E99");
        assertThat(rows.get(1).<String>getAs("_detail"))
                .isEqualTo("employee_id is not a valid employees id (unknown, or its row was quarantined)");
        assertThat(rows.get(2).<String>getAs("pair_id")).isEqualTo("Q");
        result.release();
    }

    @Test
    void tenMegabyteFieldIsHandledNotFatal(SparkSession spark, @TempDir Path tmp) throws IOException {
        Path input = prepare("header_only", new Properties(), tmp);
        String huge = "x".repeat(10 * 1024 * 1024);
        Files.writeString(input.resolve("sessions.csv"), Files.readString(BadInputs.TINY.resolve("sessions.csv"))
                + "S14,A,2025-06-01,held,30,4,4,\"" + huge + "\"\n");
        IngestResult result = new Ingest(spark, Pseudonymizer.withKey("k")).run(input, AS_OF);
        DatasetSummary s = result.summaries().get("sessions");
        assertThat(List.of(s.rowsRead(), s.rowsValid(), s.fieldsNulled())).containsExactly(14L, 14L, 1L);
        result.release();
    }

    private static Path prepare(String kind, Properties expect, Path tmp) throws IOException {
        Path input = BadInputs.input(kind, tmp.resolve("input"));
        String delete = expect.getProperty("delete");
        if (delete != null) {
            Files.delete(input.resolve(delete));
        }
        String ratio = expect.getProperty("max_reject_ratio", "0.5");
        Files.writeString(tmp.resolve("config.yaml"), "as_of: " + AS_OF + "\n"
                + (ratio.equals("default") ? "" : "quality: { max_reject_ratio: " + ratio + " }\n"));
        return input;
    }

}
