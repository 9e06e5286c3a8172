package io.flipside.metrics.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flipside.config.FlipsideConfig;
import io.flipside.tables.MetricRow;
import io.flipside.testing.GeneratedInputs;
import io.flipside.testing.WithSpark;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The subject table built by Spark from the hand-made data in {@code src/test/resources/retention}
 * (its README tells each person's story), and the tables computed from it; every expected value was
 * worked out by hand there.
 */
@ExtendWith(WithSpark.class)
class RetentionSubjectsTest {
    private static final Path DIR = Path.of("src/test/resources/retention");
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    /** Cohort, group, time, event, job level (which tells the people apart), promoted. */
    private record Seen(String cohort, String group, int time, boolean event, int level, boolean promoted) {
        static Seen of(Subject s) {
            return new Seen(s.cohortId(), s.group(), s.time(), s.event(), s.jobLevel(), s.promoted365());
        }
    }

    private static RetentionSubjects subjects(SparkSession spark, String event) {
        FlipsideConfig config = FlipsideConfig.defaults().withAsOf(AS_OF).withMinGroupSize(1).withRetentionEvent(event);
        GeneratedInputs.Ingested data = GeneratedInputs.ingest(spark, DIR, config);
        try {
            return RetentionSubjects.of(data.inputs());
        } finally {
            data.ingest().release();
        }
    }

    @Test
    void subjectsFollowEveryRule(SparkSession spark) {
        RetentionSubjects s = subjects(spark, "voluntary");
        assertThat(s.followUpDays()).containsExactly(java.util.Map.entry("R1", 911), java.util.Map.entry("R2", 545),
                java.util.Map.entry("R3", 180));
        assertThat(s.subjects().stream().map(Seen::of).toList()).containsExactlyInAnyOrder(
                new Seen("R1", "mentor", 182, true, 2, false),
                new Seen("R1", "mentee", 425, false, 10, false),
                new Seen("R1", "comparison", 380, false, 3, true),
                new Seen("R1", "comparison", 380, false, 11, false),
                new Seen("R1", "comparison", 517, true, 4, false),
                new Seen("R1", "comparison", 740, false, 6, false),
                new Seen("R1", "comparison", 740, false, 12, false),
                new Seen("R1", "comparison", 911, false, 14, false),
                new Seen("R1", "comparison", 911, false, 2, false),
                new Seen("R2", "mentor", 545, false, 3, false),
                new Seen("R2", "mentee", 545, false, 11, false),
                new Seen("R2", "comparison", 151, true, 4, false),
                new Seen("R2", "comparison", 396, false, 5, false),
                new Seen("R2", "comparison", 374, false, 6, false),
                new Seen("R2", "comparison", 374, false, 12, false),
                new Seen("R2", "comparison", 545, false, 14, false),
                new Seen("R2", "comparison", 545, false, 2, false),
                new Seen("R3", "comparison", 31, false, 5, false),
                new Seen("R3", "mentor", 180, false, 6, false),
                new Seen("R3", "mentee", 180, false, 12, true),
                new Seen("R3", "comparison", 180, false, 14, false),
                new Seen("R3", "comparison", 180, false, 2, false));
        // P01 in R1: hired 2015-01-01, 3287 days before the start
        assertThat(s.subjects().stream().filter(x -> x.jobLevel() == 2 && x.group().equals("mentor")).findFirst()
                .orElseThrow().tenureYears()).isCloseTo(3287 / 365.25, within(1e-12));
    }

    @Test
    void underAnyTerminationTheInvoluntaryLeaverIsAnEvent(SparkSession spark) {
        List<Seen> seen = subjects(spark, "any").subjects().stream().map(Seen::of).toList();
        assertThat(seen).contains(new Seen("R3", "comparison", 31, true, 5, false),
                new Seen("R1", "mentee", 425, true, 10, false), new Seen("R2", "comparison", 396, true, 5, false));
    }

    @Test
    void tablesFromTheSubjects(SparkSession spark) {
        RetentionSubjects s = subjects(spark, "voluntary");
        RetentionCalculator calc = new RetentionCalculator(s.subjects(), s.followUpDays(), 1);
        List<MetricRow> retention = calc.retention(List.of(180, 365, 730));

        MetricRow r2 = row(retention, "R2", "comparison", 180);
        assertThat(r2.getLong("n")).isEqualTo(6);
        assertThat(r2.getLong("events")).isEqualTo(1);
        // one leaver (day 151) of 6 at risk: S = 5/6, log-scale error sqrt(1 / (6 x 5))
        double se = Math.sqrt(1.0 / 30);
        assertThat(r2.getDouble("retention")).isCloseTo(5.0 / 6, within(1e-15));
        assertThat(r2.getDouble("ci_low")).isCloseTo(Math.exp(Math.log(5.0 / 6) - 1.959963984540054 * se), within(1e-15));
        assertThat(r2.getDouble("ci_high")).isEqualTo(1.0);

        MetricRow beyond = row(retention, "R3", "participant", 365);
        assertThat(beyond.getLong("n")).isEqualTo(2);
        assertThat(beyond.getDouble("retention")).as("365 days is beyond R3's 180 of follow-up").isNull();
        assertThat(beyond.getDouble("ci_low")).isNull();
        assertThat(beyond.getDouble("ci_high")).isNull();

        // ALL at 730 stacks R1 only (R2 is followed 545 days, R3 180): 7 comparison subjects, one event at 517
        MetricRow all = row(retention, "ALL", "comparison", 730);
        assertThat(all.getLong("n")).isEqualTo(7);
        // at risk on day 517: 5 of the 7 (two censored at 380), so S = 4/5
        assertThat(all.getDouble("retention")).isCloseTo(4.0 / 5, within(1e-15));
        MetricRow all180 = row(retention, "ALL", "participant", 180);
        assertThat(all180.getLong("n")).as("R1, R2 and R3 participants, 2 each").isEqualTo(6);

        MetricRow test = calc.tests().stream().filter(t -> t.getString("cohort_id").equals("R3")
                && t.getString("contrast").equals("participant_vs_comparison")).findFirst().orElseThrow();
        assertThat(test.getLong("events_group")).isZero();
        assertThat(test.getDouble("logrank_p")).isNull();
        assertThat(test.getDouble("hazard_ratio")).isNull();
        assertThat(test.getString("note")).isEqualTo("no events in either group by the as-of date");

        MetricRow promoted = calc.promotion().stream().filter(p -> p.getString("cohort_id").equals("R1")
                && p.getString("group").equals("comparison")).findFirst().orElseThrow();
        assertThat(promoted.getLong("n")).isEqualTo(7);
        assertThat(promoted.getLong("promoted_365")).isEqualTo(1);
        assertThat(promoted.getDouble("promotion_rate")).isCloseTo(1.0 / 7, within(1e-15));
    }

    private static MetricRow row(List<MetricRow> rows, String cohort, String group, int horizon) {
        return rows.stream().filter(r -> r.getString("cohort_id").equals(cohort) && r.getString("group").equals(group)
                && r.getLong("horizon_days") == horizon).findFirst().orElseThrow();
    }
}
