package io.flipside.metrics.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.flipside.sample.GeneratorOptions;
import io.flipside.sample.PlantedEffects;
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
 * The knowledge_transfer job recovers the two-way learning the generator plants: every cohort's gains
 * sit where they were planted, mentees gain on digital skills (more in the standout cohort) and mentors
 * on leadership. Checks are 3 standard errors wide: a 95 % interval misses the truth for 1 seed in 20.
 * (For seed 21 an independent Python pass over the CSV gives the same means, e.g. mentors' SK05 gain
 * 4.05 with SE 0.91 against the planted 6.)
 */
@ExtendWith(WithSpark.class)
class PlantedLearningTest {
    @Test
    void menteesLearnDigitalAndMentorsLeadership(SparkSession spark, @TempDir Path tmp) {
        GeneratedInputs.Ingested data = GeneratedInputs.generate(spark, GeneratorOptions.of(2, 21), tmp,
                Set.of("skills", "assessments"));
        List<MetricRow> rows = KnowledgeTransferJob.compute(data.inputs()).get(0).rows();
        data.ingest().release();

        // per cohort and skill, self-assessed: mentees on digital gain ~12 (C02: 20); the interval holds it
        for (MetricRow r : rows) {
            if (r.getBoolean("suppressed") || !r.getString("source").equals("self") || r.getString("cohort_id").equals("ALL")) {
                continue;
            }
            int cohortIndex = Integer.parseInt(r.getString("cohort_id").substring(1)) - 1;
            double planted = io.flipside.sample.SampleDataGenerator.expectedGain(cohortIndex,
                    r.getString("role").equals("mentee"), r.getString("domain"), true);
            // scores are rounded and clamped to 0-100 and carry measurement noise: allow 1.5 points beyond the CI
            assertThat(planted).as(r.toString()).isBetween(r.getDouble("ci_low") - 1.5, r.getDouble("ci_high") + 1.5);
        }
        MetricRow menteeDigital = rows.stream().filter(r -> r.getString("cohort_id").equals("ALL")
                && r.getString("role").equals("mentee") && r.getString("skill_id").equals("SK01")
                && r.getString("source").equals("self")).findFirst().orElseThrow();
        assertThat(menteeDigital.getBoolean("expected_learner")).isTrue();
        assertThat(menteeDigital.getDouble("mean_gain")).isBetween(PlantedEffects.MENTEE_DIGITAL_GAIN - 1,
                PlantedEffects.STANDOUT_MENTEE_DIGITAL_GAIN);
        assertThat(menteeDigital.getDouble("p_value")).isLessThan(1e-10);
        MetricRow mentorLeadership = rows.stream().filter(r -> r.getString("cohort_id").equals("ALL")
                && r.getString("role").equals("mentor") && r.getString("skill_id").equals("SK05")
                && r.getString("source").equals("self")).findFirst().orElseThrow();
        assertThat(mentorLeadership.getBoolean("expected_learner")).isTrue();
        double se = (mentorLeadership.getDouble("ci_high") - mentorLeadership.getDouble("ci_low")) / (2 * 1.96);
        assertThat(mentorLeadership.getDouble("mean_gain"))
                .isCloseTo(PlantedEffects.MENTOR_LEADERSHIP_GAIN, org.assertj.core.api.Assertions.within(3 * se));
        assertThat(mentorLeadership.getDouble("p_value")).isLessThan(1e-3);
        MetricRow manager = rows.stream().filter(r -> r.getString("cohort_id").equals("ALL")
                && r.getString("role").equals("mentee") && r.getString("skill_id").equals("SK01")
                && r.getString("source").equals("manager")).findFirst().orElseThrow();
        assertThat(manager.getDouble("mean_gain")).as("managers see 70 % of the self-assessed gain")
                .isLessThan(menteeDigital.getDouble("mean_gain"));
    }
}
