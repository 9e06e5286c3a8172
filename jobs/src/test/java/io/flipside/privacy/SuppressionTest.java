package io.flipside.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.flipside.tables.MetricRow;
import io.flipside.tables.MetricTables;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SuppressionTest {
    private static final Comparator<MetricRow> BY_COHORT = Comparator.comparing(r -> r.getString("cohort_id"));

    private static MetricRow row(String cohort, long n, double mean) {
        return MetricTables.KNOWLEDGE_TRANSFER.newRow().set("cohort_id", cohort).set("role", "mentee").set("skill_id", "S")
                .set("source", "self").set("n", n).set("mean_gain", mean).set("suppressed", false).build();
    }

    private static List<MetricRow> apply(List<MetricRow> rows, List<Suppression.Family> families) {
        return Suppression.apply(rows, 5, Set.of("cohort_id", "role", "skill_id", "source"), families, BY_COHORT);
    }

    @Test
    void oneSmallSiblingTakesTheSmallestOtherWithIt() {
        // C1 has 3 people: hidden. ALL (n 33) is shown, so C1 = 33 * ALL - (12 * C2 + 8 * C3 + 10 * C4) ...
        List<MetricRow> rows = List.of(row("C1", 3, 9), row("C2", 12, 5), row("C3", 8, 6), row("C4", 10, 4),
                row("ALL", 33, 5.5));
        List<MetricRow> out = apply(rows, List.of(new Suppression.Family(4, List.of(0, 1, 2, 3))));
        assertThat(out).extracting(r -> r.getBoolean("suppressed")).containsExactly(true, false, true, false, false);
        assertThat(out.get(2).getDouble("mean_gain")).as("statistics gone").isNull();
        assertThat(out.get(2).getLong("n")).as("n kept").isEqualTo(8);
        assertThat(out.get(2).getString("cohort_id")).isEqualTo("C3");
    }

    @Test
    void twoSmallSiblingsNeedNothingMore() {
        List<MetricRow> rows = List.of(row("C1", 3, 9), row("C2", 4, 5), row("C3", 8, 6), row("ALL", 15, 6.5));
        List<MetricRow> out = apply(rows, List.of(new Suppression.Family(3, List.of(0, 1, 2))));
        assertThat(out).extracting(r -> r.getBoolean("suppressed")).containsExactly(true, true, false, false);
    }

    @Test
    void tiesGoToTheFirstByKey() {
        List<MetricRow> rows = List.of(row("C1", 2, 9), row("C3", 7, 5), row("C2", 7, 6), row("ALL", 16, 6));
        List<MetricRow> out = apply(rows, List.of(new Suppression.Family(3, List.of(0, 1, 2))));
        assertThat(out).extracting(r -> r.getBoolean("suppressed")).containsExactly(true, false, true, false);
    }

    @Test
    void aHiddenParentProtectsItsChildren() {
        List<MetricRow> rows = List.of(row("C1", 3, 9), row("C2", 1, 5), row("ALL", 4, 8));
        List<MetricRow> out = apply(rows, List.of(new Suppression.Family(2, List.of(0, 1))));
        assertThat(out).extracting(r -> r.getBoolean("suppressed")).containsExactly(true, true, true);
    }

    @Test
    void suppressionPropagatesAcrossLevelsUntilStable() {
        // level 1: roles within cohort C1 (parent C1/all = index 2); level 2: cohorts within ALL for mentees.
        // C1 mentor n=3 is hidden -> C1 mentee (n 6, the only other role) goes too -> in the cohorts-within-ALL
        // family of mentees C1 mentee is now the one hidden sibling -> the smallest other cohort, C2 (n 7), goes.
        MetricRow c1Mentor = row("C1", 3, 1);
        MetricRow c1Mentee = row("C1", 6, 2);
        MetricRow c1All = row("C1", 9, 3);
        MetricRow c2Mentee = row("C2", 7, 4);
        MetricRow c3Mentee = row("C3", 9, 5);
        MetricRow allMentee = row("ALL", 22, 6);
        List<MetricRow> rows = new ArrayList<>(List.of(c1Mentor, c1Mentee, c1All, c2Mentee, c3Mentee, allMentee));
        List<MetricRow> out = apply(rows, List.of(new Suppression.Family(2, List.of(0, 1)),
                new Suppression.Family(5, List.of(1, 3, 4))));
        assertThat(out).extracting(r -> r.getBoolean("suppressed")).containsExactly(true, true, false, true, false, false);
    }

    @Test
    void noSuppressedMeanCanBeRecoveredFromParentAndShownSiblings() {
        // the adversary: with exactly one hidden sibling, n * mean of the parent minus the shown siblings' n * mean
        // gives it away; after suppression every family with a shown parent has 0 or at least 2 hidden siblings
        List<MetricRow> rows = List.of(row("C1", 4, 9), row("C2", 12, 5), row("C3", 6, 6), row("C4", 30, 4),
                row("C5", 5, 7), row("ALL", 57, 5.1));
        Suppression.Family family = new Suppression.Family(5, List.of(0, 1, 2, 3, 4));
        List<MetricRow> out = apply(rows, List.of(family));
        long hidden = family.children().stream().filter(i -> out.get(i).getBoolean("suppressed")).count();
        assertThat(hidden).isNotEqualTo(1);
        assertThat(out.get(5).getBoolean("suppressed")).isFalse();
    }
}
