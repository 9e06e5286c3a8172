package io.flipside.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SPEC §2's role rule on hand-made pairs; each expectation worked out by hand from the rule as the Spark
 * window it replaced stated it (per cohort and person, ordered by matched date or the cohort's start,
 * then input order; each pair against the one just before it, conflicting or not; SQL's null decides
 * nothing).
 */
class RoleConflictsTest {
    private static final LocalDate K1_START = LocalDate.of(2025, 1, 1);
    private final RoleConflicts rule = new RoleConflicts(Map.of("K1", K1_START));

    private static Object[] pair(String id, String mentor, String mentee, String matched, String ended, String reason) {
        return new Object[] {id, "K1", mentor, mentee, matched == null ? null : LocalDate.parse(matched),
                ended == null ? null : LocalDate.parse(ended), reason};
    }

    @Test
    void aSecondPairNeedsTheFirstEndedRematchedOnOrBeforeItsMatchedDateInTheSameRole() {
        List<Object[]> pairs = List.of(
                pair("A", "E1", "E2", "2025-01-10", "2025-03-01", "rematched"),
                pair("B", "E1", "E3", "2025-03-01", null, null),      // same day as A ended: allowed
                pair("C", "E4", "E5", "2025-01-10", "2025-03-01", "rematched"),
                pair("D", "E4", "E6", "2025-02-28", null, null),      // before C ended: conflict
                pair("E", "E7", "E8", "2025-01-10", "2025-02-01", "completed"),
                pair("F", "E7", "E9", "2025-05-01", null, null),      // E did not end rematched: conflict
                pair("G", "E10", "E11", "2025-01-10", "2025-02-01", "rematched"),
                pair("H", "E12", "E10", "2025-05-01", null, null));   // E10 was a mentor, now a mentee: conflict
        assertThat(rule.conflicting(pairs).stream().toArray()).containsExactly(3, 5, 7);
    }

    @Test
    void eachPairIsComparedWithTheOneJustBeforeItEvenWhenThatOneConflicts() {
        List<Object[]> pairs = List.of(
                pair("A", "E1", "E2", "2025-01-10", null, null),
                pair("B", "E1", "E3", "2025-02-01", "2025-03-01", "rematched"),  // A not ended: conflict
                pair("C", "E1", "E4", "2025-04-01", null, null));                // after B, which allows it
        assertThat(rule.conflicting(pairs).stream().toArray()).containsExactly(1);
    }

    @Test
    void anEmptyMatchedDateIsTheCohortsStartAndTiesGoByInputOrder() {
        List<Object[]> pairs = List.of(
                pair("A", "E1", "E2", "2025-01-01", "2025-01-01", "rematched"),
                pair("B", "E1", "E3", null, null, null),                         // matched at the start, after A
                pair("C", "E5", "E6", "2025-06-01", null, null),
                pair("D", "E5", "E7", "2025-06-01", null, null));                // same day, later in input
        assertThat(rule.conflicting(pairs).stream().toArray()).containsExactly(3);
    }

    @Test
    void aRematchedPairWithoutAnEndDateDecidesNothingAsSqlsNullWould() {
        List<Object[]> pairs = List.of(
                pair("A", "E1", "E2", "2025-01-10", null, "rematched"),
                pair("B", "E1", "E3", "2025-02-01", null, null));
        assertThat(rule.conflicting(pairs).isEmpty()).isTrue();
    }

    @Test
    void peopleInDifferentCohortsNeverConflict() {
        Object[] other = pair("B", "E1", "E3", "2025-02-01", null, null);
        other[1] = "K2";
        assertThat(rule.conflicting(List.of(pair("A", "E1", "E2", "2025-01-10", null, null), other)).isEmpty())
                .isTrue();
    }
}
