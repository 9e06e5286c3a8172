package io.flipside.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flipside.testing.WithSpark;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(WithSpark.class)
class ParallelCollectTest {
    @Test
    void aJobSubmittedWhenTheCallbackRunsIsScheduledAfterTheCollectedOne(SparkSession spark) throws Exception {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<String> started = new CopyOnWriteArrayList<>();
        SparkListener listener = new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart start) {
                started.add(start.properties().getProperty("spark.job.description", ""));
            }
        };
        spark.sparkContext().addSparkListener(listener);
        try {
            AtomicReference<JavaFutureAction<List<Integer>>> later = new AtomicReference<>();
            spark.sparkContext().setJobDescription("collected");
            List<Integer> rows = Parallel.collect(jsc.parallelize(List.of(1, 2, 3), 2), () -> {
                // another thread submits its job the moment the callback runs, and the callback waits until
                // it has: the closest that race can be run
                Thread other = new Thread(() -> {
                    spark.sparkContext().setJobDescription("later");
                    later.set(jsc.parallelize(List.of(4), 1).collectAsync());
                });
                other.start();
                try {
                    other.join();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(rows).containsExactly(1, 2, 3);
            assertThat(later.get().get()).containsExactly(4);
            spark.sparkContext().listenerBus().waitUntilEmpty();
            assertThat(started).containsSubsequence("collected", "later");
        } finally {
            spark.sparkContext().setJobDescription(null);
            spark.sparkContext().removeSparkListener(listener);
        }
    }

    @Test
    void aTaskFailureIsThrownWithItsCause(SparkSession spark) {
        JavaRDD<Integer> failing = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(List.of(1), 1).map(x -> {
                    throw new IllegalStateException("row " + x + " is bad");
                });
        assertThatThrownBy(() -> Parallel.collect(failing, () -> { }))
                .hasStackTraceContaining("row 1 is bad");
    }
}
