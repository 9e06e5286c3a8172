package io.flipside.metrics.retention;

import io.flipside.metrics.MetricInputs;
import io.flipside.tables.MetricTable;
import io.flipside.tables.MetricTables;
import java.util.List;

/** Computes {@code promotion} (SPEC §5) over the retention subjects, when job_events are given. */
public final class PromotionJob {
    private PromotionJob() {
    }

    public static List<MetricTable> compute(MetricInputs in) {
        return List.of(new MetricTable(MetricTables.PROMOTION,
                new RetentionCalculator(RetentionSubjects.of(in), in.config().minGroupSize()).promotion()));
    }
}
