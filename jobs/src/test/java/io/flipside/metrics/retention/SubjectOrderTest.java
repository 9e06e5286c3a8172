package io.flipside.metrics.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SubjectOrderTest {
    /**
     * The packed primitive sort must order subjects as the plain comparator chain over their values does
     * (the reference here); subjects tied on every value may come in any order, so the value sequences
     * are compared, not the people.
     */
    @Test
    void packedSortOrdersByValuesLikeTheComparatorChain() {
        Random random = new Random(11);
        List<Subject> subjects = new ArrayList<>();
        String[] groups = {Subject.MENTOR, Subject.MENTEE, Subject.COMPARISON};
        for (int i = 0; i < 20_000; i++) {
            int tenureDays = random.nextInt(15_000);
            subjects.add(new Subject("C1", "p" + i, groups[random.nextInt(3)], random.nextInt(800), random.nextBoolean(),
                    1 + random.nextInt(15), tenureDays / 365.25, random.nextInt(10) == 0));
        }
        Comparator<Subject> chain = Comparator.comparing(Subject::group).thenComparingInt(Subject::time)
                .thenComparing(Subject::event).thenComparingInt(Subject::jobLevel)
                .thenComparingDouble(Subject::tenureYears).thenComparing(Subject::promoted365);
        List<Subject> expected = new ArrayList<>(subjects);
        expected.sort(chain);

        List<Subject> packed = RetentionSubjects.byValues(subjects);

        assertThat(packed).hasSameSizeAs(subjects);
        assertThat(packed.stream().map(SubjectOrderTest::values).toList())
                .isEqualTo(expected.stream().map(SubjectOrderTest::values).toList());
        assertThat(packed).containsExactlyInAnyOrderElementsOf(subjects);
    }

    private static List<Object> values(Subject s) {
        return List.of(s.group(), s.time(), s.event(), s.jobLevel(), s.tenureYears(), s.promoted365());
    }
}
