package io.flipside.pipeline;

import static java.util.Objects.requireNonNull;

import io.flipside.config.FlipsideConfig;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * One scheduled run: where to read and write, the effective configuration (with its as-of date set),
 * the Spark master and the date printed in the reports.
 */
public record RunRequest(Path input, Path output, FlipsideConfig config, String master, LocalDate reportDate) {
    public RunRequest {
        requireNonNull(input, "input");
        requireNonNull(output, "output");
        requireNonNull(config, "config");
        requireNonNull(config.asOf(), "config.asOf");
        requireNonNull(master, "master");
        requireNonNull(reportDate, "reportDate");
    }
}
