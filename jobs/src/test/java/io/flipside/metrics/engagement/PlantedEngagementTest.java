package io.flipside.metrics.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flipside.metrics.MetricInputs;
import io.flipside.sample.GeneratorOptions;
import io.flipside.sample.PlantedEffects;
import io.flipside.tables.MetricRow;
import io.flipside.tables.MetricTable;
import io.flipside.testing.GeneratedInputs;
import io.flipside.testing.WithSpark;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The engagement job recovers the effects the generator plants (PlantedEffects), at scale 3. */
@ExtendWith(WithSpark.class)
class PlantedEngagementTest {
    @Test
    void attendanceAndCadenceAreRecovered(SparkSession spark, @TempDir Path tmp) {
        GeneratorOptions options = GeneratorOptions.of(3, 11);
        GeneratedInputs.Ingested data = GeneratedInputs.generate(spark, options, tmp, Set.of("sessions"));
        MetricInputs in = data.inputs();
        MetricTable engagement = EngagementJob.compute(in).get(0);
        data.ingest().release();

        MetricRow all = engagement.rows().stream().filter(r -> r.getString("cohort_id").equals("ALL")).findFirst()
                .orElseThrow();
        // about 5,000 scheduled sessions: the binomial SE of 0.85 is 0.005
        assertThat(all.getDouble("attendance_rate")).isCloseTo(PlantedEffects.HELD_SHARE, within(0.02));

        // held per pair-month ~ planned x held share x mean propensity (0.9) x share of pairs that meet (0.96);
        // short spans inflate it a little (the first session comes ~12 days in), hence the wide band
        double expected = PlantedEffects.HELD_SHARE * (PlantedEffects.PROPENSITY_LOW + PlantedEffects.PROPENSITY_HIGH) / 2
                * (1 - PlantedEffects.NEVER_MEET_SHARE);
        List<MetricRow> cohorts = engagement.rows().stream().filter(r -> !r.getString("cohort_id").equals("ALL")).toList();
        assertThat(cohorts).hasSize(options.cohorts());
        for (MetricRow r : cohorts) {
            double planned = in.cohort(r.getString("cohort_id")).planned();
            assertThat(r.getDouble("held_per_pair_month") / planned).as(r.getString("cohort_id"))
                    .isBetween(expected * 0.85, expected * 1.3);
        }
        double twice = cohorts.stream().filter(r -> in.cohort(r.getString("cohort_id")).planned() == 2.0)
                .mapToDouble(r -> r.getDouble("held_per_pair_month")).average().orElseThrow();
        double once = cohorts.stream().filter(r -> in.cohort(r.getString("cohort_id")).planned() == 1.0)
                .mapToDouble(r -> r.getDouble("held_per_pair_month")).average().orElseThrow();
        assertThat(twice / once).as("cohorts planning 2 a month meet about twice as often").isBetween(1.6, 2.4);
        assertThat(all.getDouble("withdrawn_rate")).as("planned withdrawals plus partners leaving").isBetween(0.05, 0.3);
    }
}
