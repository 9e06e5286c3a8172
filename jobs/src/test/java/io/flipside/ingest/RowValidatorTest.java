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

    @Test
    void selfPairIsItsOwnReason() {
        RowValidator v = new RowValidator(Datasets.PAIRS, Pseudonymizer.withKey("k"));
        assertThat(v.validate(Map.of("pair_id", "P", "cohort_id", "C", "mentor_id", "E1", "mentee_id", "E1")).reason())
                .isEqualTo(Reason.SELF_PAIR);
    }
}
