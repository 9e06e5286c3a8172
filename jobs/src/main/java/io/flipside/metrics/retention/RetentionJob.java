package io.flipside.metrics.retention;

import io.flipside.metrics.MetricInputs;
import io.flipside.tables.MetricTable;
import io.flipside.tables.MetricTables;
import java.util.List;

/** Computes {@code survival_curve}, {@code retention} and {@code retention_tests} (SPEC §5). */
public final class RetentionJob {
    private RetentionJob() {
    }

    public static List<MetricTable> compute(MetricInputs in) {
        RetentionSubjects s = RetentionSubjects.of(in);
        RetentionCalculator calc = new RetentionCalculator(s, in.config().minGroupSize());
        return List.of(new MetricTable(MetricTables.SURVIVAL_CURVE, calc.survivalCurve()),
                new MetricTable(MetricTables.RETENTION, calc.retention(in.config().horizonsDays())),
                new MetricTable(MetricTables.RETENTION_TESTS, calc.tests()));
    }
}
