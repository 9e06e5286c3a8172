package io.flipside.cli;

import io.flipside.pipeline.OutputPublisher;
import io.flipside.pipeline.Pipeline;
import io.flipside.pipeline.RunRequest;
import io.flipside.privacy.Pseudonymizer;
import io.flipside.spark.SparkSessions;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** Starts Spark, runs the pipeline and tells the user where the outputs are. Shared by run and demo. */
final class PipelineLauncher {
    private PipelineLauncher() {
    }

    static int launch(RunRequest req, boolean verbose, PrintWriter out, PrintWriter err) {
        Logging.configure(verbose);
        // before Spark starts, so that a wrong --output is told in a moment; the pipeline checks again
        new OutputPublisher(req.output()).requireReplaceable();
        Pseudonymizer pseudonymizer = Pseudonymizer.fromEnvironment();
        if (!pseudonymizer.stable()) {
            err.println("flipside: warning: " + Pseudonymizer.KEY_VARIABLE + " is not set; using a random key, so "
                    + "pseudonyms will not match those of other runs");
        }
        long start = System.nanoTime();
        try (SparkSessions.Handle session = SparkSessions.open(req.master(), 4)) {
            SparkSession spark = session.spark();
            java.io.PrintStream ps = new java.io.PrintStream(new WriterOutputStream(out), true);
            Pipeline.Outcome outcome = new Pipeline(spark, pseudonymizer, ps).run(req);
            out.printf(java.util.Locale.ROOT, "published %s (as of %s) in %.1f s%n", outcome.output(),
                    req.config().asOf(), (System.nanoTime() - start) / 1e9);
            for (Path p : outcome.reports()) {
                out.println("report: " + p);
            }
            out.println("metrics: " + outcome.output().resolve("metrics"));
            out.println("manifest: " + outcome.output().resolve("manifest.json"));
            return 0;
        }
    }

    /** Bridges the pipeline's progress lines onto picocli's writer. */
    private static final class WriterOutputStream extends java.io.OutputStream {
        private final PrintWriter w;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        WriterOutputStream(PrintWriter w) {
            this.w = w;
        }

        @Override
        public void write(int b) {
            if (b == '\n') {
                w.println(line.toString(java.nio.charset.StandardCharsets.UTF_8));
                line.reset();
            } else {
                line.write(b);
            }
        }

        @Override
        public void flush() {
            w.flush();
        }
    }
}
