package io.flipside.spark;

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
        return new Handle(b.getOrCreate(), !existing);
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
