package io.flipside.tables;

/** The value types a metric table column can hold; each maps to one Java type. */
public enum ColumnType {
    /** Text, {@link String}. */
    STRING(String.class),
    /** Whole numbers and counts, {@link Long}. */
    LONG(Long.class),
    /** Measurements, rates and statistics, {@link Double}. */
    DOUBLE(Double.class),
    /** Flags, {@link Boolean}. */
    BOOLEAN(Boolean.class),
    /** Calendar dates, {@link java.time.LocalDate}. */
    DATE(java.time.LocalDate.class);

    private final Class<?> javaType;

    ColumnType(Class<?> javaType) {
        this.javaType = javaType;
    }

    /** The Java class values of this type have in a {@link MetricRow}. */
    public Class<?> javaType() {
        return javaType;
    }
}
