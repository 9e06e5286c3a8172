package io.flipside.metrics;

import io.flipside.concurrent.Parallel;
import io.flipside.config.FlipsideConfig;
import io.flipside.metrics.activity.ActivityJob;
import io.flipside.metrics.comparison.CohortComparisonJob;
import io.flipside.metrics.engagement.EngagementJob;
import io.flipside.metrics.knowledge.KnowledgeTransferJob;
import io.flipside.metrics.kpi.KpiJob;
import io.flipside.metrics.retention.PromotionJob;
import io.flipside.metrics.retention.RetentionJob;
import io.flipside.metrics.segments.SegmentsJob;
import io.flipside.metrics.survey.SurveyJob;
import io.flipside.pipeline.Period;
import io.flipside.tables.MetricRow;
import io.flipside.tables.MetricTable;
import io.flipside.tables.MetricTables;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Runs every metric job whose inputs are present at one as-of date. A metric whose inputs are absent
 * is skipped with the reason (SPEC §2), which the manifest and the reports then state.
 */
public final class MetricSuite {
    private MetricSuite() {
    }

    /**
     * The tables computed, the metrics skipped (by name, with the reason) and the wall time of each
     * metric computed, in milliseconds; both maps in the suite's order, whatever order the jobs finished in.
     */
    public record Result(List<MetricTable> tables, Map<String, String> skipped, Map<String, Long> millis) {
        public Result {
            tables = List.copyOf(tables);
            // the manifest lists them in this order: Map.copyOf's order changes from one JVM to the next
            skipped = Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
            millis = Collections.unmodifiableMap(new LinkedHashMap<>(millis));
        }
    }

    /** Metric jobs under way at once. */
    private static final int PARALLEL_JOBS = 3;

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
     * Jobs run {@value #PARALLEL_JOBS} at a time, both passes together: most of a job on a small input is
     * Spark planning and driver-side statistics, which overlap; tables come back in a fixed order.
     */
    public static Result computeWithKpis(FlipsideConfig config, Map<String, Dataset<Row>> curated) {
        MetricInputs now = new MetricInputs(config.asOf(), config, curated);
        LocalDate previousEnd = Period.previousQuarterEnd(config.asOf());
        MetricInputs before = new MetricInputs(previousEnd, config.withAsOf(previousEnd), curated);
        ExecutorService pool = Parallel.pool(PARALLEL_JOBS, "flipside-metrics");
        try {
            Pass current = start(now, m -> true, pool);
            long kpiStart = System.nanoTime();
            Pass previous = start(before, m -> KPI_INPUTS.contains(m.name()), pool);
            CompletableFuture<List<MetricRow>> kpisBefore = previous.all().thenApplyAsync(x -> {
                Parallel.nameJobs(before.spark(), "metric kpis as of " + before.asOf());
                return KpiJob.compute(before, previous.result().tables());
            }, pool);
            CompletableFuture<List<MetricRow>> kpisNow = current.all().thenApplyAsync(x -> {
                Parallel.nameJobs(now.spark(), "metric kpis as of " + now.asOf());
                return KpiJob.compute(now, current.result().tables());
            }, pool);
            List<MetricRow> kpis = new ArrayList<>(Parallel.join(kpisBefore));
            kpis.addAll(Parallel.join(kpisNow));
            long kpiMillis = (System.nanoTime() - kpiStart) / 1_000_000;
            Result result = current.result();
            List<MetricTable> tables = new ArrayList<>(result.tables());
            tables.add(new MetricTable(MetricTables.KPIS, kpis));
            Map<String, Long> millis = new LinkedHashMap<>(result.millis());
            millis.put("kpis", kpiMillis);
            return new Result(tables, result.skipped(), millis);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The jobs of one as-of under way, in {@link #METRICS} order; skipped ones are known at once. */
    private record Pass(Map<String, CompletableFuture<Timed>> jobs, Map<String, String> skipped) {
        CompletableFuture<Void> all() {
            return CompletableFuture.allOf(jobs.values().toArray(CompletableFuture[]::new));
        }

        /** Waits for every job; the first failure in {@link #METRICS} order is thrown as it was. */
        Result result() {
            List<MetricTable> tables = new ArrayList<>();
            Map<String, Long> millis = new LinkedHashMap<>();
            jobs.forEach((name, job) -> {
                Timed t = Parallel.join(job);
                tables.addAll(t.tables());
                millis.put(name, t.millis());
            });
            return new Result(tables, skipped, millis);
        }
    }

    /** A job's tables and its own wall time, which overlaps the other jobs'. */
    private record Timed(List<MetricTable> tables, long millis) {
    }

    private static Pass start(MetricInputs in, Predicate<Metric> wanted, ExecutorService pool) {
        Map<String, CompletableFuture<Timed>> jobs = new LinkedHashMap<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        for (Metric m : METRICS) {
            if (!wanted.test(m)) {
                continue;
            }
            if (in.dataset(m.input()).isEmpty()) {
                skipped.put(m.name(), "no " + m.input() + " dataset in the input");
                continue;
            }
            jobs.put(m.name(), CompletableFuture.supplyAsync(() -> {
                Parallel.nameJobs(in.spark(), "metric " + m.name() + " as of " + in.asOf());
                long start = System.nanoTime();
                List<MetricTable> tables = m.job().apply(in);
                return new Timed(tables, (System.nanoTime() - start) / 1_000_000);
            }, pool));
        }
        return new Pass(jobs, skipped);
    }
}
