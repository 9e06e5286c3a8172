package io.flipside.metrics.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.flipside.sample.GeneratorOptions;
import io.flipside.sample.PlantedEffects;
import io.flipside.stats.CoxModel;
import io.flipside.tables.MetricRow;
import io.flipside.testing.GeneratedInputs;
import io.flipside.testing.WithSpark;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retention metrics recover what the generator plants at scale 10 (20,000 employees): taking part
 * multiplies the voluntary leaving hazard by {@link PlantedEffects#PARTICIPANT_HAZARD_RATIO} and raises
 * the promotion rate from {@link PlantedEffects#PROMOTION_RATE} to
 * {@link PlantedEffects#PARTICIPANT_PROMOTION_RATE} a year.
 */
@ExtendWith(WithSpark.class)
class PlantedRetentionTest {
    @Test
    void participantsLeaveLessAndArePromotedMore(SparkSession spark, @TempDir Path tmp) {
        GeneratedInputs.Ingested data = GeneratedInputs.generate(spark, GeneratorOptions.of(10, 10), tmp,
                Set.of("job_events"));
        RetentionSubjects subjects = RetentionSubjects.of(data.inputs());
        List<MetricRow> tests = RetentionJob.compute(data.inputs()).get(2).rows();
        List<MetricRow> promotion = PromotionJob.compute(data.inputs()).get(0).rows();
        data.ingest().release();

        // every cohort's own Cox model: participants' hazard ratio below 1
        for (MetricRow t : tests) {
            if (t.getString("contrast").equals("participant_vs_comparison") && t.getDouble("hazard_ratio") != null) {
                assertThat(t.getDouble("hazard_ratio")).as(t.toString()).isLessThan(1);
            }
        }
        // all cohorts stacked, the model of retention_tests: the interval holds the planted ratio
        List<Subject> s = subjects.subjects();
        int[] time = s.stream().mapToInt(Subject::time).toArray();
        boolean[] event = new boolean[s.size()];
        double[][] x = new double[s.size()][];
        for (int i = 0; i < s.size(); i++) {
            event[i] = s.get(i).event();
            x[i] = new double[] {s.get(i).in(Subject.PARTICIPANT) ? 1 : 0, s.get(i).jobLevel(), s.get(i).tenureYears()};
        }
        CoxModel.Coefficient hr = CoxModel.fit(time, event, x, List.of("in_group", "job_level", "tenure_years"))
                .coefficient("in_group");
        assertThat(PlantedEffects.PARTICIPANT_HAZARD_RATIO).isBetween(hr.ciLow(), hr.ciHigh());
        assertThat(hr.ciHigh()).isLessThan(1);
        // Seed 10 gave HR 0.599 (0.527-0.682) pooled, and 0.44-0.78 per cohort.

        // Promotions: at these small yearly rates the ratio of the shares promoted within a year is close to
        // the ratio of the rates, 0.16 / 0.10; its 95 % interval (log scale, Katz) holds 1.6. Seed 10: 1.57.
        MetricRow participants = all(promotion, Subject.PARTICIPANT);
        MetricRow comparison = all(promotion, Subject.COMPARISON);
        double ratio = participants.getDouble("promotion_rate") / comparison.getDouble("promotion_rate");
        double seLog = Math.sqrt(1.0 / participants.getLong("promoted_365") - 1.0 / participants.getLong("n")
                + 1.0 / comparison.getLong("promoted_365") - 1.0 / comparison.getLong("n"));
        assertThat(PlantedEffects.PARTICIPANT_PROMOTION_RATE / PlantedEffects.PROMOTION_RATE)
                .isBetween(ratio * Math.exp(-1.96 * seLog), ratio * Math.exp(1.96 * seLog));
    }

    private static MetricRow all(List<MetricRow> rows, String group) {
        return rows.stream().filter(r -> r.getString("cohort_id").equals("ALL") && r.getString("group").equals(group))
                .findFirst().orElseThrow();
    }
}
