package io.flipside.cli;

import io.flipside.FlipsideException;
import io.flipside.config.FlipsideConfig;
import io.flipside.ingest.DatasetSummary;
import io.flipside.ingest.Ingest;
import io.flipside.ingest.IngestResult;
import io.flipside.privacy.Pseudonymizer;
import io.flipside.quality.QualityGate;
import io.flipside.spark.SparkSessions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Data-quality check only: prints a per-dataset summary and keeps nothing (rows are checked"
                + " through a temporary folder, deleted after). Exits like run would.")
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--input", required = true, paramLabel = "DIR", description = "Folder of input datasets.")
    Path input;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file.")
    Path config;

    @Override
    public Integer call() {
        FlipsideConfig c = CommonOptions.config(config);
        c = c.withAsOf(CommonOptions.asOf(null, c));
        Logging.configure(common.verbose);
        try (SparkSessions.Handle session = SparkSessions.open("local[*]", 4)) {
            SparkSession spark = session.spark();
            IngestResult result = new Ingest(spark, Pseudonymizer.randomKey()).run(input, c.asOf());
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "%-17s %12s %12s %12s  %s%n", "dataset", "read", "valid", "quarantined", "top reasons");
            for (DatasetSummary s : result.summaries().values()) {
                if (!s.present()) {
                    out.printf(Locale.ROOT, "%-17s %12s%n", s.dataset(), "absent");
                    continue;
                }
                String reasons = String.join(", ", s.reasons().entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                        .limit(3).map(e -> e.getKey() + "=" + e.getValue()).toList());
                out.printf(Locale.ROOT, "%-17s %,12d %,12d %,12d  %s%n", s.dataset(), s.rowsRead(), s.rowsValid(),
                        s.rowsQuarantined(), reasons);
            }
            result.release();
            var over = QualityGate.worst(result.summaries().values(), c.maxRejectRatio());
            if (over.isPresent()) {
                throw new FlipsideException(FlipsideException.DATA_QUALITY, QualityGate.describe(over.get(),
                        c.maxRejectRatio()));
            }
            return 0;
        }
    }
}
