package io.flipside.metrics.knowledge;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import io.flipside.ingest.Datasets;
import io.flipside.ingest.Versions;
import io.flipside.metrics.MetricInputs;
import io.flipside.metrics.Roles;
import io.flipside.privacy.Families;
import io.flipside.privacy.Suppression;
import io.flipside.tables.MetricRow;
import io.flipside.tables.MetricTable;
import io.flipside.tables.MetricTables;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Computes {@code knowledge_transfer} (SPEC §5). Spark picks each key's current version at the as-of
 * date, attaches the person's role in the cohort and lays the waves side by side, one row per person,
 * skill and source; {@link KnowledgeTransferCalculator} does the statistics and {@link Suppression}
 * protects small groups, with cohorts as siblings within ALL.
 */
public final class KnowledgeTransferJob {
    private static final Set<String> KEEP = Set.of("cohort_id", "role", "skill_id", "source", "domain",
            "expected_learner");

    private KnowledgeTransferJob() {
    }

    public static List<MetricTable> compute(MetricInputs in) {
        Collected collected = in.shared(Collected.class, KnowledgeTransferJob::collect);
        List<Row> scores = collected.scores();
        Map<String, Row> skills = collected.skills();
        Map<List<String>, List<LearnerScores>> byCohort = new TreeMap<>(KnowledgeTransferJob::compareKeys);
        Map<List<String>, List<LearnerScores>> pooled = new TreeMap<>(KnowledgeTransferJob::compareKeys);
        for (Row r : scores) {
            LearnerScores s = new LearnerScores(r.getAs("pre"), r.getAs("post"), r.getAs("followup"));
            List<String> k = List.of(r.getString(2), r.getString(3), r.getString(4));
            byCohort.computeIfAbsent(cohortKey(r.getString(0), k), x -> new ArrayList<>()).add(s);
            pooled.computeIfAbsent(cohortKey(MetricInputs.ALL, k), x -> new ArrayList<>()).add(s);
        }
        List<MetricRow> rows = new ArrayList<>();
        for (Map<List<String>, List<LearnerScores>> part : List.of(byCohort, pooled)) {
            part.forEach((k, people) -> {
                Row skill = skills.get(k.get(2));
                String domain = skill.getAs("domain");
                boolean expected = "mentee".equals(k.get(1)) ? in.config().menteeLearns().contains(domain)
                        : in.config().mentorLearns().contains(domain);
                rows.add(KnowledgeTransferCalculator.summarise(new KnowledgeTransferCalculator.Key(k.get(0), k.get(1),
                        k.get(2), k.get(3), domain, expected, skill.<Double>getAs("max_score")), people,
                        in.config().minGroupSize()));
            });
        }
        List<Suppression.Family> families = Families.rolesAndCohorts(rows, List.of("cohort_id", "role", "skill_id",
                "source"));
        Comparator<MetricRow> keyOrder = Comparator.comparing((MetricRow r) -> r.getString("cohort_id"))
                .thenComparing(r -> r.getString("role")).thenComparing(r -> r.getString("skill_id"))
                .thenComparing(r -> r.getString("source"));
        return List.of(new MetricTable(MetricTables.KNOWLEDGE_TRANSFER,
                Suppression.apply(rows, in.config().minGroupSize(), KEEP, families, keyOrder)));
    }

    /**
     * Each participant's current pre, post and follow-up scores, keyed by (cohort_id, role, skill_id,
     * source); cohorts only, not ALL.
     */
    public static Map<List<String>, List<LearnerScores>> learners(MetricInputs in) {
        Map<List<String>, List<LearnerScores>> out = new TreeMap<>(KnowledgeTransferJob::compareKeys);
        for (Row r : in.shared(Collected.class, KnowledgeTransferJob::collect).scores()) {
            out.computeIfAbsent(List.of(r.getString(0), r.getString(2), r.getString(3), r.getString(4)),
                    k -> new ArrayList<>()).add(new LearnerScores(r.getAs("pre"), r.getAs("post"), r.getAs("followup")));
        }
        return out;
    }

    /** One participant's current scores on one skill from one source. */
    public record PersonScores(String cohortId, String personId, String role, String skillId, String source,
            LearnerScores scores) {
    }

    /** A skill's domain and score range. */
    public record Skill(String domain, double minScore, double maxScore) {
    }

    /** Every participant's scores, person by person. */
    public static List<PersonScores> byPerson(MetricInputs in) {
        List<PersonScores> out = new ArrayList<>();
        for (Row r : in.shared(Collected.class, KnowledgeTransferJob::collect).scores()) {
            out.add(new PersonScores(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                    new LearnerScores(r.getAs("pre"), r.getAs("post"), r.getAs("followup"))));
        }
        return out;
    }

    /** The skills by skill_id. */
    public static Map<String, Skill> skills(MetricInputs in) {
        Map<String, Skill> out = new HashMap<>();
        in.shared(Collected.class, KnowledgeTransferJob::collect).skills().forEach((id, r) -> out.put(id,
                new Skill(r.getAs("domain"), r.<Double>getAs("min_score"), r.<Double>getAs("max_score"))));
        return out;
    }

    private record Collected(List<Row> scores, Map<String, Row> skills) {
    }

    private static Collected collect(MetricInputs in) {
        Dataset<Row> current = Versions.current(in.dataset("assessments").orElseThrow(), Datasets.ASSESSMENTS, in.asOf());
        Dataset<Row> roles = Roles.asDataset(in);
        List<Row> scores = new ArrayList<>(current.join(broadcast(roles), current.col("cohort_id")
                        .equalTo(roles.col("_r_cohort")).and(current.col("employee_id").equalTo(roles.col("_r_person"))))
                .groupBy(col("cohort_id"), col("employee_id"), col("_r_role").as("role"), col("skill_id"), col("source"))
                .agg(max(when(col("wave").equalTo("pre"), col("score"))).as("pre"),
                        max(when(col("wave").equalTo("post"), col("score"))).as("post"),
                        max(when(col("wave").equalTo("followup"), col("score"))).as("followup"))
                .collectAsList());
        // an aggregation's rows can come back in another order from run to run (one that runs short of
        // memory while other jobs hold it sorts instead of hashing), and sums of doubles then differ in
        // the last digit; in the grouping key's order, the same input gives the same bytes
        scores.sort(KnowledgeTransferJob::byKey);
        Map<String, Row> skills = new HashMap<>();
        for (Row s : in.dataset("skills").orElseThrow().collectAsList()) {
            skills.put(s.getAs("skill_id"), s);
        }
        return new Collected(scores, skills);
    }

    /**
     * The grouping key's five text fields in order: one method, where a chain of five comparators was half
     * of the job's driver time at scale 100.
     */
    private static int byKey(Row a, Row b) {
        for (int i = 0; i < 5; i++) {
            int c = a.getString(i).compareTo(b.getString(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static List<String> cohortKey(String cohort, List<String> rest) {
        List<String> k = new ArrayList<>();
        k.add(cohort);
        k.addAll(rest);
        return List.copyOf(k);
    }

    private static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
