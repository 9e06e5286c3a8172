-- The engagement, engagement_monthly, activity, activity_weekly and survey_items tables of SPEC §5 in
-- SQL, from the valid rows of cohorts, pairs, sessions, activity_events, survey_items and
-- survey_responses (curated/, or duckdb-row-rules.sql from the CSVs), as tables named metric_TABLE.
-- Written apart from the metric jobs, so that agreeing tables check both. Survey rows about fewer than ${min_group_size} people are
-- suppressed; the complementary suppression of SPEC §6 is not repeated (rows it hides are not compared).

-- pairs as they stand at as-of: matched by then, their end and its reason only once dated by then
CREATE TABLE visible_pairs AS
SELECT *, greatest(0, date_diff('day', matched, least(cohort_end, ${as_of}, coalesce(ended, cohort_end)))) AS span_days,
       ended IS NULL AND cohort_end >= ${as_of} AS running
FROM (
    SELECT p.pair_id, p.cohort_id, p.mentor_id, p.mentee_id, coalesce(p.matched_date, c.start_date) AS matched,
           CASE WHEN p.ended_date <= ${as_of} THEN p.ended_date END AS ended,
           CASE WHEN p.ended_date <= ${as_of} THEN p.end_reason END AS end_reason,
           c.end_date AS cohort_end, c.planned_sessions_per_month AS planned
    FROM pairs p JOIN cohorts c USING (cohort_id))
WHERE matched <= ${as_of};

-- a row per cohort that has started or has a pair, whether or not anything happened in it
CREATE TABLE shown_cohorts AS
SELECT cohort_id FROM cohorts WHERE start_date <= ${as_of} UNION SELECT cohort_id FROM visible_pairs;

CREATE TABLE pair_engagement AS
WITH per_pair AS (
    SELECT pair_id, count(*) AS scheduled, count(*) FILTER (status = 'held') AS held,
           sum(duration_minutes) FILTER (status = 'held') AS minutes,
           min(session_date) FILTER (status = 'held') AS first_held,
           count(*) FILTER (status = 'held' AND session_date >= ${inactive_from}) AS recent,
           sum(mentor_rating) FILTER (status = 'held') AS mentor_sum,
           count(mentor_rating) FILTER (status = 'held') AS mentor_n,
           sum(mentee_rating) FILTER (status = 'held') AS mentee_sum,
           count(mentee_rating) FILTER (status = 'held') AS mentee_n
    FROM sessions WHERE session_date <= ${as_of} GROUP BY pair_id)
SELECT v.pair_id, v.cohort_id, v.running, v.end_reason, v.planned, v.span_days / 30.4375 AS months,
       date_diff('day', v.matched, s.first_held) AS days_to_first,
       coalesce(s.scheduled, 0) AS scheduled, coalesce(s.held, 0) AS held, coalesce(s.minutes, 0) AS minutes,
       coalesce(s.recent, 0) AS recent, coalesce(s.mentor_sum, 0) AS mentor_sum,
       coalesce(s.mentor_n, 0) AS mentor_n, coalesce(s.mentee_sum, 0) AS mentee_sum,
       coalesce(s.mentee_n, 0) AS mentee_n
FROM visible_pairs v LEFT JOIN per_pair s USING (pair_id);

CREATE TABLE metric_engagement AS
WITH t AS (
    SELECT coalesce(cohort_id, 'ALL') AS cohort_id, count(*) AS pairs, count(*) FILTER (held > 0) AS active_pairs,
           sum(scheduled) AS sessions_scheduled, sum(held) AS sessions_held,
           sum(held) / nullif(sum(scheduled), 0) AS attendance_rate,
           sum(minutes) / nullif(sum(held), 0) AS mean_duration_minutes, sum(minutes) / 60.0 AS hours_held,
           sum(held) / nullif(sum(months), 0) AS held_per_pair_month,
           count(*) FILTER (months >= 1 AND held / months >= planned)
               / nullif(count(*) FILTER (months >= 1), 0) AS cadence_adherence,
           median(days_to_first::DOUBLE) AS median_days_to_first_session,
           count(*) FILTER (end_reason = 'withdrawn') / count(*) AS withdrawn_rate,
           count(*) FILTER (running AND recent = 0) AS inactive_pairs,
           sum(mentor_sum) / nullif(sum(mentor_n), 0) AS mean_mentor_rating,
           sum(mentee_sum) / nullif(sum(mentee_n), 0) AS mean_mentee_rating
    FROM pair_engagement GROUP BY GROUPING SETS ((cohort_id), ()))
SELECT k.cohort_id, coalesce(t.pairs, 0) AS pairs, coalesce(t.active_pairs, 0) AS active_pairs,
       coalesce(t.sessions_scheduled, 0) AS sessions_scheduled, coalesce(t.sessions_held, 0) AS sessions_held,
       t.attendance_rate, t.mean_duration_minutes, coalesce(t.hours_held, 0.0) AS hours_held,
       t.held_per_pair_month, t.cadence_adherence, t.median_days_to_first_session, t.withdrawn_rate,
       coalesce(t.inactive_pairs, 0) AS inactive_pairs, t.mean_mentor_rating, t.mean_mentee_rating
FROM (SELECT cohort_id FROM shown_cohorts UNION ALL SELECT 'ALL') k LEFT JOIN t USING (cohort_id);

-- every month of each started cohort's run, from its start to its end or as-of, plus any month with data
CREATE TABLE metric_engagement_monthly AS
WITH data AS (
    SELECT v.cohort_id, date_trunc('month', s.session_date)::DATE AS month, count(*) AS held,
           sum(s.duration_minutes) AS minutes, count(DISTINCT s.pair_id) AS active
    FROM sessions s JOIN visible_pairs v USING (pair_id)
    WHERE s.session_date <= ${as_of} AND s.status = 'held' GROUP BY ALL),
grid AS (
    SELECT cohort_id, unnest(generate_series(date_trunc('month', start_date)::TIMESTAMP,
           least(end_date, ${as_of})::TIMESTAMP, INTERVAL 1 MONTH))::DATE AS month
    FROM cohorts WHERE start_date <= ${as_of}),
per AS (
    SELECT k.cohort_id, k.month, coalesce(d.held, 0) AS held, coalesce(d.minutes, 0) AS minutes,
           coalesce(d.active, 0) AS active
    FROM (SELECT cohort_id, month FROM grid UNION SELECT cohort_id, month FROM data) k
    LEFT JOIN data d USING (cohort_id, month))
SELECT cohort_id, strftime(month, '%Y-%m') AS month, held AS sessions_held, minutes / 60.0 AS hours_held,
       active AS active_pairs FROM per
UNION ALL
SELECT 'ALL', strftime(month, '%Y-%m'), sum(held), sum(minutes) / 60.0, sum(active) FROM per GROUP BY month;

-- events up to the end of the as-of day (UTC); an event is the mentor's or else the mentee's
CREATE TABLE pair_activity AS
SELECT v.pair_id, v.cohort_id, v.span_days, v.running,
       count(e.pair_id) FILTER (e.employee_id = v.mentor_id) AS mentor_events,
       count(e.pair_id) FILTER (e.employee_id <> v.mentor_id) AS mentee_events,
       count(e.pair_id) FILTER (e.employee_id = v.mentor_id AND e.event_time >= ${recent_from}) AS mentor_recent,
       count(e.pair_id) FILTER (e.employee_id <> v.mentor_id AND e.event_time >= ${recent_from}) AS mentee_recent
FROM visible_pairs v LEFT JOIN activity_events e ON e.pair_id = v.pair_id AND e.event_time < ${end_of_as_of}
GROUP BY ALL;

CREATE TABLE metric_activity AS
WITH people AS (
    SELECT cohort_id, count(DISTINCT person) AS participants FROM (
        SELECT cohort_id, mentor_id AS person FROM visible_pairs
        UNION ALL SELECT cohort_id, mentee_id FROM visible_pairs) GROUP BY cohort_id),
t AS (
    SELECT coalesce(cohort_id, 'ALL') AS cohort_id, sum(mentor_events + mentee_events) AS events,
           sum(CASE WHEN running THEN (mentor_recent > 0)::INTEGER + (mentee_recent > 0)::INTEGER ELSE 0 END)
               AS active_participants_30d,
           2 * count(*) FILTER (running) AS running_people,
           sum(mentor_events + mentee_events) / nullif(sum(span_days / 7.0), 0) AS events_per_pair_week,
           avg(CASE WHEN greatest(mentor_events, mentee_events) = 0 THEN 0.0
                    ELSE least(mentor_events, mentee_events) / greatest(mentor_events, mentee_events) END)
               AS reciprocity_index
    FROM pair_activity GROUP BY GROUPING SETS ((cohort_id), ()))
SELECT k.cohort_id, coalesce(t.events, 0) AS events,
       coalesce(CASE WHEN k.cohort_id = 'ALL' THEN (SELECT sum(participants) FROM people) ELSE p.participants END, 0)
           AS participants,
       coalesce(t.active_participants_30d, 0) AS active_participants_30d,
       t.active_participants_30d / nullif(t.running_people, 0) AS engagement_rate_30d,
       t.events_per_pair_week, t.reciprocity_index
FROM (SELECT cohort_id FROM shown_cohorts UNION ALL SELECT 'ALL') k
LEFT JOIN t USING (cohort_id) LEFT JOIN people p USING (cohort_id);

-- ISO weeks, from the Monday of each started cohort's start to its end or as-of, plus any week with events
CREATE TABLE metric_activity_weekly AS
WITH data AS (
    SELECT v.cohort_id, date_trunc('week', e.event_time)::DATE AS week, count(*) AS events,
           count(DISTINCT e.pair_id) AS active
    FROM activity_events e JOIN visible_pairs v USING (pair_id)
    WHERE e.event_time < ${end_of_as_of} GROUP BY ALL),
grid AS (
    SELECT cohort_id, unnest(generate_series(date_trunc('week', start_date)::TIMESTAMP,
           least(end_date, ${as_of})::TIMESTAMP, INTERVAL 7 DAY))::DATE AS week
    FROM cohorts WHERE start_date <= ${as_of}),
per AS (
    SELECT k.cohort_id, k.week, coalesce(d.events, 0) AS events, coalesce(d.active, 0) AS active
    FROM (SELECT cohort_id, week FROM grid UNION SELECT cohort_id, week FROM data) k
    LEFT JOIN data d USING (cohort_id, week))
SELECT cohort_id, strftime(week, '%G-W%V') AS week, events, active AS active_pairs FROM per
UNION ALL
SELECT 'ALL', strftime(week, '%G-W%V'), sum(events), sum(active) FROM per GROUP BY week;

-- each key's current answer: the latest submitted on or before as-of, the later in the input on a tie
CREATE TABLE metric_survey_items AS
WITH items AS (
    SELECT item_id, scale, coalesce(min_value, CASE kind WHEN 'nps' THEN 0 ELSE 1 END) AS lo,
           coalesce(max_value, CASE kind WHEN 'nps' THEN 10 ELSE 5 END) AS hi, reverse_coded
    FROM survey_items),
roles AS (
    SELECT cohort_id, mentor_id AS person, 'mentor' AS role FROM visible_pairs
    UNION SELECT cohort_id, mentee_id, 'mentee' FROM visible_pairs),
current AS (
    SELECT cohort_id, respondent_id, wave, item_id, value FROM survey_responses
    WHERE submitted_date <= ${as_of}
    QUALIFY row_number() OVER (PARTITION BY respondent_id, cohort_id, wave, item_id
                               ORDER BY submitted_date DESC, _source_file DESC, _source_row DESC) = 1),
scored AS (
    SELECT a.cohort_id, a.wave, coalesce(r.role, 'other') AS role, a.item_id,
           CASE WHEN i.reverse_coded THEN 1 - (a.value - i.lo) / (i.hi - i.lo)
                ELSE (a.value - i.lo) / (i.hi - i.lo) END AS x
    FROM current a JOIN items i USING (item_id)
    LEFT JOIN roles r ON r.cohort_id = a.cohort_id AND r.person = a.respondent_id),
per_role AS (
    SELECT cohort_id, wave, role, item_id, count(*) AS n, sum(x) AS sum_x, count(*) FILTER (x > 0.5) AS favorable,
           count(*) FILTER (x = 0.5) AS neutral
    FROM scored GROUP BY ALL),
-- a cohort's answers count in their role and in all, and again in ALL's; other only in all
grouped AS (
    SELECT cohort_id, wave, role, item_id, n, sum_x, favorable, neutral FROM per_role WHERE role <> 'other'
    UNION ALL SELECT cohort_id, wave, 'all', item_id, n, sum_x, favorable, neutral FROM per_role
    UNION ALL SELECT 'ALL', wave, role, item_id, n, sum_x, favorable, neutral FROM per_role WHERE role <> 'other'
    UNION ALL SELECT 'ALL', wave, 'all', item_id, n, sum_x, favorable, neutral FROM per_role),
t AS (
    SELECT cohort_id, wave, role, item_id, sum(n) AS n, sum(sum_x) AS sum_x, sum(favorable) AS favorable,
           sum(neutral) AS neutral
    FROM grouped GROUP BY ALL)
SELECT t.cohort_id, t.wave, t.role, t.item_id, i.scale, t.n,
       CASE WHEN t.n >= ${min_group_size} THEN 100 * t.sum_x / t.n END AS mean_100,
       CASE WHEN t.n >= ${min_group_size} THEN 100 * t.favorable / t.n END AS favorable_pct,
       CASE WHEN t.n >= ${min_group_size} THEN 100 * t.neutral / t.n END AS neutral_pct,
       CASE WHEN t.n >= ${min_group_size} THEN 100 * (t.n - t.favorable - t.neutral) / t.n END AS unfavorable_pct,
       t.n < ${min_group_size} AS suppressed
FROM t JOIN items i USING (item_id);
