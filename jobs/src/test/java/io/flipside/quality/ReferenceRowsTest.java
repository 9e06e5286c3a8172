package io.flipside.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flipside.ingest.Datasets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a task collects of the rows it keeps, for the datasets checked against them. */
class ReferenceRowsTest {
    private static Object[] cohort(String id, String start) {
        return new Object[] {id, "Cohort " + id, LocalDate.parse(start), LocalDate.parse(start).plusMonths(6), 1.0};
    }

    @Test
    void collectsEachKeyWithTheColumnsOthersReadAndTheFirstOfAKeySeenTwice() {
        ReferenceRows.Builder b = ReferenceRows.builder(Datasets.COHORTS);
        b.add(cohort("K1", "2025-01-01"));
        b.add(cohort("K2", "2025-03-01"));
        ReferenceRows first = b.build();
        ReferenceRows.Builder other = ReferenceRows.builder(Datasets.COHORTS);
        other.add(cohort("K2", "2030-01-01"));
        other.add(cohort("K3", "2025-06-01"));
        ReferenceRows all = ReferenceRows.union("cohorts", List.of(first, other.build()));
        assertThat(all.keys()).containsExactlyInAnyOrder("K1", "K2", "K3");
        assertThat(all.get("K2", "start_date")).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(all.get("K9", "start_date")).isNull();
        assertThatThrownBy(() -> all.get("K1", "name")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name of cohorts is not collected");
    }

    @Test
    void onlyDatasetsOthersAreCheckedAgainstAreCollected() {
        assertThat(ReferenceRows.collected("employees")).isTrue();
        assertThat(ReferenceRows.collected("activity_events")).isFalse();
        assertThatThrownBy(() -> ReferenceRows.builder(Datasets.SESSIONS)).isInstanceOf(IllegalArgumentException.class);
        ReferenceRows pairs = ReferenceRows.union("pairs", List.of());
        assertThat(pairs.keys()).isEmpty();
        assertThatThrownBy(() -> ReferenceRows.union("pairs", List.of(ReferenceRows.builder(Datasets.COHORTS).build())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void travelsFromATaskToTheDriverWhole() throws Exception {
        ReferenceRows.Builder b = ReferenceRows.builder(Datasets.PAIRS);
        b.add(new Object[] {"A", "K1", "e1", "e2", null, null, null});
        b.add(new Object[] {"B", "K1", "e3", null, null, null, null});
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(b.build());
        }
        ReferenceRows back;
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            back = (ReferenceRows) in.readObject();
        }
        assertThat(back.dataset()).isEqualTo("pairs");
        assertThat(back.keys()).containsExactlyInAnyOrder("A", "B");
        assertThat(back.get("A", "mentee_id")).isEqualTo("e2");
        assertThat(back.get("B", "mentor_id")).isEqualTo("e3");
        assertThat(back.get("B", "mentee_id")).isNull();
    }
}
