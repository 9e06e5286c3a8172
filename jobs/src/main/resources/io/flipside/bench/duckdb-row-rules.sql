-- SPEC §2/§3 in SQL for the datasets the engagement, activity and survey-item tables read: each
-- dataset's valid rows, typed, as the ingest keeps them in curated/. Written apart from the Java
-- ingest (io.flipside.ingest), so the bench's yardstick does the same work and agreeing tables check both.
-- The checks of a row, in the ingest's order: its own fields and rules, then its id against earlier
-- rows that passed them (the first in input order is kept), then its references, which cascade through
-- the datasets' valid rows; role conflicts last, among the pairs that passed everything else.
-- ${NAME} is dataset NAME as DuckDB reads a CSV fastest: its CSV (or its folder's CSV files) with every
-- column of SPEC §2, those it lacks as nulls, no rows when it is absent. Numbers, dates and times whose
-- invalid values quarantine the row are parsed by the reader, which drops the rows it cannot parse
-- (ignore_errors); the other columns are text. ${as_of} and the like are literals.
-- Not repeated here: the length and control-character limits on text, which the generated data never
-- reaches; pseudonymisation, which renames people without changing who is who; and the ingest's
-- stricter shapes where DuckDB's reader accepts more (a date alone as a time, 1e3 as a decimal).

CREATE MACRO txt(v) AS nullif(trim(v), '');
CREATE MACRO word(v) AS lower(nullif(trim(v), ''));
-- an optional whole number whose invalid values are nulled: the shapes the ingest accepts
CREATE MACRO int_of(v) AS CASE WHEN regexp_full_match(txt(v), '[-+]?[0-9]{1,9}(\.0+)?') THEN try_cast(txt(v) AS INTEGER) END;

-- Input order is kept by materialising the rows of a dataset with a unique key or versions: a table
-- made from a CSV holds them in file order, and rowid numbers them.
CREATE TABLE raw_employees AS SELECT * FROM ${employees};

CREATE TABLE employees AS
SELECT employee_id FROM (
    SELECT txt(employee_id) AS employee_id, rowid AS r FROM raw_employees
    WHERE txt(employee_id) IS NOT NULL AND txt(department) IS NOT NULL AND hire_date IS NOT NULL
      AND job_level BETWEEN 1 AND 15
      AND (word(termination_type) IS NULL OR word(termination_type) IN ('voluntary', 'involuntary'))
      AND (termination_date IS NULL) = (word(termination_type) IS NULL)
      AND coalesce(termination_date >= hire_date, true))
QUALIFY row_number() OVER (PARTITION BY employee_id ORDER BY r) = 1;

DROP TABLE raw_employees;

CREATE TABLE raw_cohorts AS SELECT * FROM ${cohorts};

CREATE TABLE cohorts AS
SELECT cohort_id, name, start_date, end_date, coalesce(planned, 1) AS planned_sessions_per_month FROM (
    SELECT txt(cohort_id) AS cohort_id, txt(name) AS name, start_date, end_date,
           planned_sessions_per_month AS planned, rowid AS r
    FROM raw_cohorts)
WHERE cohort_id IS NOT NULL AND name IS NOT NULL AND start_date IS NOT NULL AND end_date IS NOT NULL
  AND (planned IS NULL OR planned > 0)
  AND end_date >= start_date
QUALIFY row_number() OVER (PARTITION BY cohort_id ORDER BY r) = 1;

CREATE TABLE raw_pairs AS SELECT * FROM ${pairs};

CREATE TABLE pairs_checked AS
SELECT * FROM (
    SELECT txt(pair_id) AS pair_id, txt(cohort_id) AS cohort_id, txt(mentor_id) AS mentor_id,
           txt(mentee_id) AS mentee_id, matched_date, ended_date, word(end_reason) AS end_reason, rowid AS r
    FROM raw_pairs)
WHERE pair_id IS NOT NULL AND cohort_id IS NOT NULL AND mentor_id IS NOT NULL AND mentee_id IS NOT NULL
  AND (end_reason IS NULL OR end_reason IN ('completed', 'withdrawn', 'rematched'))
  AND mentor_id <> mentee_id
  AND (end_reason IS NULL OR ended_date IS NOT NULL)
  AND coalesce(ended_date >= matched_date, true)
QUALIFY row_number() OVER (PARTITION BY pair_id ORDER BY r) = 1;

CREATE TABLE pairs_known AS
SELECT p.*, c.start_date AS cohort_start FROM pairs_checked p JOIN cohorts c USING (cohort_id)
WHERE p.mentor_id IN (SELECT employee_id FROM employees) AND p.mentee_id IN (SELECT employee_id FROM employees);

-- A person's pairs in a cohort in order of matched date (the cohort's start when empty), then input
-- order; each after the first needs the one before it ended rematched, on or before its matched date,
-- in the same role. A pair conflicts when either of its people's comparisons fails.
CREATE TABLE pairs AS
WITH roles AS (
    SELECT pair_id, r, cohort_id, mentor_id AS person, 'mentor' AS role,
           coalesce(matched_date, cohort_start) AS matched, end_reason, ended_date FROM pairs_known
    UNION ALL
    SELECT pair_id, r, cohort_id, mentee_id, 'mentee', coalesce(matched_date, cohort_start), end_reason, ended_date
    FROM pairs_known),
sequenced AS (
    SELECT pair_id, role, matched, lag(pair_id) OVER w AS previous, lag(role) OVER w AS previous_role,
           lag(end_reason) OVER w AS previous_reason, lag(ended_date) OVER w AS previous_ended
    FROM roles WINDOW w AS (PARTITION BY cohort_id, person ORDER BY matched NULLS FIRST, r)),
conflicting AS (
    SELECT DISTINCT pair_id FROM sequenced
    WHERE previous IS NOT NULL AND (previous_role <> role OR previous_reason IS DISTINCT FROM 'rematched'
          OR coalesce(previous_ended > matched, false)))
SELECT pair_id, cohort_id, mentor_id, mentee_id, matched_date, ended_date, end_reason FROM pairs_known
WHERE pair_id NOT IN (SELECT pair_id FROM conflicting);

DROP TABLE raw_pairs;
DROP TABLE pairs_checked;
DROP TABLE pairs_known;

CREATE TABLE raw_sessions AS SELECT * FROM ${sessions};

-- ratings outside 1-5 are nulled, not quarantined
CREATE TABLE sessions AS
SELECT * EXCLUDE (r) FROM (
    SELECT * FROM (
        SELECT txt(session_id) AS session_id, txt(pair_id) AS pair_id, session_date, word(status) AS status,
               duration_minutes,
               CASE WHEN int_of(mentor_rating) BETWEEN 1 AND 5
                    THEN int_of(mentor_rating) END AS mentor_rating,
               CASE WHEN int_of(mentee_rating) BETWEEN 1 AND 5
                    THEN int_of(mentee_rating) END AS mentee_rating,
               rowid AS r
        FROM raw_sessions)
    WHERE session_id IS NOT NULL AND pair_id IS NOT NULL AND session_date IS NOT NULL
      AND status IN ('held', 'cancelled', 'no_show')
      AND (duration_minutes IS NULL OR duration_minutes BETWEEN 0 AND 600)
      AND (status <> 'held' OR duration_minutes IS NOT NULL)
    QUALIFY row_number() OVER (PARTITION BY session_id ORDER BY r) = 1)
WHERE pair_id IN (SELECT pair_id FROM pairs);

DROP TABLE raw_sessions;

-- an event's employee must be the mentor or the mentee of a valid pair, so a valid employee too
CREATE TABLE activity_events AS
SELECT e.employee_id, e.pair_id, e.event_time::TIMESTAMP AS event_time FROM (
    SELECT txt(employee_id) AS employee_id, txt(pair_id) AS pair_id, event_time, word(event_type) AS event_type
    FROM ${activity_events}) e
JOIN pairs p ON e.pair_id = p.pair_id AND (e.employee_id = p.mentor_id OR e.employee_id = p.mentee_id)
WHERE e.event_time IS NOT NULL AND e.event_type IN ('message', 'call', 'resource', 'goal', 'other');

CREATE TABLE raw_survey_items AS SELECT * FROM ${survey_items};

CREATE TABLE survey_items AS
SELECT item_id, scale, kind, min_value, max_value, coalesce(reverse, false) AS reverse_coded FROM (
    SELECT txt(item_id) AS item_id, txt(scale) AS scale, coalesce(word(kind), 'likert') AS kind,
           min_value, max_value,
           CASE word(reverse_coded) WHEN 'true' THEN true WHEN 'false' THEN false END AS reverse,
           txt(reverse_coded) AS reverse_text, rowid AS r
    FROM raw_survey_items)
WHERE item_id IS NOT NULL AND scale IS NOT NULL AND kind IN ('likert', 'nps')
  AND (reverse_text IS NULL OR reverse IS NOT NULL)
  AND coalesce(min_value < max_value, true)
QUALIFY row_number() OVER (PARTITION BY item_id ORDER BY r) = 1;

DROP TABLE raw_survey_items;

CREATE TABLE raw_survey_responses AS
SELECT * FROM ${survey_responses};

-- versions are resolved per as-of by the tables; the source columns order a key's versions as curated/ does
CREATE TABLE survey_responses AS
SELECT r.respondent_id, r.cohort_id, r.wave, r.item_id, r.value, r.submitted_date, r._source_file, r._source_row
FROM (
    SELECT txt(respondent_id) AS respondent_id, txt(cohort_id) AS cohort_id, word(wave) AS wave,
           txt(item_id) AS item_id, value, submitted_date, 'survey_responses' AS _source_file,
           rowid + 1 AS _source_row
    FROM raw_survey_responses) r
JOIN survey_items i USING (item_id)
WHERE r.respondent_id IS NOT NULL AND r.cohort_id IS NOT NULL AND r.value IS NOT NULL
  AND r.submitted_date IS NOT NULL AND r.wave IN ('baseline', 'midpoint', 'final', 'followup')
  AND r.respondent_id IN (SELECT employee_id FROM employees) AND r.cohort_id IN (SELECT cohort_id FROM cohorts)
  AND r.value BETWEEN coalesce(i.min_value, CASE i.kind WHEN 'nps' THEN 0 ELSE 1 END)
                  AND coalesce(i.max_value, CASE i.kind WHEN 'nps' THEN 10 ELSE 5 END);

DROP TABLE raw_survey_responses;
