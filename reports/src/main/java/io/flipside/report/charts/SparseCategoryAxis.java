package io.flipside.report.charts;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryTick;
import org.jfree.chart.ui.RectangleEdge;

/** A category axis that labels every n-th category, for long time series such as 100 weeks. */
final class SparseCategoryAxis extends CategoryAxis {
    private static final long serialVersionUID = 1L;
    private final int every;

    SparseCategoryAxis(String label, int every) {
        super(label);
        this.every = every;
    }

    @Override
    public List<CategoryTick> refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        List<CategoryTick> all = super.refreshTicks(g2, state, dataArea, edge);
        List<CategoryTick> kept = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            CategoryTick t = all.get(i);
            kept.add(i % every == 0 ? t : new CategoryTick(t.getCategory(), new org.jfree.chart.text.TextBlock(),
                    t.getLabelAnchor(), t.getRotationAnchor(), t.getAngle()));
        }
        return kept;
    }
}
