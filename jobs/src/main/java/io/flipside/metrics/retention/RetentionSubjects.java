package io.flipside.metrics.retention;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;

import io.flipside.metrics.MetricInputs;
import io.flipside.metrics.PairView;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The subject table of SPEC §5 retention, built once per as-of and shared by the retention, promotion,
 * comparison, segment and KPI metrics. The employees (a dimension: a few hundred thousand rows at most)
 * and the dates on which each person's job level rose come to the driver once; every employee is then
 * paired with every cohort started by as-of there, kept when hired by the cohort start and not
 * terminated by it, and {@link SubjectRules} decides the group, time and event from the pairs (already
 * on the driver). At 200,000 employees and 40 cohorts that is 8 million candidates, which cost a
 * minute as Spark rows streamed to the driver and a few seconds as a loop here.
 */
public final class RetentionSubjects {
    /** Bits for a subject's position in the packed sort key: up to 2^22 (4 million) employees. */
    private static final int INDEX_BITS = 22;
    private final List<Subject> subjects;
    private final Map<String, List<Subject>> byCohort;
    private final Map<String, Integer> followUpDays;

    private RetentionSubjects(Map<String, List<Subject>> byCohort, Map<String, Integer> followUpDays) {
        Map<String, List<Subject>> lists = new LinkedHashMap<>();
        List<Subject> all = new ArrayList<>();
        byCohort.forEach((cohort, s) -> {
            lists.put(cohort, List.copyOf(s));
            all.addAll(s);
        });
        this.subjects = Collections.unmodifiableList(all);
        this.byCohort = Collections.unmodifiableMap(lists);
        this.followUpDays = Collections.unmodifiableMap(new LinkedHashMap<>(followUpDays));
    }

    /** The subjects of {@code in}, computed on first use and kept with it. */
    public static RetentionSubjects of(MetricInputs in) {
        return in.shared(RetentionSubjects.class, RetentionSubjects::build);
    }

    /** Every cohort's subjects, by cohort start, then as Spark returned them. */
    public List<Subject> subjects() {
        return subjects;
    }

    /** The subjects of each started cohort, in cohort order (empty lists included). */
    public Map<String, List<Subject>> byCohort() {
        return byCohort;
    }

    /** Days from each started cohort's start to as-of (how far its subjects are followed), in cohort order. */
    public Map<String, Integer> followUpDays() {
        return followUpDays;
    }

    private static RetentionSubjects build(MetricInputs in) {
        Map<String, Integer> followUp = new LinkedHashMap<>();
        for (String id : in.startedCohorts()) {
            followUp.put(id, (int) ChronoUnit.DAYS.between(in.cohort(id).start(), in.asOf()));
        }
        List<Row> employees = in.dataset("employees").orElseThrow()
                .select("employee_id", "hire_date", "job_level", "termination_date", "termination_type").collectAsList();
        Map<String, List<LocalDate>> rises = new HashMap<>();
        if (in.dataset("job_events").isPresent()) {
            for (Row r : rises(in).collectAsList()) {
                rises.put(r.getString(0), List.copyOf(r.<LocalDate>getList(1)));
            }
        }
        Participation participation = Participation.of(in);
        // what depends on the employee alone is looked up once, not once per cohort (8 million times at
        // 200,000 employees and 40 cohorts); most employees never took part, and their pair lookups are skipped
        int n = employees.size();
        String[] person = new String[n];
        LocalDate[] hired = new LocalDate[n];
        LocalDate[] terminated = new LocalDate[n];
        int[] level = new int[n];
        String[] terminationType = new String[n];
        List<List<LocalDate>> risesOf = new ArrayList<>(n);
        boolean[] tookPart = new boolean[n];
        for (int i = 0; i < n; i++) {
            Row e = employees.get(i);
            person[i] = e.getString(0);
            hired[i] = e.getAs(1);
            level[i] = e.getInt(2);
            terminated[i] = e.getAs(3);
            terminationType[i] = e.getString(4);
            risesOf.add(rises.getOrDefault(person[i], List.of()));
            tookPart[i] = participation.tookPart(person[i]);
        }
        Map<String, List<Subject>> byCohort = new LinkedHashMap<>();
        for (String cohort : in.startedCohorts()) {
            LocalDate start = in.cohort(cohort).start();
            List<Subject> subjects = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (hired[i].isAfter(start) || terminated[i] != null && !terminated[i].isAfter(start)) {
                    continue;
                }
                boolean part = tookPart[i];
                SubjectRules.Candidate c = new SubjectRules.Candidate(cohort, person[i], start, hired[i], level[i],
                        terminated[i], terminationType[i], part ? participation.role(cohort, person[i]) : null,
                        part && participation.inEarlier(start, cohort, person[i]),
                        part ? participation.laterMatch(start, person[i]) : null, risesOf.get(i));
                SubjectRules.subject(c, in.asOf(), in.config().retentionEvent()).ifPresent(subjects::add);
            }
            byCohort.put(cohort, byValues(subjects));
        }
        return new RetentionSubjects(byCohort, followUp);
    }

    /**
     * The subjects ordered by their values (group, time, event, job level, tenure, promotion), not by
     * the employees' order or the pseudonyms, so sums over tied times add up the same every run. Subjects
     * equal in all of these are interchangeable in every statistic. The values are packed into one long
     * per subject with its index, so 200,000 subjects sort as primitives: a comparator chain over records
     * was half of the retention stage at 40 cohorts.
     */
    static List<Subject> byValues(List<Subject> subjects) {
        int n = subjects.size();
        long[] keyed = new long[n];
        for (int i = 0; i < n; i++) {
            Subject s = subjects.get(i);
            long tenureDays = Math.round(s.tenureYears() * 365.25);
            if (n >= 1 << INDEX_BITS || s.time() >= 1 << 16 || tenureDays >= 1 << 16 || s.jobLevel() >= 1 << 5) {
                throw new IllegalStateException("retention subjects beyond the sort's packing: " + n + " subjects, "
                        + s.time() + " days, " + tenureDays + " days of tenure, job level " + s.jobLevel());
            }
            long group = s.group().equals(Subject.COMPARISON) ? 0 : s.group().equals(Subject.MENTEE) ? 1 : 2;
            long key = group << 16 | s.time();
            key = key << 1 | (s.event() ? 1 : 0);
            key = key << 5 | s.jobLevel();
            key = key << 16 | tenureDays;
            key = key << 1 | (s.promoted365() ? 1 : 0);
            keyed[i] = key << INDEX_BITS | i;
        }
        Arrays.sort(keyed);
        List<Subject> sorted = new ArrayList<>(n);
        for (long k : keyed) {
            sorted.add(subjects.get((int) (k & ((1L << INDEX_BITS) - 1))));
        }
        return sorted;
    }

    /** Per employee, the dates of job events on or before as-of that raised the level. */
    private static Dataset<Row> rises(MetricInputs in) {
        Dataset<Row> events = in.dataset("job_events").orElseThrow()
                .where(col("effective_date").leq(lit(in.asOf())));
        var byPerson = Window.partitionBy("employee_id").orderBy(col("effective_date"), col("new_job_level"));
        // the first recorded event has nothing before it to compare with: job_events holds promotions (SPEC §2)
        Column previous = lag(col("new_job_level"), 1).over(byPerson);
        return events.withColumn("_previous", previous)
                .where(col("_previous").isNull().or(col("new_job_level").gt(col("_previous"))))
                .groupBy(col("employee_id").as("_riser"))
                .agg(collect_list(col("effective_date")).as("_rises"));
    }

    /** Who took part in which cohort, from the pairs matched by as-of. */
    private record Participation(Map<String, Map<String, String>> roles, Map<String, List<PairView>> pairsByPerson,
            Map<String, LocalDate> starts) {
        static Participation of(MetricInputs in) {
            Map<String, Map<String, String>> roles = new HashMap<>();
            Map<String, List<PairView>> byPerson = new HashMap<>();
            Map<String, LocalDate> starts = new HashMap<>();
            for (PairView p : in.pairs()) {
                starts.computeIfAbsent(p.cohortId(), id -> in.cohort(id).start());
                Map<String, String> cohortRoles = roles.computeIfAbsent(p.cohortId(), k -> new HashMap<>());
                cohortRoles.put(p.mentorId(), Subject.MENTOR);
                cohortRoles.put(p.menteeId(), Subject.MENTEE);
                byPerson.computeIfAbsent(p.mentorId(), k -> new ArrayList<>()).add(p);
                byPerson.computeIfAbsent(p.menteeId(), k -> new ArrayList<>()).add(p);
            }
            return new Participation(roles, byPerson, starts);
        }

        boolean tookPart(String person) {
            return pairsByPerson.containsKey(person);
        }

        String role(String cohort, String person) {
            return roles.getOrDefault(cohort, Map.of()).get(person);
        }

        // called for every employee and cohort, and most employees never took part: plain loops
        boolean inEarlier(LocalDate start, String cohort, String person) {
            for (PairView p : pairsByPerson.getOrDefault(person, List.of())) {
                if (!p.cohortId().equals(cohort) && !starts.get(p.cohortId()).isAfter(start)) {
                    return true;
                }
            }
            return false;
        }

        LocalDate laterMatch(LocalDate start, String person) {
            LocalDate first = null;
            for (PairView p : pairsByPerson.getOrDefault(person, List.of())) {
                if (starts.get(p.cohortId()).isAfter(start) && (first == null || p.matched().isBefore(first))) {
                    first = p.matched();
                }
            }
            return first;
        }
    }
}
