package io.flipside.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.flipside.tables.MetricRow;
import io.flipside.tables.MetricTables;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-made rows of the survey-item table, the one with keys of four columns and suppression. */
class TableComparisonTest {
    private static MetricRow ours(String cohort, long n, Double mean, boolean suppressed) {
        return MetricTables.SURVEY_ITEMS.newRow().set("cohort_id", cohort).set("wave", "final").set("role", "all")
                .set("item_id", "Q1").set("scale", "belonging").set("n", n).set("mean_100", mean)
                .set("favorable_pct", mean == null ? null : 50.0).set("neutral_pct", mean == null ? null : 25.0)
                .set("unfavorable_pct", mean == null ? null : 25.0).set("suppressed", suppressed).build();
    }

    private static Map<String, Object> theirs(String cohort, long n, Double mean, boolean suppressed) {
        Map<String, Object> row = new LinkedHashMap<>();
        MetricRow r = ours(cohort, n, mean, suppressed);
        MetricTables.SURVEY_ITEMS.columns().forEach(c -> row.put(c.name(), r.get(c.name())));
        return row;
    }

    @Test
    void numbersThatDifferOnlyInTheirLastBitsAreEqual() {
        // 0.1 + 0.2 and 0.3 differ in the last bit: the engines add in different orders
        TableComparison c = TableComparison.of(MetricTables.SURVEY_ITEMS, List.of(ours("C01", 9, 0.3, false)),
                List.of(theirs("C01", 9, 0.1 + 0.2, false)));
        assertThat(c.same()).isTrue();
        assertThat(c.rows()).isEqualTo(1);
        assertThat(c.compared()).as("n, mean and three percentages").isEqualTo(5);
    }

    @Test
    void aDifferentValueAMissingRowAndAnExtraRowAreEachNamed() {
        TableComparison c = TableComparison.of(MetricTables.SURVEY_ITEMS,
                List.of(ours("C01", 9, 70.0, false), ours("C02", 8, 60.0, false)),
                List.of(theirs("C01", 9, 70.001, false), theirs("C03", 8, 60.0, false)));
        assertThat(c.same()).isFalse();
        assertThat(c.problems()).containsExactly(
                "[C01, final, all, Q1, belonging] mean_100: Flipside 70.0, other 70.001",
                "key [C02, final, all, Q1, belonging] only in Flipside's rows",
                "key [C03, final, all, Q1, belonging] only in the other engine's rows");
    }

    @Test
    void aNullAgainstAValueDiffers() {
        Map<String, Object> row = theirs("C01", 9, 70.0, false);
        row.put("favorable_pct", null);
        assertThat(TableComparison.of(MetricTables.SURVEY_ITEMS, List.of(ours("C01", 9, 70.0, false)), List.of(row))
                .problems()).containsExactly("[C01, final, all, Q1, belonging] favorable_pct: Flipside 50.0, other null");
    }

    @Test
    void rowsEitherSideSuppressedAreCountedNotCompared() {
        TableComparison c = TableComparison.of(MetricTables.SURVEY_ITEMS,
                List.of(ours("C01", 9, null, true), ours("C02", 3, null, true)),
                List.of(theirs("C01", 9, 70.0, false), theirs("C02", 3, null, true)));
        assertThat(c.same()).isTrue();
        assertThat(c.suppressed()).isEqualTo(2);
        assertThat(c.compared()).isZero();
    }

    @Test
    void aKeyTwiceInTheOtherEnginesRowsIsAProblem() {
        Map<String, Object> row = new HashMap<>(theirs("C01", 9, 70.0, false));
        TableComparison c = TableComparison.of(MetricTables.SURVEY_ITEMS, List.of(ours("C01", 9, 70.0, false)),
                List.of(row, row));
        assertThat(c.problems()).containsExactly("key [C01, final, all, Q1, belonging] twice in the other engine's rows");
    }
}
