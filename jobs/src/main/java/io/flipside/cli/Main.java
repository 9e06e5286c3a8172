package io.flipside.cli;

import io.flipside.FlipsideException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The {@code flipside} entry point. Maps every failure to the exit codes of SPEC §1 and one line a
 * person can act on; {@code --verbose} adds the stack trace.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line and returns its exit code; the tests call this directly. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
        CommandLine cli = new CommandLine(new FlipsideCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            err.println("flipside: " + ex.getMessage().lines().findFirst().orElse("") + " (see '"
                    + c.getCommandSpec().qualifiedName() + " --help')");
            return FlipsideException.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, c, parsed) -> {
            FlipsideException known = find(ex);
            if (known != null) {
                err.println("flipside: " + known.getMessage());
                if (verbose) {
                    ex.printStackTrace(err);
                }
                return known.exitCode();
            }
            err.println("flipside: unexpected error: " + ex.getClass().getName() + ": "
                    + String.valueOf(ex.getMessage()).lines().findFirst().orElse("")
                    + (verbose ? "" : " (run with --verbose for details)"));
            if (verbose) {
                ex.printStackTrace(err);
            }
            return 1;
        });
        return cli.execute(args);
    }

    /** Spark wraps a task's exception in its own; the cause chain still holds ours. */
    static FlipsideException find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof FlipsideException f) {
                return f;
            }
        }
        return null;
    }
}
