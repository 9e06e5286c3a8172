package io.flipside.cli;

import io.flipside.config.FlipsideConfig;
import io.flipside.pipeline.RunRequest;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "The scheduled job: ingest, validate, compute the metrics, render the reports, publish.")
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--input", required = true, paramLabel = "DIR", description = "Folder of input datasets.")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "Output folder (published atomically).")
    Path output;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "As-of date (default: config as_of, else today).")
    String asOf;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file.")
    Path config;

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]",
            description = "Spark master (default: ${DEFAULT-VALUE}); spark-submit's --master wins.")
    String master;

    @Option(names = "--report-date", paramLabel = "YYYY-MM-DD",
            description = "Date printed in the reports and their metadata (default: today); fix it for identical PDFs.")
    String reportDate;

    @Override
    public Integer call() {
        FlipsideConfig c = CommonOptions.config(config);
        c = c.withAsOf(CommonOptions.asOf(asOf, c));
        LocalDate rd = reportDate == null ? LocalDate.now(ZoneOffset.UTC) : CommonOptions.date("--report-date", reportDate);
        return PipelineLauncher.launch(new RunRequest(input, output, c, master, rd), common.verbose,
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
