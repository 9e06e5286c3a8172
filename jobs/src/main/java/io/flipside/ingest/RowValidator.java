package io.flipside.ingest;

import io.flipside.privacy.Pseudonymizer;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks one input row against its dataset's field rules and row rules, producing typed values or the
 * first violation. Pure Java: Spark calls it inside tasks, tests call it directly.
 *
 * <p>Text is trimmed; an empty or blank field is null. Values of fields with a fixed vocabulary are
 * matched case-insensitively and stored in lower case. Person ids are pseudonymised here, so no raw id
 * leaves this class except in the quarantine copy of a rejected row.
 */
public final class RowValidator implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,9}(\\.0+)?");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final int MAX_TEXT = 4096;

    private final DatasetSchema schema;
    private final Pseudonymizer pseudonymizer;

    public RowValidator(DatasetSchema schema, Pseudonymizer pseudonymizer) {
        this.schema = schema;
        this.pseudonymizer = pseudonymizer;
    }

    /** The outcome for one row: typed values in field order, and the reason when rejected. */
    public record Result(Object[] values, int fieldsNulled, Reason reason, String detail) {
        public boolean valid() {
            return reason == null;
        }
    }

    /** @param raw the row's text by field name; absent or null means empty */
    public Result validate(Map<String, String> raw) {
        return validate(schema.fieldNames().stream().map(raw::get).toArray(String[]::new));
    }

    /**
     * The form the readers use, without a map per row.
     *
     * @param raw the row's text of each field in {@link DatasetSchema#fields()} order; null means empty
     */
    public Result validate(String[] raw) {
        List<Field> fields = schema.fields();
        Object[] values = new Object[fields.size()];
        Map<String, Object> byName = schema.rules().isEmpty() ? null : new HashMap<>();
        int nulled = 0;
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            String text = raw[i];
            text = text == null ? null : text.strip();
            if (text != null && text.isEmpty()) {
                text = null;
            }
            if (text == null) {
                text = f.dflt();
            }
            if (text == null) {
                if (f.required()) {
                    return reject(values, nulled, Reason.MISSING_FIELD, f.name() + " is empty; a value is required");
                }
                continue;
            }
            Object value;
            try {
                value = parse(f, text);
            } catch (FieldProblem p) {
                if (f.nullable()) {
                    nulled++;
                    continue;
                }
                return reject(values, nulled, p.reason, f.name() + ": " + p.getMessage());
            }
            values[i] = f.personId() ? pseudonymizer.pseudonym((String) value) : value;
            if (byName != null) {
                byName.put(f.name(), value);
            }
        }
        for (RowRule rule : schema.rules()) {
            RowRule.Violation v = rule.check(byName);
            if (v != null) {
                return reject(values, nulled, v.reason(), v.detail());
            }
        }
        return new Result(values, nulled, null, null);
    }

    private static Result reject(Object[] values, int nulled, Reason reason, String detail) {
        return new Result(values, nulled, reason, detail);
    }

    private static Object parse(Field f, String text) throws FieldProblem {
        Object value = switch (f.type()) {
            case STRING -> parseString(f, text);
            case INT -> parseInt(text);
            case DECIMAL -> parseDecimal(text);
            case DATE -> parseDate(text);
            case TIMESTAMP -> parseTimestamp(text);
            case BOOLEAN -> parseBoolean(text);
        };
        if (value instanceof Number n && (f.min() != null && n.doubleValue() < f.min()
                || f.max() != null && n.doubleValue() > f.max())) {
            throw new FieldProblem(Reason.OUT_OF_RANGE, "'" + text + "' is outside " + range(f));
        }
        return value;
    }

    private static String range(Field f) {
        if (f.max() == null) {
            return f.min() == Double.MIN_VALUE ? "the allowed range (must be > 0)" : "the allowed range (>= " + num(f.min()) + ")";
        }
        return "the allowed range " + num(f.min()) + "-" + num(f.max());
    }

    private static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static String parseString(Field f, String text) throws FieldProblem {
        if (!f.allowed().isEmpty()) {
            String lower = text.toLowerCase(Locale.ROOT);
            if (!f.allowed().contains(lower)) {
                throw new FieldProblem(Reason.INVALID_VALUE, "'" + shorten(text) + "' is not one of "
                        + f.allowed().stream().sorted().toList());
            }
            return lower;
        }
        if (text.length() > MAX_TEXT || hasControl(text)) {
            throw new FieldProblem(Reason.INVALID_VALUE, "text longer than " + MAX_TEXT
                    + " characters or holding control characters");
        }
        return text;
    }

    /** Whether the text holds a control character other than tab and line ends (a loop: a stream per value cost more). */
    private static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
        }
        return false;
    }

    private static Integer parseInt(String text) throws FieldProblem {
        Integer plain = plainInt(text);
        if (plain != null) {
            return plain;
        }
        if (!INTEGER.matcher(text).matches()) {
            throw new FieldProblem(Reason.INVALID_NUMBER, "'" + shorten(text) + "' is not a whole number");
        }
        int dot = text.indexOf('.');
        return Integer.parseInt(dot < 0 ? text : text.substring(0, dot));
    }

    /**
     * One to nine digits, the usual form, read without {@link #INTEGER}: matching it took a tenth of the
     * validation of the survey responses and assessments.
     */
    private static Integer plainInt(String text) {
        int n = text.length();
        if (n == 0 || n > 9) {
            return null;
        }
        int value = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Digits with at most one point between digits, the usual form, checked without {@link #DECIMAL}. */
    private static boolean plainDecimal(String text) {
        int n = text.length();
        int point = -1;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '.' && point < 0 && i > 0 && i < n - 1) {
                point = i;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return n > 0;
    }

    private static Double parseDecimal(String text) throws FieldProblem {
        if (!plainDecimal(text) && !DECIMAL.matcher(text).matches()) {
            throw new FieldProblem(Reason.INVALID_NUMBER, "'" + shorten(text) + "' is not a number (use '.' for decimals)");
        }
        return Double.parseDouble(text);
    }

    private static LocalDate parseDate(String text) throws FieldProblem {
        LocalDate fast = plainDate(text);
        if (fast != null) {
            return fast;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new FieldProblem(Reason.INVALID_DATE, "'" + shorten(text) + "' is not a date YYYY-MM-DD");
        }
    }

    /** ISO-8601 with 'T' or a space; an offset or Z converts to UTC, none means UTC already. */
    static Instant parseTimestamp(String text) throws FieldProblem {
        Instant fast = plainUtc(text);
        if (fast != null) {
            return fast;
        }
        String t = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            return OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(t, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new FieldProblem(Reason.INVALID_DATE, "'" + shorten(text)
                        + "' is not an ISO-8601 timestamp like 2026-03-01T09:30:00Z");
            }
        }
    }

    /**
     * {@code YYYY-MM-DD}, or null for any other shape or an impossible date (the formatter then says
     * why). The formatter costs about a microsecond a value, which at tens of millions of event rows
     * is most of the ingest.
     */
    private static LocalDate plainDate(String t) {
        if (t.length() != 10 || t.charAt(4) != '-' || t.charAt(7) != '-') {
            return null;
        }
        int y = digits(t, 0, 4);
        int m = digits(t, 5, 2);
        int d = digits(t, 8, 2);
        if (y < 0 || m < 1 || m > 12 || d < 1 || d > 28 && d > YearMonth.of(y, m).lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(y, m, d);
    }

    /**
     * {@code YYYY-MM-DDTHH:MM:SS} with an optional {@code Z} or {@code ±HH:MM} offset (or a space for T),
     * else null. A tenth of a collaboration feed's events carry an offset, and the formatter took three
     * microseconds for each.
     */
    private static Instant plainUtc(String t) {
        int n = t.length();
        if (n != 19 && !(n == 20 && t.charAt(19) == 'Z') && n != 25 || t.charAt(13) != ':' || t.charAt(16) != ':') {
            return null;
        }
        char sep = t.charAt(10);
        LocalDate date = sep == 'T' || sep == ' ' ? plainDate(t.substring(0, 10)) : null;
        int h = digits(t, 11, 2);
        int mi = digits(t, 14, 2);
        int s = digits(t, 17, 2);
        if (date == null || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59) {
            return null;
        }
        long epoch = date.toEpochDay() * 86_400L + h * 3600L + mi * 60L + s;
        if (n == 25) {
            char sign = t.charAt(19);
            int oh = digits(t, 20, 2);
            int om = digits(t, 23, 2);
            // java.time allows offsets up to 18:00; leave the edge and every other shape to it
            if (sign != '+' && sign != '-' || t.charAt(22) != ':' || oh < 0 || oh > 17 || om < 0 || om > 59) {
                return null;
            }
            epoch -= (sign == '+' ? 1 : -1) * (oh * 3600L + om * 60L);
        }
        return Instant.ofEpochSecond(epoch);
    }

    /** The non-negative number written by {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String t, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static Boolean parseBoolean(String text) throws FieldProblem {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new FieldProblem(Reason.INVALID_VALUE, "'" + shorten(text) + "' is not true or false");
        };
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    private static final class FieldProblem extends Exception {
        private static final long serialVersionUID = 1L;
        final Reason reason;

        FieldProblem(Reason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }
}
