package io.flipside.testing;

import io.flipside.config.FlipsideConfig;
import io.flipside.files.Folders;
import io.flipside.ingest.Datasets;
import io.flipside.ingest.Ingest;
import io.flipside.ingest.IngestResult;
import io.flipside.ingest.InputFile;
import io.flipside.ingest.InputLocator;
import io.flipside.metrics.MetricInputs;
import io.flipside.privacy.Pseudonymizer;
import io.flipside.sample.GeneratorOptions;
import io.flipside.sample.SampleDataGenerator;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/**
 * Generated data, ingested, as the metric jobs see it: for tests that recover planted effects. Only
 * the datasets a test names (plus the required ones) are kept, so ingest does no work it does not need.
 */
public final class GeneratedInputs {
    private GeneratedInputs() {
    }

    /** Call {@link IngestResult#release()} on {@code ingest} when done. */
    public record Ingested(MetricInputs inputs, IngestResult ingest) {
    }

    public static Ingested generate(SparkSession spark, GeneratorOptions options, Path dir, Set<String> datasets) {
        return generate(spark, options, dir, datasets, FlipsideConfig.defaults());
    }

    /** With a configuration of the test's own; its as-of date is set to the generator's. */
    public static Ingested generate(SparkSession spark, GeneratorOptions options, Path dir, Set<String> datasets,
            FlipsideConfig config) {
        new SampleDataGenerator(options).writeTo(dir);
        for (var schema : Datasets.ALL) {
            if (!schema.required() && !datasets.contains(schema.name())) {
                for (InputFile f : InputLocator.locate(dir, schema.name())) {
                    Folders.delete(Path.of(f.path()));
                }
                Folders.delete(dir.resolve(schema.name()));
            }
        }
        return ingest(spark, dir, config.withAsOf(options.asOf()));
    }

    /** Any input folder, ingested as a run at the configuration's as-of date would. */
    public static Ingested ingest(SparkSession spark, Path dir, FlipsideConfig config) {
        return ingest(spark, dir, config, Pseudonymizer.withKey("test"));
    }

    /** The same, pseudonymised with a key of the test's own. */
    public static Ingested ingest(SparkSession spark, Path dir, FlipsideConfig config, Pseudonymizer pseudonymizer) {
        LocalDate asOf = config.asOf();
        IngestResult ingest = new Ingest(spark, pseudonymizer).run(dir, asOf);
        return new Ingested(new MetricInputs(asOf, config, ingest.curated()), ingest);
    }
}
