package io.flipside.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Golden values computed independently, with the code that produced them beside each:
 * scipy 1.10.1 (Debian python3-scipy, /usr/bin/python3) and R 4.2 with psych (Debian r-cran-psych).
 * Where the two disagree beyond 1e-12 the test says which is right and why.
 */
class StatisticsGoldenTest {
    private static final Offset<Double> MEAN = within(1e-12);
    private static final Offset<Double> STAT = within(1e-9);

    /** post - pre of pre = [40,52,47,61,38,55,49], post = [55,60,50,70,41,67,58]. */
    private static final double[] GAINS = {15, 8, 3, 9, 3, 12, 9};

    @Test
    void pairedTAgainstScipy() {
        // t and p: scipy.stats.ttest_rel(post, pre) and R t.test(post, pre, paired = TRUE) agree to the last digit;
        // the interval is R's: scipy 1.10's t.ppf is off by 2e-9 (its own sf at that point is 0.02500000008)
        TTest.Result r = TTest.oneSample(GAINS);
        assertThat(r.n()).isEqualTo(7);
        assertThat(r.mean()).isCloseTo(8.4285714285714288, MEAN);
        assertThat(r.sd()).isCloseTo(4.3915503282683988, MEAN);
        assertThat(r.t()).isCloseTo(5.0779114983608356, STAT);
        assertThat(r.p()).isCloseTo(0.0022702087221606699, within(1e-12));
        assertThat(r.ciLow()).isCloseTo(4.3670647789477028, within(1e-12));
        assertThat(r.ciHigh()).isCloseTo(12.490078078195154, within(1e-12));
    }

    @Test
    void pValuesComeFromTheUpperTail() {
        // 2 * scipy.stats.t.sf(40, 30) and 2 * scipy.stats.t.sf(2.5, 9); R qt(0.975, 6)
        assertThat(StudentT.twoSidedP(40, 30)).isCloseTo(1.3726045194406362e-27, within(1e-33));
        assertThat(StudentT.twoSidedP(-2.5, 9)).isCloseTo(0.033861827682985707, within(1e-12));
        assertThat(StudentT.q975(6)).isCloseTo(2.4469118511449688, within(1e-13));
    }

    @Test
    void hedgesCorrectionIsExact() {
        // exp(gammaln(m/2) - log(sqrt(m/2)) - gammaln((m-1)/2)) in scipy.special
        assertThat(EffectSizes.hedgesJ(2)).isCloseTo(0.56418958354775639, within(1e-12));
        assertThat(EffectSizes.hedgesJ(5)).isCloseTo(0.84074868245968926, within(1e-12));
        assertThat(EffectSizes.hedgesJ(10)).isCloseTo(0.92274560805308703, within(1e-12));
        assertThat(EffectSizes.hedgesJ(100)).isCloseTo(0.99247805498141328, within(1e-12));
        // d_z = mean / sd of the gains; g_z = d_z * J(6)
        Double dz = EffectSizes.dz(8.4285714285714288, 4.3915503282683988);
        assertThat(dz).isCloseTo(1.9192701434654489, within(1e-12));
        assertThat(EffectSizes.gz(dz, 7)).isCloseTo(1.6671292677644372, within(1e-12));
    }

    @Test
    void cronbachAlphaAgainstPsych() {
        // m <- matrix(c(4,5,2, 3,4,3, 5,5,1, 2,3,4, 4,4,2, 1,2,5, 3,5,2, 2,2,3), ncol=3, byrow=TRUE)
        // psych::alpha(m, keys=c(1,1,-1))$total$raw_alpha = 0.953125 (numpy gives the same on 6 - item 3)
        double[][] m = {{4, 5, 2}, {3, 4, 3}, {5, 5, 1}, {2, 3, 4}, {4, 4, 2}, {1, 2, 5}, {3, 5, 2}, {2, 2, 3}};
        for (double[] row : m) {
            row[2] = 6 - row[2];
        }
        assertThat(CronbachAlpha.of(m)).isCloseTo(0.953125, within(1e-12));
    }

    @Test
    void undefinedStatisticsAreNullNotZero() {
        TTest.Result constant = TTest.oneSample(new double[] {3, 3, 3});
        assertThat(constant.mean()).isEqualTo(3.0);
        assertThat(constant.t()).isNull();
        assertThat(constant.p()).isNull();
        assertThat(TTest.oneSample(new double[] {5}).sd()).isNull();
        assertThat(EffectSizes.dz(2, 0.0)).isNull();
        assertThat(EffectSizes.gz(1.0, 2)).as("J(1) is undefined").isNull();
        assertThat(EffectSizes.hake(100, 100, 100)).isNull();
        assertThat(EffectSizes.hake(40, 55, 100)).isCloseTo(0.25, within(1e-15));
        assertThat(CronbachAlpha.of(new double[][] {{1}, {2}})).as("k < 2").isNull();
    }
}
