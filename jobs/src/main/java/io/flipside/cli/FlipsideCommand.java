package io.flipside.cli;

import picocli.CommandLine.Command;

/** The top-level command: a list of subcommands. */
@Command(name = "flipside", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Analytics and reports for reverse-mentoring programmes.",
        subcommands = {DemoCommand.class, RunCommand.class, ValidateCommand.class, ReportCommand.class,
            GenerateCommand.class, BenchCommand.class},
        footer = {"", "Exit codes: 0 success, 2 usage or config error, 3 data-quality threshold exceeded,",
            "4 input missing or unreadable, 1 anything unexpected."})
public final class FlipsideCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }
}
