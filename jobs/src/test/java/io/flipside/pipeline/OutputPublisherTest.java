package io.flipside.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every state a killed run can leave behind is recovered to one complete output. */
class OutputPublisherTest {
    @TempDir
    Path tmp;

    private Path output() {
        return tmp.resolve("out");
    }

    private static void complete(Path dir, String marker) throws IOException {
        Files.createDirectories(dir.resolve("metrics"));
        Files.writeString(dir.resolve("metrics/engagement.csv"), marker);
        Files.writeString(dir.resolve("manifest.json"), "{\"run\":\"" + marker + "\"}");
    }

    @Test
    void publishSwapsInTheNewOutputAndKeepsFailedDiagnostics() throws IOException {
        complete(output(), "old");
        Files.createDirectories(output().resolve("_failed/run1"));
        Files.writeString(output().resolve("_failed/run1/manifest.json"), "failed");
        OutputPublisher p = new OutputPublisher(output());
        complete(p.beginStaging(), "new");
        p.publish();
        assertThat(Files.readString(output().resolve("metrics/engagement.csv"))).isEqualTo("new");
        assertThat(Files.readString(output().resolve("_failed/run1/manifest.json"))).isEqualTo("failed");
        assertThat(tmp.resolve(".out.staging")).doesNotExist();
        assertThat(tmp.resolve(".out.previous")).doesNotExist();
    }

    @Test
    void killedBetweenTheTwoRenamesTheNextRunFinishesTheSwap() throws IOException {
        complete(tmp.resolve(".out.previous"), "old");
        complete(tmp.resolve(".out.staging"), "new");
        new OutputPublisher(output()).recover();
        assertThat(Files.readString(output().resolve("metrics/engagement.csv"))).isEqualTo("new");
        assertThat(tmp.resolve(".out.previous")).doesNotExist();
    }

    @Test
    void killedBeforeStagingWasCompleteThePreviousOutputComesBack() throws IOException {
        complete(tmp.resolve(".out.previous"), "old");
        Files.createDirectories(tmp.resolve(".out.staging/metrics"));
        new OutputPublisher(output()).recover();
        assertThat(Files.readString(output().resolve("metrics/engagement.csv"))).isEqualTo("old");
        assertThat(tmp.resolve(".out.staging")).doesNotExist();
    }

    @Test
    void killedWhileStagingLeavesTheOutputAloneAndRecoveryDropsTheStaging() throws IOException {
        complete(output(), "old");
        Files.createDirectories(tmp.resolve(".out.staging/metrics"));
        new OutputPublisher(output()).recover();
        assertThat(Files.readString(output().resolve("metrics/engagement.csv"))).isEqualTo("old");
        assertThat(tmp.resolve(".out.staging")).doesNotExist();
    }
}
