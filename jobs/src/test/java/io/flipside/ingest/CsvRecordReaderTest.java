package io.flipside.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTest {
    private static List<List<String>> read(String text) throws IOException {
        CsvRecordReader r = new CsvRecordReader(new StringReader(text));
        List<List<String>> out = new ArrayList<>();
        for (List<String> rec = r.next(); rec != null; rec = r.next()) {
            out.add(rec);
        }
        return out;
    }

    /**
     * Unquoted fields are copied from the read buffer in one go: fields of every length straddle the
     * buffer's 64 KiB boundaries across several blocks, mixed with quoted ones and a quote inside an
     * unquoted field, and must split exactly as written.
     */
    @Test
    void fieldsAcrossReadBufferBoundariesSplitAsWritten() throws IOException {
        StringBuilder text = new StringBuilder();
        List<List<String>> expected = new ArrayList<>();
        for (int i = 0; text.length() < 5 * 65_536; i++) {
            String plain = "v" + "x".repeat(i % 37) + i;
            String inner = "a\"b" + i;
            String quoted = "q," + i;
            text.append(plain).append(',').append(inner).append(",\"").append(quoted).append("\",")
                    .append(i % 3 == 0 ? "\r\n" : "\n");
            expected.add(Arrays.asList(plain, inner, quoted, null));
        }
        assertThat(read(text.toString())).isEqualTo(expected);
    }

    @Test
    void quotedEmptyAndUnquotedEmptyAreBothNull() throws IOException {
        assertThat(read("a,\"\",,\"x\"\n")).containsExactly(Arrays.asList("a", null, null, "x"));
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndNewlinesInOneRecord() throws IOException {
        List<List<String>> recs = read("id,text\r\n1,\"say \"\"hi\"\", then\r\nleave\"\r\n2,plain\r\n");
        assertThat(recs).hasSize(3);
        assertThat(recs.get(1)).containsExactly("1", "say \"hi\", then\r\nleave");
        assertThat(recs.get(2)).containsExactly("2", "plain");
    }

    @Test
    void reportsTheLineARecordStartsOnWhenFieldsSpanLines() throws IOException {
        CsvRecordReader r = new CsvRecordReader(new StringReader("h\n\"a\nb\nc\"\nnext\n"));
        r.next();
        r.next();
        r.next();
        assertThat(r.recordStartLine()).isEqualTo(5);
    }

    @Test
    void lastLineWithoutNewlineAndBlankLinesAndCrOnlyLineEnds() throws IOException {
        assertThat(read("a,b\r\rc,d")).containsExactly(List.of("a", "b"), List.of("c", "d"));
    }

    @Test
    void unterminatedQuoteIsAnErrorNamingTheRecordsLine() {
        assertThatThrownBy(() -> read("h\nok\n\"never closed\nmore\n"))
                .isInstanceOf(CsvRecordReader.UnterminatedQuoteException.class)
                .hasMessageContaining("line 3");
    }
}
