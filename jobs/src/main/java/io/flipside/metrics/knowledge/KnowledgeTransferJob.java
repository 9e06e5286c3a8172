package io.flipside.metrics.knowledge;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * Computes {@code knowledge_transfer} (SPEC §5). Spark reads the assessments visible at the as-of date;
 * the driver keeps each key's current version, attaches the person's role in the cohort (people without
 * one are left out) and lays the waves side by side, one row per person, skill and source; {@link KnowledgeTransferCalculator} does the statistics and {@link Suppression}
 * protects small groups, with cohorts as siblings within ALL.
 */
public final class KnowledgeTransferJob {
    /** The waves in the order of {@link LearnerScores}' fields. */
    private static final List<String> WAVES = List.of("pre", "post", "followup");
    private static final Set<String> KEEP = Set.of("cohort_id", "role", "skill_id", "source", "domain",
            "expected_learner");

    private KnowledgeTransferJob() {
    }

    public static List<MetricTable> compute(MetricInputs in) {
        Collected collected = in.shared(Collected.class, KnowledgeTransferJob::collect);
        Map<String, Row> skills = collected.skills();
        Map<List<String>, List<LearnerScores>> byCohort = new TreeMap<>(KnowledgeTransferJob::compareKeys);
        Map<List<String>, List<LearnerScores>> pooled = new TreeMap<>(KnowledgeTransferJob::compareKeys);
        for (PersonScores p : collected.scores()) {
            List<String> k = List.of(p.role(), p.skillId(), p.source());
            byCohort.computeIfAbsent(cohortKey(p.cohortId(), k), x -> new ArrayList<>()).add(p.scores());
            pooled.computeIfAbsent(cohortKey(MetricInputs.ALL, k), x -> new ArrayList<>()).add(p.scores());
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
        for (PersonScores p : in.shared(Collected.class, KnowledgeTransferJob::collect).scores()) {
            out.computeIfAbsent(List.of(p.cohortId(), p.role(), p.skillId(), p.source()), k -> new ArrayList<>())
                    .add(p.scores());
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

    /** Every participant's scores, a record per person, skill and source, in input order. */
    public static List<PersonScores> byPerson(MetricInputs in) {
        return in.shared(Collected.class, KnowledgeTransferJob::collect).scores();
    }

    /** The skills by skill_id. */
    public static Map<String, Skill> skills(MetricInputs in) {
        Map<String, Skill> out = new HashMap<>();
        in.shared(Collected.class, KnowledgeTransferJob::collect).skills().forEach((id, r) -> out.put(id,
                new Skill(r.getAs("domain"), r.<Double>getAs("min_score"), r.<Double>getAs("max_score"))));
        return out;
    }

    /** The participants' scores in the input order of their first current row; the skills by id. */
    private record Collected(List<PersonScores> scores, Map<String, Row> skills) {
    }

    private static Collected collect(MetricInputs in) {
        Map<String, Map<String, String>> roles = Roles.byCohort(in);
        // in input order, whatever order a shuffled query returns rows in or the pseudonym key sorts people
        // in: sums of doubles taken in another order differ in the last digit
        List<Row> current = Versions.collectCurrent(in.dataset("assessments").orElseThrow(), Datasets.ASSESSMENTS,
                in.asOf(), List.of("cohort_id", "employee_id", "skill_id", "source", "wave", "score"), r -> r);
        Map<List<String>, Double[]> wavesOf = new LinkedHashMap<>();
        for (Row r : current) {
            wavesOf.computeIfAbsent(List.of(r.getString(0), r.getString(1), r.getString(2), r.getString(3)),
                    k -> new Double[WAVES.size()])[WAVES.indexOf(r.getString(4))] = r.getDouble(5);
        }
        List<PersonScores> scores = new ArrayList<>();
        wavesOf.forEach((learner, waves) -> {
            String role = roles.getOrDefault(learner.get(0), Map.of()).get(learner.get(1));
            if (role != null) {
                scores.add(new PersonScores(learner.get(0), learner.get(1), role, learner.get(2), learner.get(3),
                        new LearnerScores(waves[0], waves[1], waves[2])));
            }
        });
        Map<String, Row> skills = new HashMap<>();
        for (Row s : in.dataset("skills").orElseThrow().collectAsList()) {
            skills.put(s.getAs("skill_id"), s);
        }
        return new Collected(List.copyOf(scores), skills);
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
