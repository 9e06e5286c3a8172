package io.flipside.metrics.engagement;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.flipside.metrics.CohortSeries;
import io.flipside.metrics.MetricInputs;
import io.flipside.metrics.PairView;
import io.flipside.tables.MetricRow;
import io.flipside.tables.MetricTable;
import io.flipside.tables.MetricTables;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Computes the {@code engagement} and {@code engagement_monthly} tables (SPEC §5). Spark aggregates the
 * sessions to one row per pair (and per pair and month); the figures themselves come from
 * {@link EngagementCalculator}, over pairs as {@link PairView} sees them at the as-of date.
 */
public final class EngagementJob {
    private EngagementJob() {
    }

    /** The two tables; empty tables' rows still list every cohort when sessions are absent. */
    public static List<MetricTable> compute(MetricInputs in) {
        Collected c = in.shared(Collected.class, EngagementJob::collect);
        Map<String, List<PairEngagement>> byCohort = new TreeMap<>();
        for (String cohort : in.startedCohorts()) {
            byCohort.put(cohort, new ArrayList<>());
        }
        for (PairEngagement e : c.pairs()) {
            byCohort.computeIfAbsent(e.cohortId(), k -> new ArrayList<>()).add(e);
        }
        List<MetricRow> rows = new ArrayList<>();
        byCohort.forEach((cohort, list) -> rows.add(EngagementCalculator.summarise(cohort, list)));
        rows.add(EngagementCalculator.summarise(MetricInputs.ALL, c.pairs()));
        return List.of(new MetricTable(MetricTables.ENGAGEMENT, rows),
                new MetricTable(MetricTables.ENGAGEMENT_MONTHLY, monthly(in, in.pairs(), c.perPairMonth())));
    }

    /** Every pair matched by as-of with its sessions summed, as the engagement tables see them. */
    public static List<PairEngagement> pairs(MetricInputs in) {
        return in.shared(Collected.class, EngagementJob::collect).pairs();
    }

    private record Collected(List<PairEngagement> pairs, List<Row> perPairMonth) {
    }

    private static Collected collect(MetricInputs in) {
        LocalDate asOf = in.asOf();
        Map<String, Row> perPair = new HashMap<>();
        List<Row> perPairMonth = new ArrayList<>();
        in.dataset("sessions").ifPresent(sessions -> {
            Dataset<Row> visible = sessions.filter(col("session_date").leq(lit(asOf)));
            Column held = col("status").equalTo("held");
            LocalDate windowStart = asOf.minusDays(in.config().inactiveAfterDays() - 1L);
            for (Row r : visible.groupBy("pair_id").agg(
                    count(lit(1)).as("scheduled"),
                    sum(when(held, 1).otherwise(0)).as("held"),
                    sum(when(held, col("duration_minutes")).otherwise(0)).as("minutes"),
                    min(when(held, col("session_date"))).as("first_held"),
                    sum(when(held.and(col("session_date").geq(lit(windowStart))), 1).otherwise(0)).as("recent"),
                    sum(when(held, col("mentor_rating"))).as("mentor_sum"),
                    count(when(held, col("mentor_rating"))).as("mentor_n"),
                    sum(when(held, col("mentee_rating"))).as("mentee_sum"),
                    count(when(held, col("mentee_rating"))).as("mentee_n")).collectAsList()) {
                perPair.put(r.getString(0), r);
            }
            perPairMonth.addAll(visible.filter(held)
                    .groupBy(col("pair_id"), date_format(col("session_date"), "yyyy-MM").as("month"))
                    .agg(count(lit(1)).as("held"), sum(col("duration_minutes")).as("minutes"))
                    .collectAsList());
        });

        List<PairEngagement> all = new ArrayList<>();
        for (PairView p : in.pairs()) {
            Row s = perPair.get(p.pairId());
            PairEngagement e = new PairEngagement(p.pairId(), p.cohortId(), p.matched(), p.spanDays(asOf),
                    in.cohort(p.cohortId()).planned(), p.runningAt(asOf), "withdrawn".equals(p.endReason()),
                    longOf(s, "scheduled"), longOf(s, "held"), longOf(s, "minutes"),
                    s == null ? null : s.getAs("first_held"), longOf(s, "recent"),
                    longOf(s, "mentor_sum"), longOf(s, "mentor_n"), longOf(s, "mentee_sum"), longOf(s, "mentee_n"));
            all.add(e);
        }
        return new Collected(List.copyOf(all), List.copyOf(perPairMonth));
    }

    /** Every month of each cohort's run with zeros, plus any other month with held sessions (they all count). */
    private static List<MetricRow> monthly(MetricInputs in, List<PairView> pairs, List<Row> perPairMonth) {
        Map<String, String> cohortOfPair = new HashMap<>();
        pairs.forEach(p -> cohortOfPair.put(p.pairId(), p.cohortId()));
        CohortSeries series = CohortSeries.ofCohorts(in, 3, d -> d.withDayOfMonth(1), d -> d.plusMonths(1));
        for (Row r : perPairMonth) {
            String cohort = cohortOfPair.get(r.getString(0));
            if (cohort != null) {
                series.add(cohort, YearMonth.parse(r.getString(1)).atDay(1), new long[] {r.getLong(2), r.getLong(3), 1});
            }
        }
        return series.rows((cohort, month, acc) -> MetricTables.ENGAGEMENT_MONTHLY.newRow()
                .set("cohort_id", cohort)
                .set("month", YearMonth.from(month).toString())
                .set("sessions_held", acc[0])
                .set("hours_held", acc[1] / 60.0)
                .set("active_pairs", acc[2])
                .build());
    }

    /** A count or sum from the per-pair aggregate; a pair without sessions, or a sum over nothing, is 0. */
    private static long longOf(Row r, String column) {
        if (r == null) {
            return 0;
        }
        Object v = r.getAs(column);
        return v == null ? 0 : ((Number) v).longValue();
    }
}
