package io.flipside.ingest;

import java.util.List;

/**
 * One input record before validation.
 *
 * @param row        1-based data row within its file, counting records, not physical lines
 * @param values     the text of each of the dataset's fields, in the order the reader was given; null
 *                   where empty or absent
 * @param malformed  why the record could not be split into the file's columns, or null
 * @param rawFields  the record's fields as read, kept for the quarantine copy of a malformed row
 */
public record RawRecord(long row, String[] values, String malformed, List<String> rawFields) {
}
