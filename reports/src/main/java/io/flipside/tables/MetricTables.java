package io.flipside.tables;

import static io.flipside.tables.Column.count;
import static io.flipside.tables.Column.number;
import static io.flipside.tables.Column.string;

import java.util.List;

/**
 * Every metric table Flipside writes, defined once. Column names, order, types and units here are
 * the contract of SPEC.md §5: the Parquet and CSV writers, the report model and the tests all read
 * them from this class.
 */
public final class MetricTables {
    private MetricTables() {
    }

    private static final Column COHORT_ID =
            string("cohort_id", "the cohort, or ALL for every cohort pooled");

    /** §5 engagement: are pairs meeting? One row per cohort_id. */
    public static final TableDef ENGAGEMENT = new TableDef("engagement", "one row per cohort_id", List.of(
            COHORT_ID,
            count("pairs", "pairs", "pairs matched on or before the as-of date"),
            count("active_pairs", "pairs", "pairs with at least one held session"),
            count("sessions_scheduled", "sessions", "held + cancelled + no_show sessions dated on or before as-of"),
            count("sessions_held", "sessions", "held sessions dated on or before as-of"),
            number("attendance_rate", "fraction 0-1", "sessions_held / sessions_scheduled"),
            number("mean_duration_minutes", "minutes", "mean duration of held sessions"),
            number("hours_held", "hours", "sum of held session durations / 60"),
            number("held_per_pair_month", "sessions per pair-month",
                    "sum of held sessions / sum of pair-months; pair-months = span days / 30.4375, span from"
                            + " matched_date to min(ended_date, cohort end_date, as-of)"),
            number("cadence_adherence", "fraction 0-1",
                    "among pairs with pair-months >= 1, the share whose held sessions / pair-months >= the"
                            + " cohort's planned_sessions_per_month"),
            number("median_days_to_first_session", "days",
                    "exact median of days from matched_date to the first held session, over pairs with one"),
            number("withdrawn_rate", "fraction 0-1", "pairs ended withdrawn by as-of / pairs"),
            count("inactive_pairs", "pairs",
                    "pairs running at as-of with no held session in the engagement.inactive_after_days days"
                            + " ending with the as-of day"),
            number("mean_mentor_rating", "rating 1-5", "mean mentor_rating over held sessions that carry one"),
            number("mean_mentee_rating", "rating 1-5", "mean mentee_rating over held sessions that carry one")));

    /** §5 engagement_monthly: one row per cohort_id and calendar month. */
    public static final TableDef ENGAGEMENT_MONTHLY = new TableDef("engagement_monthly",
            "one row per cohort_id and month", List.of(
            COHORT_ID,
            string("month", "calendar month, YYYY-MM"),
            count("sessions_held", "sessions", "held sessions dated in the month (and on or before as-of)"),
            number("hours_held", "hours", "sum of held session durations in the month / 60"),
            count("active_pairs", "pairs", "pairs with at least one held session in the month")));

    /** §5 activity: the collaboration feed. One row per cohort_id. */
    public static final TableDef ACTIVITY = new TableDef("activity", "one row per cohort_id", List.of(
            COHORT_ID,
            count("events", "events", "events of the cohort's pairs up to the end of the as-of day (UTC)"),
            count("participants", "people", "distinct people in the cohort's pairs (ALL: once per cohort)"),
            count("active_participants_30d", "people",
                    "people of pairs running at as-of with at least one event in that pair in the 30 days ending"
                            + " with the as-of day"),
            number("engagement_rate_30d", "fraction 0-1",
                    "active_participants_30d / people of pairs running at as-of; null when none is running"),
            number("events_per_pair_week", "events per pair-week", "events / sum of (pair span days / 7)"),
            number("reciprocity_index", "index 0-1",
                    "mean over pairs of min(m, e) / max(m, e), m and e the mentor's and mentee's events in the pair;"
                            + " 0 for a pair without events")));

    /** §5 activity_weekly: one row per cohort_id and ISO week. */
    public static final TableDef ACTIVITY_WEEKLY = new TableDef("activity_weekly", "one row per cohort_id and ISO week",
            List.of(
            COHORT_ID,
            string("week", "ISO week-year and week, e.g. 2025-W01 (2024-12-30 belongs to 2025-W01)"),
            count("events", "events", "events in the week (UTC), up to the end of the as-of day"),
            count("active_pairs", "pairs", "pairs with at least one event in the week")));

    /** Every table, in the order the codebook and the reports list them. */
    public static final List<TableDef> ALL = List.of(ENGAGEMENT, ENGAGEMENT_MONTHLY, ACTIVITY, ACTIVITY_WEEKLY);

    /** The table of that name, or an exception listing the known names. */
    public static TableDef byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no metric table " + name + "; known: "
                        + ALL.stream().map(TableDef::name).toList()));
    }
}
