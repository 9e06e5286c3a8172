package io.flipside.ingest;

/** The stable quarantine reason codes of SPEC §3, as written to {@code _reason} and the manifest. */
public enum Reason {
    MISSING_FIELD, INVALID_DATE, INVALID_NUMBER, OUT_OF_RANGE, INVALID_VALUE, DUPLICATE_KEY, UNKNOWN_EMPLOYEE,
    UNKNOWN_PAIR, UNKNOWN_COHORT, UNKNOWN_ITEM, UNKNOWN_SKILL, NOT_IN_PAIR, SELF_PAIR, ROLE_CONFLICT, MALFORMED_ROW;

    /** The code as it appears in outputs, e.g. {@code unknown_pair}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
