package io.flipside;

/**
 * A failure a person can act on, carrying the process exit code of SPEC §1. The message is one line
 * that names the file, line, column and what was expected, where those are known.
 */
public class FlipsideException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Usage or configuration error. */
    public static final int USAGE = 2;
    /** A data-quality threshold was exceeded. */
    public static final int DATA_QUALITY = 3;
    /** An input is missing or unreadable. */
    public static final int INPUT = 4;

    private final int exitCode;

    public FlipsideException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public FlipsideException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    public static FlipsideException usage(String message) {
        return new FlipsideException(USAGE, message);
    }

    public static FlipsideException input(String message) {
        return new FlipsideException(INPUT, message);
    }

    public static FlipsideException input(String message, Throwable cause) {
        return new FlipsideException(INPUT, message, cause);
    }
}
