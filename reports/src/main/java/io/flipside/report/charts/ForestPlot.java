package io.flipside.report.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Collection;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * A forest plot: one line per estimate with its 95 % interval as a whisker, labels on the left, a
 * reference line at no effect. Rows run top to bottom in the order given.
 */
public final class ForestPlot {
    private ForestPlot() {
    }

    /** One estimate; an interval end may be null when not computable (drawn without that whisker). */
    public record Row(String label, double estimate, Double low, Double high) {
    }

    /** A value axis's range, lower end first. */
    public record Extent(double lower, double upper) {
        public Extent {
            if (!(lower < upper)) {
                throw new IllegalArgumentException("an extent needs lower < upper, got " + lower + " and " + upper);
            }
        }
    }

    /**
     * The range that shows every estimate and interval of {@code rows} and the reference, with a twentieth
     * of the span spare at each end, so that the reference line never falls on the axis itself. Plots of
     * several groups drawn over one extent compare at a glance; each on its own scale, a gain of 6 points
     * looked as large in one cohort as 12 in the next.
     */
    public static Extent extent(Collection<Row> rows, double reference) {
        double lower = reference;
        double upper = reference;
        for (Row r : rows) {
            for (Double v : new Double[] {r.estimate(), r.low(), r.high()}) {
                if (v != null) {
                    lower = Math.min(lower, v);
                    upper = Math.max(upper, v);
                }
            }
        }
        double spare = upper > lower ? (upper - lower) / 20 : 1;
        return new Extent(lower - spare, upper + spare);
    }

    /** On a value axis over {@code extent}: its own rows' {@link #extent}, or one shared with other plots. */
    public static JFreeChart of(List<Row> rows, String valueLabel, double reference, Extent extent) {
        XYIntervalSeries s = new XYIntervalSeries("estimate");
        String[] labels = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            int y = rows.size() - 1 - i;
            labels[y] = r.label();
            s.add(y, y, y, r.estimate(), r.low() == null ? r.estimate() : r.low(),
                    r.high() == null ? r.estimate() : r.high());
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(s);
        SymbolAxis names = new SymbolAxis(null, labels);
        names.setGridBandsVisible(false);
        NumberAxis values = new NumberAxis(valueLabel);
        values.setRange(extent.lower(), extent.upper());
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDrawYError(true);
        renderer.setErrorStroke(new BasicStroke(1.4f));
        renderer.setCapLength(5);
        renderer.setDefaultLinesVisible(false);
        XYPlot plot = new XYPlot(data, names, values, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        JFreeChart chart = new JFreeChart(null, null, plot, false);
        ChartStyle.apply(chart);
        renderer.setSeriesPaint(0, ChartStyle.series(0));
        renderer.setErrorPaint(ChartStyle.series(0));
        renderer.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-3.5, -3.5, 7, 7));
        ValueMarker none = new ValueMarker(reference, new Color(0x6B, 0x72, 0x80), new BasicStroke(0.8f,
                BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {3, 3}, 0));
        plot.addRangeMarker(none);
        return chart;
    }
}
