package io.flipside.sample;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A minimal RFC 4180 writer for the generated inputs: header first, '\n' line ends, null as empty. */
final class CsvFile implements Closeable {
    private final BufferedWriter out;
    private final int width;
    private long rows;

    CsvFile(Path file, String... header) {
        try {
            Files.createDirectories(file.getParent());
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        this.width = header.length;
        line((Object[]) header);
        rows = 0;
    }

    void row(Object... fields) {
        if (fields.length != width) {
            throw new IllegalArgumentException("row of " + fields.length + " fields, header has " + width);
        }
        line(fields);
    }

    /** Writes a row with a different number of fields than the header: deliberate dirt. */
    void malformedRow(Object... fields) {
        line(fields);
    }

    long rows() {
        return rows;
    }

    private void line(Object... fields) {
        try {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(quote(fields[i] == null ? "" : fields[i].toString()));
            }
            out.write('\n');
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
