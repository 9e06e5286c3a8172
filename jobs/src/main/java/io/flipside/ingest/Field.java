package io.flipside.ingest;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Set;

/**
 * One column of an input dataset and its rules (SPEC §2).
 *
 * @param name      lower-case column name; input headers match case-insensitively
 * @param type      how the text is parsed
 * @param required  a row without a value is quarantined as {@code missing_field}
 * @param nullable  when an optional value is invalid it is set to null and counted as
 *                  {@code fields_nulled} instead of quarantining the row
 * @param personId  an employee id, pseudonymised at ingest
 * @param allowed   the allowed values of a STRING field (empty: any)
 * @param min       lowest allowed number (null: none)
 * @param max       highest allowed number (null: none)
 * @param dflt      the value used when the field is empty (text form; null: none)
 */
public record Field(String name, FieldType type, boolean required, boolean nullable, boolean personId,
        Set<String> allowed, Double min, Double max, String dflt) implements Serializable {

    public Field {
        requireNonNull(name, "name");
        requireNonNull(type, "type");
        allowed = Set.copyOf(allowed);
    }

    public static Field required(String name, FieldType type) {
        return new Field(name, type, true, false, false, Set.of(), null, null, null);
    }

    public static Field optional(String name, FieldType type) {
        return new Field(name, type, false, false, false, Set.of(), null, null, null);
    }

    public Field person() {
        return new Field(name, type, required, nullable, true, allowed, min, max, dflt);
    }

    /** Invalid values of this optional field become null rather than rejecting the row. */
    public Field nulledWhenInvalid() {
        return new Field(name, type, required, true, personId, allowed, min, max, dflt);
    }

    public Field oneOf(String... values) {
        return new Field(name, type, required, nullable, personId, Set.of(values), min, max, dflt);
    }

    public Field range(double lo, double hi) {
        return new Field(name, type, required, nullable, personId, allowed, lo, hi, dflt);
    }

    public Field atLeast(double lo) {
        return new Field(name, type, required, nullable, personId, allowed, lo, max, dflt);
    }

    public Field withDefault(String value) {
        return new Field(name, type, required, nullable, personId, allowed, min, max, value);
    }
}
