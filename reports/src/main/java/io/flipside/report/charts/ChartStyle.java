package io.flipside.report.charts;

import io.flipside.report.pdf.ReportFonts;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;

/**
 * One look for every chart: the report typeface, white ground, light grid, and a colour per series
 * from a palette that stays distinguishable for the common colour-vision deficiencies.
 */
public final class ChartStyle {
    /** Okabe-Ito derived palette. */
    public static final Color[] SERIES = {
        new Color(0x0F, 0x76, 0x6E), new Color(0xE6, 0x9F, 0x00), new Color(0x56, 0xB4, 0xE9),
        new Color(0xCC, 0x79, 0xA7), new Color(0x00, 0x72, 0xB2), new Color(0xD5, 0x5E, 0x00),
        new Color(0x00, 0x9E, 0x73), new Color(0x99, 0x99, 0x99)};
    static final Color GRID = new Color(0xE5, 0xE7, 0xEB);
    static final Color TEXT = new Color(0x37, 0x41, 0x51);

    private ChartStyle() {
    }

    public static Color series(int i) {
        return SERIES[i % SERIES.length];
    }

    static JFreeChart apply(JFreeChart chart) {
        StandardChartTheme theme = new StandardChartTheme("flipside");
        theme.setExtraLargeFont(ReportFonts.chartFont(13, true));
        theme.setLargeFont(ReportFonts.chartFont(10, true));
        theme.setRegularFont(ReportFonts.chartFont(9, false));
        theme.setSmallFont(ReportFonts.chartFont(8, false));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setPlotOutlinePaint(Color.WHITE);
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.setAxisLabelPaint(TEXT);
        theme.setTickLabelPaint(TEXT);
        theme.setLegendItemPaint(TEXT);
        theme.setTitlePaint(TEXT);
        theme.setShadowVisible(false);
        theme.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        theme.setXYBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
        theme.apply(chart);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setBorderVisible(false);
        if (chart.getLegend() != null) {
            chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        Plot plot = chart.getPlot();
        if (plot instanceof CategoryPlot cp) {
            cp.setRangeGridlineStroke(new BasicStroke(0.5f));
            for (int i = 0; i < Math.max(1, cp.getDataset().getRowCount()); i++) {
                Paint p = series(i);
                cp.getRenderer().setSeriesPaint(i, p);
            }
        } else if (plot instanceof XYPlot xp) {
            xp.setRangeGridlineStroke(new BasicStroke(0.5f));
            xp.setDomainGridlineStroke(new BasicStroke(0.5f));
            for (int i = 0; i < Math.max(1, xp.getDataset().getSeriesCount()); i++) {
                xp.getRenderer().setSeriesPaint(i, series(i));
                xp.getRenderer().setSeriesStroke(i, new BasicStroke(1.8f));
            }
        }
        return chart;
    }
}
