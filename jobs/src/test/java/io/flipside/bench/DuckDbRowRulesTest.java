package io.flipside.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SQL statement of the row rules (duckdb-row-rules.sql) keeps the rows the ingest keeps, on the
 * committed corpus of bad inputs: the valid-row counts in each kind's {@code expect.properties} were
 * worked out by hand for the ingest's own tests ({@code BadInputCorpusTest}). No Spark here.
 */
class DuckDbRowRulesTest {
    private static final Path CORPUS = Path.of("src/test/resources/bad");
    private static final Path BASE = Path.of("src/test/resources/tiny");
    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);

    /**
     * The kinds the ingest accepts, of the datasets the SQL reads, in CSV. Left out: malformed_row (a
     * row with too many fields is the CSV reader's business, and DuckDB's reader has rules of its own),
     * not_in_pair (JSON lines), unknown_skill (assessments, which the tables do not read).
     */
    static Stream<String> kinds() throws IOException {
        try (Stream<Path> s = Files.list(CORPUS)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted()
                    .filter(k -> !k.equals("malformed_row") && !k.equals("not_in_pair") && !k.equals("unknown_skill"))
                    .filter(k -> expect(k).getProperty("exit").equals("0")).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void keepsTheRowsTheIngestKeeps(String kind, @TempDir Path tmp) throws IOException {
        Path input = Files.createDirectories(tmp.resolve("input"));
        for (Path dir : new Path[] {BASE, CORPUS.resolve(kind)}) {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path f : s.filter(p -> !p.getFileName().toString().equals("expect.properties")).toList()) {
                    Files.copy(f, input.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Properties expect = expect(kind);
        Map<String, Long> expected = new TreeMap<>();
        expect.stringPropertyNames().stream().filter(k -> k.startsWith("rows.")).forEach(k ->
                expected.put(k.substring("rows.".length()), Long.parseLong(expect.getProperty(k).split(",")[1])));
        assertThat(expected).as("the kind names its valid rows").isNotEmpty();

        DuckDbReference.Result duck = DuckDbReference.fromCsv(input, new DuckDbReference.Settings(AS_OF, 45, 5));

        Map<String, Long> kept = new TreeMap<>(duck.validRows());
        kept.keySet().retainAll(expected.keySet());
        assertThat(kept).isEqualTo(expected);
        assertThat(duck.tables().get("engagement")).as("the tables are computed from them").isNotEmpty();
    }

    private static Properties expect(String kind) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(CORPUS.resolve(kind).resolve("expect.properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
