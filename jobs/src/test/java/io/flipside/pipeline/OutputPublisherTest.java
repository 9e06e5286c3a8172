package io.flipside.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flipside.FlipsideException;
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

    @Test
    void anEmptyFolderAnEarlierOutputOrOnlyFailedRunsMayBeReplaced() throws IOException {
        new OutputPublisher(output()).requireReplaceable();
        Files.createDirectories(output());
        new OutputPublisher(output()).requireReplaceable();
        Files.createDirectories(output().resolve("_failed/run1"));
        new OutputPublisher(output()).requireReplaceable();
        complete(output(), "old");
        Files.writeString(output().resolve("notes.txt"), "a reader's own file, published over like the rest");
        new OutputPublisher(output()).requireReplaceable();
    }

    @Test
    void aFolderOfOtherThingsIsRefusedAndKept() throws IOException {
        Files.createDirectories(output().resolve("thesis"));
        for (String name : new String[] {"b.txt", "a.csv", "c.pdf", "d.docx"}) {
            Files.writeString(output().resolve(name), "mine");
        }
        assertThatThrownBy(() -> new OutputPublisher(output()).requireReplaceable())
                .isInstanceOf(FlipsideException.class)
                .satisfies(e -> assertThat(((FlipsideException) e).exitCode()).isEqualTo(FlipsideException.USAGE))
                .hasMessageContaining("holds a.csv, b.txt, c.pdf and 2 more, and no manifest.json")
                .hasMessageContaining("publishing would delete what it holds");
        assertThat(output().resolve("a.csv")).hasContent("mine");
    }

    @Test
    void aFileIsRefusedAndKept() throws IOException {
        Files.writeString(output(), "accounts");
        assertThatThrownBy(() -> new OutputPublisher(output()).requireReplaceable())
                .isInstanceOf(FlipsideException.class)
                .hasMessageContaining("is a file, not a folder");
        assertThat(output()).hasContent("accounts");
    }

    @Test
    void aLinkIsRefused() throws IOException {
        Path real = Files.createDirectories(tmp.resolve("real"));
        Files.createSymbolicLink(output(), real);
        assertThatThrownBy(() -> new OutputPublisher(output()).requireReplaceable())
                .isInstanceOf(FlipsideException.class)
                .hasMessageContaining("is a symbolic link; give the folder itself");
    }

    @Test
    void theRootFolderIsRefused() {
        assertThatThrownBy(() -> new OutputPublisher(Path.of("/")))
                .isInstanceOf(FlipsideException.class)
                .hasMessageContaining("--output cannot be /");
    }
}
