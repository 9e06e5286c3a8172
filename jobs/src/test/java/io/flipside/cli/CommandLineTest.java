package io.flipside.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flipside.testing.WithSpark;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Wrong usage prints one line a person can act on and exits per SPEC §1. */
@ExtendWith(WithSpark.class)
class CommandLineTest {
    private record Outcome(int exit, String out, String err) {
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(exit, out.toString(), err.toString());
    }

    @Test
    void runWithoutInputIsAUsageError() {
        Outcome o = run("run", "--output", "x");
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err().lines().toList()).containsExactly(
                "flipside: Missing required option: '--input=DIR' (see 'flipside run --help')");
    }

    @Test
    void unknownSubcommandAndBadDateAreUsageErrors() {
        assertThat(run("frobnicate").exit()).isEqualTo(2);
        Outcome o = run("run", "--input", "x", "--output", "y", "--as-of", "30/09/2026");
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).isEqualTo("flipside: --as-of must be a date YYYY-MM-DD, got '30/09/2026'\n");
    }

    @Test
    void aScaleBelowOneIsAUsageErrorOfGenerateAndBench(@TempDir Path tmp) {
        for (String c : new String[] {"generate", "bench"}) {
            String[] args = c.equals("generate") ? new String[] {c, "--scale", "0", "--seed", "1", "--output", tmp.toString()}
                    : new String[] {c, "--scale", "-3", "--work", tmp.toString()};
            Outcome o = run(args);
            assertThat(o.exit()).as(c).isEqualTo(2);
            assertThat(o.err()).isEqualTo("flipside: --scale must be 1 or more, got " + args[2] + " (see 'flipside " + c
                    + " --help')\n");
        }
        assertThat(tmp).as("nothing generated").isEmptyDirectory();
    }

    @Test
    void anOutputFolderOfOtherThingsIsAUsageErrorAndKeepsThem(SparkSession spark, @TempDir Path tmp) throws IOException {
        Path mine = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(mine.resolve("thesis.docx"), "years of work");
        Outcome o = run("run", "--input", "src/test/resources/tiny", "--output", mine.toString(), "--as-of", "2026-03-31");
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err().lines().filter(l -> !l.contains("warning")).toList()).containsExactly("flipside: --output "
                + mine + " holds thesis.docx, and no manifest.json: it is not an earlier Flipside output, and publishing"
                + " would delete what it holds; give a new or empty folder, or the folder of an earlier run");
        assertThat(mine.resolve("thesis.docx")).hasContent("years of work");
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("home");
        }
    }

    @Test
    void aFileGivenAsAFolderIsAUsageErrorOfGenerateAndBench(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("notes"), "kept");
        Outcome generate = run("generate", "--scale", "1", "--seed", "1", "--output", file.toString());
        Outcome bench = run("bench", "--scale", "1", "--work", file.toString());
        assertThat(generate.exit()).isEqualTo(2);
        assertThat(generate.err()).isEqualTo("flipside: --output " + file + " is a file, not a folder (see 'flipside"
                + " generate --help')\n");
        assertThat(bench.exit()).isEqualTo(2);
        assertThat(bench.err()).isEqualTo("flipside: --work " + file + " is a file, not a folder (see 'flipside bench"
                + " --help')\n");
        assertThat(file).hasContent("kept");
    }

    @Test
    void missingInputFolderExits4NamingIt(SparkSession spark, @TempDir Path tmp) {
        Path missing = tmp.resolve("nowhere");
        Outcome o = run("run", "--input", missing.toString(), "--output", tmp.resolve("out").toString(),
                "--as-of", "2026-03-31");
        assertThat(o.exit()).isEqualTo(4);
        assertThat(o.err().lines().filter(l -> !l.contains("warning")).toList())
                .containsExactly("flipside: input folder " + missing + " does not exist or is not a folder");
    }

    @Test
    void missingRequiredDatasetExits4(SparkSession spark, @TempDir Path tmp) {
        Outcome o = run("validate", "--input", tmp.toString());
        assertThat(o.exit()).isEqualTo(4);
        assertThat(o.err()).contains("required dataset employees is missing");
    }

    @Test
    void validatePrintsOneLinePerDatasetAndWritesNothing(SparkSession spark) throws IOException {
        List<Path> before = scratchFolders();
        Outcome o = run("validate", "--input", "src/test/resources/tiny", "--config", "src/test/resources/tiny-config.yaml");
        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(scratchFolders()).as("the checked rows' temporary folder is deleted").isEqualTo(before);
        assertThat(o.out()).contains("employees", "sessions", "absent");
        assertThat(o.out().lines().filter(l -> l.startsWith("sessions")).findFirst().orElseThrow())
                .matches("sessions\\s+13\\s+13\\s+0\\s*");
    }

    @Test
    void everyCommandHasHelp() {
        for (String c : new String[] {"demo", "run", "validate", "report", "generate", "bench"}) {
            Outcome o = run(c, "--help");
            assertThat(o.exit()).isZero();
            assertThat(o.out()).startsWith("Usage: flipside " + c);
        }
    }

    /** Ingest's temporary folders ({@code flipside-ingest-*}) in the system's temporary folder. */
    private static List<Path> scratchFolders() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("flipside-ingest-")).sorted().toList();
        }
    }
}
