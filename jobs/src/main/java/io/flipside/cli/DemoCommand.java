package io.flipside.cli;

import io.flipside.FlipsideException;
import io.flipside.config.ConfigLoader;
import io.flipside.config.FlipsideConfig;
import io.flipside.pipeline.RunRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs the whole pipeline on the committed sample data at the sample's own as-of date.")
final class DemoCommand implements Callable<Integer> {
    /** Set by bin/flipside to the repository root; the sample lives in sample-data/data there. */
    static final String HOME_PROPERTY = "flipside.home";

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "out/demo", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--report-date", paramLabel = "YYYY-MM-DD", description = "Date printed in the reports (default: today).")
    String reportDate;

    @Override
    public Integer call() {
        Path sample = Path.of(System.getProperty(HOME_PROPERTY, ".")).resolve("sample-data").resolve("data");
        if (!Files.isDirectory(sample)) {
            throw FlipsideException.input("the sample data folder " + sample.toAbsolutePath()
                    + " is missing; run from the repository root or through bin/flipside");
        }
        FlipsideConfig c = ConfigLoader.load(sample.resolve("flipside.yaml"));
        LocalDate rd = reportDate == null ? LocalDate.now(ZoneOffset.UTC) : CommonOptions.date("--report-date", reportDate);
        return PipelineLauncher.launch(new RunRequest(sample, output, c, "local[*]", rd), common.verbose,
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
