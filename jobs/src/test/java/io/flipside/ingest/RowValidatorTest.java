package io.flipside.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.flipside.privacy.Pseudonymizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowValidatorTest {
    private final RowValidator employees = new RowValidator(Datasets.EMPLOYEES, Pseudonymizer.withKey("k"));

    private static Map<String, String> employee(String... kv) {
        Map<String, String> m = new HashMap<>(Map.of("employee_id", "E1", "hire_date", "2020-01-31", "job_level", "4",
                "department", "Sales"));
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void validRowIsTypedTrimmedAndPseudonymised() {
        RowValidator.Result r = employees.validate(employee("department", "  Sales ", "termination_type", ""));
        assertThat(r.valid()).isTrue();
        assertThat(r.values()[0]).isEqualTo(Pseudonymizer.withKey("k").pseudonym("E1")).isNotEqualTo("E1");
        assertThat(r.values()[1]).isEqualTo(LocalDate.of(2020, 1, 31));
        assertThat(r.values()[2]).isEqualTo(4);
        assertThat(r.values()[3]).isEqualTo("Sales");
    }

    @Test
    void firstFailingFieldGivesReasonAndDetail() {
        assertThat(employees.validate(employee("hire_date", "2021-02-30")).reason()).isEqualTo(Reason.INVALID_DATE);
        assertThat(employees.validate(employee("job_level", "four")).reason()).isEqualTo(Reason.INVALID_NUMBER);
        RowValidator.Result r = employees.validate(employee("job_level", "16"));
        assertThat(r.reason()).isEqualTo(Reason.OUT_OF_RANGE);
        assertThat(r.detail()).isEqualTo("job_level: '16' is outside the allowed range 1-15");
        assertThat(employees.validate(employee("department", " ")).reason()).isEqualTo(Reason.MISSING_FIELD);
        assertThat(employees.validate(employee("termination_date", "2024-01-01", "termination_type", "fired")).reason())
                .isEqualTo(Reason.INVALID_VALUE);
    }

    @Test
    void rowRulesRunAfterFields() {
        assertThat(employees.validate(employee("termination_date", "2024-01-01")).detail())
                .contains("termination_type is required");
        assertThat(employees.validate(employee("termination_date", "2019-01-01", "termination_type", "Voluntary"))
                .reason()).isEqualTo(Reason.OUT_OF_RANGE);
    }

    @Test
    void invalidOptionalDemographicsAreNulledAndCounted() {
        RowValidator.Result r = employees.validate(employee("birth_year", "1890", "gender", "f\u0000"));
        assertThat(r.valid()).isTrue();
        assertThat(r.fieldsNulled()).isEqualTo(2);
        assertThat(r.values()[6]).isNull();
        assertThat(r.values()[7]).isNull();
    }

    @Test
    void defaultsApplyToEmptyOptionalFields() {
        RowValidator v = new RowValidator(Datasets.COHORTS, Pseudonymizer.withKey("k"));
        RowValidator.Result r = v.validate(Map.of("cohort_id", "C", "name", "n", "start_date", "2026-01-01",
                "end_date", "2026-06-30"));
        assertThat(r.values()[4]).isEqualTo(1.0);
        assertThat(v.validate(Map.of("cohort_id", "C", "name", "n", "start_date", "2026-01-01", "end_date",
                "2026-06-30", "planned_sessions_per_month", "0")).reason()).isEqualTo(Reason.OUT_OF_RANGE);
    }

    @Test
    void timestampsConvertToUtcAndNoOffsetMeansUtc() throws Exception {
        assertThat(RowValidator.parseTimestamp("2026-03-01T10:00:00+02:00")).isEqualTo(Instant.parse("2026-03-01T08:00:00Z"));
        assertThat(RowValidator.parseTimestamp("2026-03-01T10:00:00")).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(RowValidator.parseTimestamp("2026-03-01 10:00:00")).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
    }

    /**
     * The hand-written reader of the common shapes must agree with java.time's strict ISO parsers, the
     * reference, on every value: random ones with out-of-range parts (day 31 of short months, 29 February
     * of leap and common years, hour 24, second 60, offsets past 18:00 or minute 60) and a few other shapes
     * that take the slow path.
     */
    @Test
    void fastTimestampsAndDatesAgreeWithTheIsoParsers() throws Exception {
        java.util.Random random = new java.util.Random(7);
        java.util.List<String> texts = new java.util.ArrayList<>(java.util.List.of("2024-02-29T00:00:00Z",
                "2023-02-29T00:00:00Z", "2026-03-01T24:00:00", "2026-03-01T23:59:60Z", "2026-3-01T10:00:00Z",
                "2026-03-01T10:00Z", "2026-03-01T10:00:00.250Z", "2026-03-01X10:00:00", "0000-01-01T00:00:00Z",
                "2026-03-01T10:00:00z", "+2026-03-01T10:00:00Z", "2026-03-01T1a:00:00Z", "2026-03-01T10:00:00+18:00",
                "2026-03-01T10:00:00-18:00", "2026-03-01T10:00:00+18:01", "2026-03-01T10:00:00-00:00",
                "2026-03-01T10:00:00+0100", "2026-03-01T10:00:00+01:0a", "2026-03-01T10:00:00*01:00",
                "2026-03-01T10:00:00+01-00", "2026-03-01 10:00:00+05:30"));
        for (int i = 0; i < 20_000; i++) {
            texts.add(String.format(java.util.Locale.ROOT, "%04d-%02d-%02d%c%02d:%02d:%02d%s", 1990 + random.nextInt(60),
                    random.nextInt(14), random.nextInt(33), random.nextBoolean() ? 'T' : ' ', random.nextInt(25),
                    random.nextInt(61), random.nextInt(61), switch (random.nextInt(3)) {
                        case 0 -> "Z";
                        case 1 -> String.format(java.util.Locale.ROOT, "%c%02d:%02d", random.nextBoolean() ? '+' : '-',
                                random.nextInt(20), random.nextInt(62));
                        default -> "";
                    }));
        }
        for (String text : texts) {
            Instant expected = isoReference(text);
            if (expected == null) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> RowValidator.parseTimestamp(text))
                        .as(text).hasMessageContaining("is not an ISO-8601 timestamp");
            } else {
                assertThat(RowValidator.parseTimestamp(text)).as(text).isEqualTo(expected);
            }
            String date = text.substring(0, Math.min(10, text.length()));
            RowValidator.Result r = employees.validate(employee("hire_date", date));
            LocalDate expectedDate = isoDate(date);
            assertThat(r.valid() ? r.values()[1] : null).as(date).isEqualTo(expectedDate);
            assertThat(r.valid() || r.reason() == Reason.INVALID_DATE).as(date).isTrue();
        }
    }

    private static Instant isoReference(String text) {
        String t = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            return java.time.OffsetDateTime.parse(t).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(t).toInstant(java.time.ZoneOffset.UTC);
            } catch (java.time.format.DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static LocalDate isoDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    @Test
    void selfPairIsItsOwnReason() {
        RowValidator v = new RowValidator(Datasets.PAIRS, Pseudonymizer.withKey("k"));
        assertThat(v.validate(Map.of("pair_id", "P", "cohort_id", "C", "mentor_id", "E1", "mentee_id", "E1")).reason())
                .isEqualTo(Reason.SELF_PAIR);
    }

    /**
     * Whole numbers and decimals take a shortcut for plain digits and the full pattern otherwise: both
     * must read every form as before (expected values by hand from SPEC §2: a whole number may carry a
     * sign and a zero fraction; ten digits overflow the field).
     */
    @Test
    void numbersReadTheSameWhetherPlainOrNot() {
        Map<String, Object> whole = cases(
                "4", 4,
                "04", 4,
                "+4", 4,
                "4.0", 4,
                "4.", Reason.INVALID_NUMBER,
                "4.5", Reason.INVALID_NUMBER,
                "-4", Reason.OUT_OF_RANGE,
                "0000000004", Reason.INVALID_NUMBER,
                "4e0", Reason.INVALID_NUMBER);
        whole.forEach((text, expected) -> {
            RowValidator.Result r = employees.validate(employee("job_level", text));
            assertThat(r.valid() ? r.values()[2] : r.reason()).as(text).isEqualTo(expected);
        });
        RowValidator cohorts = new RowValidator(Datasets.COHORTS, Pseudonymizer.withKey("k"));
        Map<String, Object> decimal = cases(
                "2", 2.0,
                "2.5", 2.5,
                "0.25", 0.25,
                ".5", 0.5,
                "2.", 2.0,
                "+1.5e1", 15.0,
                "2..5", Reason.INVALID_NUMBER,
                "2,5", Reason.INVALID_NUMBER,
                ".", Reason.INVALID_NUMBER);
        decimal.forEach((text, expected) -> {
            RowValidator.Result r = cohorts.validate(Map.of("cohort_id", "C", "name", "N", "start_date", "2026-01-01",
                    "end_date", "2026-06-30", "planned_sessions_per_month", text));
            assertThat(r.valid() ? r.values()[4] : r.reason()).as(text).isEqualTo(expected);
        });
    }

    /** Texts and what each reads as (a value, or the reason it is refused), in order. */
    private static Map<String, Object> cases(Object... textThenExpected) {
        Map<String, Object> cases = new java.util.LinkedHashMap<>();
        for (int i = 0; i < textThenExpected.length; i += 2) {
            cases.put((String) textThenExpected[i], textThenExpected[i + 1]);
        }
        return cases;
    }
}
