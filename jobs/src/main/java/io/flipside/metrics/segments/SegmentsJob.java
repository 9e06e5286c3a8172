package io.flipside.metrics.segments;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import io.flipside.metrics.MetricInputs;
import io.flipside.metrics.PairView;
import io.flipside.metrics.Roles;
import io.flipside.metrics.knowledge.KnowledgeTransferJob;
import io.flipside.metrics.retention.RetentionSubjects;
import io.flipside.metrics.retention.Subject;
import io.flipside.metrics.survey.SurveyAnswer;
import io.flipside.metrics.survey.SurveyCalculator;
import io.flipside.metrics.survey.SurveyItem;
import io.flipside.metrics.survey.SurveyJob;
import io.flipside.tables.MetricTable;
import io.flipside.tables.MetricTables;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Computes {@code segments} (SPEC §5): Spark fetches the participants' demographics; the survey
 * answers, the assessment scores and the retention subjects are the ones the other metrics use
 * (shared per as-of); {@link SegmentsCalculator} does the rest.
 */
public final class SegmentsJob {
    private SegmentsJob() {
    }

    public static List<MetricTable> compute(MetricInputs in) {
        Map<String, Row> demographics = new HashMap<>();
        Dataset<Row> roles = Roles.asDataset(in).select("_r_person").distinct();
        for (Row r : in.dataset("employees").orElseThrow()
                .join(broadcast(roles), col("employee_id").equalTo(col("_r_person")))
                .select("employee_id", "birth_year", "gender", "department").collectAsList()) {
            demographics.put(r.getString(0), r);
        }
        Map<String, long[]> answers = in.dataset("survey_responses").isPresent() ? latestWaveAnswers(in) : Map.of();
        Map<String, Double> gains = in.dataset("assessments").isPresent() ? expectedGains(in) : Map.of();
        Map<String, Subject> subjects = new HashMap<>();
        RetentionSubjects retention = RetentionSubjects.of(in);
        for (Subject s : retention.subjects()) {
            if (s.in(Subject.PARTICIPANT)) {
                subjects.put(key(s.cohortId(), s.personId()), s);
            }
        }
        Map<String, SegmentPerson> people = new LinkedHashMap<>();
        for (PairView p : in.pairs()) {
            for (String[] person : new String[][] {{p.mentorId(), "mentor"}, {p.menteeId(), "mentee"}}) {
                String k = key(p.cohortId(), person[0]);
                if (people.containsKey(k)) {
                    continue;
                }
                Row d = demographics.get(person[0]);
                Map<String, String> segments = Map.of(
                        Segments.GENERATION, Segments.generation(d.isNullAt(1) ? null : d.getInt(1)),
                        Segments.GENDER, Segments.gender(d.getString(2)),
                        Segments.DEPARTMENT, d.getString(3));
                long[] a = answers.getOrDefault(k, new long[2]);
                people.put(k, new SegmentPerson(p.cohortId(), person[1], segments, a[0], a[1], gains.get(k), subjects.get(k)));
            }
        }
        return List.of(new MetricTable(MetricTables.SEGMENTS, new SegmentsCalculator(List.copyOf(people.values()),
                retention.followUpDays(), in.config().minGroupSize()).rows()));
    }

    private static String key(String cohort, String person) {
        return cohort + "\u0000" + person;
    }

    /** Per (cohort, person): favourable and all likert answers at the latest wave the person answered. */
    private static Map<String, long[]> latestWaveAnswers(MetricInputs in) {
        SurveyJob.Answers data = SurveyJob.answers(in);
        Map<String, long[]> out = new HashMap<>();
        for (SurveyAnswer a : SurveyCalculator.latestWave(data.answers(), x -> key(x.cohortId(), x.respondentId()))) {
            SurveyItem item = data.items().get(a.itemId());
            if (item.nps()) {
                continue;
            }
            long[] c = out.computeIfAbsent(key(a.cohortId(), a.respondentId()), x -> new long[2]);
            c[0] += SurveyCalculator.favorable(item.x(a.value())) ? 1 : 0;
            c[1]++;
        }
        return out;
    }

    /**
     * Per (cohort, person): the mean over skills the person's role is the expected learner of of
     * (post − pre) / (max − min) × 100, from learning.comparison_source.
     */
    private static Map<String, Double> expectedGains(MetricInputs in) {
        Map<String, KnowledgeTransferJob.Skill> skills = KnowledgeTransferJob.skills(in);
        Map<String, double[]> sums = new HashMap<>();
        for (KnowledgeTransferJob.PersonScores s : KnowledgeTransferJob.byPerson(in)) {
            KnowledgeTransferJob.Skill skill = skills.get(s.skillId());
            Set<String> learns = s.role().equals("mentee") ? in.config().menteeLearns() : in.config().mentorLearns();
            if (!s.source().equals(in.config().comparisonSource()) || !learns.contains(skill.domain())
                    || s.scores().pre() == null || s.scores().post() == null) {
                continue;
            }
            double[] acc = sums.computeIfAbsent(key(s.cohortId(), s.personId()), x -> new double[2]);
            acc[0] += (s.scores().post() - s.scores().pre()) / (skill.maxScore() - skill.minScore()) * 100;
            acc[1]++;
        }
        Map<String, Double> out = new HashMap<>();
        sums.forEach((k, acc) -> out.put(k, acc[0] / acc[1]));
        return out;
    }
}
