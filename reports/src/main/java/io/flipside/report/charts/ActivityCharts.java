package io.flipside.report.charts;

import io.flipside.tables.MetricTable;
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
        DefaultCategoryDataset data = CohortLines.of(weekly, "week", "events");
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
