package io.flipside.metrics.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flipside.config.FlipsideConfig;
import io.flipside.ingest.Ingest;
import io.flipside.ingest.IngestResult;
import io.flipside.metrics.MetricInputs;
import io.flipside.privacy.Pseudonymizer;
import io.flipside.sample.GeneratorOptions;
import io.flipside.sample.PlantedEffects;
import io.flipside.sample.SampleDataGenerator;
import io.flipside.tables.MetricRow;
import io.flipside.testing.WithSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The activity job recovers the generator's planted reciprocity and event rate (PlantedEffects), scale 2. */
@ExtendWith(WithSpark.class)
class PlantedActivityTest {
    @Test
    void reciprocityAndEventRateAreRecovered(SparkSession spark, @TempDir Path tmp) throws IOException {
        GeneratorOptions options = GeneratorOptions.of(2, 5);
        new SampleDataGenerator(options).writeTo(tmp);
        for (String other : List.of("sessions.csv", "survey_items.csv", "survey_responses.csv", "skills.csv",
                "assessments.csv", "job_events.csv")) {
            Files.delete(tmp.resolve(other));
        }
        IngestResult ingest = new Ingest(spark, Pseudonymizer.withKey("k")).run(tmp, options.asOf());
        Map<String, Dataset<Row>> curated = new HashMap<>();
        ingest.summaries().keySet().forEach(n -> ingest.curated(n).ifPresent(d -> curated.put(n, d)));
        MetricInputs in = new MetricInputs(options.asOf(), FlipsideConfig.defaults().withAsOf(options.asOf()), curated);
        MetricRow all = ActivityJob.compute(in).get(0).rows().stream()
                .filter(r -> r.getString("cohort_id").equals("ALL")).findFirst().orElseThrow();
        ingest.release();

        // Each pair's mentee writes a share p ~ U(0.2, 0.5) of its events: E[min/max] = E[p / (1 - p)] = 0.567.
        // About 300 pairs, the index's SD over pairs is ~0.2, so its mean has SE ~0.012.
        assertThat(PlantedEffects.expectedReciprocity()).isCloseTo(0.5667, within(0.0001));
        assertThat(all.getDouble("reciprocity_index")).isCloseTo(PlantedEffects.expectedReciprocity(), within(0.04));
        // 12 events a pair-week at propensity 1, propensity ~ U(0.6, 1.2): 10.8 a pair-week
        double rate = PlantedEffects.EVENTS_PER_PAIR_WEEK * (PlantedEffects.PROPENSITY_LOW + PlantedEffects.PROPENSITY_HIGH) / 2;
        assertThat(all.getDouble("events_per_pair_week")).isCloseTo(rate, within(rate * 0.1));
    }
}
