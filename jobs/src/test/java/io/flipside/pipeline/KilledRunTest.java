package io.flipside.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.flipside.cli.Main;
import io.flipside.testing.WithSpark;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL in a separate JVM right after its first stage leaves the previous output
 * byte for byte as it was; the next run publishes cleanly. A run stopped by the reject threshold
 * publishes nothing and leaves its diagnostics under {@code _failed/RUN_ID/}.
 */
@ExtendWith(WithSpark.class)
class KilledRunTest {
    @Test
    void sigkillAfterIngestLeavesThePreviousOutputIntact(SparkSession spark, @TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        assertThat(runTiny(out)).isZero();
        Map<String, String> before = digest(out);
        String engagement = Files.readString(out.resolve("metrics/engagement.csv"));

        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-") || a.startsWith("-XX:+Ignore") || a.startsWith("-D")).toList());
        cmd.addAll(List.of("-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                Main.class.getName(), "run", "--input", "../sample-data/data", "--output", out.toString(), "--config",
                "../sample-data/data/flipside.yaml"));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile())
                .start();
        Path firstStageDone = tmp.resolve(".out.staging/quality/summary.csv");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!Files.exists(firstStageDone) && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(Files.exists(firstStageDone)).as(Files.readString(tmp.resolve("child.log"))).isTrue();
        child.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);

        assertThat(digest(out)).isEqualTo(before);
        assertThat(tmp.resolve(".out.staging")).exists();

        assertThat(runTiny(out)).isZero();
        assertThat(tmp.resolve(".out.staging")).doesNotExist();
        assertThat(out.resolve("manifest.json")).exists();
        assertThat(Files.readString(out.resolve("metrics/engagement.csv"))).as("same inputs, same values")
                .isEqualTo(engagement);
    }

    @Test
    void rejectThresholdPublishesNothingAndKeepsDiagnostics(SparkSession spark, @TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        assertThat(runTiny(out)).isZero();
        Map<String, String> before = digest(out);
        Path bad = Files.createDirectories(tmp.resolve("bad"));
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/tiny"))) {
            for (Path f : s.toList()) {
                Files.copy(f, bad.resolve(f.getFileName()));
            }
        }
        Files.copy(Path.of("src/test/resources/bad/threshold/sessions.csv"), bad.resolve("sessions.csv"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        StringWriter err = new StringWriter();
        int exit = Main.execute(new String[] {"run", "--input", bad.toString(), "--output", out.toString(), "--as-of",
            "2026-03-31"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(exit).isEqualTo(3);
        assertThat(err.toString()).contains("sessions: 13.3% of 15 rows quarantined", "nothing published",
                out.resolve("_failed").toString());
        Map<String, String> after = digest(out);
        List<String> failed = after.keySet().stream().filter(k -> k.startsWith("_failed/")).toList();
        after.keySet().removeAll(failed);
        assertThat(after).isEqualTo(before);
        assertThat(failed).anyMatch(k -> k.endsWith("/manifest.json"))
                .anyMatch(k -> k.contains("/quality/quarantine/sessions/") && k.endsWith(".parquet"));
        Path runDir = Files.list(out.resolve("_failed")).findFirst().orElseThrow();
        assertThat(Files.readString(runDir.resolve("manifest.json"))).contains("\"status\" : \"failed: data quality\"");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(runDir)))
                .as("quarantined raw rows are the owner's only").isEqualTo("rwx------");

        assertThat(runTiny(out)).isZero();
        assertThat(out.resolve("_failed").resolve(runDir.getFileName())).as("diagnostics survive a later publish").exists();
    }

    /** The hand-made data set into {@code out}, as the previous or the next scheduled run. */
    private static int runTiny(Path out) {
        return run("run", "--input", "src/test/resources/tiny", "--output", out.toString(), "--as-of", "2026-03-31",
                "--report-date", "2026-04-01");
    }

    private static int run(String... args) {
        StringWriter err = new StringWriter();
        int exit = Main.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
        if (exit != 0) {
            System.err.println(err);
        }
        return exit;
    }

    /** Every file under dir by relative path, with its SHA-256. */
    private static Map<String, String> digest(Path dir) throws IOException, NoSuchAlgorithmException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                try (InputStream in = Files.newInputStream(p)) {
                    md.update(in.readAllBytes());
                }
                out.put(dir.relativize(p).toString(), HexFormat.of().formatHex(md.digest()));
            }
        }
        return out;
    }
}
