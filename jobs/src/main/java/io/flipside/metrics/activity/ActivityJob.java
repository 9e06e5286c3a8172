package io.flipside.metrics.activity;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.flipside.metrics.CohortSeries;
import io.flipside.metrics.MetricInputs;
import io.flipside.metrics.PairView;
import io.flipside.tables.MetricRow;
import io.flipside.tables.MetricTable;
import io.flipside.tables.MetricTables;
import java.time.DayOfWeek;
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
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Computes {@code activity} and {@code activity_weekly} (SPEC §5) in one pass over the events: they
 * are joined to the broadcast pairs and reduced to one row per pair and week, which is small; the
 * per-pair totals and per-cohort weeks come from that on the driver. No event reaches the driver.
 */
public final class ActivityJob {
    private static final int RECENT_DAYS = 30;
    /** 1970-01-05 was a Monday: weeks are counted from it. */
    private static final LocalDate EPOCH_MONDAY = LocalDate.of(1970, 1, 5);
    private static final long EPOCH_MONDAY_SECONDS = EPOCH_MONDAY.toEpochDay() * 86_400L;
    private static final long SECONDS_PER_WEEK = 7 * 86_400L;

    private ActivityJob() {
    }

    public static List<MetricTable> compute(MetricInputs in) {
        Dataset<Row> events = in.dataset("activity_events").orElseThrow();
        LocalDate asOf = in.asOf();
        Instant endOfAsOf = asOf.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant recentFrom = asOf.minusDays(RECENT_DAYS - 1L).atStartOfDay().toInstant(ZoneOffset.UTC);

        List<PairView> visible = in.pairs();
        List<Row> pairRows = new ArrayList<>();
        for (int i = 0; i < visible.size(); i++) {
            pairRows.add(RowFactory.create(i, visible.get(i).pairId(), visible.get(i).mentorId()));
        }
        Dataset<Row> pairs = events.sparkSession().createDataFrame(pairRows, DataTypes.createStructType(List.of(
                DataTypes.createStructField("_a_index", DataTypes.IntegerType, false),
                DataTypes.createStructField("_a_pair", DataTypes.StringType, false),
                DataTypes.createStructField("_a_mentor", DataTypes.StringType, false))));

        // One pass over the events: each finds its pair in the broadcast table (events of pairs matched
        // after as-of find none) and is counted under the pair's index and an integer week since a Monday,
        // so the aggregation hashes two numbers, not two ids. No calendar arithmetic per event.
        Column week = functions.floor(functions.unix_seconds(col("event_time")).minus(lit(EPOCH_MONDAY_SECONDS))
                .divide(lit(SECONDS_PER_WEEK))).cast(DataTypes.LongType);
        Column mentor = col("employee_id").equalTo(col("_a_mentor"));
        Column recent = col("event_time").geq(lit(recentFrom));
        List<Row> pairWeeks = events.filter(col("event_time").lt(lit(endOfAsOf)))
                .join(broadcast(pairs), col("pair_id").equalTo(col("_a_pair")))
                .groupBy(col("_a_index"), week.as("week_index"))
                .agg(count(lit(1)), sum(when(mentor, 1).otherwise(0)), sum(when(mentor.and(recent), 1).otherwise(0)),
                        sum(when(functions.not(mentor).and(recent), 1).otherwise(0)))
                .collectAsList();

        // the reduced rows are one per pair and week with events: tens of thousands, fine on the driver
        Map<String, long[]> perPair = new HashMap<>();
        Map<String, Map<Long, long[]>> cohortWeeks = new TreeMap<>();
        for (Row r : pairWeeks) {
            PairView p = visible.get(r.getInt(0));
            long[] a = perPair.computeIfAbsent(p.pairId(), k -> new long[4]);
            a[0] += r.getLong(2);
            a[1] += r.getLong(3);
            a[2] += r.getLong(4);
            a[3] += r.getLong(5);
            long[] w = cohortWeeks.computeIfAbsent(p.cohortId(), k -> new TreeMap<>())
                    .computeIfAbsent(r.getLong(1), k -> new long[2]);
            w[0] += r.getLong(2);
            w[1]++;
        }
        return List.of(new MetricTable(MetricTables.ACTIVITY, summary(in, perPair)),
                new MetricTable(MetricTables.ACTIVITY_WEEKLY, weeks(in, cohortWeeks)));
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

    /** Every ISO week of each cohort's run with zeros, plus any other week with events. */
    private static List<MetricRow> weeks(MetricInputs in, Map<String, Map<Long, long[]>> cohortWeeks) {
        CohortSeries series = CohortSeries.ofCohorts(in, 2,
                d -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), d -> d.plusWeeks(1));
        cohortWeeks.forEach((cohort, weeks) -> weeks.forEach((index, counts) ->
                series.add(cohort, EPOCH_MONDAY.plusWeeks(index), counts)));
        return series.rows((cohort, monday, acc) -> MetricTables.ACTIVITY_WEEKLY.newRow()
                .set("cohort_id", cohort)
                .set("week", isoWeek(monday))
                .set("events", acc[0])
                .set("active_pairs", acc[1])
                .build());
    }

    /** ISO 8601 week label: the week-based year, which differs from the calendar year around 1 January. */
    public static String isoWeek(LocalDate d) {
        return String.format(Locale.ROOT, "%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR),
                d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
