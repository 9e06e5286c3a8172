package io.flipside.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.flipside.testing.BadInputs;
import java.io.IOException;
import java.nio.file.Path;
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
    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);

    /**
     * The kinds the ingest accepts, of the datasets the SQL reads, in CSV. Left out: malformed_row (a
     * row with too many fields is the CSV reader's business, and DuckDB's reader has rules of its own),
     * not_in_pair (JSON lines), unknown_skill (assessments, which the tables do not read).
     */
    static Stream<String> kinds() {
        return BadInputs.kinds().stream()
                .filter(k -> !k.equals("malformed_row") && !k.equals("not_in_pair") && !k.equals("unknown_skill"))
                .filter(k -> BadInputs.expect(k).getProperty("exit").equals("0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void keepsTheRowsTheIngestKeeps(String kind, @TempDir Path tmp) throws IOException {
        Path input = BadInputs.input(kind, tmp.resolve("input"));
        Properties expect = BadInputs.expect(kind);
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
}
