package io.flipside.bench;

import static java.util.Objects.requireNonNull;

import io.flipside.FlipsideException;
import io.flipside.ingest.DatasetSchema;
import io.flipside.ingest.Datasets;
import io.flipside.ingest.Field;
import io.flipside.ingest.InputFile;
import io.flipside.ingest.InputLocator;
import io.flipside.ingest.TextRecords;
import io.flipside.tables.MetricTables;
import io.flipside.tables.TableDef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The bench's yardstick: the engagement, activity and survey-item tables (with their monthly and weekly
 * series) computed by DuckDB through JDBC in SQL written apart from the Spark jobs, single node. From
 * the input CSVs it first applies the row rules of SPEC §2/§3 to the datasets those tables read
 * ({@code duckdb-row-rules.sql}), so both engines compute the same tables from the same inputs; from a
 * published {@code curated/} folder it starts from the validated rows. The tables themselves are
 * {@code duckdb-tables.sql}. DuckDB's driver is on the launcher's class path only (runtime scope, left out
 * of the thin jar); nothing else uses it.
 */
public final class DuckDbReference {
    /** The tables computed; {@link Result#tables()} holds them by these tables' names. */
    public static final List<TableDef> TABLES = List.of(MetricTables.ENGAGEMENT, MetricTables.ENGAGEMENT_MONTHLY,
            MetricTables.ACTIVITY, MetricTables.ACTIVITY_WEEKLY, MetricTables.SURVEY_ITEMS);
    /** The datasets the tables read, as the row rules name them. */
    public static final List<DatasetSchema> DATASETS = List.of(Datasets.EMPLOYEES, Datasets.COHORTS, Datasets.PAIRS,
            Datasets.SESSIONS, Datasets.ACTIVITY_EVENTS, Datasets.SURVEY_ITEMS, Datasets.SURVEY_RESPONSES);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_]+)}");

    /** What the tables depend on besides the data: the as-of date and the two settings of SPEC §8 they read. */
    public record Settings(LocalDate asOf, int inactiveAfterDays, int minGroupSize) {
        public Settings {
            requireNonNull(asOf, "asOf");
        }
    }

    /**
     * @param millis    wall times in milliseconds: {@code row rules} (from the CSVs only, with reading them)
     *                  and {@code tables}
     * @param tables    every table's rows, column name to value, read after the timing
     * @param validRows from the CSVs, the rows of each dataset the rules kept; empty from curated data
     */
    public record Result(Map<String, Long> millis, Map<String, List<Map<String, Object>>> tables,
            Map<String, Long> validRows) {
        public Result {
            millis = Map.copyOf(millis);
            tables = Map.copyOf(tables);
            validRows = Map.copyOf(validRows);
        }

        public long totalMillis() {
            return millis.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private DuckDbReference() {
    }

    /**
     * From the input CSVs (a dataset's {@code NAME.csv} or its folder {@code NAME/} of CSV files), rules
     * applied. An absent optional dataset is read as no rows, a column it lacks as nulls.
     */
    public static Result fromCsv(Path input, Settings settings) {
        return run(literals(settings), s -> {
            Map<String, String> sources = new HashMap<>();
            for (DatasetSchema dataset : DATASETS) {
                sources.put(dataset.name(), csvSource(input, dataset));
            }
            return sources;
        }, true);
    }

    /** From a published {@code curated/} folder (activity events in their month folders). */
    public static Result fromCurated(Path curated, Settings settings) {
        return run(literals(settings), s -> {
            // the employees are only the row rules' reference
            for (String dataset : DATASETS.subList(1, DATASETS.size()).stream().map(DatasetSchema::name).toList()) {
                // event times as plain UTC timestamps, as the row rules leave them
                boolean events = dataset.equals(Datasets.ACTIVITY_EVENTS.name());
                String files = curated.toAbsolutePath().resolve(dataset) + (events ? "/*/*.parquet" : "/*.parquet");
                s.execute("CREATE VIEW " + dataset + " AS SELECT * "
                        + (events ? "REPLACE (event_time::TIMESTAMP AS event_time) " : "")
                        + "FROM read_parquet(" + quoted(files) + ")");
            }
            return Map.of();
        }, false);
    }

    /**
     * A dataset's CSV rows with the columns of SPEC §2 by their names there, or a query of no rows. A
     * number, date or time whose invalid value quarantines the row is parsed by DuckDB's reader, which
     * drops the rows it cannot parse; every other column is text. DuckDB matches column names
     * case-insensitively, as SPEC §2 does, so the ingest's lower-cased header serves.
     */
    private static String csvSource(Path input, DatasetSchema schema) {
        List<InputFile> files = InputLocator.locate(input, schema.name()).stream().filter(f -> f.bytes() > 0).toList();
        files.stream().filter(f -> f.format() != InputFile.Format.CSV).findFirst().ifPresent(f -> {
            throw FlipsideException.input(f.path() + ": the DuckDB yardstick reads CSV inputs only");
        });
        Map<String, String> types = new LinkedHashMap<>();
        schema.fields().forEach(f -> types.put(f.name(), sqlType(f)));
        if (files.isEmpty()) {
            return "(SELECT " + types.entrySet().stream().map(t -> "NULL::" + t.getValue() + " AS " + t.getKey())
                    .collect(Collectors.joining(", ")) + " WHERE false)";
        }
        List<String> present = TextRecords.csvHeader(files.get(0));
        String read = "read_csv([" + files.stream().map(f -> quoted(f.path())).collect(Collectors.joining(", "))
                + "], header = true, types = {" + types.entrySet().stream().filter(t -> present.contains(t.getKey()))
                .map(t -> quoted(t.getKey()) + ": '" + t.getValue() + "'").collect(Collectors.joining(", "))
                + "}, ignore_errors = true)";
        return "(SELECT " + types.entrySet().stream()
                .map(t -> (present.contains(t.getKey()) ? t.getKey() : "NULL::" + t.getValue()) + " AS " + t.getKey())
                .collect(Collectors.joining(", ")) + " FROM " + read + ")";
    }

    /** The type DuckDB's reader parses a field as: text unless an invalid value quarantines the row. */
    private static String sqlType(Field f) {
        if (f.nullable()) {
            return "VARCHAR";
        }
        return switch (f.type()) {
            case INT -> "INTEGER";
            case DECIMAL -> "DOUBLE";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMPTZ";
            case STRING, BOOLEAN -> "VARCHAR";
        };
    }

    private static Map<String, String> literals(Settings s) {
        Map<String, String> values = new HashMap<>();
        values.put("as_of", "DATE '" + s.asOf() + "'");
        values.put("end_of_as_of", "TIMESTAMP '" + s.asOf().plusDays(1) + " 00:00:00'");
        values.put("recent_from", "TIMESTAMP '" + s.asOf().minusDays(29) + " 00:00:00'");
        values.put("inactive_from", "DATE '" + s.asOf().minusDays(s.inactiveAfterDays() - 1L) + "'");
        values.put("min_group_size", Integer.toString(s.minGroupSize()));
        return values;
    }

    private static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** What a run reads: the sources' placeholders' values, after any views it creates. */
    @FunctionalInterface
    private interface Sources {
        Map<String, String> prepare(Statement s) throws SQLException;
    }

    private static Result run(Map<String, String> literals, Sources sources, boolean rules) {
        Map<String, Long> millis = new LinkedHashMap<>();
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        Map<String, Long> valid = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            long t = System.nanoTime();
            Map<String, String> values = new HashMap<>(literals);
            values.putAll(sources.prepare(s));
            if (rules) {
                execute(s, "duckdb-row-rules.sql", values);
                millis.put("row rules", (System.nanoTime() - t) / 1_000_000);
                t = System.nanoTime();
            }
            execute(s, "duckdb-tables.sql", values);
            millis.put("tables", (System.nanoTime() - t) / 1_000_000);
            for (TableDef def : TABLES) {
                tables.put(def.name(), rows(s, "metric_" + def.name()));
            }
            if (rules) {
                for (DatasetSchema dataset : DATASETS) {
                    try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + dataset.name())) {
                        r.next();
                        valid.put(dataset.name(), r.getLong(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw FlipsideException.input("DuckDB reference computation failed: " + e.getMessage());
        }
        return new Result(millis, tables, valid);
    }

    /** Runs a script's statements in order: they end with a semicolon at the end of a line. */
    private static void execute(Statement s, String script, Map<String, String> values) throws SQLException {
        for (String statement : statements(script)) {
            Matcher m = PLACEHOLDER.matcher(statement);
            StringBuilder sql = new StringBuilder();
            while (m.find()) {
                String value = values.get(m.group(1));
                if (value == null) {
                    throw new IllegalStateException(script + " uses ${" + m.group(1) + "}, which has no value");
                }
                m.appendReplacement(sql, Matcher.quoteReplacement(value));
            }
            m.appendTail(sql);
            s.execute(sql.toString());
        }
    }

    static List<String> statements(String script) {
        String text;
        try (InputStream in = DuckDbReference.class.getResourceAsStream(script)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + script + " next to " + DuckDbReference.class.getName());
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder code = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!line.strip().startsWith("--")) {
                code.append(line).append('\n');
            }
        }
        return Arrays.stream(code.toString().split(";\\s*\n")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    private static List<Map<String, Object>> rows(Statement s, String table) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (ResultSet r = s.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = r.getMetaData();
            while (r.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnName(i), r.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
