package io.flipside.ingest;

import static io.flipside.ingest.Field.optional;
import static io.flipside.ingest.Field.required;
import static io.flipside.ingest.FieldType.BOOLEAN;
import static io.flipside.ingest.FieldType.DATE;
import static io.flipside.ingest.FieldType.DECIMAL;
import static io.flipside.ingest.FieldType.INT;
import static io.flipside.ingest.FieldType.STRING;
import static io.flipside.ingest.FieldType.TIMESTAMP;

import io.flipside.ingest.DatasetSchema.Reference;
import io.flipside.ingest.RowRule.Violation;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The input datasets of SPEC §2, defined once. Order matters: a dataset's references point only to
 * datasets before it, so validating in this order makes the referential checks cascade.
 */
public final class Datasets {
    private Datasets() {
    }

    public static final DatasetSchema EMPLOYEES = new DatasetSchema("employees", true, List.of(
            required("employee_id", STRING).person(),
            required("hire_date", DATE),
            required("job_level", INT).range(1, 15),
            required("department", STRING),
            optional("termination_date", DATE),
            optional("termination_type", STRING).oneOf("voluntary", "involuntary"),
            optional("birth_year", INT).range(1930, 2012).nulledWhenInvalid(),
            optional("gender", STRING).nulledWhenInvalid(),
            optional("location", STRING).nulledWhenInvalid(),
            optional("manager_id", STRING).person().nulledWhenInvalid()),
            List.of(
                    row -> row.get("termination_date") != null && row.get("termination_type") == null
                            ? new Violation(Reason.MISSING_FIELD,
                                    "termination_type is required when termination_date is set (voluntary or involuntary)")
                            : null,
                    row -> row.get("termination_type") != null && row.get("termination_date") == null
                            ? new Violation(Reason.MISSING_FIELD, "termination_type is set but termination_date is empty")
                            : null,
                    row -> before(row, "termination_date", "hire_date")
                            ? new Violation(Reason.OUT_OF_RANGE, "termination_date " + row.get("termination_date")
                                    + " is before hire_date " + row.get("hire_date"))
                            : null),
            "employee_id", List.of(), null, List.of());

    public static final DatasetSchema COHORTS = new DatasetSchema("cohorts", true, List.of(
            required("cohort_id", STRING),
            required("name", STRING),
            required("start_date", DATE),
            required("end_date", DATE),
            optional("planned_sessions_per_month", DECIMAL).atLeast(Double.MIN_VALUE).withDefault("1")),
            List.of(row -> before(row, "end_date", "start_date")
                    ? new Violation(Reason.OUT_OF_RANGE,
                            "end_date " + row.get("end_date") + " is before start_date " + row.get("start_date"))
                    : null),
            "cohort_id", List.of(), null, List.of());

    public static final DatasetSchema PAIRS = new DatasetSchema("pairs", true, List.of(
            required("pair_id", STRING),
            required("cohort_id", STRING),
            required("mentor_id", STRING).person(),
            required("mentee_id", STRING).person(),
            optional("matched_date", DATE),
            optional("ended_date", DATE),
            optional("end_reason", STRING).oneOf("completed", "withdrawn", "rematched")),
            List.of(
                    row -> Objects.equals(row.get("mentor_id"), row.get("mentee_id"))
                            ? new Violation(Reason.SELF_PAIR, "mentor_id and mentee_id are the same person")
                            : null,
                    row -> row.get("end_reason") != null && row.get("ended_date") == null
                            ? new Violation(Reason.MISSING_FIELD, "ended_date is required when end_reason is set")
                            : null,
                    row -> before(row, "ended_date", "matched_date")
                            ? new Violation(Reason.OUT_OF_RANGE, "ended_date " + row.get("ended_date")
                                    + " is before matched_date " + row.get("matched_date"))
                            : null),
            "pair_id", List.of(), null, List.of(
                    new Reference("cohort_id", "cohorts", Reason.UNKNOWN_COHORT),
                    new Reference("mentor_id", "employees", Reason.UNKNOWN_EMPLOYEE),
                    new Reference("mentee_id", "employees", Reason.UNKNOWN_EMPLOYEE)));

    public static final DatasetSchema SESSIONS = new DatasetSchema("sessions", false, List.of(
            required("session_id", STRING),
            required("pair_id", STRING),
            required("session_date", DATE),
            required("status", STRING).oneOf("held", "cancelled", "no_show"),
            optional("duration_minutes", INT).range(0, 600),
            optional("mentor_rating", INT).range(1, 5).nulledWhenInvalid(),
            optional("mentee_rating", INT).range(1, 5).nulledWhenInvalid(),
            optional("topics", STRING).nulledWhenInvalid()),
            List.of(row -> "held".equals(row.get("status")) && row.get("duration_minutes") == null
                    ? new Violation(Reason.MISSING_FIELD, "duration_minutes is required when status is held")
                    : null),
            "session_id", List.of(), null, List.of(new Reference("pair_id", "pairs", Reason.UNKNOWN_PAIR)));

    public static final DatasetSchema ACTIVITY_EVENTS = new DatasetSchema("activity_events", false, List.of(
            required("employee_id", STRING).person(),
            required("pair_id", STRING),
            required("event_time", TIMESTAMP),
            required("event_type", STRING).oneOf("message", "call", "resource", "goal", "other")),
            List.of(), null, List.of(), null, List.of(
                    new Reference("employee_id", "employees", Reason.UNKNOWN_EMPLOYEE),
                    new Reference("pair_id", "pairs", Reason.UNKNOWN_PAIR)));

    public static final DatasetSchema SURVEY_ITEMS = new DatasetSchema("survey_items", false, List.of(
            required("item_id", STRING),
            required("scale", STRING),
            optional("text", STRING).nulledWhenInvalid(),
            optional("kind", STRING).oneOf("likert", "nps").withDefault("likert"),
            optional("min_value", INT),
            optional("max_value", INT),
            optional("reverse_coded", BOOLEAN).withDefault("false")),
            List.of(row -> row.get("min_value") != null && row.get("max_value") != null
                    && (Integer) row.get("min_value") >= (Integer) row.get("max_value")
                    ? new Violation(Reason.OUT_OF_RANGE, "min_value must be below max_value")
                    : null),
            "item_id", List.of(), null, List.of());

    public static final DatasetSchema SURVEY_RESPONSES = new DatasetSchema("survey_responses", false, List.of(
            required("respondent_id", STRING).person(),
            required("cohort_id", STRING),
            required("wave", STRING).oneOf("baseline", "midpoint", "final", "followup"),
            required("item_id", STRING),
            required("value", INT),
            required("submitted_date", DATE)),
            List.of(), null, List.of("respondent_id", "cohort_id", "wave", "item_id"), "submitted_date", List.of(
                    new Reference("respondent_id", "employees", Reason.UNKNOWN_EMPLOYEE),
                    new Reference("cohort_id", "cohorts", Reason.UNKNOWN_COHORT),
                    new Reference("item_id", "survey_items", Reason.UNKNOWN_ITEM)));

    public static final DatasetSchema SKILLS = new DatasetSchema("skills", false, List.of(
            required("skill_id", STRING),
            required("name", STRING),
            required("domain", STRING),
            optional("min_score", DECIMAL).withDefault("0"),
            optional("max_score", DECIMAL).withDefault("100")),
            List.of(row -> (Double) row.get("min_score") >= (Double) row.get("max_score")
                    ? new Violation(Reason.OUT_OF_RANGE, "min_score must be below max_score")
                    : null),
            "skill_id", List.of(), null, List.of());

    public static final DatasetSchema ASSESSMENTS = new DatasetSchema("assessments", false, List.of(
            required("employee_id", STRING).person(),
            required("cohort_id", STRING),
            required("skill_id", STRING),
            required("wave", STRING).oneOf("pre", "post", "followup"),
            required("score", DECIMAL),
            required("assessed_date", DATE),
            optional("source", STRING).oneOf("self", "manager", "test").withDefault("self")),
            List.of(), null, List.of("employee_id", "cohort_id", "skill_id", "wave", "source"), "assessed_date",
            List.of(
                    new Reference("employee_id", "employees", Reason.UNKNOWN_EMPLOYEE),
                    new Reference("cohort_id", "cohorts", Reason.UNKNOWN_COHORT),
                    new Reference("skill_id", "skills", Reason.UNKNOWN_SKILL)));

    public static final DatasetSchema JOB_EVENTS = new DatasetSchema("job_events", false, List.of(
            required("employee_id", STRING).person(),
            required("effective_date", DATE),
            required("new_job_level", INT).range(1, 15)),
            List.of(), null, List.of(), null, List.of(
                    new Reference("employee_id", "employees", Reason.UNKNOWN_EMPLOYEE)));

    /** Every dataset in validation order. */
    public static final List<DatasetSchema> ALL = List.of(EMPLOYEES, COHORTS, PAIRS, SESSIONS, ACTIVITY_EVENTS,
            SURVEY_ITEMS, SURVEY_RESPONSES, SKILLS, ASSESSMENTS, JOB_EVENTS);

    public static DatasetSchema byName(String name) {
        return ALL.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no dataset " + name));
    }

    private static boolean before(Map<String, Object> row, String later, String earlier) {
        Object a = row.get(later);
        Object b = row.get(earlier);
        return a != null && b != null && ((LocalDate) a).isBefore((LocalDate) b);
    }
}
