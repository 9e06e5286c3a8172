package io.flipside.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JvmCpuTest {
    @Test
    void findsTheCompilerThreadsOnLinux() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");
        JvmCpu cpu = JvmCpu.now();
        // by the time a test runs, the JIT has compiled JUnit's and AssertJ's code for well over 10 ms,
        // one clock tick; zero would mean the threads were not found or their times not parsed
        assertThat(cpu.compilerMillis()).isPositive();
        assertThat(cpu.gcMillis()).isNotNegative();
        assertThat(cpu.processMillis()).isGreaterThanOrEqualTo(cpu.compilerMillis() + cpu.gcMillis());
    }

    @Test
    void differencesAreUnknownWhereEitherSideIs() {
        JvmCpu later = new JvmCpu(5_000, 1_200, -1);
        JvmCpu earlier = new JvmCpu(2_000, 200, 30);
        assertThat(later.since(earlier)).isEqualTo(new JvmCpu(3_000, 1_000, -1));
        assertThat(earlier.since(new JvmCpu(1_000, -1, 10))).isEqualTo(new JvmCpu(1_000, -1, 20));
    }
}
