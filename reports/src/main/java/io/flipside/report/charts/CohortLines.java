package io.flipside.report.charts;

import io.flipside.tables.MetricRow;
import io.flipside.tables.MetricTable;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jfree.data.category.DefaultCategoryDataset;

/** A line per cohort (ALL left out) over a period column of a series table, periods in order. */
final class CohortLines {
    private CohortLines() {
    }

    static DefaultCategoryDataset of(MetricTable table, String periodColumn, String valueColumn) {
        Map<String, Map<String, Long>> byCohort = new TreeMap<>();
        SortedSet<String> periods = new TreeSet<>();
        for (MetricRow r : table.rows()) {
            if (!"ALL".equals(r.getString("cohort_id"))) {
                byCohort.computeIfAbsent(r.getString("cohort_id"), k -> new HashMap<>())
                        .put(r.getString(periodColumn), r.getLong(valueColumn));
                periods.add(r.getString(periodColumn));
            }
        }
        // periods outermost, so the axis runs in time order whichever cohort starts first
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (String p : periods) {
            byCohort.forEach((cohort, values) -> data.addValue(values.get(p), cohort, p));
        }
        return data;
    }
}
