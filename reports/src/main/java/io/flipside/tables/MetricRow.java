package io.flipside.tables;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * One immutable row of a metric table. Values are typed by the table's columns
 * ({@link ColumnType#javaType()}); null means "no value" (suppressed, not computable or absent).
 */
public final class MetricRow {
    private final TableDef table;
    private final Object[] values;

    private MetricRow(TableDef table, Object[] values) {
        this.table = table;
        this.values = values;
    }

    public TableDef table() {
        return table;
    }

    public Object get(String column) {
        return values[table.indexOf(column)];
    }

    public Object get(int index) {
        return values[index];
    }

    public String getString(String column) {
        return (String) get(column);
    }

    public Double getDouble(String column) {
        return (Double) get(column);
    }

    public Long getLong(String column) {
        return (Long) get(column);
    }

    public Boolean getBoolean(String column) {
        return (Boolean) get(column);
    }

    public LocalDate getDate(String column) {
        return (LocalDate) get(column);
    }

    /** A copy of the values in column order. */
    public Object[] values() {
        return values.clone();
    }

    /** A builder starting from this row's values, for derived rows (suppression, deltas). */
    public Builder toBuilder() {
        Builder b = new Builder(table);
        System.arraycopy(values, 0, b.values, 0, values.length);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetricRow other && other.table.name().equals(table.name())
                && Arrays.equals(other.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * table.name().hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(table.name()).append('{');
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ", ").append(table.columns().get(i).name()).append('=').append(values[i]);
        }
        return s.append('}').toString();
    }

    /** Fills a row column by column; {@link #build()} checks every value against its column type. */
    public static final class Builder {
        private final TableDef table;
        private final Object[] values;

        Builder(TableDef table) {
            this.table = requireNonNull(table, "table");
            this.values = new Object[table.columns().size()];
        }

        /**
         * Sets a column. Integers widen to {@link Long}; a non-finite double is stored as null,
         * because NaN and infinities mean "not computable" to every reader of our outputs.
         */
        public Builder set(String column, Object value) {
            int i = table.indexOf(column);
            values[i] = normalise(table.columns().get(i), value);
            return this;
        }

        public MetricRow build() {
            return new MetricRow(table, values.clone());
        }

        private Object normalise(Column column, Object value) {
            if (value == null) {
                return null;
            }
            Object v = value;
            if (column.type() == ColumnType.LONG && v instanceof Integer i) {
                v = i.longValue();
            } else if (column.type() == ColumnType.DOUBLE && v instanceof Number n && !(v instanceof Double)) {
                v = n.doubleValue();
            }
            if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
                return null;
            }
            if (!column.type().javaType().isInstance(v)) {
                throw new IllegalArgumentException("column " + table.name() + "." + column.name()
                        + " holds " + column.type() + ", not " + v.getClass().getSimpleName() + " " + v);
            }
            return v;
        }
    }
}
