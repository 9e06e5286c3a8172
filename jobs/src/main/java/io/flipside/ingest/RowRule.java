package io.flipside.ingest;

import java.io.Serializable;
import java.util.Map;

/**
 * A rule over one row's parsed values (SPEC §2 "rules" column), checked after every field parsed.
 * Returns null when the row passes, else the violation.
 */
@FunctionalInterface
public interface RowRule extends Serializable {
    Violation check(Map<String, Object> row);

    /** A failed rule: the reason code and a sentence a data owner can act on. */
    record Violation(Reason reason, String detail) implements Serializable {
    }
}
