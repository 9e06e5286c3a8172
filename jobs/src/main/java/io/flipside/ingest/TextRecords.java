package io.flipside.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flipside.FlipsideException;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Streams the records of one CSV or JSON Lines file. Strict UTF-8 (a byte-order mark is skipped):
 * a file that is not text is unreadable (exit 4), never silently repaired.
 */
public final class TextRecords {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TextRecords() {
    }

    /** The lower-cased header of a CSV file, or an empty list for an empty file. */
    public static List<String> csvHeader(InputFile file) {
        try (Reader r = open(file)) {
            List<String> header = new CsvRecordReader(r).next();
            if (header == null) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (String h : header) {
                String name = h == null ? "" : h.strip().toLowerCase(Locale.ROOT);
                if (name.indexOf('\0') >= 0) {
                    throw FlipsideException.input(file.path() + ": not a CSV text file (binary content in the header)");
                }
                out.add(name);
            }
            return out;
        } catch (IOException e) {
            throw unreadable(file, e, 1);
        }
    }

    /** The lower-cased keys seen in the first objects of a JSON Lines file. */
    public static List<String> jsonKeys(InputFile file, int lines) {
        LinkedHashMap<String, Boolean> keys = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(open(file))) {
            String line;
            int seen = 0;
            while (seen < lines && (line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                seen++;
                JsonNode n;
                try {
                    n = JSON.readTree(line);
                } catch (IOException e) {
                    continue;
                }
                if (n != null && n.isObject()) {
                    n.fieldNames().forEachRemaining(k -> keys.put(k.strip().toLowerCase(Locale.ROOT), true));
                }
            }
        } catch (IOException e) {
            throw unreadable(file, e, 0);
        }
        return List.copyOf(keys.keySet());
    }

    /**
     * Every data record of a CSV or JSON Lines file, in input order, with the values of {@code names}
     * (lower case) in that order; the file closes at the end.
     */
    public static Iterator<RawRecord> records(InputFile file, List<String> names) {
        return switch (file.format()) {
            case CSV -> csv(file, names);
            case JSONL -> jsonl(file, names);
            case PARQUET -> throw new IllegalArgumentException("Parquet is read by Spark");
        };
    }

    private static Iterator<RawRecord> csv(InputFile file, List<String> names) {
        Reader reader;
        CsvRecordReader csv;
        List<String> header;
        try {
            reader = open(file);
            csv = new CsvRecordReader(reader);
            List<String> h = csv.next();
            header = h == null ? List.of() : h.stream()
                    .map(s -> s == null ? "" : s.strip().toLowerCase(Locale.ROOT)).toList();
        } catch (IOException e) {
            throw unreadable(file, e, 1);
        }
        // where each wanted field sits in the header, once per file rather than a map per record
        int[] column = names.stream().mapToInt(header::indexOf).toArray();
        return new RecordIterator(reader, row -> {
            List<String> fields;
            try {
                fields = csv.next();
            } catch (IOException e) {
                throw unreadable(file, e, row);
            }
            if (fields == null) {
                return null;
            }
            if (fields.size() != header.size()) {
                return new RawRecord(row, new String[names.size()], "expected " + header.size()
                        + " fields as in the header, found " + fields.size() + " (line " + csv.recordStartLine() + ")",
                        fields);
            }
            String[] values = new String[column.length];
            for (int i = 0; i < column.length; i++) {
                values[i] = column[i] < 0 ? null : fields.get(column[i]);
            }
            return new RawRecord(row, values, null, null);
        });
    }

    private static Iterator<RawRecord> jsonl(InputFile file, List<String> names) {
        BufferedReader reader = new BufferedReader(open(file));
        long[] line = {0};
        return new RecordIterator(reader, row -> {
            String text;
            try {
                do {
                    text = reader.readLine();
                    line[0]++;
                } while (text != null && text.isBlank());
            } catch (IOException e) {
                throw unreadable(file, e, row);
            }
            if (text == null) {
                return null;
            }
            JsonNode node;
            try {
                node = JSON.readTree(text);
            } catch (IOException e) {
                return new RawRecord(row, new String[names.size()], "not a JSON object (line " + line[0] + ")",
                        List.of(text));
            }
            if (node == null || !node.isObject()) {
                return new RawRecord(row, new String[names.size()], "not a JSON object (line " + line[0] + ")",
                        List.of(text));
            }
            Map<String, String> byName = new HashMap<>();
            node.fields().forEachRemaining(e -> byName.put(e.getKey().strip().toLowerCase(Locale.ROOT), text(e.getValue())));
            return new RawRecord(row, names.stream().map(byName::get).toArray(String[]::new), null, null);
        });
    }

    private static String text(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isFloatingPointNumber() && v.asDouble() == Math.rint(v.asDouble()) && Math.abs(v.asDouble()) < 1e15) {
            return Long.toString((long) v.asDouble());
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    static Reader open(InputFile file) {
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(Path.of(file.path())), 1 << 16);
            in.mark(3);
            byte[] bom = in.readNBytes(3);
            if (!(bom.length == 3 && (bom[0] & 0xff) == 0xEF && (bom[1] & 0xff) == 0xBB && (bom[2] & 0xff) == 0xBF)) {
                in.reset();
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT));
        } catch (IOException e) {
            throw unreadable(file, e, 0);
        }
    }

    static FlipsideException unreadable(InputFile file, IOException e, long row) {
        if (e instanceof CharacterCodingException) {
            return FlipsideException.input(file.path() + ": not valid UTF-8 text" + Utf8Scan.where(Path.of(file.path()))
                    + "; save the file as UTF-8");
        }
        if (e instanceof CsvRecordReader.UnterminatedQuoteException u) {
            return FlipsideException.input(file.path() + ": unterminated quote: " + u.getMessage()
                    + "; every opening \" needs a closing \"");
        }
        return FlipsideException.input("cannot read " + file.path() + ": " + e.getMessage(), e);
    }

    /** Pulls records until the producer returns null, then closes the reader. */
    private static final class RecordIterator implements Iterator<RawRecord> {
        private final Reader reader;
        private final Producer producer;
        private RawRecord next;
        private long row;
        private boolean done;

        interface Producer {
            RawRecord produce(long row);
        }

        RecordIterator(Reader reader, Producer producer) {
            this.reader = reader;
            this.producer = producer;
        }

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                next = producer.produce(row + 1);
                if (next == null) {
                    done = true;
                    try {
                        reader.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                } else {
                    row++;
                }
            }
            return next != null;
        }

        @Override
        public RawRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            RawRecord r = next;
            next = null;
            return r;
        }
    }
}
