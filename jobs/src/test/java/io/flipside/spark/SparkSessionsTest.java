package io.flipside.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.flipside.FlipsideException;
import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;

/** A master URL Spark cannot parse is the user's to fix: a usage error naming it, not an unexpected one. */
class SparkSessionsTest {
    @Test
    void anUnparsableMasterIsAUsageError() {
        // the message Spark 4.2's SparkContext.createTaskScheduler throws for 'bogus://x'
        SparkException spark = new SparkException("Could not parse Master URL: 'bogus://x'");

        assertThat(SparkSessions.masterError(spark, "bogus://x")).get()
                .satisfies(e -> assertThat(e.exitCode()).isEqualTo(FlipsideException.USAGE))
                .extracting(Throwable::getMessage).asString()
                .startsWith("--master 'bogus://x' is not a master URL Spark can start from here; give local[*], local[N] or spark://");
    }

    @Test
    void anyOtherFailureToStartIsLeftAsItIs() {
        assertThat(SparkSessions.masterError(new SparkException("A master URL must be set in your configuration"),
                "")).isEmpty();
        assertThat(SparkSessions.masterError(new IllegalStateException("Could not parse Master URL"), "x")).isEmpty();
    }
}
