package io.flipside.report.charts;

import io.flipside.tables.MetricRow;
import io.flipside.tables.MetricTable;
import java.text.NumberFormat;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/** Charts of the {@code engagement} and {@code engagement_monthly} tables. */
public final class EngagementCharts {
    private EngagementCharts() {
    }

    /** Held sessions per pair-month for each cohort (not ALL), labelled with the value. */
    public static JFreeChart heldPerPairMonth(MetricTable engagement) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (MetricRow r : engagement.rows()) {
            if (!"ALL".equals(r.getString("cohort_id")) && r.getDouble("held_per_pair_month") != null) {
                data.addValue(r.getDouble("held_per_pair_month"), "Sessions held per pair-month", r.getString("cohort_id"));
            }
        }
        JFreeChart chart = ChartFactory.createBarChart(null, "Cohort", "Sessions per pair-month", data,
                PlotOrientation.VERTICAL, false, false, false);
        ChartStyle.apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setMaximumBarWidth(0.12);
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", decimals(2)));
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(io.flipside.report.pdf.ReportFonts.chartFont(8.5f, false));
        plot.getRangeAxis().setUpperMargin(0.15);
        return chart;
    }

    /** Held sessions per calendar month, one line per cohort. */
    public static JFreeChart monthlySessions(MetricTable monthly) {
        DefaultCategoryDataset ordered = CohortLines.of(monthly, "month", "sessions_held");
        JFreeChart chart = ChartFactory.createLineChart(null, "Month", "Sessions held", ordered,
                PlotOrientation.VERTICAL, true, false, false);
        ChartStyle.apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        ((LineAndShapeRenderer) plot.getRenderer()).setDefaultShapesVisible(false);
        CategoryAxis x = plot.getDomainAxis();
        x.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        x.setMaximumCategoryLabelLines(1);
        return chart;
    }

    private static NumberFormat decimals(int places) {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.ROOT);
        f.setMinimumFractionDigits(places);
        f.setMaximumFractionDigits(places);
        return f;
    }
}
