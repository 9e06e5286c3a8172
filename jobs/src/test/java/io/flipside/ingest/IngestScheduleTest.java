package io.flipside.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.flipside.privacy.Pseudonymizer;
import io.flipside.sample.GeneratorOptions;
import io.flipside.sample.SampleDataGenerator;
import io.flipside.testing.WithSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The order the ingest hands its datasets' jobs to Spark in. */
@ExtendWith(WithSpark.class)
class IngestScheduleTest {
    @Test
    void theBiggestDatasetNothingWaitsForIsSubmittedBeforeTheOthersNothingWaitsFor(SparkSession spark,
            @TempDir Path tmp) throws Exception {
        Path input = tmp.resolve("input");
        new SampleDataGenerator(GeneratorOptions.of(1, 3)).writeTo(input);
        List<String> jobs = new CopyOnWriteArrayList<>();
        SparkListener listener = new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart start) {
                String description = start.properties().getProperty("spark.job.description", "");
                if (description.startsWith("ingest ") && !jobs.contains(description)) {
                    jobs.add(description);
                }
            }
        };
        spark.sparkContext().addSparkListener(listener);
        try {
            // every dataset in a Spark job (none read on the driver), twice, as the race was not lost every time
            for (int run = 0; run < 2; run++) {
                jobs.clear();
                IngestOutputs out = new IngestOutputs(tmp.resolve("out" + run + "/curated"),
                        Files.createDirectories(tmp.resolve("out" + run + "/quarantine")));
                new Ingest(spark, Pseudonymizer.withKey("k"), 0).run(input, LocalDate.of(2026, 9, 30), out).release();
                spark.sparkContext().listenerBus().waitUntilEmpty();

                int events = jobs.indexOf("ingest activity_events");
                assertThat(events).as("jobs " + jobs).isNotNegative();
                for (String other : List.of("sessions", "survey_responses", "assessments", "job_events")) {
                    assertThat(jobs.indexOf("ingest " + other)).as(other + " after the activity events in " + jobs)
                            .isGreaterThan(events);
                }
            }
        } finally {
            spark.sparkContext().removeSparkListener(listener);
        }
    }
}
