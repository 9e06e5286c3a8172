package io.flipside.pipeline;

import io.flipside.FlipsideException;
import io.flipside.concurrent.Parallel;
import io.flipside.config.FlipsideConfig;
import io.flipside.ingest.DatasetSummary;
import io.flipside.ingest.Ingest;
import io.flipside.ingest.IngestOutputs;
import io.flipside.ingest.IngestResult;
import io.flipside.metrics.MetricSuite;
import io.flipside.privacy.Pseudonymizer;
import io.flipside.quality.QualityGate;
import io.flipside.report.Reports;
import io.flipside.report.ReportInputs;
import io.flipside.tables.Codebook;
import io.flipside.tables.MetricTable;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The scheduled job of SPEC §1 {@code run}: ingest and validate, stop at the reject threshold, compute
 * the metrics, render the reports, write the manifest, publish atomically.
 */
public final class Pipeline {
    private final SparkSession spark;
    private final Pseudonymizer pseudonymizer;
    private final PrintStream out;

    public Pipeline(SparkSession spark, Pseudonymizer pseudonymizer, PrintStream out) {
        this.spark = spark;
        this.pseudonymizer = pseudonymizer;
        this.out = out;
    }

    /** What a successful run published. */
    public record Outcome(Path output, List<Path> reports, Map<String, DatasetSummary> datasets) {
    }

    public Outcome run(RunRequest req) {
        FlipsideConfig config = req.config();
        String runId = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now())
                + "-" + UUID.randomUUID().toString().substring(0, 8);
        String period = Period.of(config.asOf());
        Manifest manifest = new Manifest(runId, config, period, spark.version(), pseudonymizer.stable());
        OutputPublisher publisher = new OutputPublisher(req.output());
        publisher.recover();
        publisher.requireReplaceable();
        Path staging = publisher.beginStaging();
        try {
            // each dataset's curated and quarantined rows are written as it is read, while later datasets are
            // still being read; when the gate then fails, the staging folder with them is abandoned, so
            // nothing is published either way
            Path quarantine = QualityWriter.ownerOnlyFolder(staging.resolve("quality").resolve("quarantine"));
            IngestResult ingest = new Ingest(spark, pseudonymizer).run(req.input(), config.asOf(),
                    new IngestOutputs(staging.resolve("curated"), quarantine));
            ingest.summaries().values().forEach(manifest::dataset);
            QualityWriter.ownerOnly(quarantine);
            QualityWriter.writeSummary(ingest.summaries(), staging.resolve("quality").resolve("summary.csv"));
            manifest.stage("ingest", ingest.checkMillis());
            printIngest(ingest.summaries());

            Optional<DatasetSummary> over = QualityGate.worst(ingest.summaries().values(), config.maxRejectRatio());
            if (over.isPresent()) {
                fail(manifest, publisher, staging, runId);
                throw new FlipsideException(FlipsideException.DATA_QUALITY, QualityGate.describe(over.get(),
                        config.maxRejectRatio()) + "; nothing published, see " + req.output().resolve(OutputPublisher.FAILED).resolve(runId));
            }

            // metrics read the curated Parquet just written: columnar and pruned to what each job needs
            Map<String, Dataset<Row>> curated = ingest.curated();
            manifest.stageStarted("metrics");
            MetricSuite.Result metrics = MetricSuite.computeWithKpis(config, curated);
            Path metricsDir = Files.createDirectories(staging.resolve("metrics"));
            Map<String, MetricTable> tables = new LinkedHashMap<>();
            Parallel.forEach(metrics.tables(), t -> MetricWriter.write(t, metricsDir));
            for (MetricTable t : metrics.tables()) {
                manifest.table(t.def().name(), t.rows().size());
                tables.put(t.def().name(), t);
            }
            Files.writeString(metricsDir.resolve("CODEBOOK.md"), Codebook.markdown(metrics.tables().stream()
                    .map(MetricTable::def).toList()), java.nio.charset.StandardCharsets.UTF_8);
            metrics.skipped().forEach(manifest::skipped);
            metrics.millis().forEach((name, ms) -> manifest.stage("metrics." + name, ms));
            manifest.stageFinished("metrics");

            manifest.stageStarted("reports");
            ReportInputs reportInputs = new ReportInputs(config.organisation(), config.asOf(), period, req.reportDate(),
                    config.inactiveAfterDays(), tables, ReportInputsFactory.quality(ingest.summaries()), metrics.skipped());
            List<Path> reports = new ArrayList<>();
            Path reportsDir = Files.createDirectories(staging.resolve("reports"));
            for (Path report : Reports.renderAll(reportInputs, reportsDir)) {
                manifest.report("reports/" + report.getFileName());
                reports.add(req.output().resolve("reports").resolve(report.getFileName()));
            }
            manifest.stageFinished("reports");

            manifest.status("succeeded");
            manifest.writeTo(staging.resolve(OutputPublisher.MANIFEST));
            publisher.publish();
            return new Outcome(req.output(), reports, ingest.summaries());
        } catch (IOException e) {
            publisher.abandon();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            publisher.abandon();
            throw e;
        }
    }

    private void fail(Manifest manifest, OutputPublisher publisher, Path staging, String runId) {
        Path failed = publisher.output().resolve(OutputPublisher.FAILED).resolve(runId);
        try {
            Files.createDirectories(failed);
            Path quarantine = staging.resolve("quality");
            if (Files.exists(quarantine)) {
                Files.move(quarantine, failed.resolve("quality"));
            }
            manifest.status("failed: data quality");
            manifest.writeTo(failed.resolve(OutputPublisher.MANIFEST));
            QualityWriter.ownerOnly(failed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write diagnostics to " + failed, e);
        }
    }

    private void printIngest(Map<String, DatasetSummary> summaries) {
        long read = 0;
        long quarantined = 0;
        for (DatasetSummary s : summaries.values()) {
            read += s.rowsRead();
            quarantined += s.rowsQuarantined();
        }
        out.printf(java.util.Locale.ROOT, "ingest: %,d rows read, %,d quarantined (%.2f%%)%n", read, quarantined,
                read == 0 ? 0.0 : 100.0 * quarantined / read);
    }
}
