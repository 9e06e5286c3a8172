package io.flipside.metrics;

import io.flipside.config.FlipsideConfig;
import io.flipside.metrics.activity.ActivityJob;
import io.flipside.metrics.comparison.CohortComparisonJob;
import io.flipside.metrics.kpi.KpiJob;
import io.flipside.metrics.segments.SegmentsJob;
import io.flipside.pipeline.Period;
import io.flipside.tables.MetricRow;
import io.flipside.tables.MetricTables;
import java.time.LocalDate;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
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
            new Metric("promotion", "job_events", PromotionJob::compute),
            new Metric("cohort_comparison", "cohorts", CohortComparisonJob::compute),
            new Metric("segments", "employees", SegmentsJob::compute));

    /**
     * The tables the previous quarter's KPIs are read from. Favourability, eNPS and retention at 365 days
     * come from the shared survey answers and retention subjects directly, so those jobs need not run.
     */
    private static final Set<String> KPI_INPUTS = Set.of("engagement", "activity", "knowledge_transfer");

    /**
     * Every metric at the configuration's as-of date, and the {@code kpis} table at that date and at
     * the end of the quarter before it, from a second pass of the same jobs under that earlier as-of.
     */
    public static Result computeWithKpis(FlipsideConfig config, Map<String, Dataset<Row>> curated) {
        MetricInputs now = new MetricInputs(config.asOf(), config, curated);
        Result current = compute(now, m -> true);
        long start = System.nanoTime();
        LocalDate previousEnd = Period.previousQuarterEnd(config.asOf());
        MetricInputs before = new MetricInputs(previousEnd, config.withAsOf(previousEnd), curated);
        Result previous = compute(before, m -> KPI_INPUTS.contains(m.name()));
        List<MetricRow> kpis = new ArrayList<>(KpiJob.compute(before, previous.tables()));
        kpis.addAll(KpiJob.compute(now, current.tables()));
        List<MetricTable> tables = new ArrayList<>(current.tables());
        tables.add(new MetricTable(MetricTables.KPIS, kpis));
        Map<String, Long> millis = new LinkedHashMap<>(current.millis());
        millis.put("kpis", (System.nanoTime() - start) / 1_000_000);
        return new Result(tables, current.skipped(), millis);
    }

    /** Every metric at {@code in}'s as-of date, without KPIs. */
    public static Result compute(MetricInputs in) {
        return compute(in, m -> true);
    }

    private static Result compute(MetricInputs in, java.util.function.Predicate<Metric> wanted) {
        List<MetricTable> tables = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        Map<String, Long> millis = new LinkedHashMap<>();
        for (Metric m : METRICS) {
            if (!wanted.test(m)) {
                continue;
            }
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
