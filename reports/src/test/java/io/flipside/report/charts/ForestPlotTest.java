package io.flipside.report.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

/** Forest plots of several groups share one value scale that shows every interval and the reference. */
class ForestPlotTest {
    private static final List<ForestPlot.Row> C01 = List.of(new ForestPlot.Row("SK01", 12, 8.4, 15.4),
            new ForestPlot.Row("SK03", 4.5, 0.1, 9.0));
    private static final List<ForestPlot.Row> C02 = List.of(new ForestPlot.Row("SK02", 23.7, 20.1, 27.4),
            new ForestPlot.Row("SK06", 7.3, null, null));

    @Test
    void theExtentHoldsEveryIntervalAndTheReferenceWithATwentiethSpare() {
        // by hand: the values run from the reference 0 to 27.4; a twentieth of 27.4 is 1.37
        ForestPlot.Extent both = ForestPlot.extent(List.of(C01.get(0), C01.get(1), C02.get(0), C02.get(1)), 0);
        assertThat(both.lower()).isCloseTo(-1.37, within(1e-12));
        assertThat(both.upper()).isCloseTo(28.77, within(1e-12));
        // an interval below the reference: -4 to 2, a span of 6, 0.3 spare
        ForestPlot.Extent loss = ForestPlot.extent(List.of(new ForestPlot.Row("x", -1, -4.0, 2.0)), 0);
        assertThat(loss.lower()).isCloseTo(-4.3, within(1e-12));
        assertThat(loss.upper()).isCloseTo(2.3, within(1e-12));
    }

    @Test
    void plotsDrawnOverOneExtentHaveTheSameScale() {
        ForestPlot.Extent shared = ForestPlot.extent(List.of(C01.get(0), C01.get(1), C02.get(0), C02.get(1)), 0);
        for (List<ForestPlot.Row> rows : List.of(C01, C02)) {
            JFreeChart chart = ForestPlot.of(rows, "Mean gain, points", 0, shared);
            var range = ((XYPlot) chart.getPlot()).getRangeAxis().getRange();
            assertThat(range.getLowerBound()).isEqualTo(shared.lower());
            assertThat(range.getUpperBound()).isEqualTo(shared.upper());
        }
        var own = ((XYPlot) ForestPlot.of(C01, "Mean gain, points", 0, ForestPlot.extent(C01, 0)).getPlot())
                .getRangeAxis().getRange();
        assertThat(own.getUpperBound()).as("on its own scale C01 ends near its own 15.4").isCloseTo(16.17, within(1e-12));
    }

    @Test
    void anEmptyExtentIsRefused() {
        assertThatThrownBy(() -> new ForestPlot.Extent(2, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ForestPlot.extent(List.of(), 0)).isEqualTo(new ForestPlot.Extent(-1, 1));
    }
}
