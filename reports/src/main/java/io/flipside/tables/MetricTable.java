package io.flipside.tables;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The rows of one metric table, in output order. */
public record MetricTable(TableDef def, List<MetricRow> rows) {
    public MetricTable {
        requireNonNull(def, "def");
        rows = List.copyOf(rows);
        for (MetricRow row : rows) {
            if (row.table() != def) {
                throw new IllegalArgumentException("a row of " + row.table() + " in table " + def);
            }
        }
    }
}
