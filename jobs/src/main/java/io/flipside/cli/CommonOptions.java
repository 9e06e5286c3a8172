package io.flipside.cli;

import io.flipside.FlipsideException;
import io.flipside.config.ConfigLoader;
import io.flipside.config.FlipsideConfig;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Option;

/** Options several commands share, and how they combine with the config file. */
final class CommonOptions {
    @Option(names = "--verbose", description = "Show Spark's and Hadoop's logs and stack traces.")
    boolean verbose;

    static FlipsideConfig config(Path file) {
        return file == null ? FlipsideConfig.defaults() : ConfigLoader.load(file);
    }

    /** --as-of, else the config's as_of, else today (UTC). */
    static LocalDate asOf(String option, FlipsideConfig config) {
        if (option != null) {
            return date("--as-of", option);
        }
        return config.asOf() != null ? config.asOf() : LocalDate.now(ZoneOffset.UTC);
    }

    static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw FlipsideException.usage(name + " must be a date YYYY-MM-DD, got '" + value + "'");
        }
    }
}
