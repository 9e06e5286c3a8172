package io.flipside.metrics.activity;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import io.flipside.metrics.MetricInputs;
import io.flipside.metrics.PairView;
import io.flipside.tables.MetricRow;
import io.flipside.tables.MetricTable;
import io.flipside.tables.MetricTables;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

/**
 * Computes {@code activity} and {@code activity_weekly} (SPEC §5) in one pass over the events: they
 * are joined to the broadcast pairs and reduced to one row per pair and week, which is small; the
 * per-pair totals and per-cohort weeks come from that. No event reaches the driver.
 */
public final class ActivityJob {
    private static final int RECENT_DAYS = 30;

    private ActivityJob() {
    }

    public static List<MetricTable> compute(MetricInputs in) {
        Dataset<Row> events = in.dataset("activity_events").orElseThrow();
        LocalDate asOf = in.asOf();
        Instant endOfAsOf = asOf.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant recentFrom = asOf.minusDays(RECENT_DAYS - 1L).atStartOfDay().toInstant(ZoneOffset.UTC);

        List<Row> pairRows = new ArrayList<>();
        for (PairView p : in.pairs()) {
            pairRows.add(RowFactory.create(p.pairId(), p.cohortId(), p.mentorId(), p.menteeId()));
        }
        Dataset<Row> pairs = events.sparkSession().createDataFrame(pairRows, DataTypes.createStructType(List.of(
                DataTypes.createStructField("_a_pair", DataTypes.StringType, false),
                DataTypes.createStructField("_a_cohort", DataTypes.StringType, false),
                DataTypes.createStructField("_a_mentor", DataTypes.StringType, false),
                DataTypes.createStructField("_a_mentee", DataTypes.StringType, false))));

        Column mentor = col("employee_id").equalTo(col("_a_mentor"));
        Column recent = col("event_time").geq(lit(recentFrom));
        Dataset<Row> weekly = events.filter(col("event_time").lt(lit(endOfAsOf)))
                .join(broadcast(pairs), col("pair_id").equalTo(col("_a_pair")))
                .groupBy(col("pair_id"), col("_a_cohort").as("cohort_id"),
                        to_date(date_trunc("week", col("event_time"))).as("monday"))
                .agg(count(lit(1)).as("events"),
                        sum(when(mentor, 1).otherwise(0)).as("mentor_events"),
                        sum(when(mentor.and(recent), 1).otherwise(0)).as("mentor_recent"),
                        sum(when(functions.not(mentor).and(recent), 1).otherwise(0)).as("mentee_recent"))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Map<String, long[]> perPair = new HashMap<>();
            for (Row r : weekly.groupBy("pair_id").agg(sum("events"), sum("mentor_events"), sum("mentor_recent"),
                    sum("mentee_recent")).collectAsList()) {
                perPair.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4)});
            }
            List<Row> cohortWeeks = weekly.groupBy("cohort_id", "monday")
                    .agg(sum("events").as("events"), count(lit(1)).as("active_pairs")).collectAsList();
            return List.of(new MetricTable(MetricTables.ACTIVITY, summary(in, perPair)),
                    new MetricTable(MetricTables.ACTIVITY_WEEKLY, weeks(in, cohortWeeks)));
        } finally {
            weekly.unpersist();
        }
    }

    private static List<MetricRow> summary(MetricInputs in, Map<String, long[]> perPair) {
        Map<String, List<PairActivity>> byCohort = new TreeMap<>();
        Map<String, Set<String>> people = new HashMap<>();
        for (String c : in.startedCohorts()) {
            byCohort.put(c, new ArrayList<>());
            people.put(c, new HashSet<>());
        }
        for (PairView p : in.pairs()) {
            long[] a = perPair.getOrDefault(p.pairId(), new long[4]);
            byCohort.computeIfAbsent(p.cohortId(), k -> new ArrayList<>()).add(new PairActivity(p.pairId(), p.cohortId(),
                    a[1], a[0] - a[1], a[2], a[3], p.spanDays(in.asOf()), p.runningAt(in.asOf())));
            Set<String> s = people.computeIfAbsent(p.cohortId(), k -> new HashSet<>());
            s.add(p.mentorId());
            s.add(p.menteeId());
        }
        List<MetricRow> rows = new ArrayList<>();
        List<PairActivity> all = new ArrayList<>();
        long allPeople = 0;
        for (Map.Entry<String, List<PairActivity>> e : byCohort.entrySet()) {
            long n = people.get(e.getKey()).size();
            rows.add(ActivityCalculator.summarise(e.getKey(), e.getValue(), n));
            all.addAll(e.getValue());
            allPeople += n;
        }
        rows.add(ActivityCalculator.summarise(MetricInputs.ALL, all, allPeople));
        return rows;
    }

    /** Every ISO week from a cohort's start to min(end, as-of), zeros included, plus any other week with events. */
    private static List<MetricRow> weeks(MetricInputs in, List<Row> cohortWeeks) {
        Map<String, TreeMap<LocalDate, long[]>> byCohort = new TreeMap<>();
        TreeMap<LocalDate, long[]> pooled = new TreeMap<>();
        for (String c : in.startedCohorts()) {
            TreeMap<LocalDate, long[]> weeks = byCohort.computeIfAbsent(c, k -> new TreeMap<>());
            LocalDate end = in.cohort(c).end().isBefore(in.asOf()) ? in.cohort(c).end() : in.asOf();
            for (LocalDate m = monday(in.cohort(c).start()); !m.isAfter(end); m = m.plusWeeks(1)) {
                weeks.putIfAbsent(m, new long[2]);
                pooled.putIfAbsent(m, new long[2]);
            }
        }
        for (Row r : cohortWeeks) {
            LocalDate monday = r.getAs("monday");
            for (long[] acc : List.of(byCohort.computeIfAbsent(r.getString(0), k -> new TreeMap<>())
                    .computeIfAbsent(monday, k -> new long[2]), pooled.computeIfAbsent(monday, k -> new long[2]))) {
                acc[0] += r.getLong(2);
                acc[1] += r.getLong(3);
            }
        }
        List<MetricRow> rows = new ArrayList<>();
        byCohort.forEach((c, weeks) -> weeks.forEach((m, acc) -> rows.add(weekRow(c, m, acc))));
        pooled.forEach((m, acc) -> rows.add(weekRow(MetricInputs.ALL, m, acc)));
        return rows;
    }

    private static LocalDate monday(LocalDate d) {
        return d.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
    }

    /** ISO 8601 week label: the week-based year, which differs from the calendar year around 1 January. */
    public static String isoWeek(LocalDate d) {
        return String.format(Locale.ROOT, "%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR),
                d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static MetricRow weekRow(String cohort, LocalDate monday, long[] acc) {
        return MetricTables.ACTIVITY_WEEKLY.newRow()
                .set("cohort_id", cohort)
                .set("week", isoWeek(monday))
                .set("events", acc[0])
                .set("active_pairs", acc[1])
                .build();
    }
}
