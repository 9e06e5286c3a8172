package io.flipside.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.flipside.ingest.Reason;
import io.flipside.ingest.RowRule.Violation;
import io.flipside.quality.LookupChecks.InPair;
import io.flipside.quality.LookupChecks.InRange;
import io.flipside.quality.LookupChecks.KnownKey;
import io.flipside.quality.LookupChecks.Members;
import io.flipside.quality.LookupChecks.Range;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The lookups without Spark, on rows laid out as activity events ({@code employee_id, pair_id,
 * event_time, event_type}) and survey responses. The expected details are the sentences the Spark joins
 * wrote before the lookups replaced them (the quarantine of the scale-100 bench input compared equal).
 */
class LookupChecksTest {
    private static final String EMPLOYEE_DETAIL =
            "employee_id is not a valid employees id (unknown, or its row was quarantined)";
    private static final String PAIR_DETAIL = "pair_id is not a valid pairs id (unknown, or its row was quarantined)";

    private final LookupChecks events = new LookupChecks(List.of(
            new KnownKey(0, Set.of("e1", "e2", "e3"), Reason.UNKNOWN_EMPLOYEE, EMPLOYEE_DETAIL),
            new KnownKey(1, Set.of("A", "B"), Reason.UNKNOWN_PAIR, PAIR_DETAIL),
            new InPair(1, 0, Map.of("A", new Members("e1", "e2"), "B", new Members("e3", "e2")))));

    private static Object[] event(String employee, String pair) {
        return new Object[] {employee, pair, Instant.parse("2025-02-01T09:00:00Z"), "message"};
    }

    @Test
    void theFirstFailingRuleInOrderWins() {
        assertThat(events.check(event("e9", "Z"))).isEqualTo(new Violation(Reason.UNKNOWN_EMPLOYEE, EMPLOYEE_DETAIL));
        assertThat(events.check(event("e1", "Z"))).isEqualTo(new Violation(Reason.UNKNOWN_PAIR, PAIR_DETAIL));
        assertThat(events.check(event("e3", "A"))).isEqualTo(new Violation(Reason.NOT_IN_PAIR,
                "employee_id is neither the mentor nor the mentee of pair_id"));
    }

    @Test
    void mentorAndMenteeOfTheirPairPass() {
        assertThat(events.check(event("e1", "A"))).isNull();
        assertThat(events.check(event("e2", "A"))).isNull();
        assertThat(events.check(event("e2", "B"))).isNull();
    }

    @Test
    void nullValuesPassAsInSqlWhereRequirednessIsAFieldRule() {
        assertThat(events.check(event(null, "A"))).isNull();
        assertThat(events.check(event("e1", null))).isNull();
        Map<String, Members> incomplete = new HashMap<>();
        incomplete.put("A", new Members("e1", null));
        assertThat(new InPair(1, 0, incomplete).check(event("e3", "A"))).as("an unknown mentee compares as null")
                .isNull();
    }

    @Test
    void answersOutsideTheirItemsRangeFailWithTheRangeInTheDetail() {
        // respondent_id, cohort_id, wave, item_id, value, submitted_date
        InRange range = new InRange(3, 4, Map.of("Q1", new Range(1, 5), "N1", new Range(0, 10)),
                "value is outside the item's range ");
        assertThat(range.check(new Object[] {"r", "K1", "final", "Q1", 6, null}))
                .isEqualTo(new Violation(Reason.OUT_OF_RANGE, "value is outside the item's range 1-5"));
        assertThat(range.check(new Object[] {"r", "K1", "final", "Q1", 0, null})).isNotNull();
        assertThat(range.check(new Object[] {"r", "K1", "final", "Q1", 1, null})).as("bounds are inclusive").isNull();
        assertThat(range.check(new Object[] {"r", "K1", "final", "Q1", 5, null})).isNull();
        assertThat(range.check(new Object[] {"r", "K1", "final", "N1", 10, null})).isNull();
        assertThat(range.check(new Object[] {"r", "K1", "final", "Q9", 99, null}))
                .as("an unknown item is unknown_item's to report").isNull();
    }

    @Test
    void scoresCompareAsDecimalsAndPrintAsSparkCastsThem() {
        InRange range = new InRange(0, 1, Map.of("S1", new Range(0.0, 100.0)), "score is outside the skill's range ");
        assertThat(range.check(new Object[] {"S1", 100.5})).isEqualTo(new Violation(Reason.OUT_OF_RANGE,
                "score is outside the skill's range 0.0-100.0"));
        assertThat(range.check(new Object[] {"S1", 100.0})).isNull();
    }

    @Test
    void aMissingBoundDoesNotLimitAndLeavesTheDetailEmptyAsSqlConcatDoes() {
        InRange noMax = new InRange(0, 1, Map.of("S1", new Range(0.0, null)), "score is outside the skill's range ");
        assertThat(noMax.check(new Object[] {"S1", 1e9})).isNull();
        assertThat(noMax.check(new Object[] {"S1", -1.0})).isEqualTo(new Violation(Reason.OUT_OF_RANGE, null));
    }

    @Test
    void noLookupsPassEveryRow() {
        LookupChecks none = new LookupChecks(List.of());
        assertThat(none.check(event("anyone", "anything"))).isNull();
    }

    @Test
    void survivesJavaSerializationAsABroadcastToAnotherExecutorDoes() throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(events);
        }
        LookupChecks copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (LookupChecks) in.readObject();
        }
        assertThat(copy.check(event("e3", "A"))).isEqualTo(events.check(event("e3", "A")));
        assertThat(copy.check(event("e1", "A"))).isNull();
    }
}
