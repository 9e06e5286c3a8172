package io.flipside.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class RankedPoolTest {
    @Test
    void waitingTasksStartHighestPriorityFirstThenInSubmissionOrder() throws Exception {
        List<String> started = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        try (Parallel.RankedPool pool = Parallel.rankedPool(1, "test")) {
            CompletableFuture<Void> blocker = CompletableFuture.runAsync(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, pool.at(0));
            List<CompletableFuture<Void>> tasks = List.of(
                    CompletableFuture.runAsync(() -> started.add("low 1"), pool.at(0)),
                    CompletableFuture.runAsync(() -> started.add("high 1"), pool.at(5)),
                    CompletableFuture.runAsync(() -> started.add("middle"), pool.at(2)),
                    CompletableFuture.runAsync(() -> started.add("low 2"), pool.at(0)),
                    CompletableFuture.runAsync(() -> started.add("high 2"), pool.at(5)));
            release.countDown();
            blocker.get();
            for (CompletableFuture<Void> t : tasks) {
                t.get();
            }
        }
        assertThat(started).containsExactly("high 1", "high 2", "middle", "low 1", "low 2");
    }
}
