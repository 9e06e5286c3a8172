package io.flipside.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The as-of view of a pair (SPEC §2, §5): when it runs and how long its span is. */
class PairViewTest {
    private static final LocalDate END = LocalDate.of(2026, 6, 30);

    private static PairView pair(LocalDate ended) {
        return new PairView("P", "C", "M", "E", LocalDate.of(2026, 1, 1), ended, ended == null ? null : "completed", END);
    }

    @Test
    void aCohortEndingOnTheAsOfDayStillRuns() {
        assertThat(pair(null).runningAt(END)).isTrue();
        assertThat(pair(null).runningAt(END.plusDays(1))).isFalse();
        assertThat(pair(LocalDate.of(2026, 3, 1)).runningAt(LocalDate.of(2026, 3, 1))).as("ended pairs do not run").isFalse();
    }

    @Test
    void spanEndsAtTheEarliestOfEndCohortEndAndAsOf() {
        assertThat(pair(null).spanDays(LocalDate.of(2026, 3, 1))).isEqualTo(59);
        assertThat(pair(null).spanDays(LocalDate.of(2027, 1, 1))).isEqualTo(180);
        assertThat(pair(LocalDate.of(2026, 2, 1)).spanDays(LocalDate.of(2027, 1, 1))).isEqualTo(31);
        assertThat(new PairView("P", "C", "M", "E", LocalDate.of(2026, 7, 15), null, null, END).spanDays(END.plusDays(30)))
                .as("matched after the cohort ended: never negative").isZero();
    }
}
