package io.flipside.tables;

import static io.flipside.tables.Column.count;
import static io.flipside.tables.Column.flag;
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

    /** §5 knowledge_transfer: did each side learn? One row per cohort_id, role, skill_id and source. */
    public static final TableDef KNOWLEDGE_TRANSFER = new TableDef("knowledge_transfer",
            "one row per cohort_id, role (mentor, mentee), skill_id and source", List.of(
            COHORT_ID,
            string("role", "mentor or mentee"),
            string("skill_id", "the skill"),
            string("source", "self, manager or test"),
            string("domain", "the skill's domain"),
            flag("expected_learner", "true when the role learns this domain (learning.mentee_learns / mentor_learns)"),
            count("n", "people", "participants with both a pre and a post score for the skill and source"),
            number("mean_pre", "score", "mean pre score"),
            number("mean_post", "score", "mean post score"),
            number("mean_gain", "score points", "mean of post - pre"),
            number("sd_gain", "score points", "SD of post - pre (n - 1)"),
            number("ci_low", "score points", "95 % t interval of the mean gain, lower end"),
            number("ci_high", "score points", "95 % t interval of the mean gain, upper end"),
            number("t_stat", "t", "paired t statistic, df = n - 1"),
            number("p_value", "probability", "two-sided p of the paired t-test"),
            number("effect_dz", "d_z", "mean_gain / sd_gain"),
            number("hedges_gz", "g_z", "effect_dz x J(n - 1), J(m) = Gamma(m/2) / (sqrt(m/2) Gamma((m-1)/2))"),
            number("hake_gain", "fraction", "(mean_post - mean_pre) / (max_score - mean_pre); null when mean_pre = max"),
            number("pct_improved", "percent 0-100", "percentage of the n with post - pre > 0"),
            count("n_followup", "people", "of the n, those with a follow-up score too"),
            number("retained_share", "fraction", "mean(followup - pre) / mean(post - pre) over those with all three;"
                    + " null when the denominator <= 0 or n_followup < privacy.min_group_size"),
            flag("suppressed", "true when n < privacy.min_group_size, or to protect a suppressed sibling; every"
                    + " statistic is then null")));

    private static final Column ROLE = string("role", "mentor, mentee, or all (all also counts respondents without a pair)");
    private static final Column WAVE = string("wave", "baseline, midpoint, final or followup");
    private static final Column SUPPRESSED = flag("suppressed",
            "true when n < privacy.min_group_size, or to protect a suppressed sibling; every statistic is then null");

    /** §5 survey_items: one row per cohort_id, wave, role and item_id. */
    public static final TableDef SURVEY_ITEMS = new TableDef("survey_items", "one row per cohort_id, wave, role and item_id",
            List.of(COHORT_ID, WAVE, ROLE,
                    string("item_id", "the survey item"),
                    string("scale", "the item's scale"),
                    count("n", "people", "respondents who answered the item"),
                    number("mean_100", "score 0-100", "mean of 100 x, x = (value - min) / (max - min), reversed when"
                            + " reverse_coded"),
                    number("favorable_pct", "percent 0-100", "answers with x > 0.5"),
                    number("neutral_pct", "percent 0-100", "answers with x = 0.5"),
                    number("unfavorable_pct", "percent 0-100", "answers with x < 0.5"),
                    SUPPRESSED));

    /** §5 survey_scales: one row per cohort_id, wave, role and scale. */
    public static final TableDef SURVEY_SCALES = new TableDef("survey_scales", "one row per cohort_id, wave, role and scale",
            List.of(COHORT_ID, WAVE, ROLE,
                    string("scale", "the scale"),
                    count("n", "people", "respondents with a scale score (at least one likert item of the scale)"),
                    number("mean_score", "score 0-100", "mean of respondents' scale scores (mean score_100 of the"
                            + " scale's likert items they answered)"),
                    number("sd_score", "score 0-100", "SD of the scale scores (n - 1)"),
                    number("favorable_pct", "percent 0-100", "respondents whose scale score > 50"),
                    number("cronbach_alpha", "alpha", "k/(k-1) (1 - sum var(item) / var(total)) on respondents who"
                            + " answered every item; null when k < 2"),
                    count("alpha_n", "people", "respondents in the alpha (listwise complete)"),
                    SUPPRESSED));

    /** §5 survey_change: one row per cohort_id, role and scale. */
    public static final TableDef SURVEY_CHANGE = new TableDef("survey_change", "one row per cohort_id, role and scale",
            List.of(COHORT_ID, ROLE,
                    string("scale", "the scale"),
                    count("n", "people", "respondents with a scale score at both baseline and final"),
                    number("mean_baseline", "score 0-100", "mean baseline scale score"),
                    number("mean_final", "score 0-100", "mean final scale score"),
                    number("mean_change", "points 0-100", "mean of final - baseline"),
                    number("ci_low", "points", "95 % t interval of the mean change, lower end"),
                    number("ci_high", "points", "95 % t interval of the mean change, upper end"),
                    number("effect_dz", "d_z", "mean_change / SD of the changes"),
                    number("p_value", "probability", "two-sided p of the paired t-test"),
                    SUPPRESSED));

    /** §5 enps: one row per cohort_id, wave and role over nps answers. */
    public static final TableDef ENPS = new TableDef("enps", "one row per cohort_id, wave and role", List.of(
            COHORT_ID, WAVE, ROLE,
            count("n", "answers", "nps answers (one per respondent and nps item)"),
            number("promoters_pct", "percent 0-100", "answers 9-10"),
            number("passives_pct", "percent 0-100", "answers 7-8"),
            number("detractors_pct", "percent 0-100", "answers 0-6"),
            number("enps", "points -100 to 100", "promoters_pct - detractors_pct"),
            SUPPRESSED));

    /** §5 survey_response: one row per cohort_id, wave and role, for waves with answers by as-of. */
    public static final TableDef SURVEY_RESPONSE = new TableDef("survey_response", "one row per cohort_id, wave and role",
            List.of(COHORT_ID, WAVE, ROLE,
                    count("invited", "people", "the cohort's participants (in the role)"),
                    count("responded", "people", "of those, people with at least one answer in the wave"),
                    number("response_rate", "fraction 0-1", "responded / invited")));

    private static final Column GROUP = string("group", "mentor, mentee, participant (both roles) or comparison (employees"
            + " employed at the cohort start outside the programme)");

    /** §5 survival_curve: one row per cohort_id, group and distinct time with n_risk >= privacy.min_group_size. */
    public static final TableDef SURVIVAL_CURVE = new TableDef("survival_curve",
            "one row per cohort_id, group and distinct time (days since the cohort start) with n_risk >="
                    + " privacy.min_group_size; ALL stacks every cohort's subjects, each from their own start", List.of(
            COHORT_ID, GROUP,
            count("time", "days", "days since the cohort start"),
            count("n_risk", "people", "subjects still employed and followed at the start of the day"),
            count("n_event", "people", "subjects who left on the day (retention.event: voluntary or any)"),
            count("n_censor", "people", "subjects whose follow-up ended on the day without the event"),
            number("survival", "fraction 0-1", "Kaplan-Meier S(time); at tied times events precede censorings"),
            number("std_err", "fraction", "Greenwood: S x sqrt(sum d / (n (n - d))); null when S = 0"),
            number("ci_low", "fraction 0-1", "exp(log S - 1.959964 x sqrt(sum d / (n (n - d)))); null when S = 0"),
            number("ci_high", "fraction 0-1", "exp(log S + 1.959964 x sqrt(sum d / (n (n - d)))), at most 1;"
                    + " null when S = 0")));

    /** §5 retention: one row per cohort_id, group and horizon. */
    public static final TableDef RETENTION = new TableDef("retention", "one row per cohort_id, group and horizon_days",
            List.of(COHORT_ID, GROUP,
                    count("horizon_days", "days", "a horizon of retention.horizons_days"),
                    count("n", "people", "subjects employed at the cohort start; ALL: subjects of the cohorts followed"
                            + " for at least horizon_days, once per cohort"),
                    count("events", "people", "subjects who left (retention.event) within horizon_days"),
                    number("retention", "fraction 0-1", "Kaplan-Meier S(horizon_days); null when the horizon is beyond"
                            + " as-of - cohort start"),
                    number("ci_low", "fraction 0-1", "log-transformed 95 % interval of S, lower end"),
                    number("ci_high", "fraction 0-1", "log-transformed 95 % interval of S, upper end (at most 1)"),
                    SUPPRESSED));

    /** §5 retention_tests: one row per cohort and contrast. */
    public static final TableDef RETENTION_TESTS = new TableDef("retention_tests", "one row per cohort_id and contrast",
            List.of(COHORT_ID,
                    string("contrast", "participant_vs_comparison, mentor_vs_comparison or mentee_vs_comparison"),
                    count("n_group", "people", "subjects in the group"),
                    count("n_comparison", "people", "subjects in the comparison group"),
                    count("events_group", "people", "events in the group by as-of"),
                    count("events_comparison", "people", "events in the comparison group by as-of"),
                    number("logrank_chisq", "chi-square, 1 df", "log-rank statistic, hypergeometric variance"),
                    number("logrank_p", "probability", "upper tail of chi-square with 1 df"),
                    number("hazard_ratio", "ratio", "exp(coefficient of in_group) in the Cox model time ~ in_group +"
                            + " job_level + tenure_years (tenure at the start, days / 365.25), Efron ties"),
                    number("hr_ci_low", "ratio", "95 % Wald interval of the hazard ratio, lower end"),
                    number("hr_ci_high", "ratio", "95 % Wald interval of the hazard ratio, upper end"),
                    number("hr_p", "probability", "Wald test of the in_group coefficient"),
                    string("note", "why a statistic is missing (no events, the fit did not converge, ...); empty"
                            + " otherwise"),
                    flag("suppressed", "true when n_group or n_comparison < privacy.min_group_size; every statistic"
                            + " is then null")));

    /** §5 promotion: one row per cohort_id and group, when job_events are given. */
    public static final TableDef PROMOTION = new TableDef("promotion", "one row per cohort_id and group", List.of(
            COHORT_ID, GROUP,
            count("n", "people", "subjects employed at the cohort start (as in retention)"),
            count("promoted_365", "people", "subjects with a rise in job level dated within 365 days after the"
                    + " cohort start (and on or before as-of)"),
            number("promotion_rate", "fraction 0-1", "promoted_365 / n"),
            SUPPRESSED));

    /** §5 cohort_comparison: one row per metric, key, role and pair of cohorts. */
    public static final TableDef COHORT_COMPARISON = new TableDef("cohort_comparison",
            "one row per metric, key, role and pair of cohorts (a starting before b; ties by cohort_id) with both"
                    + " n_a and n_b >= privacy.min_group_size", List.of(
            string("metric", "knowledge_gain, scale_change, attendance_rate or retention_365"),
            string("key", "the skill_id (knowledge_gain) or scale (scale_change); empty otherwise"),
            string("role", "mentor, mentee, or all"),
            string("cohort_a", "the earlier cohort"),
            string("cohort_b", "the later cohort"),
            count("n_a", "people (pairs for attendance_rate)", "people with the measure in cohort a"),
            count("n_b", "people (pairs for attendance_rate)", "people with the measure in cohort b"),
            number("estimate_a", "the metric's unit", "knowledge_gain: mean post - pre (learning.comparison_source);"
                    + " scale_change: mean final - baseline scale score (0-100); attendance_rate: mean over pairs of"
                    + " held / scheduled; retention_365: Kaplan-Meier S(365) of the participants"),
            number("estimate_b", "the metric's unit", "as estimate_a, for cohort b"),
            number("difference", "the metric's unit", "estimate_a - estimate_b"),
            number("ci_low", "the metric's unit", "95 % interval of the difference, lower end: Welch t (t tests);"
                    + " difference - 1.959964 x sqrt(se_a^2 + se_b^2) with Greenwood errors (retention_365)"),
            number("ci_high", "the metric's unit", "95 % interval of the difference, upper end"),
            number("statistic", "t or chi-square", "Welch t, or the log-rank chi-square (1 df)"),
            number("p_value", "probability", "two-sided p of the test"),
            number("p_holm", "probability", "Holm's adjustment across the cohort pairs of one (metric, key, role), null"
                    + " p-values left out (R: p.adjust(method = \"holm\"))"),
            string("test", "welch_t or log_rank"),
            flag("flagged", "p_holm < 0.05 and n_a >= 20 and n_b >= 20")));

    /** §5 kpis: the executive's numbers, at the as-of date and at the end of the previous quarter. */
    public static final TableDef KPIS = new TableDef("kpis", "one row per period_end, cohort_id and kpi", List.of(
            new Column("period_end", ColumnType.DATE, "date", "the as-of date, or the end of the quarter before it"),
            COHORT_ID,
            string("kpi", "active_pairs, attendance_rate, held_per_pair_month, engagement_rate_30d, mentee_gain_g,"
                    + " mentor_gain_g, favorable_pct, enps, retention_365_participant or retention_365_comparison"),
            number("value", "unit", "the KPI at period_end (definitions in SPEC §5 kpis and the tables it comes from);"
                    + " null when its inputs are missing or suppressed"),
            string("unit", "count, fraction, pct, points or g; a delta between periods is in the same unit")));

    /** §5 segments: the inclusion lens, one row per cohort_id, dimension, segment, role and metric. */
    public static final TableDef SEGMENTS = new TableDef("segments",
            "one row per cohort_id, dimension, segment, role (mentor, mentee, all) and metric, over participants",
            List.of(COHORT_ID,
                    string("dimension", "generation, gender or department"),
                    string("segment", "generation from birth_year: Silent (<= 1945), Boomers (1946-1964), Gen X"
                            + " (1965-1980), Millennials (1981-1996), Gen Z (1997-2012); the gender or department as"
                            + " given; undisclosed when birth_year or gender is missing"),
                    string("role", "mentor, mentee or all"),
                    string("metric", "participants, favorable_pct, gain_expected_100 or retention_365"),
                    count("n", "people", "participants: people in the segment and role; favorable_pct: those with"
                            + " likert answers at their latest wave; gain_expected_100: those with a gain;"
                            + " retention_365: participants employed at the start of a cohort followed >= 365 days"),
                    number("value", "the metric's unit", "participants: n (never suppressed); favorable_pct: percent"
                            + " of favourable likert answers at the latest wave each person answered, pooled;"
                            + " gain_expected_100: mean over people of their mean (post - pre) / (max_score -"
                            + " min_score) x 100 over skills their role is the expected learner of, source"
                            + " learning.comparison_source; retention_365: Kaplan-Meier S(365)"),
                    SUPPRESSED));

    /** Every table, in the order the codebook and the reports list them. */
    public static final List<TableDef> ALL = List.of(ENGAGEMENT, ENGAGEMENT_MONTHLY, ACTIVITY, ACTIVITY_WEEKLY,
            KNOWLEDGE_TRANSFER, SURVEY_ITEMS, SURVEY_SCALES, SURVEY_CHANGE, ENPS, SURVEY_RESPONSE, SURVIVAL_CURVE, RETENTION,
            RETENTION_TESTS, PROMOTION, COHORT_COMPARISON, SEGMENTS, KPIS);

    /** The table of that name, or an exception listing the known names. */
    public static TableDef byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no metric table " + name + "; known: "
                        + ALL.stream().map(TableDef::name).toList()));
    }
}
