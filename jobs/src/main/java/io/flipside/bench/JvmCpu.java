package io.flipside.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * The JVM's CPU use up to a moment, from its management beans. A local run is CPU-bound on every core,
 * so where the CPU goes is where the time goes; the JIT compilers' share is invisible to a sampling
 * profiler of Java threads, yet Spark generates and compiles new classes for every query, which the JIT
 * then compiles again.
 *
 * @param processMillis CPU time of the whole process, every thread
 * @param compileMillis time the JIT compilers spent compiling, summed over compilations
 * @param gcMillis      wall time of garbage collections (the parallel collector uses every core during one)
 */
public record JvmCpu(long processMillis, long compileMillis, long gcMillis) {
    /** The totals since the JVM started. */
    public static JvmCpu now() {
        long gc = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            gc += Math.max(0, b.getCollectionTime());
        }
        var compilation = ManagementFactory.getCompilationMXBean();
        long compile = compilation != null && compilation.isCompilationTimeMonitoringSupported()
                ? compilation.getTotalCompilationTime() : 0;
        long process = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1_000_000 : 0;
        return new JvmCpu(process, compile, gc);
    }

    /** What was used between {@code earlier} and this snapshot. */
    public JvmCpu since(JvmCpu earlier) {
        return new JvmCpu(processMillis - earlier.processMillis, compileMillis - earlier.compileMillis,
                gcMillis - earlier.gcMillis);
    }
}
