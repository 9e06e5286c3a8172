package io.flipside.testing;

import io.flipside.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Spark session per test JVM: {@code local[2]} and two shuffle partitions, so results and
 * timings do not depend on the machine. Started by the first test that asks, stopped when JUnit's
 * root context closes.
 */
public final class SparkTest {
    private SparkTest() {
    }

    public static SparkSession spark(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent("flipside-spark", k -> new Holder(), Holder.class).handle.spark();
    }

    private static final class Holder implements AutoCloseable {
        final SparkSessions.Handle handle = SparkSessions.open("local[2]", 2);

        @Override
        public void close() {
            handle.spark().stop();
        }
    }
}
