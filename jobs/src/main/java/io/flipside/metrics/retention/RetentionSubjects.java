package io.flipside.metrics.retention;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;

import io.flipside.metrics.CohortInfo;
import io.flipside.metrics.MetricInputs;
import io.flipside.metrics.PairView;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * The subject table of SPEC §5 retention, built once per as-of and shared by the retention and
 * promotion metrics. Spark pairs every employee with every cohort started by as-of, keeps those hired
 * by the cohort start and not terminated by it, and attaches the dates on which the person's job
 * level rose; the pairs (already on the driver) say who took part where; {@link SubjectRules}
 * decides the group, time and event. Subjects stream to the driver partition by partition.
 */
public final class RetentionSubjects {
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
        List<Row> starts = new ArrayList<>();
        for (String id : in.startedCohorts()) {
            CohortInfo c = in.cohort(id);
            followUp.put(id, (int) ChronoUnit.DAYS.between(c.start(), in.asOf()));
            starts.add(RowFactory.create(id, c.start()));
        }
        Dataset<Row> cohorts = in.spark().createDataFrame(starts, DataTypes.createStructType(List.of(
                DataTypes.createStructField("_cohort", DataTypes.StringType, false),
                DataTypes.createStructField("_start", DataTypes.DateType, false))));
        Dataset<Row> employees = in.dataset("employees").orElseThrow()
                .select("employee_id", "hire_date", "job_level", "termination_date", "termination_type");
        Dataset<Row> candidates = employees.crossJoin(broadcast(cohorts))
                .where(col("hire_date").leq(col("_start"))
                        .and(col("termination_date").isNull().or(col("termination_date").gt(col("_start")))));
        boolean promotions = in.dataset("job_events").isPresent();
        if (promotions) {
            candidates = candidates.join(rises(in), candidates.col("employee_id").equalTo(col("_riser")), "left")
                    .drop("_riser");
        } else {
            candidates = candidates.withColumn("_rises", lit(null).cast(DataTypes.createArrayType(DataTypes.DateType)));
        }
        Participation participation = Participation.of(in);
        Map<String, List<Subject>> byCohort = new LinkedHashMap<>();
        in.startedCohorts().forEach(c -> byCohort.put(c, new ArrayList<>()));
        // a person is a subject of up to every cohort: one String per id, not one per subject, keeps the
        // subjects of 200,000 employees x 40 cohorts within a few hundred megabytes
        Map<String, String> ids = new HashMap<>();
        byCohort.keySet().forEach(c -> ids.put(c, c));
        Iterator<Row> it = candidates.select("_cohort", "_start", "employee_id", "hire_date", "job_level",
                "termination_date", "termination_type", "_rises").toLocalIterator();
        while (it.hasNext()) {
            Row r = it.next();
            String cohort = ids.get(r.getString(0));
            LocalDate start = r.getAs(1);
            String person = ids.computeIfAbsent(r.getString(2), k -> k);
            List<LocalDate> rises = r.isNullAt(7) ? List.of() : r.getList(7);
            SubjectRules.Candidate c = new SubjectRules.Candidate(cohort, person, start, r.getAs(3), r.getInt(4), r.getAs(5),
                    r.getString(6), participation.role(cohort, person), participation.inEarlier(start, cohort, person),
                    participation.laterMatch(start, person), rises);
            SubjectRules.subject(c, in.asOf(), in.config().retentionEvent()).ifPresent(byCohort.get(cohort)::add);
        }
        // by values, not by Spark's row order or the pseudonyms, so sums over tied times add up the same every run
        Comparator<Subject> byValues = Comparator.comparing(Subject::group).thenComparingInt(Subject::time)
                .thenComparing(Subject::event).thenComparingInt(Subject::jobLevel)
                .thenComparingDouble(Subject::tenureYears).thenComparing(Subject::promoted365);
        byCohort.values().forEach(cohort -> cohort.sort(byValues));
        return new RetentionSubjects(byCohort, followUp);
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

        String role(String cohort, String person) {
            return roles.getOrDefault(cohort, Map.of()).get(person);
        }

        boolean inEarlier(LocalDate start, String cohort, String person) {
            return pairsByPerson.getOrDefault(person, List.of()).stream()
                    .anyMatch(p -> !p.cohortId().equals(cohort) && !starts.get(p.cohortId()).isAfter(start));
        }

        LocalDate laterMatch(LocalDate start, String person) {
            return pairsByPerson.getOrDefault(person, List.of()).stream()
                    .filter(p -> starts.get(p.cohortId()).isAfter(start))
                    .map(PairView::matched).min(LocalDate::compareTo).orElse(null);
        }
    }
}
