package io.flipside.metrics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * A time series of counts per cohort and pooled over cohorts (ALL), for the monthly and weekly tables:
 * every period of each cohort's run is present with zeros, so a trend shows its gaps, and any other
 * period that has data is added. Periods are keyed by their first day.
 */
public final class CohortSeries {
    private final int width;
    private final Map<String, TreeMap<LocalDate, long[]>> byCohort = new TreeMap<>();
    private final TreeMap<LocalDate, long[]> pooled = new TreeMap<>();

    /** @param width how many counts each period holds */
    public CohortSeries(int width) {
        this.width = width;
    }

    /**
     * Adds every period from the one holding the cohort's start to the one holding min(end, as-of).
     *
     * @param periodStart the first day of the period holding a date
     * @param next        the first day of the following period
     */
    public static CohortSeries ofCohorts(MetricInputs in, int width, UnaryOperator<LocalDate> periodStart,
            UnaryOperator<LocalDate> next) {
        CohortSeries s = new CohortSeries(width);
        for (String c : in.startedCohorts()) {
            CohortInfo info = in.cohort(c);
            LocalDate end = info.end().isBefore(in.asOf()) ? info.end() : in.asOf();
            for (LocalDate p = periodStart.apply(info.start()); !p.isAfter(end); p = next.apply(p)) {
                s.add(c, p, new long[width]);
            }
        }
        return s;
    }

    /** Adds counts to a cohort's period and to the pooled series. */
    public void add(String cohort, LocalDate period, long[] counts) {
        for (long[] acc : List.of(byCohort.computeIfAbsent(cohort, k -> new TreeMap<>())
                .computeIfAbsent(period, k -> new long[width]), pooled.computeIfAbsent(period, k -> new long[width]))) {
            for (int i = 0; i < width; i++) {
                acc[i] += counts[i];
            }
        }
    }

    /** One value per cohort and period, cohorts in id order then ALL, periods in time order. */
    public <R> List<R> rows(RowMaker<R> maker) {
        List<R> rows = new ArrayList<>();
        byCohort.forEach((c, periods) -> periods.forEach((p, acc) -> rows.add(maker.make(c, p, acc))));
        pooled.forEach((p, acc) -> rows.add(maker.make(MetricInputs.ALL, p, acc)));
        return rows;
    }

    /** Builds an output row from a cohort id, a period's first day and its counts. */
    @FunctionalInterface
    public interface RowMaker<R> {
        R make(String cohort, LocalDate period, long[] counts);
    }
}
