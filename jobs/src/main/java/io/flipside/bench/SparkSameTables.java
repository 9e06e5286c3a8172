package io.flipside.bench;

import static java.util.Objects.requireNonNull;

import io.flipside.concurrent.Parallel;
import io.flipside.config.FlipsideConfig;
import io.flipside.files.Folders;
import io.flipside.ingest.DatasetSchema;
import io.flipside.ingest.Ingest;
import io.flipside.ingest.IngestOutputs;
import io.flipside.ingest.IngestResult;
import io.flipside.metrics.MetricInputs;
import io.flipside.metrics.activity.ActivityJob;
import io.flipside.metrics.engagement.EngagementJob;
import io.flipside.metrics.survey.SurveyJob;
import io.flipside.privacy.Pseudonymizer;
import io.flipside.tables.MetricTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * Spark computing {@link DuckDbReference}'s tables from the same inputs, timed as DuckDB's computation is:
 * the ingest of the seven datasets those tables read (checked, pseudonymised and written as curated and
 * quarantined Parquet, as a run writes them), then the engagement and activity jobs and the survey job's
 * {@code survey_items} table together, as a run computes its metric jobs, all in one session of the
 * calling process.
 *
 * <p>The ingest reads a folder of links to the input's entries for those datasets, so it is the product's
 * own ingest on an input that holds only them; skills, assessments and job events, which a run also
 * checks, are not read.
 */
public final class SparkSameTables {
    /**
     * One computation.
     *
     * @param ingestMillis the ingest's wall time, until every dataset was checked and written
     * @param totalMillis  the ingest and the three computations after it
     * @param tables       the tables computed, in {@link DuckDbReference#TABLES} order
     */
    public record Result(long ingestMillis, long totalMillis, List<MetricTable> tables) {
        public Result {
            tables = List.copyOf(tables);
        }
    }

    private static final List<Function<MetricInputs, List<MetricTable>>> JOBS = List.of(
            EngagementJob::compute, ActivityJob::compute, in -> List.of(SurveyJob.items(in)));

    private final SparkSession spark;
    private final FlipsideConfig config;
    private final Pseudonymizer pseudonymizer;

    public SparkSameTables(SparkSession spark, FlipsideConfig config, Pseudonymizer pseudonymizer) {
        this.spark = requireNonNull(spark, "spark");
        this.config = requireNonNull(config, "config");
        this.pseudonymizer = requireNonNull(pseudonymizer, "pseudonymizer");
    }

    /**
     * Computes the tables from {@code input} once, in {@code scratch}, a folder that must not exist and is
     * deleted before this returns (the links in it, not what they point to).
     */
    public Result computeOnce(Path input, Path scratch) {
        try {
            Path links = linkDatasets(input, scratch.resolve("input"));
            long start = System.nanoTime();
            IngestResult ingest = new Ingest(spark, pseudonymizer).run(links, config.asOf(),
                    new IngestOutputs(scratch.resolve("curated"), scratch.resolve("quarantine")));
            MetricInputs in = new MetricInputs(config.asOf(), config, ingest.curated());
            Map<String, MetricTable> tables = new ConcurrentHashMap<>();
            Parallel.forEach(JOBS, job -> job.apply(in).forEach(t -> tables.put(t.def().name(), t)));
            long total = (System.nanoTime() - start) / 1_000_000;
            return new Result(ingest.checkMillis(), total,
                    DuckDbReference.TABLES.stream().map(def -> tables.get(def.name())).toList());
        } finally {
            Folders.delete(scratch);
        }
    }

    /**
     * A folder holding a link to each of {@code input}'s entries ({@code NAME.csv}, {@code NAME/}, ...) of
     * the datasets DuckDB's reference reads.
     */
    static Path linkDatasets(Path input, Path links) {
        try {
            Files.createDirectories(links);
            try (Stream<Path> entries = Files.list(input)) {
                for (Path entry : entries.toList()) {
                    if (DuckDbReference.DATASETS.stream().map(DatasetSchema::name).anyMatch(n -> isEntryOf(entry, n))) {
                        Files.createSymbolicLink(links.resolve(entry.getFileName()), entry.toAbsolutePath());
                    }
                }
            }
            return links;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot link the input's datasets into " + links, e);
        }
    }

    private static boolean isEntryOf(Path entry, String dataset) {
        String name = entry.getFileName().toString();
        return name.equals(dataset) || name.startsWith(dataset + ".");
    }
}
