package io.flipside.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flipside.tables.MetricRow;
import io.flipside.tables.MetricTables;
import io.flipside.tables.TableCsv;
import io.flipside.tables.TableDef;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The thin jar on a real Spark standalone cluster on loopback, started from Maven's copy of Spark's
 * jars (target/spark-home): one master, two workers with one core each. {@code run} is submitted on the
 * committed sample with spark-submit's own class, once with both workers and once with a worker and
 * its executor killed part way; both must publish the same metric tables as a spark-submit with a
 * local master.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterIT {
    private static final Path TARGET = Path.of("target");
    private static final Path JARS = TARGET.resolve("spark-home/jars");
    private static final Path APP = TARGET.resolve("flipside-jobs-0.1.0-SNAPSHOT-spark.jar");
    private static final Path WORK = TARGET.resolve("cluster-it");
    private static final Duration START = Duration.ofSeconds(90);

    private final List<Process> daemons = new ArrayList<>();
    private Process secondWorker;
    private String master;
    private Path local;

    @BeforeAll
    void startCluster() throws Exception {
        deleteRecursively(WORK);
        Files.createDirectories(WORK);
        int port = freePort();
        master = "spark://127.0.0.1:" + port;
        daemons.add(start("master", List.of("org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port", Integer.toString(freePort())),
                "I have been elected leader"));
        daemons.add(worker(1));
        secondWorker = worker(2);
        daemons.add(secondWorker);
        local = submit("local[2]", "local", null);
    }

    @AfterAll
    void stopCluster() {
        for (Process p : daemons) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    @Test
    @Order(1)
    void runOnTheClusterPublishesWhatALocalRunDoes() throws Exception {
        assertSameTables(submit(master, "cluster", null), local);
    }

    @Test
    @Order(2)
    void runSurvivesLosingAWorkerPartWay() throws Exception {
        Path out = submit(master, "cluster-killed", () -> {
            // the worker and the executor it launched, the way a machine failure takes both
            secondWorker.descendants().forEach(ProcessHandle::destroyForcibly);
            secondWorker.destroyForcibly();
        });
        assertSameTables(out, local);
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no task attempt's files left behind")
                    .doesNotContain("_temporary");
        }
        assertThat(Files.readString(out.resolve("quality/summary.csv")))
                .isEqualTo(Files.readString(local.resolve("quality/summary.csv")));
        String driverLog = Files.readString(WORK.resolve("cluster-killed.log"));
        assertThat(driverLog).as("the driver saw the executor go").containsIgnoringCase("lost executor");
    }

    private Process worker(int n) throws Exception {
        Path dir = Files.createDirectories(WORK.resolve("worker-" + n));
        return start("worker-" + n, List.of("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1",
                "--memory", "1500m", "--work-dir", dir.toAbsolutePath().toString(), master),
                "Successfully registered with master");
    }

    /** Starts a Spark daemon and waits for its ready line. */
    private Process start(String name, List<String> args, String ready) throws Exception {
        Path log = WORK.resolve(name + ".log");
        List<String> cmd = java();
        cmd.add("-Xmx512m");
        cmd.addAll(args);
        Process p = builder(cmd).redirectOutput(log.toFile()).start();
        Instant deadline = Instant.now().plus(START);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(log) && Files.readString(log).contains(ready)) {
                return p;
            }
            if (!p.isAlive()) {
                break;
            }
            Thread.sleep(250);
        }
        p.destroyForcibly();
        throw new IllegalStateException(name + " did not start; see " + log.toAbsolutePath());
    }

    /**
     * spark-submit of the thin jar in client mode; {@code midway}, when given, runs once the executors
     * are working on the run's first stage.
     */
    private Path submit(String sparkMaster, String name, Runnable midway) throws Exception {
        Path out = WORK.resolve(name);
        Path log = WORK.resolve(name + ".log");
        List<String> cmd = java();
        cmd.addAll(List.of("-Xmx2g", "org.apache.spark.deploy.SparkSubmit", "--master", sparkMaster,
                "--conf", "spark.executor.memory=1g",
                "--class", "io.flipside.cli.Main", APP.toAbsolutePath().toString(),
                "run", "--verbose", "--input", Path.of("../sample-data/data").toAbsolutePath().toString(),
                "--output", out.toAbsolutePath().toString(),
                "--config", Path.of("../sample-data/data/flipside.yaml").toAbsolutePath().toString(),
                "--report-date", "2026-10-05"));
        Process p = builder(cmd).redirectOutput(log.toFile()).start();
        if (midway != null) {
            Instant deadline = Instant.now().plus(START);
            while (Instant.now().isBefore(deadline) && p.isAlive()
                    && !(Files.exists(log) && Files.readString(log).contains("Starting task"))) {
                Thread.sleep(200);
            }
            Thread.sleep(3000);
            midway.run();
        }
        boolean done = p.waitFor(10, java.util.concurrent.TimeUnit.MINUTES);
        assertThat(done).as(name + " finished in 10 minutes; see " + log.toAbsolutePath()).isTrue();
        assertThat(p.exitValue()).as(name + " exit code; see " + log.toAbsolutePath()).isZero();
        return out;
    }

    private static List<String> java() throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(Arrays.asList(Files.readString(TARGET.resolve("launcher/jvm.flags")).trim().split("\\s+")));
        cmd.add("-cp");
        cmd.add(JARS.toAbsolutePath() + "/*");
        return cmd;
    }

    private static ProcessBuilder builder(List<String> cmd) {
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = b.environment();
        env.put("SPARK_HOME", TARGET.resolve("spark-home").toAbsolutePath().toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("FLIPSIDE_PSEUDONYM_KEY", "00112233445566778899aabbccddeeff");
        return b;
    }

    /** Every metric table: same rows in the same order; numbers equal up to summation order (1e-9 relative). */
    private static void assertSameTables(Path actual, Path expected) throws IOException {
        for (TableDef def : MetricTables.ALL) {
            Path e = expected.resolve("metrics").resolve(def.name() + ".csv");
            Path a = actual.resolve("metrics").resolve(def.name() + ".csv");
            assertThat(Files.exists(a)).as(def.name()).isEqualTo(Files.exists(e));
            if (!Files.exists(e)) {
                continue;
            }
            List<MetricRow> want = TableCsv.read(def, e).rows();
            List<MetricRow> got = TableCsv.read(def, a).rows();
            assertThat(got).as(def.name()).hasSameSizeAs(want);
            for (int i = 0; i < want.size(); i++) {
                for (var c : def.columns()) {
                    Object w = want.get(i).get(c.name());
                    Object g = got.get(i).get(c.name());
                    String at = def.name() + " row " + i + " " + c.name();
                    if (w instanceof Double d && g instanceof Double x) {
                        assertThat(x).as(at).isCloseTo(d, within(1e-9 * Math.max(1, Math.abs(d))));
                    } else {
                        assertThat(g).as(at).isEqualTo(w);
                    }
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var s = Files.walk(p)) {
            for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
