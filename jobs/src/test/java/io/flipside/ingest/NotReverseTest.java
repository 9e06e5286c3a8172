package io.flipside.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.flipside.quality.ReferenceRows;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC §2's not_reverse count on a hand-made case: a mentor of the same or a higher level than the mentee. */
class NotReverseTest {
    private static Object[] employee(String id, int level) {
        return new Object[] {id, LocalDate.of(2020, 1, 1), level, "Sales", null, null, null, null, null, null};
    }

    private static Object[] pair(String id, String mentor, String mentee) {
        return new Object[] {id, "K1", mentor, mentee, null, null, null};
    }

    @Test
    void countsPairsWhoseMentorIsNotMoreJunior() {
        ReferenceRows.Builder e = ReferenceRows.builder(Datasets.EMPLOYEES);
        e.add(employee("junior", 2));
        e.add(employee("peer", 2));
        e.add(employee("senior", 9));
        ReferenceRows.Builder p = ReferenceRows.builder(Datasets.PAIRS);
        p.add(pair("A", "junior", "senior"));   // reverse
        p.add(pair("B", "peer", "junior"));     // same level: not reverse
        p.add(pair("C", "senior", "junior"));   // not reverse
        p.add(pair("D", "junior", "nobody"));   // an unknown person: not counted
        ReferenceRows employees = ReferenceRows.union("employees", List.of(e.build()));
        assertThat(NotReverse.count(ReferenceRows.union("pairs", List.of(p.build())), employees)).isEqualTo(2);
    }
}
