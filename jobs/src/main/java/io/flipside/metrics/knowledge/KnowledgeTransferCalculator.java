package io.flipside.metrics.knowledge;

import io.flipside.stats.EffectSizes;
import io.flipside.stats.Summary;
import io.flipside.stats.TTest;
import io.flipside.tables.MetricRow;
import io.flipside.tables.MetricTables;
import java.util.List;

/** The statistics of one {@code knowledge_transfer} row (SPEC §5), before suppression. Pure Java. */
public final class KnowledgeTransferCalculator {
    private KnowledgeTransferCalculator() {
    }

    /** The row's keys and descriptors. */
    public record Key(String cohortId, String role, String skillId, String source, String domain,
            boolean expectedLearner, double maxScore) {
    }

    public static MetricRow summarise(Key key, List<LearnerScores> people, int minGroupSize) {
        List<LearnerScores> paired = people.stream().filter(LearnerScores::paired).toList();
        int n = paired.size();
        double[] pre = new double[n];
        double[] post = new double[n];
        double[] gain = new double[n];
        int improved = 0;
        for (int i = 0; i < n; i++) {
            pre[i] = paired.get(i).pre();
            post[i] = paired.get(i).post();
            gain[i] = post[i] - pre[i];
            if (gain[i] > 0) {
                improved++;
            }
        }
        MetricRow.Builder b = MetricTables.KNOWLEDGE_TRANSFER.newRow()
                .set("cohort_id", key.cohortId()).set("role", key.role()).set("skill_id", key.skillId())
                .set("source", key.source()).set("domain", key.domain()).set("expected_learner", key.expectedLearner())
                .set("n", (long) n).set("suppressed", false);
        if (n == 0) {
            return b.build();
        }
        TTest.Result t = TTest.oneSample(gain);
        double meanPre = Summary.mean(pre);
        double meanPost = Summary.mean(post);
        Double dz = EffectSizes.dz(t.mean(), t.sd());
        List<LearnerScores> all3 = paired.stream().filter(p -> p.followup() != null).toList();
        Double retained = null;
        if (all3.size() >= minGroupSize) {
            double kept = 0;
            double gained = 0;
            for (LearnerScores p : all3) {
                kept += p.followup() - p.pre();
                gained += p.post() - p.pre();
            }
            retained = gained <= 0 ? null : kept / gained;
        }
        return b.set("mean_pre", meanPre)
                .set("mean_post", meanPost)
                .set("mean_gain", t.mean())
                .set("sd_gain", t.sd())
                .set("ci_low", t.ciLow())
                .set("ci_high", t.ciHigh())
                .set("t_stat", t.t())
                .set("p_value", t.p())
                .set("effect_dz", dz)
                .set("hedges_gz", EffectSizes.gz(dz, n))
                .set("hake_gain", EffectSizes.hake(meanPre, meanPost, key.maxScore()))
                .set("pct_improved", 100.0 * improved / n)
                .set("n_followup", (long) all3.size())
                .set("retained_share", retained)
                .build();
    }
}
