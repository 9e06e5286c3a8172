package io.flipside.metrics;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import io.flipside.config.FlipsideConfig;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What every metric job reads: the curated datasets, the as-of date and the configuration, with the
 * small dimension tables (cohorts, pairs) already on the driver and seen as of that date. Building
 * this for an earlier as-of is how the previous quarter is computed by the same code.
 */
public final class MetricInputs {
    /** The pooled cohort id of SPEC §5. */
    public static final String ALL = "ALL";

    private final LocalDate asOf;
    private final FlipsideConfig config;
    private final Map<String, Dataset<Row>> curated;
    private final Map<String, CohortInfo> cohorts;
    private final List<PairView> pairs;
    private final Map<Class<?>, Memo> shared = new ConcurrentHashMap<>();

    public MetricInputs(LocalDate asOf, FlipsideConfig config, Map<String, Dataset<Row>> curated) {
        this.asOf = requireNonNull(asOf, "asOf");
        this.config = requireNonNull(config, "config");
        this.curated = Map.copyOf(curated);
        Map<String, CohortInfo> c = new LinkedHashMap<>();
        for (Row r : dataset("cohorts").orElseThrow().orderBy(col("start_date"), col("cohort_id")).collectAsList()) {
            c.put(r.getAs("cohort_id"), new CohortInfo(r.getAs("cohort_id"), r.getAs("name"), r.getAs("start_date"),
                    r.getAs("end_date"), r.<Double>getAs("planned_sessions_per_month")));
        }
        this.cohorts = c;
        List<PairView> p = new ArrayList<>();
        for (Row r : dataset("pairs").orElseThrow().collectAsList()) {
            CohortInfo cohort = c.get(r.<String>getAs("cohort_id"));
            LocalDate matched = r.getAs("matched_date") != null ? r.getAs("matched_date") : cohort.start();
            if (matched.isAfter(asOf)) {
                continue;
            }
            LocalDate ended = r.getAs("ended_date");
            boolean endVisible = ended != null && !ended.isAfter(asOf);
            p.add(new PairView(r.getAs("pair_id"), cohort.id(), r.getAs("mentor_id"), r.getAs("mentee_id"), matched,
                    endVisible ? ended : null, endVisible ? r.getAs("end_reason") : null, cohort.end()));
        }
        p.sort(Comparator.comparing(PairView::pairId));
        this.pairs = List.copyOf(p);
    }

    /** The Spark session the curated datasets belong to. */
    public org.apache.spark.sql.SparkSession spark() {
        return curated.get("cohorts").sparkSession();
    }

    public LocalDate asOf() {
        return asOf;
    }

    public FlipsideConfig config() {
        return config;
    }

    /** A curated dataset, or empty when the input did not have it. */
    public Optional<Dataset<Row>> dataset(String name) {
        return Optional.ofNullable(curated.get(name));
    }

    public CohortInfo cohort(String id) {
        return requireNonNull(cohorts.get(id), () -> "no cohort " + id);
    }

    /** Cohort ids with a start on or before as-of, by start date then id. */
    public List<String> startedCohorts() {
        return cohorts.values().stream().filter(c -> !c.start().isAfter(asOf)).map(CohortInfo::id).toList();
    }

    /**
     * An intermediate result several metrics need (the retention subjects for retention and promotion),
     * computed by the first to ask and kept for the others at this as-of. Metrics run concurrently: a
     * second asker waits for the first one's result instead of computing it again.
     */
    public <T> T shared(Class<T> type, Function<MetricInputs, T> compute) {
        return type.cast(shared.computeIfAbsent(type, k -> new Memo()).get(() -> compute.apply(this)));
    }

    /** One shared value, computed at most once; its own lock, so computing one may ask for another. */
    private static final class Memo {
        private Object value;

        synchronized Object get(Supplier<?> compute) {
            if (value == null) {
                value = requireNonNull(compute.get(), "a shared intermediate result");
            }
            return value;
        }
    }

    /** Pairs matched on or before as-of, by pair id. */
    public List<PairView> pairs() {
        return pairs;
    }
}
