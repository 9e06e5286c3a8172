package io.flipside.metrics;

import io.flipside.metrics.engagement.EngagementJob;
import io.flipside.tables.MetricTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every metric job whose inputs are present at one as-of date. A metric whose inputs are absent
 * is skipped with the reason (SPEC §2), which the manifest and the reports then state.
 */
public final class MetricSuite {
    private MetricSuite() {
    }

    /** The tables computed and the metrics skipped, by metric name with the reason. */
    public record Result(List<MetricTable> tables, Map<String, String> skipped) {
        public Result {
            tables = List.copyOf(tables);
            skipped = Map.copyOf(skipped);
        }
    }

    public static Result compute(MetricInputs in) {
        List<MetricTable> tables = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        if (in.dataset("sessions").isPresent()) {
            tables.addAll(EngagementJob.compute(in));
        } else {
            skipped.put("engagement", "no sessions dataset in the input");
        }
        return new Result(tables, skipped);
    }
}
