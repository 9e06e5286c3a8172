package io.flipside.metrics.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flipside.tables.MetricRow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every column of a knowledge_transfer row against R 4.2 (Debian r-base), computed with:
 * <pre>
 * pre &lt;- c(40,52,47,61,41,55,49); post &lt;- c(55,60,50,70,41,67,58); fu &lt;- c(50,58,49,66,40,NA,NA)
 * g &lt;- post - pre; r &lt;- t.test(post, pre, paired = TRUE); n &lt;- length(g)
 * dz &lt;- mean(g) / sd(g); J &lt;- exp(lgamma((n-1)/2) - log(sqrt((n-1)/2)) - lgamma((n-2)/2))
 * hake = (mean(post) - mean(pre)) / (100 - mean(pre)); pct = 100 * mean(g &gt; 0)
 * k &lt;- !is.na(fu); retained = mean(fu[k] - pre[k]) / mean(post[k] - pre[k])
 * </pre>
 */
class KnowledgeTransferCalculatorTest {
    private static final KnowledgeTransferCalculator.Key KEY = new KnowledgeTransferCalculator.Key("C1", "mentee", "SK1",
            "self", "digital", true, 100);

    private static List<LearnerScores> people() {
        double[] pre = {40, 52, 47, 61, 41, 55, 49};
        double[] post = {55, 60, 50, 70, 41, 67, 58};
        Double[] fu = {50.0, 58.0, 49.0, 66.0, 40.0, null, null};
        List<LearnerScores> out = new ArrayList<>();
        for (int i = 0; i < pre.length; i++) {
            out.add(new LearnerScores(pre[i], post[i], fu[i]));
        }
        out.add(new LearnerScores(45.0, null, 47.0));
        out.add(new LearnerScores(null, 60.0, null));
        return out;
    }

    @Test
    void everyColumnMatchesR() {
        MetricRow r = KnowledgeTransferCalculator.summarise(KEY, people(), 5);
        assertThat(r.getLong("n")).as("people without both pre and post are not units").isEqualTo(7);
        assertThat(r.getDouble("mean_pre")).isCloseTo(49.285714285714285, within(1e-12));
        assertThat(r.getDouble("mean_post")).isCloseTo(57.285714285714285, within(1e-12));
        assertThat(r.getDouble("mean_gain")).isCloseTo(8.0, within(1e-12));
        assertThat(r.getDouble("sd_gain")).isCloseTo(5.0990195135927845, within(1e-12));
        assertThat(r.getDouble("ci_low")).isCloseTo(3.2841934822629884, within(1e-10));
        assertThat(r.getDouble("ci_high")).isCloseTo(12.715806517737011, within(1e-10));
        assertThat(r.getDouble("t_stat")).isCloseTo(4.1509961733021665, within(1e-10));
        assertThat(r.getDouble("p_value")).isCloseTo(0.0060044092068246178, within(1e-12));
        assertThat(r.getDouble("effect_dz")).isCloseTo(1.5689290811054724, within(1e-12));
        assertThat(r.getDouble("hedges_gz")).isCloseTo(1.3628136711567536, within(1e-12));
        assertThat(r.getDouble("hake_gain")).isCloseTo(0.15774647887323942, within(1e-12));
        assertThat(r.getDouble("pct_improved")).isCloseTo(85.714285714285708, within(1e-12));
        assertThat(r.getLong("n_followup")).isEqualTo(5);
        assertThat(r.getDouble("retained_share")).isCloseTo(0.62857142857142867, within(1e-12));
        assertThat(r.getBoolean("expected_learner")).isTrue();
    }

    @Test
    void retainedShareNeedsEnoughPeopleWithAllThreeWaves() {
        assertThat(KnowledgeTransferCalculator.summarise(KEY, people(), 6).getDouble("retained_share")).isNull();
    }

    @Test
    void noGainMeansNoRetainedShare() {
        List<LearnerScores> flat = List.of(new LearnerScores(50.0, 50.0, 55.0), new LearnerScores(60.0, 60.0, 61.0),
                new LearnerScores(40.0, 41.0, 45.0), new LearnerScores(45.0, 44.0, 45.0));
        MetricRow r = KnowledgeTransferCalculator.summarise(KEY, flat, 2);
        assertThat(r.getDouble("mean_gain")).isEqualTo(0.0);
        assertThat(r.getDouble("retained_share")).as("denominator <= 0").isNull();
    }
}
