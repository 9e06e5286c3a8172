package io.flipside.tables;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The definition of one metric table: its name (the folder under {@code metrics/} and the CSV file
 * name), its grain and its columns in output order. Definitions live in {@link MetricTables} and are
 * shared by the Spark writer, the CSV export, the report model and the tests.
 */
public final class TableDef {
    private final String name;
    private final String grain;
    private final List<Column> columns;
    private final Map<String, Integer> indexByName;

    public TableDef(String name, String grain, List<Column> columns) {
        this.name = requireNonNull(name, "name");
        this.grain = requireNonNull(grain, "grain");
        this.columns = List.copyOf(columns);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < this.columns.size(); i++) {
            if (index.put(this.columns.get(i).name(), i) != null) {
                throw new IllegalArgumentException("table " + name + " defines column "
                        + this.columns.get(i).name() + " twice");
            }
        }
        this.indexByName = Map.copyOf(index);
    }

    /** The table name, e.g. {@code engagement}. */
    public String name() {
        return name;
    }

    /** What one row stands for, e.g. "one row per cohort_id". */
    public String grain() {
        return grain;
    }

    public List<Column> columns() {
        return columns;
    }

    /** The position of a column, or an exception naming the table when it has no such column. */
    public int indexOf(String column) {
        Integer i = indexByName.get(column);
        if (i == null) {
            throw new IllegalArgumentException("table " + name + " has no column " + column);
        }
        return i;
    }

    public Column column(String column) {
        return columns.get(indexOf(column));
    }

    /** Starts a row of this table; unset columns are null. */
    public MetricRow.Builder newRow() {
        return new MetricRow.Builder(this);
    }

    @Override
    public String toString() {
        return name;
    }
}
