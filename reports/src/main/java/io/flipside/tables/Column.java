package io.flipside.tables;

import static java.util.Objects.requireNonNull;

/**
 * One column of a metric table.
 *
 * @param name        the column name as written to Parquet and CSV
 * @param type        the value type
 * @param unit        the unit a reader needs to interpret a value ("pairs", "fraction 0-1", ...)
 * @param description what the value is, with the SPEC.md formula where there is one
 */
public record Column(String name, ColumnType type, String unit, String description) {
    public Column {
        requireNonNull(name, "name");
        requireNonNull(type, "type");
        requireNonNull(unit, "unit");
        requireNonNull(description, "description");
    }

    public static Column string(String name, String description) {
        return new Column(name, ColumnType.STRING, "text", description);
    }

    public static Column count(String name, String unit, String description) {
        return new Column(name, ColumnType.LONG, unit, description);
    }

    public static Column number(String name, String unit, String description) {
        return new Column(name, ColumnType.DOUBLE, unit, description);
    }

    public static Column flag(String name, String description) {
        return new Column(name, ColumnType.BOOLEAN, "true/false", description);
    }
}
