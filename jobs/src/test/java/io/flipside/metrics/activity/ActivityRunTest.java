package io.flipside.metrics.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flipside.tables.MetricRow;
import io.flipside.tables.MetricTables;
import io.flipside.tables.TableCsv;
import io.flipside.testing.TinyRun;
import io.flipside.testing.WithSpark;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code activity} and {@code activity_weekly} on the hand-made events of {@code tiny/activity_events.csv}
 * at as-of 2026-03-31, every value worked out by hand. Edge cases: an offset timestamp that is the previous
 * day in UTC, the last minute of the as-of day, the first instant after it, the 30-day window's first day
 * (2026-03-02) and the day before it, a pair without events, a pair matched after as-of.
 */
@ExtendWith(WithSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActivityRunTest {
    private static final double EPS = 1e-12;
    private Map<String, MetricRow> activity;
    private List<MetricRow> weekly;

    @BeforeAll
    void run(SparkSession spark) {
        Path out = TinyRun.output();
        activity = TableCsv.read(MetricTables.ACTIVITY, out.resolve("metrics/activity.csv")).rows().stream()
                .collect(Collectors.toMap(r -> r.getString("cohort_id"), r -> r));
        weekly = TableCsv.read(MetricTables.ACTIVITY_WEEKLY, out.resolve("metrics/activity_weekly.csv")).rows();
    }

    @Test
    void endedCohort() {
        // A: E01 (mentor) 3 events, E02 1 -> 1/3; B none -> 0. Spans 364 + 181 days.
        MetricRow k1 = activity.get("K1");
        assertThat(k1.getLong("events")).isEqualTo(4);
        assertThat(k1.getLong("participants")).isEqualTo(4);
        assertThat(k1.getLong("active_participants_30d")).isZero();
        assertThat(k1.getDouble("engagement_rate_30d")).as("no pair running").isNull();
        assertThat(k1.getDouble("events_per_pair_week")).isCloseTo(4 / (545 / 7.0), within(EPS));
        assertThat(k1.getDouble("reciprocity_index")).isCloseTo((1.0 / 3 + 0) / 2, within(EPS));
    }

    @Test
    void runningCohort() {
        // C: E05 on 03-02 (first day of the window) and 03-31 23:30Z; E06 on 03-01 23:59:59Z (outside the window)
        // and 04-01 01:30+02:00 = 03-31 23:30Z (inside); E06's 04-01 00:00Z is after the as-of day. 2 vs 2 -> 1.
        // D: E08 once on 02-10 -> 0. F (matched 04-10) does not exist. Spans 80 + 58 days.
        MetricRow k2 = activity.get("K2");
        assertThat(k2.getLong("events")).isEqualTo(5);
        assertThat(k2.getLong("participants")).isEqualTo(4);
        assertThat(k2.getLong("active_participants_30d")).isEqualTo(2);
        assertThat(k2.getDouble("engagement_rate_30d")).isCloseTo(0.5, within(EPS));
        assertThat(k2.getDouble("events_per_pair_week")).isCloseTo(5 / (138 / 7.0), within(EPS));
        assertThat(k2.getDouble("reciprocity_index")).isCloseTo(0.5, within(EPS));
    }

    @Test
    void pooled() {
        MetricRow all = activity.get("ALL");
        assertThat(all.getLong("events")).isEqualTo(9);
        assertThat(all.getLong("participants")).isEqualTo(8);
        assertThat(all.getLong("active_participants_30d")).isEqualTo(2);
        assertThat(all.getDouble("engagement_rate_30d")).isCloseTo(0.5, within(EPS));
        assertThat(all.getDouble("events_per_pair_week")).isCloseTo(9 / (683 / 7.0), within(EPS));
        assertThat(all.getDouble("reciprocity_index")).isCloseTo((1.0 / 3 + 0 + 1 + 0) / 4, within(EPS));
    }

    @Test
    void weeklySeriesUsesIsoWeekYears() {
        List<MetricRow> k1 = weekly.stream().filter(r -> r.getString("cohort_id").equals("K1")).toList();
        // K1 runs 2025-01-01 (in the week of Monday 2024-12-30, 2025-W01) to 2025-12-31 (2026-W01)
        assertThat(k1).hasSize(53);
        assertThat(k1.get(0).getString("week")).isEqualTo("2025-W01");
        assertThat(k1.get(52).getString("week")).isEqualTo("2026-W01");
        assertThat(k1.get(1).getLong("events")).as("2025-W02: 6, 7, 8 January").isEqualTo(3);
        assertThat(k1.get(1).getLong("active_pairs")).isEqualTo(1);
        assertThat(k1.get(5).getLong("events")).as("2025-W06: 3 February 07:00 UTC").isEqualTo(1);
        assertThat(k1.stream().mapToLong(r -> r.getLong("events")).sum()).isEqualTo(4);
        Map<String, Long> k2 = weekly.stream().filter(r -> r.getString("cohort_id").equals("K2"))
                .collect(Collectors.toMap(r -> r.getString("week"), r -> r.getLong("events")));
        assertThat(k2).hasSize(14).containsEntry("2026-W07", 1L).containsEntry("2026-W09", 1L)
                .containsEntry("2026-W10", 1L).containsEntry("2026-W14", 2L).containsEntry("2026-W01", 0L);
        assertThat(weekly.stream().filter(r -> r.getString("cohort_id").equals("ALL")).count()).isEqualTo(66);
    }

    @Test
    void isoWeekLabelsAtYearBoundaries() {
        assertThat(ActivityJob.isoWeek(LocalDate.of(2024, 12, 30))).isEqualTo("2025-W01");
        assertThat(ActivityJob.isoWeek(LocalDate.of(2026, 12, 28))).isEqualTo("2026-W53");
        assertThat(ActivityJob.isoWeek(LocalDate.of(2027, 1, 3))).isEqualTo("2026-W53");
        assertThat(ActivityJob.isoWeek(LocalDate.of(2027, 1, 4))).isEqualTo("2027-W01");
    }
}
