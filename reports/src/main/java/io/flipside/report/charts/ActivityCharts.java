package io.flipside.report.charts;

import io.flipside.tables.MetricRow;
import io.flipside.tables.MetricTable;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/** Charts of the {@code activity_weekly} table. */
public final class ActivityCharts {
    private ActivityCharts() {
    }

    /** Collaboration events per ISO week, one line per cohort; week labels every fourth week. */
    public static JFreeChart weeklyEvents(MetricTable weekly) {
        Map<String, Map<String, Long>> byCohort = new TreeMap<>();
        java.util.SortedSet<String> weeks = new java.util.TreeSet<>();
        for (MetricRow r : weekly.rows()) {
            if (!"ALL".equals(r.getString("cohort_id"))) {
                byCohort.computeIfAbsent(r.getString("cohort_id"), k -> new java.util.HashMap<>())
                        .put(r.getString("week"), r.getLong("events"));
                weeks.add(r.getString("week"));
            }
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (String w : weeks) {
            byCohort.forEach((cohort, values) -> data.addValue(values.get(w), cohort, w));
        }
        JFreeChart chart = ChartFactory.createLineChart(null, "ISO week", "Events", data, PlotOrientation.VERTICAL,
                true, false, false);
        ChartStyle.apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        ((LineAndShapeRenderer) plot.getRenderer()).setDefaultShapesVisible(false);
        SparseCategoryAxis axis = new SparseCategoryAxis("ISO week", 4);
        axis.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        axis.setTickLabelFont(plot.getDomainAxis().getTickLabelFont());
        axis.setLabelFont(plot.getDomainAxis().getLabelFont());
        axis.setTickLabelPaint(plot.getDomainAxis().getTickLabelPaint());
        plot.setDomainAxis(axis);
        return chart;
    }
}
