package io.flipside.testing;

import io.flipside.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole {@code run} command on the hand-made data set {@code src/test/resources/tiny} at as-of
 * 2026-03-31, once per test JVM; golden tests of several tables read its output.
 */
public final class TinyRun {
    public static final String AS_OF = "2026-03-31";
    private static Path output;

    private TinyRun() {
    }

    /** The published output folder; the shared Spark session must be up (use {@link WithSpark}). */
    public static synchronized Path output() {
        if (output == null) {
            try {
                Path dir = Files.createTempDirectory("flipside-tiny");
                Path out = dir.resolve("out");
                StringWriter err = new StringWriter();
                int exit = Main.execute(new String[] {"run", "--input", "src/test/resources/tiny", "--output",
                    out.toString(), "--as-of", AS_OF, "--report-date", "2026-04-02"}, new PrintWriter(new StringWriter()),
                        new PrintWriter(err));
                if (exit != 0) {
                    throw new IllegalStateException("tiny run failed (" + exit + "): " + err);
                }
                output = out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return output;
    }
}
