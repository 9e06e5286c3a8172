package io.flipside.ingest;

import java.util.List;
import java.util.Map;

/**
 * One input record before validation.
 *
 * @param row        1-based data row within its file, counting records, not physical lines
 * @param fields     the text of each column by lower-case name
 * @param malformed  why the record could not be split into the file's columns, or null
 * @param rawFields  the record's fields as read, kept for the quarantine copy of a malformed row
 */
public record RawRecord(long row, Map<String, String> fields, String malformed, List<String> rawFields) {
}
