package io.flipside.ingest;

/** The type of an input field, how its text is parsed and which quarantine reason a bad value gets. */
public enum FieldType {
    /** Free text or an identifier. */
    STRING,
    /** A whole number. */
    INT,
    /** A decimal number with '.' as separator. */
    DECIMAL,
    /** An ISO date, YYYY-MM-DD. */
    DATE,
    /** An ISO-8601 timestamp; no offset means UTC. */
    TIMESTAMP,
    /** true or false (any case). */
    BOOLEAN
}
