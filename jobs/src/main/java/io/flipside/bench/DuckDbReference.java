package io.flipside.bench;

import io.flipside.FlipsideException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bench's yardstick: the engagement, activity and survey-item tables computed by DuckDB (through
 * JDBC) in plain SQL, single node, no validation: from the same CSV inputs, or from the curated Parquet
 * a run published (the engines compared on the same typed, validated rows). DuckDB's driver is on the
 * launcher's class path only (runtime scope, left out of the thin jar); nothing else uses it.
 */
public final class DuckDbReference {
    /** Wall time per table, in milliseconds, and a few pooled figures to compare with Spark's. */
    public record Result(Map<String, Long> millis, Map<String, Double> figures) {
        public long totalMillis() {
            return millis.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private DuckDbReference() {
    }

    /** From the input CSVs. */
    public static Result fromCsv(Path input, LocalDate asOf) {
        String in = quoted(input);
        return compute(dataset -> dataset.equals("activity_events")
                ? "read_csv('" + in + "/activity_events/*.csv', header = true, columns = {'employee_id': 'VARCHAR',"
                        + " 'pair_id': 'VARCHAR', 'event_time': 'TIMESTAMPTZ', 'event_type': 'VARCHAR'})"
                : "read_csv('" + in + "/" + dataset + ".csv', header = true)", asOf);
    }

    /** From a published {@code curated/} folder (activity events in their month folders). */
    public static Result fromCurated(Path curated, LocalDate asOf) {
        String in = quoted(curated);
        return compute(dataset -> dataset.equals("activity_events")
                ? "read_parquet('" + in + "/activity_events/*/*.parquet', hive_partitioning = true)"
                : "read_parquet('" + in + "/" + dataset + "/*.parquet')", asOf);
    }

    private static String quoted(Path p) {
        return p.toAbsolutePath().toString().replace("'", "''");
    }

    private static Result compute(java.util.function.UnaryOperator<String> source, LocalDate asOf) {
        String day = "DATE '" + asOf + "'";
        String end = "TIMESTAMPTZ '" + asOf.plusDays(1) + " 00:00:00+00'";
        Map<String, Long> millis = new LinkedHashMap<>();
        Map<String, Double> figures = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            long t = System.nanoTime();
            s.execute("CREATE VIEW cohorts AS SELECT * FROM " + source.apply("cohorts"));
            s.execute("CREATE VIEW pairs AS SELECT p.*, c.start_date, c.end_date, coalesce(p.matched_date, c.start_date)"
                    + " AS matched FROM " + source.apply("pairs") + " p JOIN cohorts c USING (cohort_id)"
                    + " WHERE coalesce(p.matched_date, c.start_date) <= " + day);
            s.execute("CREATE TABLE engagement AS WITH s AS (SELECT pair_id, count(*) AS scheduled,"
                    + " count(*) FILTER (WHERE status = 'held') AS held, sum(duration_minutes) FILTER (WHERE status = 'held')"
                    + " AS minutes FROM " + source.apply("sessions") + " WHERE session_date <= " + day
                    + " GROUP BY pair_id), per_pair AS (SELECT p.cohort_id, coalesce(s.scheduled, 0) AS scheduled,"
                    + " coalesce(s.held, 0) AS held, coalesce(s.minutes, 0) AS minutes, greatest(0, date_diff('day',"
                    + " p.matched, least(coalesce(CASE WHEN p.ended_date <= " + day + " THEN p.ended_date END, p.end_date),"
                    + " p.end_date, " + day + "))) / 30.4375 AS months FROM pairs p LEFT JOIN s USING (pair_id)),"
                    + " t AS (SELECT coalesce(cohort_id, 'ALL') AS cohort_id, count(*) AS pairs, count(*) FILTER (WHERE"
                    + " held > 0) AS active_pairs, sum(scheduled) AS scheduled, sum(held) AS held, sum(held) /"
                    + " nullif(sum(scheduled), 0) AS attendance_rate, sum(minutes) / 60.0 AS hours_held, sum(held) /"
                    + " nullif(sum(months), 0) AS held_per_pair_month FROM per_pair GROUP BY ROLLUP (cohort_id))"
                    + " SELECT * FROM t");
            millis.put("engagement", (System.nanoTime() - t) / 1_000_000);
            figures.put("engagement ALL attendance_rate", one(s, "SELECT attendance_rate FROM engagement WHERE cohort_id = 'ALL'"));

            t = System.nanoTime();
            s.execute("CREATE TABLE events AS SELECT employee_id, pair_id, event_time, event_type FROM "
                    + source.apply("activity_events") + " WHERE event_time < " + end);
            s.execute("CREATE TABLE activity_weekly AS SELECT p.cohort_id, strftime(e.event_time, '%G-W%V') AS week,"
                    + " count(*) AS events, count(DISTINCT e.pair_id) AS active_pairs FROM events e JOIN pairs p"
                    + " USING (pair_id) GROUP BY ALL");
            s.execute("CREATE TABLE activity AS WITH per_pair AS (SELECT p.cohort_id, p.pair_id, count(e.pair_id) FILTER (WHERE e.employee_id ="
                    + " p.mentor_id) AS m, count(e.pair_id) FILTER (WHERE e.employee_id = p.mentee_id) AS f FROM pairs p"
                    + " LEFT JOIN events e ON e.pair_id = p.pair_id GROUP BY p.cohort_id, p.pair_id),"
                    + " t AS (SELECT coalesce(cohort_id, 'ALL') AS cohort_id, sum(m + f) AS events, avg(CASE WHEN"
                    + " greatest(m, f) = 0 THEN 0 ELSE least(m, f) / greatest(m, f) END) AS reciprocity_index FROM"
                    + " per_pair GROUP BY ROLLUP (cohort_id)) SELECT * FROM t");
            millis.put("activity", (System.nanoTime() - t) / 1_000_000);
            figures.put("activity ALL events", one(s, "SELECT events FROM activity WHERE cohort_id = 'ALL'"));

            t = System.nanoTime();
            s.execute("CREATE TABLE survey_items_table AS WITH items AS (SELECT item_id, coalesce(kind, 'likert') AS kind,"
                    + " coalesce(min_value, CASE WHEN kind = 'nps' THEN 0 ELSE 1 END) AS lo, coalesce(max_value, CASE WHEN"
                    + " kind = 'nps' THEN 10 ELSE 5 END) AS hi, coalesce(reverse_coded, false) AS reverse FROM "
                    + source.apply("survey_items") + "), r AS (SELECT * FROM " + source.apply("survey_responses")
                    + " WHERE submitted_date <= " + day + " QUALIFY row_number()"
                    + " OVER (PARTITION BY respondent_id, cohort_id, wave, item_id ORDER BY submitted_date DESC) = 1),"
                    + " x AS (SELECT r.cohort_id, r.wave, r.item_id, CASE WHEN i.reverse THEN 1 - (r.value - i.lo) /"
                    + " (i.hi - i.lo) ELSE (r.value - i.lo) / (i.hi - i.lo) END AS x FROM r JOIN items i USING (item_id)),"
                    + " t AS (SELECT coalesce(cohort_id, 'ALL') AS cohort_id, wave, item_id, count(*) AS n, 100 * avg(x) AS"
                    + " mean_100, 100 * avg(CASE WHEN x > 0.5 THEN 1 ELSE 0 END) AS favorable_pct FROM x GROUP BY"
                    + " GROUPING SETS ((cohort_id, wave, item_id), (wave, item_id))) SELECT * FROM t");
            millis.put("survey_items", (System.nanoTime() - t) / 1_000_000);
            figures.put("survey_items rows (role all)", one(s, "SELECT count(*) FROM survey_items_table"));
        } catch (SQLException e) {
            throw FlipsideException.input("DuckDB reference computation failed: " + e.getMessage());
        }
        return new Result(millis, figures);
    }

    private static double one(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getDouble(1);
        }
    }
}
