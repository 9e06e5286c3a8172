package io.flipside.report.charts;

import io.flipside.tables.MetricRow;
import io.flipside.tables.MetricTable;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationStepRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Kaplan–Meier step curves with their 95 % bands, one per group, from the {@code survival_curve}
 * table. The table leaves out the tail where fewer than the privacy minimum are at risk, so a curve
 * stops there rather than showing a single leaver's day.
 */
public final class RetentionCharts {
    private RetentionCharts() {
    }

    /** Whether the table has a curve for the cohort and any of the groups. */
    public static boolean has(MetricTable curves, String cohort, List<String> groups) {
        return curves.rows().stream().anyMatch(r -> cohort.equals(r.getString("cohort_id"))
                && groups.contains(r.getString("group")));
    }

    public static JFreeChart survival(MetricTable curves, String cohort, List<String> groups) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (String group : groups) {
            YIntervalSeries s = new YIntervalSeries(label(group));
            // the step starts at 1 on day 0, whether or not anything happens that day
            s.add(0, 1, 1, 1);
            for (MetricRow r : curves.rows()) {
                if (cohort.equals(r.getString("cohort_id")) && group.equals(r.getString("group"))) {
                    double sv = r.getDouble("survival");
                    Double lo = r.getDouble("ci_low");
                    Double hi = r.getDouble("ci_high");
                    s.add(r.getLong("time"), sv, lo == null ? sv : lo, hi == null ? sv : hi);
                }
            }
            data.addSeries(s);
        }
        NumberAxis x = new NumberAxis("Days since the cohort started");
        NumberAxis y = new NumberAxis("Still employed");
        y.setNumberFormatOverride(new java.text.DecimalFormat("0%"));
        y.setAutoRangeIncludesZero(false);
        DeviationStepRenderer renderer = new DeviationStepRenderer();
        renderer.setAlpha(0.18f);
        renderer.setDefaultShapesVisible(false);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        JFreeChart chart = new JFreeChart(null, null, plot, true);
        ChartStyle.apply(chart);
        for (int i = 0; i < groups.size(); i++) {
            Color c = ChartStyle.series(i);
            renderer.setSeriesPaint(i, c);
            renderer.setSeriesFillPaint(i, c);
            renderer.setSeriesStroke(i, new BasicStroke(1.8f));
        }
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.TOP);
        return chart;
    }

    static String label(String group) {
        return switch (group) {
            case "participant" -> "Participants";
            case "comparison" -> "Comparison employees";
            case "mentor" -> "Mentors (juniors)";
            case "mentee" -> "Mentees (seniors)";
            default -> group;
        };
    }
}
