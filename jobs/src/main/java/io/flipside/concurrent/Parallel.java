package io.flipside.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;

/**
 * The thread pools that submit Spark jobs side by side. Spark runs jobs from several driver threads at
 * once; on a small input most of a job is driver-side planning, which then overlaps.
 */
public final class Parallel {
    /**
     * Tasks of {@link #forEach} at once: metric tables are small and their files are written on the
     * driver; the bench's three metric jobs are mostly driver work too.
     */
    private static final int WRITERS = 3;

    private Parallel() {
    }

    /** A fixed pool of daemon threads named {@code name-N}, so a failed run never hangs the JVM. */
    public static ExecutorService pool(int threads, String name) {
        return Executors.newFixedThreadPool(threads, daemonThreads(name));
    }

    /** Daemon threads named {@code name-N}. */
    static ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
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
     * Names the Spark jobs the calling thread starts from now on, in the logs and the Spark UI (with jobs
     * from several threads the code location Spark would show is the thread pool's), and gives them a
     * scheduler pool of their own: under the FAIR mode {@code SparkSessions} sets, pools share the
     * executors, so a small job on the long path is not queued behind a big one's tasks.
     */
    public static void nameJobs(SparkSession spark, String what) {
        spark.sparkContext().setJobDescription(what);
        spark.sparkContext().setCallSite(what);
        spark.sparkContext().setLocalProperty("spark.scheduler.pool", what);
    }

    /**
     * The task's result; a failure is thrown as the task threw it, so a domain exception keeps its exit
     * code and message.
     */
    public static <T> T join(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (CompletionException e) {
            throw rethrown(e.getCause(), e);
        }
    }

    /** {@code cause} itself when unchecked, so a domain exception keeps its exit code; else {@code otherwise}. */
    private static RuntimeException rethrown(Throwable cause, RuntimeException otherwise) {
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return otherwise;
    }

    /**
     * {@code rdd.collect()}, running {@code submitted} once the job is in Spark's scheduler queue: a job
     * another thread submits after that is scheduled after this one. Running it just before
     * {@code collect()} left a race that the other thread sometimes won. Interrupted, the job is cancelled.
     * A failure is thrown as collect() would, with a checked {@code SparkException} wrapped in a
     * {@link CompletionException}.
     */
    public static <T> List<T> collect(JavaRDD<T> rdd, Runnable submitted) {
        JavaFutureAction<List<T>> job = rdd.collectAsync();
        submitted.run();
        try {
            return job.get();
        } catch (InterruptedException e) {
            job.cancel(true);
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        } catch (ExecutionException e) {
            throw rethrown(e.getCause(), new CompletionException(e.getCause()));
        }
    }
}
