package io.flipside.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flipside.privacy.Pseudonymizer;
import io.flipside.testing.WithSpark;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same data as CSV, JSON Lines (numbers as JSON numbers, empty fields omitted) and Parquet (typed
 * columns, dates as DATE and times as TIMESTAMP, written by Spark as NAME.parquet/ part folders) gives
 * identical curated rows, for datasets read in one task (with a unique key) and in a task per file.
 */
@ExtendWith(WithSpark.class)
class InputFormatsTest {
    private static final Pseudonymizer KEY = Pseudonymizer.withKey("test-key");
    private static final List<String> DATASETS = List.of("employees", "cohorts", "pairs", "sessions", "activity_events");

    @Test
    void csvJsonLinesAndParquetGiveIdenticalCuratedRows(SparkSession spark, @TempDir Path tmp) throws IOException {
        Path csv = Path.of("src/test/resources/tiny");
        Path jsonl = Files.createDirectories(tmp.resolve("jsonl"));
        Path parquet = Files.createDirectories(tmp.resolve("parquet"));
        for (String name : DATASETS) {
            DatasetSchema schema = Datasets.byName(name);
            List<List<String>> records = readCsv(csv.resolve(name + ".csv"));
            writeJsonLines(schema, records, jsonl.resolve(name + ".jsonl"));
            writeParquet(spark, schema, records, parquet.resolve(name + ".parquet"));
        }
        LocalDate asOf = LocalDate.of(2026, 3, 31);
        List<List<String>> fromCsv = curated(spark, csv, asOf);
        assertThat(fromCsv).hasSize(11 + 3 + 5 + 13 + 11);
        assertThat(curated(spark, jsonl, asOf)).isEqualTo(fromCsv);
        assertThat(curated(spark, parquet, asOf)).isEqualTo(fromCsv);
    }

    private static List<List<String>> curated(SparkSession spark, Path input, LocalDate asOf) {
        IngestResult r = new Ingest(spark, KEY).run(input, asOf);
        List<List<String>> rows = new ArrayList<>();
        for (String name : DATASETS) {
            assertThat(r.summaries().get(name).rowsQuarantined()).as(name + " in " + input).isZero();
            Column[] fields = Datasets.byName(name).fieldNames().stream().map(org.apache.spark.sql.functions::col)
                    .toArray(Column[]::new);
            for (Row row : r.curated(name).orElseThrow().select(fields).collectAsList()) {
                List<String> values = new ArrayList<>();
                values.add(name);
                for (int i = 0; i < row.size(); i++) {
                    values.add(row.isNullAt(i) ? null : row.get(i).getClass().getSimpleName() + ":" + row.get(i));
                }
                rows.add(values);
            }
        }
        r.release();
        rows.sort((a, b) -> String.join("|", a.stream().map(String::valueOf).toList())
                .compareTo(String.join("|", b.stream().map(String::valueOf).toList())));
        return rows;
    }

    private static List<List<String>> readCsv(Path file) throws IOException {
        CsvRecordReader reader = new CsvRecordReader(new StringReader(Files.readString(file)));
        List<List<String>> out = new ArrayList<>();
        for (List<String> r = reader.next(); r != null; r = reader.next()) {
            out.add(r);
        }
        return out;
    }

    private static void writeJsonLines(DatasetSchema schema, List<List<String>> records, Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> header = records.get(0);
        StringBuilder out = new StringBuilder();
        for (List<String> r : records.subList(1, records.size())) {
            ObjectNode o = json.createObjectNode();
            for (int i = 0; i < header.size(); i++) {
                String v = r.get(i);
                if (v == null) {
                    continue;
                }
                // keys in upper case: column names are case-insensitive
                String key = header.get(i).toUpperCase(Locale.ROOT);
                switch (schema.field(header.get(i)).orElseThrow().type()) {
                    case INT -> o.put(key, Integer.parseInt(v));
                    case DECIMAL -> o.put(key, Double.parseDouble(v));
                    default -> o.put(key, v);
                }
            }
            out.append(json.writeValueAsString(o)).append('\n');
        }
        Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
    }

    private static void writeParquet(SparkSession spark, DatasetSchema schema, List<List<String>> records, Path dir) {
        List<String> header = records.get(0);
        List<StructField> fields = new ArrayList<>();
        for (String h : header) {
            fields.add(DataTypes.createStructField(h, OutputLayout.sparkType(schema.field(h).orElseThrow().type()), true));
        }
        List<Row> rows = new ArrayList<>();
        for (List<String> r : records.subList(1, records.size())) {
            Object[] v = new Object[header.size()];
            for (int i = 0; i < header.size(); i++) {
                String s = r.get(i);
                v[i] = s == null ? null : switch (schema.field(header.get(i)).orElseThrow().type()) {
                    case INT -> Integer.parseInt(s);
                    case DECIMAL -> Double.parseDouble(s);
                    case DATE -> LocalDate.parse(s);
                    case TIMESTAMP -> OffsetDateTime.parse(s).toInstant();
                    case BOOLEAN -> Boolean.parseBoolean(s);
                    default -> s;
                };
            }
            rows.add(RowFactory.create(v));
        }
        spark.createDataFrame(rows, DataTypes.createStructType(fields)).coalesce(1).write().parquet(dir.toString());
    }
}
