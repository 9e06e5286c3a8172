package io.flipside.metrics.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The subject rules of SPEC §5 retention one at a time; days counted by hand. */
class SubjectRulesTest {
    private static final LocalDate START = LocalDate.of(2025, 1, 1);
    private static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);

    private static SubjectRules.Candidate employee(LocalDate hired, LocalDate left, String type, String role,
            boolean earlier, LocalDate laterMatch, List<LocalDate> rises) {
        return new SubjectRules.Candidate("C", "P", START, hired, 5, left, type, role, earlier, laterMatch, rises);
    }

    private static SubjectRules.Candidate stayer(String role) {
        return employee(LocalDate.of(2020, 1, 1), null, null, role, false, null, List.of());
    }

    @Test
    void everyoneElseIsCensoredAtAsOf() {
        Subject s = SubjectRules.subject(stayer(null), AS_OF, "voluntary").orElseThrow();
        assertThat(s.group()).isEqualTo("comparison");
        assertThat(s.time()).isEqualTo(364);
        assertThat(s.event()).isFalse();
        // 2020-01-01 to 2025-01-01 is 1827 days
        assertThat(s.tenureYears()).isCloseTo(1827 / 365.25, within(1e-12));
    }

    @Test
    void aVoluntaryLeaverIsAnEvent() {
        Subject s = SubjectRules.subject(employee(LocalDate.of(2020, 1, 1), LocalDate.of(2025, 3, 1), "voluntary",
                "mentor", false, null, List.of()), AS_OF, "voluntary").orElseThrow();
        assertThat(s.time()).isEqualTo(59);
        assertThat(s.event()).isTrue();
        assertThat(s.group()).isEqualTo("mentor");
    }

    @Test
    void anInvoluntaryLeaverIsCensoredUnderVoluntaryAndAnEventUnderAny() {
        SubjectRules.Candidate c = employee(LocalDate.of(2020, 1, 1), LocalDate.of(2025, 3, 1), "involuntary", "mentee",
                false, null, List.of());
        Subject voluntary = SubjectRules.subject(c, AS_OF, "voluntary").orElseThrow();
        assertThat(voluntary.time()).isEqualTo(59);
        assertThat(voluntary.event()).isFalse();
        assertThat(SubjectRules.subject(c, AS_OF, "any").orElseThrow().event()).isTrue();
    }

    @Test
    void aTerminationAfterAsOfHasNotHappened() {
        Subject s = SubjectRules.subject(employee(LocalDate.of(2020, 1, 1), LocalDate.of(2026, 1, 5), "voluntary", null,
                false, null, List.of()), AS_OF, "voluntary").orElseThrow();
        assertThat(s.time()).isEqualTo(364);
        assertThat(s.event()).isFalse();
    }

    @Test
    void onlyPeopleEmployedAtTheStartAreFollowed() {
        assertThat(SubjectRules.subject(employee(START, null, null, null, false, null, List.of()), AS_OF, "voluntary"))
                .as("hired on the start day").isPresent();
        assertThat(SubjectRules.subject(employee(START.plusDays(1), null, null, "mentor", false, null, List.of()), AS_OF,
                "voluntary")).as("hired the day after").isEmpty();
        assertThat(SubjectRules.subject(employee(LocalDate.of(2020, 1, 1), START, "voluntary", null, false, null,
                List.of()), AS_OF, "voluntary")).as("left on the start day").isEmpty();
    }

    @Test
    void aComparisonEmployeeWhoJoinsALaterCohortIsCensoredAtTheMatch() {
        Subject s = SubjectRules.subject(employee(LocalDate.of(2020, 1, 1), LocalDate.of(2025, 9, 1), "voluntary", null,
                false, LocalDate.of(2025, 6, 1), List.of()), AS_OF, "voluntary").orElseThrow();
        assertThat(s.time()).isEqualTo(151);
        assertThat(s.event()).isFalse();
        Subject leftFirst = SubjectRules.subject(employee(LocalDate.of(2020, 1, 1), LocalDate.of(2025, 3, 1), "voluntary",
                null, false, LocalDate.of(2025, 6, 1), List.of()), AS_OF, "voluntary").orElseThrow();
        assertThat(leftFirst.time()).isEqualTo(59);
        assertThat(leftFirst.event()).isTrue();
    }

    @Test
    void aParticipantOfAnEarlierCohortIsNotAComparisonSubject() {
        assertThat(SubjectRules.subject(employee(LocalDate.of(2020, 1, 1), null, null, null, true, null, List.of()),
                AS_OF, "voluntary")).isEmpty();
        assertThat(SubjectRules.subject(employee(LocalDate.of(2020, 1, 1), null, null, "mentee", true, null, List.of()),
                AS_OF, "voluntary")).as("taking part again is still taking part").isPresent();
    }

    @Test
    void promotionCountsRisesWithin365DaysAfterTheStartAndByAsOf() {
        assertThat(promoted(START)).as("on the start day is not after it").isFalse();
        assertThat(promoted(START.plusDays(1))).isTrue();
        assertThat(promoted(START.plusDays(365))).isTrue();
        assertThat(promoted(START.plusDays(366))).isFalse();
        SubjectRules.Candidate c = employee(LocalDate.of(2020, 1, 1), null, null, null, false, null,
                List.of(LocalDate.of(2025, 12, 20)));
        assertThat(SubjectRules.subject(c, LocalDate.of(2025, 12, 1), "voluntary").orElseThrow().promoted365())
                .as("after as-of").isFalse();
    }

    private static boolean promoted(LocalDate rise) {
        return SubjectRules.subject(employee(LocalDate.of(2020, 1, 1), null, null, null, false, null, List.of(rise)),
                LocalDate.of(2026, 6, 30), "voluntary").orElseThrow().promoted365();
    }
}
