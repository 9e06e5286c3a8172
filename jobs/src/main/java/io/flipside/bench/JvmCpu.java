package io.flipside.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The JVM's CPU use up to a moment. A local run is CPU-bound on every core, so where the CPU goes is
 * where the time goes; the JIT compilers' share is invisible to a sampling profiler of Java threads,
 * yet Spark generates new classes for every query, which the JIT then compiles again.
 *
 * <p>The compilers' and collector's threads are read from Linux's {@code /proc/self/task}: the
 * management beans only give their elapsed times, which on two busy cores include the time they wait
 * for one (the compilers' came to twice their CPU). Elsewhere those two are -1.
 *
 * @param processMillis  CPU time of the whole process, every thread
 * @param compilerMillis CPU time of HotSpot's C1 and C2 compiler threads
 * @param gcMillis       CPU time of the garbage collector's worker threads
 */
public record JvmCpu(long processMillis, long compilerMillis, long gcMillis) {
    /** Linux reports thread times in clock ticks of 1/100 s (USER_HZ) on every common platform. */
    private static final int TICKS_PER_SECOND = 100;

    /** The totals since the JVM started. */
    public static JvmCpu now() {
        long process = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1_000_000 : -1;
        long compiler = 0;
        long gc = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String name;
                String stat;
                try {
                    name = Files.readString(task.resolve("comm")).strip();
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException e) {
                    continue;
                }
                // the thread name, in parentheses, may hold spaces: fields are counted after its closing one
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long millis = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000 / TICKS_PER_SECOND;
                if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    compiler += millis;
                } else if (name.startsWith("GC Thread")) {
                    gc += millis;
                }
            }
        } catch (IOException | RuntimeException e) {
            return new JvmCpu(process, -1, -1);
        }
        return new JvmCpu(process, compiler, gc);
    }

    /** What was used between {@code earlier} and this snapshot; -1 where either is unknown. */
    public JvmCpu since(JvmCpu earlier) {
        return new JvmCpu(minus(processMillis, earlier.processMillis), minus(compilerMillis, earlier.compilerMillis),
                minus(gcMillis, earlier.gcMillis));
    }

    private static long minus(long later, long earlier) {
        return later < 0 || earlier < 0 ? -1 : later - earlier;
    }
}
