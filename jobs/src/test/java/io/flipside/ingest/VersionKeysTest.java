package io.flipside.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The manifest's superseded count: the visible rows (dated on or before the as-of date) less their distinct
 * version keys. Expectations counted by hand, and on random data by a plain set of the keys as text.
 */
class VersionKeysTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    /** A survey response: respondent_id, cohort_id, wave, item_id, value, submitted_date. */
    private static Object[] response(String respondent, String wave, String item, String date) {
        return new Object[] {respondent, "K1", wave, item, 3, LocalDate.parse(date)};
    }

    private static VersionKeys task(Object[]... rows) {
        VersionKeys.Builder b = VersionKeys.builder(Datasets.SURVEY_RESPONSES, AS_OF);
        for (Object[] r : rows) {
            b.add(r);
        }
        return b.build();
    }

    @Test
    void everyVisibleVersionButOnePerKeyIsSupersededAcrossTasks() {
        VersionKeys one = task(
                response("R1", "baseline", "Q1", "2026-01-10"),
                response("R1", "baseline", "Q1", "2026-01-12"),   // second version of R1/baseline/Q1
                response("R1", "final", "Q1", "2026-06-30"),      // on the as-of day: visible
                response("R2", "baseline", "Q1", "2026-07-01"));  // after it: invisible, not counted
        VersionKeys two = task(
                response("R1", "baseline", "Q1", "2026-02-01"),   // third version, in another task
                response("R2", "baseline", "Q1", "2026-01-05"),
                response("R2", "baseline", "Q1", "2026-08-01"));  // invisible
        // visible: 3 + 2 = 5 rows; keys R1/baseline/Q1, R1/final/Q1, R2/baseline/Q1: 3
        assertThat(VersionKeys.superseded(List.of(one, two))).isEqualTo(2);
        assertThat(VersionKeys.superseded(List.of(one))).isEqualTo(1);
        assertThat(VersionKeys.superseded(List.of())).isZero();
    }

    @Test
    void valuesThatRunTogetherAreStillDifferentKeys() {
        VersionKeys t = task(response("R1", "baseline", "Q12", "2026-01-10"), response("R1", "baseline1", "Q2", "2026-01-10"));
        assertThat(VersionKeys.superseded(List.of(t))).isZero();
    }

    @Test
    void onRandomKeysItCountsWhatASetOfTheKeysCounts() {
        Random random = new Random(7);
        List<VersionKeys> tasks = new ArrayList<>();
        java.util.Set<String> keys = new java.util.HashSet<>();
        long visible = 0;
        for (int t = 0; t < 3; t++) {
            VersionKeys.Builder b = VersionKeys.builder(Datasets.SURVEY_RESPONSES, AS_OF);
            for (int i = 0; i < 20_000; i++) {
                String respondent = "R" + random.nextInt(3000);
                String item = "Q" + random.nextInt(5);
                String date = "2026-0" + (1 + random.nextInt(9)) + "-15";
                b.add(response(respondent, "baseline", item, date));
                if (!LocalDate.parse(date).isAfter(AS_OF)) {
                    visible++;
                    keys.add(respondent + "/" + item);
                }
            }
            tasks.add(b.build());
        }
        assertThat(VersionKeys.superseded(tasks)).isEqualTo(visible - keys.size()).isPositive();
    }

    @Test
    void onlyVersionedDatasetsHaveVersionKeys() {
        assertThatThrownBy(() -> VersionKeys.builder(Datasets.SESSIONS, AS_OF)).isInstanceOf(IllegalArgumentException.class);
    }
}
