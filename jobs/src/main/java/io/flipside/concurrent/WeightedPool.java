package io.flipside.concurrent;

import java.util.concurrent.Executor;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed pool of daemon threads whose waiting tasks start heaviest first, by a weight given with each
 * task, and in submission order among equal weights. Started longest first, jobs of very unequal sizes
 * finish closer together on few cores than in the order they happened to become ready.
 */
public final class WeightedPool {
    private final ThreadPoolExecutor pool;
    private final AtomicLong submitted = new AtomicLong();

    public WeightedPool(int threads, String name) {
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new PriorityBlockingQueue<>(),
                Parallel.daemonThreads(name));
    }

    /** An executor that submits its tasks to this pool with {@code weight}. */
    public Executor weighing(long weight) {
        return task -> pool.execute(new Weighted(weight, submitted.getAndIncrement(), task));
    }

    public void shutdownNow() {
        pool.shutdownNow();
    }

    private record Weighted(long weight, long order, Runnable task) implements Runnable, Comparable<Weighted> {
        @Override
        public void run() {
            task.run();
        }

        @Override
        public int compareTo(Weighted other) {
            int byWeight = Long.compare(other.weight, weight);
            return byWeight != 0 ? byWeight : Long.compare(order, other.order);
        }
    }
}
