package io.flipside.metrics;

import io.flipside.metrics.activity.ActivityJob;
import io.flipside.metrics.engagement.EngagementJob;
import io.flipside.metrics.knowledge.KnowledgeTransferJob;
import io.flipside.metrics.retention.PromotionJob;
import io.flipside.metrics.retention.RetentionJob;
import io.flipside.metrics.survey.SurveyJob;
import io.flipside.tables.MetricTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs every metric job whose inputs are present at one as-of date. A metric whose inputs are absent
 * is skipped with the reason (SPEC §2), which the manifest and the reports then state.
 */
public final class MetricSuite {
    private MetricSuite() {
    }

    /**
     * The tables computed, the metrics skipped (by name, with the reason) and the wall time of each
     * metric computed, in milliseconds.
     */
    public record Result(List<MetricTable> tables, Map<String, String> skipped, Map<String, Long> millis) {
        public Result {
            tables = List.copyOf(tables);
            skipped = Map.copyOf(skipped);
            millis = Map.copyOf(millis);
        }
    }

    private record Metric(String name, String input, Function<MetricInputs, List<MetricTable>> job) {
    }

    private static final List<Metric> METRICS = List.of(
            new Metric("engagement", "sessions", EngagementJob::compute),
            new Metric("activity", "activity_events", ActivityJob::compute),
            new Metric("knowledge_transfer", "assessments", KnowledgeTransferJob::compute),
            new Metric("survey", "survey_responses", SurveyJob::compute),
            new Metric("retention", "employees", RetentionJob::compute),
            new Metric("promotion", "job_events", PromotionJob::compute));

    public static Result compute(MetricInputs in) {
        List<MetricTable> tables = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        Map<String, Long> millis = new LinkedHashMap<>();
        for (Metric m : METRICS) {
            if (in.dataset(m.input()).isEmpty()) {
                skipped.put(m.name(), "no " + m.input() + " dataset in the input");
                continue;
            }
            long start = System.nanoTime();
            tables.addAll(m.job().apply(in));
            millis.put(m.name(), (System.nanoTime() - start) / 1_000_000);
        }
        return new Result(tables, skipped, millis);
    }
}
