package io.flipside.metrics.comparison;

import io.flipside.metrics.MetricInputs;
import io.flipside.metrics.engagement.EngagementJob;
import io.flipside.metrics.engagement.PairEngagement;
import io.flipside.metrics.knowledge.KnowledgeTransferJob;
import io.flipside.metrics.retention.RetentionSubjects;
import io.flipside.metrics.retention.Subject;
import io.flipside.metrics.survey.SurveyCalculator;
import io.flipside.metrics.survey.SurveyJob;
import io.flipside.tables.MetricTable;
import io.flipside.tables.MetricTables;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes {@code cohort_comparison} (SPEC §5) from the same per-person values the other metrics use
 * (shared through {@link MetricInputs#shared}), so a cohort's estimate here is the figure its own
 * table shows. A measure whose input dataset is absent is left out.
 */
public final class CohortComparisonJob {
    private static final Comparator<CohortComparisonCalculator.Measure> MEASURE_ORDER =
            Comparator.comparing(CohortComparisonCalculator.Measure::key)
                    .thenComparing(CohortComparisonCalculator.Measure::role);

    private CohortComparisonJob() {
    }

    public static List<MetricTable> compute(MetricInputs in) {
        CohortComparisonCalculator calc = new CohortComparisonCalculator(in.startedCohorts(), in.config().minGroupSize());
        if (in.dataset("assessments").isPresent()) {
            knowledgeGain(in, calc);
        }
        if (in.dataset("survey_responses").isPresent()) {
            scaleChange(in, calc);
        }
        if (in.dataset("sessions").isPresent()) {
            attendance(in, calc);
        }
        retention(in, calc);
        return List.of(new MetricTable(MetricTables.COHORT_COMPARISON, calc.rows()));
    }

    private static void knowledgeGain(MetricInputs in, CohortComparisonCalculator calc) {
        Map<CohortComparisonCalculator.Measure, Map<String, double[]>> gains = new TreeMap<>(MEASURE_ORDER);
        KnowledgeTransferJob.learners(in).forEach((k, people) -> {
            if (!k.get(3).equals(in.config().comparisonSource())) {
                return;
            }
            double[] g = people.stream().filter(p -> p.pre() != null && p.post() != null)
                    .mapToDouble(p -> p.post() - p.pre()).toArray();
            gains.computeIfAbsent(new CohortComparisonCalculator.Measure("knowledge_gain", k.get(2), k.get(1)),
                    x -> new LinkedHashMap<>()).put(k.get(0), g);
        });
        gains.forEach(calc::means);
    }

    private static void scaleChange(MetricInputs in, CohortComparisonCalculator calc) {
        Map<CohortComparisonCalculator.Measure, Map<String, double[]>> changes = new TreeMap<>(MEASURE_ORDER);
        SurveyCalculator.changes(SurveyJob.scaleScores(in)).forEach((k, people) -> {
            if (k.get(0).equals(MetricInputs.ALL)) {
                return;
            }
            changes.computeIfAbsent(new CohortComparisonCalculator.Measure("scale_change", k.get(2), k.get(1)),
                    x -> new LinkedHashMap<>()).put(k.get(0), people.stream().mapToDouble(p -> p[1] - p[0]).toArray());
        });
        changes.forEach(calc::means);
    }

    private static void attendance(MetricInputs in, CohortComparisonCalculator calc) {
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        for (PairEngagement p : EngagementJob.pairs(in)) {
            if (p.scheduled() > 0) {
                rates.computeIfAbsent(p.cohortId(), k -> new ArrayList<>()).add((double) p.held() / p.scheduled());
            }
        }
        Map<String, double[]> byCohort = new LinkedHashMap<>();
        rates.forEach((c, r) -> byCohort.put(c, r.stream().mapToDouble(Double::doubleValue).toArray()));
        calc.means(new CohortComparisonCalculator.Measure("attendance_rate", null, "all"), byCohort);
    }

    private static void retention(MetricInputs in, CohortComparisonCalculator calc) {
        RetentionSubjects subjects = RetentionSubjects.of(in);
        Map<String, List<Subject>> participants = new LinkedHashMap<>();
        subjects.followUpDays().forEach((cohort, days) -> {
            if (days >= 365) {
                participants.put(cohort, subjects.byCohort().get(cohort).stream()
                        .filter(s -> s.in(Subject.PARTICIPANT)).toList());
            }
        });
        calc.retention(new CohortComparisonCalculator.Measure("retention_365", null, "all"), participants);
    }
}
