package io.flipside.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Welch's t-test and Holm's adjustment against scipy 1.10.1 and R 4.2, with the calls that produced
 * each value beside it.
 */
class ComparisonStatisticsGoldenTest {
    private static final double[] A = {12.5, 18.0, 7.5, 22.0, 15.5, 9.0, 19.5, 14.0};
    private static final double[] B = {8.0, 11.5, 6.0, 13.0, 9.5, 4.0, 10.0, 12.5, 7.0, 5.5, 9.0};

    @Test
    void welchMatchesScipyAndR() {
        WelchTest.Result r = WelchTest.test(A, B);
        // scipy.stats.ttest_ind(A, B, equal_var=False): statistic and pvalue; R t.test(A, B) agrees to every digit
        assertThat(r.t()).isCloseTo(3.0291691965063636, within(1e-12));
        assertThat(r.p()).isCloseTo(0.012116975318504133, within(1e-12));
        // R t.test(A, B): parameter (df) and conf.int
        assertThat(r.df()).isCloseTo(10.441626806515009, within(1e-10));
        assertThat(r.ciLow()).isCloseTo(1.6179105376433345, within(1e-10));
        assertThat(r.ciHigh()).isCloseTo(10.427544007811212, within(1e-10));
        assertThat(r.difference()).isCloseTo(Arrays.stream(A).average().orElseThrow()
                - Arrays.stream(B).average().orElseThrow(), within(1e-14));
    }

    @Test
    void welchIsUndefinedWithoutEnoughDataOrVariance() {
        assertThat(WelchTest.test(new double[] {3}, B).t()).isNull();
        WelchTest.Result constant = WelchTest.test(new double[] {2, 2, 2}, new double[] {5, 5});
        assertThat(constant.t()).isNull();
        assertThat(constant.difference()).isEqualTo(-3);
    }

    @Test
    void holmMatchesPAdjust() {
        // R: p.adjust(c(0.01, 0.04, NA, 0.03, 0.005, 0.04, 0.5), "holm")
        List<Double> adjusted = Holm.adjust(Arrays.asList(0.01, 0.04, null, 0.03, 0.005, 0.04, 0.5));
        assertThat(adjusted.get(0)).isCloseTo(0.05, within(1e-15));
        assertThat(adjusted.get(1)).isCloseTo(0.12, within(1e-15));
        assertThat(adjusted.get(2)).isNull();
        assertThat(adjusted.get(3)).isCloseTo(0.12, within(1e-15));
        assertThat(adjusted.get(4)).isCloseTo(0.03, within(1e-15));
        assertThat(adjusted.get(5)).isCloseTo(0.12, within(1e-15));
        assertThat(adjusted.get(6)).isCloseTo(0.5, within(1e-15));
        assertThat(Holm.adjust(List.of(0.9, 0.8))).containsExactly(1.0, 1.0);
    }
}
