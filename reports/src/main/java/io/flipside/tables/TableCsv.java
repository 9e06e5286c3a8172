package io.flipside.tables;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV form of a metric table (SPEC §4): UTF-8, a header row, '.' as the decimal separator,
 * an empty field for null, RFC 4180 quoting where a field needs it, '\n' line ends.
 *
 * <p>Doubles are written in plain notation with the shortest digits that read back to the same
 * double, so a CSV round trip is exact and R or a spreadsheet never sees exponent notation.
 */
public final class TableCsv {
    private TableCsv() {
    }

    public static void write(MetricTable table, Path file) {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            List<Column> columns = table.def().columns();
            for (int i = 0; i < columns.size(); i++) {
                w.write(i == 0 ? "" : ",");
                w.write(quote(columns.get(i).name()));
            }
            w.write('\n');
            for (MetricRow row : table.rows()) {
                for (int i = 0; i < columns.size(); i++) {
                    w.write(i == 0 ? "" : ",");
                    w.write(quote(format(row.get(i))));
                }
                w.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Reads a table written by {@link #write}; the header must match the definition exactly. */
    public static MetricTable read(TableDef def, Path file) {
        List<MetricRow> rows = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> header = parseLine(r.readLine(), file, 1);
            List<String> expected = def.columns().stream().map(Column::name).toList();
            if (!header.equals(expected)) {
                throw new IllegalStateException(file + ": header " + header + " is not the " + def.name()
                        + " table's " + expected + "; was it written by another Flipside version?");
            }
            String line;
            int lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                List<String> fields = parseLine(line, file, lineNo);
                if (fields.size() != expected.size()) {
                    throw new IllegalStateException(file + " line " + lineNo + ": " + fields.size()
                            + " fields, expected " + expected.size());
                }
                MetricRow.Builder b = def.newRow();
                for (int i = 0; i < fields.size(); i++) {
                    Column c = def.columns().get(i);
                    b.set(c.name(), parse(c.type(), fields.get(i)));
                }
                rows.add(b.build());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new MetricTable(def, rows);
    }

    static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    private static Object parse(ColumnType type, String text) {
        if (text.isEmpty()) {
            return null;
        }
        return switch (type) {
            case STRING -> text;
            case LONG -> Long.parseLong(text);
            case DOUBLE -> Double.parseDouble(text);
            case BOOLEAN -> Boolean.parseBoolean(text);
            case DATE -> LocalDate.parse(text);
        };
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    // Metric values never hold line breaks (ids, codes and numbers only), so a line is a record.
    private static List<String> parseLine(String line, Path file, int lineNo) {
        if (line == null) {
            throw new IllegalStateException(file + " is empty; expected a header row");
        }
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw new IllegalStateException(file + " line " + lineNo + ": unterminated quote");
        }
        out.add(cur.toString());
        return out;
    }
}
