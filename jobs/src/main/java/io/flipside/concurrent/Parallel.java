package io.flipside.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The thread pools that submit Spark jobs side by side. Spark runs jobs from several driver threads at
 * once; on a small input most of a job is driver-side planning, which then overlaps.
 */
public final class Parallel {
    /** Writers at once: each Spark write job is mostly driver-side commit work on small outputs. */
    private static final int WRITERS = 3;

    private Parallel() {
    }

    /** A fixed pool of daemon threads named {@code name-N}, so a failed run never hangs the JVM. */
    public static ExecutorService pool(int threads, String name) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code action} on every item, {@value #WRITERS} at a time, and returns when all are done. */
    public static <T> void forEach(List<T> items, Consumer<T> action) {
        ExecutorService pool = pool(WRITERS, "flipside-write");
        try {
            List<CompletableFuture<Void>> tasks = new ArrayList<>();
            for (T item : items) {
                tasks.add(CompletableFuture.runAsync(() -> action.accept(item), pool));
            }
            tasks.forEach(Parallel::join);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The task's result; a failure is thrown as the task threw it, so a domain exception keeps its exit
     * code and message.
     */
    public static <T> T join(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
