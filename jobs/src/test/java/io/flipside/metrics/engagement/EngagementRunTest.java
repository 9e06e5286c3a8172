package io.flipside.metrics.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flipside.tables.MetricRow;
import io.flipside.tables.MetricTable;
import io.flipside.tables.MetricTables;
import io.flipside.tables.TableCsv;
import io.flipside.testing.TinyRun;
import io.flipside.testing.WithSpark;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the whole {@code run} command on the hand-made data set in {@code src/test/resources/tiny} at
 * as-of 2026-03-31 and checks every engagement column against values worked out by hand (the
 * arithmetic is in the comments). The set holds the edge cases of SPEC §5: a cohort that ended
 * before as-of (K1), a cohort not yet started (K3), a pair matched after as-of (F), a pair with no
 * sessions (D), a withdrawn pair (B), an end recorded after as-of (C), sessions after as-of (S12, S13).
 */
@ExtendWith(WithSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngagementRunTest {
    private static final double EPS = 1e-12;
    private Map<String, MetricRow> engagement;
    private List<MetricRow> monthly;

    @BeforeAll
    void run(SparkSession spark) {
        Path out = TinyRun.output();
        MetricTable e = TableCsv.read(MetricTables.ENGAGEMENT, out.resolve("metrics/engagement.csv"));
        engagement = e.rows().stream().collect(Collectors.toMap(r -> r.getString("cohort_id"), r -> r));
        monthly = TableCsv.read(MetricTables.ENGAGEMENT_MONTHLY, out.resolve("metrics/engagement_monthly.csv")).rows();
    }

    @Test
    void onlyStartedCohortsAndAllHaveRows() {
        assertThat(engagement).containsOnlyKeys("K1", "K2", "ALL");
    }

    @Test
    void cohortThatEndedBeforeAsOf() {
        // A: matched 2025-01-01 (cohort start, matched_date empty) to 2025-12-31: 364 days.
        // B: 2025-01-15 to its withdrawal 2025-07-15: 181 days. Held: A S01 60, S02 30, S05 45; B S06 60.
        MetricRow k1 = engagement.get("K1");
        assertThat(k1.getLong("pairs")).isEqualTo(2);
        assertThat(k1.getLong("active_pairs")).isEqualTo(2);
        assertThat(k1.getLong("sessions_scheduled")).isEqualTo(7);
        assertThat(k1.getLong("sessions_held")).isEqualTo(4);
        assertThat(k1.getDouble("attendance_rate")).isCloseTo(4.0 / 7, within(EPS));
        assertThat(k1.getDouble("mean_duration_minutes")).isCloseTo(195.0 / 4, within(EPS));
        assertThat(k1.getDouble("hours_held")).isCloseTo(3.25, within(EPS));
        // 4 held / ((364 + 181) / 30.4375) pair-months
        assertThat(k1.getDouble("held_per_pair_month")).isCloseTo(4 * 30.4375 / 545, within(EPS));
        // A: 3 / 11.96 < 2 planned; B: 1 / 5.95 < 2
        assertThat(k1.getDouble("cadence_adherence")).isCloseTo(0.0, within(EPS));
        // A first held 19 days after matching, B 17: median of two is their mean
        assertThat(k1.getDouble("median_days_to_first_session")).isCloseTo(18.0, within(EPS));
        assertThat(k1.getDouble("withdrawn_rate")).isCloseTo(0.5, within(EPS));
        assertThat(k1.getLong("inactive_pairs")).as("cohort over: no pair is running").isZero();
        assertThat(k1.getDouble("mean_mentor_rating")).isCloseTo((5 + 4 + 3) / 3.0, within(EPS));
        assertThat(k1.getDouble("mean_mentee_rating")).isCloseTo((4 + 5) / 2.0, within(EPS));
    }

    @Test
    void runningCohort() {
        // C: 2026-01-10 to as-of 2026-03-31 = 80 days (its withdrawal on 2026-05-01 is after as-of, so it runs);
        // D: 2026-02-01 to 2026-03-31 = 58 days, no sessions; F matched 2026-04-10 does not exist yet.
        // planned_sessions_per_month empty: the default 1.
        MetricRow k2 = engagement.get("K2");
        assertThat(k2.getLong("pairs")).isEqualTo(2);
        assertThat(k2.getLong("active_pairs")).isEqualTo(1);
        assertThat(k2.getLong("sessions_scheduled")).as("S12 after as-of is invisible").isEqualTo(4);
        assertThat(k2.getLong("sessions_held")).isEqualTo(3);
        assertThat(k2.getDouble("attendance_rate")).isCloseTo(0.75, within(EPS));
        assertThat(k2.getDouble("mean_duration_minutes")).isCloseTo(40.0, within(EPS));
        assertThat(k2.getDouble("hours_held")).isCloseTo(2.0, within(EPS));
        assertThat(k2.getDouble("held_per_pair_month")).isCloseTo(3 * 30.4375 / 138, within(EPS));
        // C: 3 / (80 / 30.4375) = 1.14 >= 1; D: 0 / 1.91 < 1
        assertThat(k2.getDouble("cadence_adherence")).isCloseTo(0.5, within(EPS));
        assertThat(k2.getDouble("median_days_to_first_session")).isCloseTo(2.0, within(EPS));
        assertThat(k2.getDouble("withdrawn_rate")).isCloseTo(0.0, within(EPS));
        // window 2026-02-15..2026-03-31: C held S11 on 2026-03-20; D never met
        assertThat(k2.getLong("inactive_pairs")).isEqualTo(1);
        assertThat(k2.getDouble("mean_mentor_rating")).isCloseTo(4.0, within(EPS));
        assertThat(k2.getDouble("mean_mentee_rating")).isCloseTo(4.0, within(EPS));
    }

    @Test
    void pooledRowCountsEveryPairOnce() {
        MetricRow all = engagement.get("ALL");
        assertThat(all.getLong("pairs")).isEqualTo(4);
        assertThat(all.getLong("active_pairs")).isEqualTo(3);
        assertThat(all.getLong("sessions_scheduled")).isEqualTo(11);
        assertThat(all.getLong("sessions_held")).isEqualTo(7);
        assertThat(all.getDouble("attendance_rate")).isCloseTo(7.0 / 11, within(EPS));
        assertThat(all.getDouble("mean_duration_minutes")).isCloseTo(315.0 / 7, within(EPS));
        assertThat(all.getDouble("hours_held")).isCloseTo(5.25, within(EPS));
        assertThat(all.getDouble("held_per_pair_month")).isCloseTo(7 * 30.4375 / 683, within(EPS));
        assertThat(all.getDouble("cadence_adherence")).isCloseTo(0.25, within(EPS));
        assertThat(all.getDouble("median_days_to_first_session")).as("median of 2, 17, 19").isCloseTo(17.0, within(EPS));
        assertThat(all.getDouble("withdrawn_rate")).isCloseTo(0.25, within(EPS));
        assertThat(all.getLong("inactive_pairs")).isEqualTo(1);
        assertThat(all.getDouble("mean_mentor_rating")).isCloseTo(16.0 / 4, within(EPS));
        assertThat(all.getDouble("mean_mentee_rating")).isCloseTo(13.0 / 3, within(EPS));
    }

    @Test
    void monthlySeriesHasEveryMonthOfEachCohortWithZeros() {
        List<MetricRow> k1 = monthly.stream().filter(r -> r.getString("cohort_id").equals("K1")).toList();
        assertThat(k1).extracting(r -> r.getString("month")).containsExactly("2025-01", "2025-02", "2025-03",
                "2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12");
        assertThat(k1).extracting(r -> r.getLong("sessions_held")).containsExactly(1L, 2L, 0L, 0L, 1L, 0L, 0L, 0L, 0L,
                0L, 0L, 0L);
        assertThat(k1.get(1).getDouble("hours_held")).isCloseTo(1.5, within(EPS));
        assertThat(k1.get(1).getLong("active_pairs")).isEqualTo(2);
        List<MetricRow> k2 = monthly.stream().filter(r -> r.getString("cohort_id").equals("K2")).toList();
        assertThat(k2).extracting(r -> r.getString("month")).containsExactly("2026-01", "2026-02", "2026-03");
        assertThat(k2).extracting(r -> r.getLong("sessions_held")).containsExactly(1L, 1L, 1L);
        assertThat(k2.get(2).getDouble("hours_held")).isCloseTo(0.5, within(EPS));
        List<MetricRow> all = monthly.stream().filter(r -> r.getString("cohort_id").equals("ALL")).toList();
        assertThat(all).hasSize(15);
        assertThat(all.stream().mapToLong(r -> r.getLong("sessions_held")).sum()).isEqualTo(7);
    }
}
