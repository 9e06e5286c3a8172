package io.flipside.spark;

import io.flipside.FlipsideException;
import java.util.Optional;
import org.apache.spark.SparkException;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the Spark session. UTC and java.time values everywhere, so dates never shift with the
 * machine's zone; a master given by spark-submit wins over the command line default.
 */
public final class SparkSessions {
    private SparkSessions() {
    }

    /**
     * A session for one command. When a session is already active in this JVM (spark-submit's, or a
     * test's) it is reused and left running on close; otherwise the command owns and stops it.
     */
    public static Handle open(String master, int shufflePartitions) {
        boolean existing = SparkSession.getActiveSession().isDefined() || SparkSession.getDefaultSession().isDefined();
        SparkSession.Builder b = SparkSession.builder()
                .appName("flipside")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.datetime.java8API.enabled", "true")
                .config("spark.sql.shuffle.partitions", Integer.toString(shufflePartitions))
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.warehouse.dir", System.getProperty("java.io.tmpdir") + "/flipside-spark-warehouse")
                // curated Parquet comes as many small monthly files; without a floor Spark packs them into
                // as many splits as cores, unevenly, and one core idles while the other finishes the scan
                .config("spark.sql.files.minPartitionNum", "16")
                // datasets and metrics run as jobs from several threads, each in a pool of its own: fair
                // sharing between pools lets a small job on the long path (pairs, which the activity events
                // wait for) run between a big one's tasks
                .config("spark.scheduler.mode", "FAIR");
        if (System.getProperty("spark.master") == null) {
            b = b.master(master);
        }
        try {
            return new Handle(b.getOrCreate(), !existing);
        } catch (Exception e) {
            Optional<FlipsideException> usage = masterError(e, System.getProperty("spark.master", master));
            if (usage.isPresent()) {
                throw usage.get();
            }
            throw e;
        }
    }

    /**
     * A usage error (exit 2) for a master URL Spark cannot parse, which it reports as an exception like
     * any other failure to start; empty for any other failure.
     */
    static Optional<FlipsideException> masterError(Exception e, String master) {
        if (e instanceof SparkException && String.valueOf(e.getMessage()).startsWith("Could not parse Master URL")) {
            return Optional.of(FlipsideException.usage("--master '" + master + "' is not a master URL Spark can start from here;"
                    + " give local[*], local[N] or spark://HOST:PORT (YARN and Kubernetes through spark-submit, README)"));
        }
        return Optional.empty();
    }

    /** A session and whether closing the handle stops it. */
    public record Handle(SparkSession spark, boolean owned) implements AutoCloseable {
        @Override
        public void close() {
            if (owned) {
                spark.stop();
            }
        }
    }
}
