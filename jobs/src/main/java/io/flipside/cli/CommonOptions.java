package io.flipside.cli;

import io.flipside.FlipsideException;
import io.flipside.config.ConfigLoader;
import io.flipside.config.FlipsideConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

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

    /** A generator scale given as {@code --scale}: 1 or more, else a usage error of {@code spec}'s command. */
    static int scale(CommandSpec spec, int scale) {
        if (scale < 1) {
            throw new ParameterException(spec.commandLine(), "--scale must be 1 or more, got " + scale);
        }
        return scale;
    }

    /** A folder option ({@code --output}, {@code --work}): absent or a folder, else a usage error of {@code spec}'s command. */
    static Path folder(CommandSpec spec, String name, Path value) {
        if (Files.exists(value) && !Files.isDirectory(value)) {
            throw new ParameterException(spec.commandLine(), name + " " + value + " is a file, not a folder");
        }
        return value;
    }

    static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw FlipsideException.usage(name + " must be a date YYYY-MM-DD, got '" + value + "'");
        }
    }
}
