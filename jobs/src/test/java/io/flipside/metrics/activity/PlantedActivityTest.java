package io.flipside.metrics.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flipside.sample.GeneratorOptions;
import io.flipside.sample.PlantedEffects;
import io.flipside.tables.MetricRow;
import io.flipside.testing.GeneratedInputs;
import io.flipside.testing.WithSpark;
import java.nio.file.Path;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The activity job recovers the generator's planted reciprocity and event rate (PlantedEffects), scale 2. */
@ExtendWith(WithSpark.class)
class PlantedActivityTest {
    @Test
    void reciprocityAndEventRateAreRecovered(SparkSession spark, @TempDir Path tmp) {
        GeneratedInputs.Ingested data = GeneratedInputs.generate(spark, GeneratorOptions.of(2, 5), tmp,
                Set.of("activity_events"));
        MetricRow all = ActivityJob.compute(data.inputs()).get(0).rows().stream()
                .filter(r -> r.getString("cohort_id").equals("ALL")).findFirst().orElseThrow();
        data.ingest().release();

        // Each pair's mentee writes a share p ~ U(0.2, 0.5) of its events: E[min/max] = E[p / (1 - p)] = 0.567.
        // About 300 pairs, the index's SD over pairs is ~0.2, so its mean has SE ~0.012.
        assertThat(PlantedEffects.expectedReciprocity()).isCloseTo(0.5667, within(0.0001));
        assertThat(all.getDouble("reciprocity_index")).isCloseTo(PlantedEffects.expectedReciprocity(), within(0.04));
        // 12 events a pair-week at propensity 1, propensity ~ U(0.6, 1.2): 10.8 a pair-week
        double rate = PlantedEffects.EVENTS_PER_PAIR_WEEK * (PlantedEffects.PROPENSITY_LOW + PlantedEffects.PROPENSITY_HIGH) / 2;
        assertThat(all.getDouble("events_per_pair_week")).isCloseTo(rate, within(rate * 0.1));
    }
}
