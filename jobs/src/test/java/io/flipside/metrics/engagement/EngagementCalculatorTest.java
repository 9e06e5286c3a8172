package io.flipside.metrics.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import io.flipside.tables.MetricRow;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngagementCalculatorTest {
    @Test
    void exactMedianOfOddAndEvenCounts() {
        assertThat(EngagementCalculator.median(new double[] {9, 1, 5})).isEqualTo(5.0);
        assertThat(EngagementCalculator.median(new double[] {4, 1, 3, 10})).isEqualTo(3.5);
        assertThat(EngagementCalculator.median(new double[0])).isNull();
    }

    @Test
    void ratiosWithoutDenominatorAreNullNotZero() {
        PairEngagement idle = new PairEngagement("P", "C", LocalDate.of(2026, 3, 1), 0, 1.0, true, false, 0, 0, 0, null,
                0, 0, 0, 0, 0);
        MetricRow r = EngagementCalculator.summarise("C", List.of(idle));
        assertThat(r.getDouble("attendance_rate")).isNull();
        assertThat(r.getDouble("mean_duration_minutes")).isNull();
        assertThat(r.getDouble("held_per_pair_month")).as("no pair-months yet").isNull();
        assertThat(r.getDouble("cadence_adherence")).as("no pair paired a month yet").isNull();
        assertThat(r.getDouble("median_days_to_first_session")).isNull();
        assertThat(r.getDouble("mean_mentor_rating")).isNull();
        assertThat(r.getDouble("withdrawn_rate")).isEqualTo(0.0);
        assertThat(r.getLong("inactive_pairs")).isEqualTo(1);
        assertThat(r.getDouble("hours_held")).isEqualTo(0.0);
    }

    @Test
    void cadenceCountsPairsAtExactlyThePlannedRate() {
        // 487 days are exactly 16 pair-months (16 x 30.4375): 16 held sessions meet a plan of 1 a month
        PairEngagement onPlan = new PairEngagement("P1", "C", LocalDate.of(2025, 1, 1), 487, 1.0, false, false, 16, 16,
                480, LocalDate.of(2025, 1, 5), 0, 0, 0, 0, 0);
        PairEngagement justBelow = new PairEngagement("P2", "C", LocalDate.of(2025, 1, 1), 487, 1.0, false, false, 15,
                15, 450, LocalDate.of(2025, 1, 5), 0, 0, 0, 0, 0);
        assertThat(EngagementCalculator.summarise("C", List.of(onPlan, justBelow)).getDouble("cadence_adherence"))
                .isEqualTo(0.5);
    }
}
