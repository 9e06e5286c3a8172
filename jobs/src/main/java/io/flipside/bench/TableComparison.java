package io.flipside.bench;

import static java.util.Objects.requireNonNull;

import io.flipside.tables.Column;
import io.flipside.tables.ColumnType;
import io.flipside.tables.MetricRow;
import io.flipside.tables.TableDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether a metric table as Flipside wrote it and the same table from another engine hold the same
 * values, cell by cell. Rows are matched on the table's key columns (every text column); numbers agree
 * within a relative 1e-9, as the engines add doubles in different orders. Rows that either side
 * suppressed are counted, not compared: DuckDB's reference applies only the minimum-group rule, not the
 * complementary suppression of SPEC §6.
 *
 * @param table      the table's name
 * @param rows       rows on Flipside's side
 * @param compared   cells compared
 * @param suppressed rows left out because either side suppressed them
 * @param problems   what differs, a line each (the first {@value #SHOWN} of them)
 */
public record TableComparison(String table, int rows, long compared, int suppressed, List<String> problems) {
    private static final int SHOWN = 10;
    private static final double RELATIVE = 1e-9;

    public TableComparison {
        requireNonNull(table, "table");
        problems = List.copyOf(problems);
    }

    public boolean same() {
        return problems.isEmpty();
    }

    /**
     * @param flipside the table as Flipside wrote it
     * @param other    the other engine's rows, column name to value
     */
    public static TableComparison of(TableDef def, List<MetricRow> flipside, List<Map<String, Object>> other) {
        List<String> keys = def.columns().stream().filter(c -> c.type() == ColumnType.STRING)
                .map(Column::name).toList();
        Map<List<Object>, Map<String, Object>> theirs = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> row : other) {
            List<Object> key = keys.stream().map(k -> (Object) Objects.toString(row.get(k), null)).toList();
            if (theirs.put(key, row) != null) {
                note(problems, "key " + key + " twice in the other engine's rows");
            }
        }
        long compared = 0;
        int suppressed = 0;
        boolean suppressible = def.columns().stream().anyMatch(c -> c.name().equals("suppressed"));
        for (MetricRow mine : flipside) {
            List<Object> key = keys.stream().map(k -> (Object) mine.getString(k)).toList();
            Map<String, Object> row = theirs.remove(key);
            if (row == null) {
                note(problems, "key " + key + " only in Flipside's rows");
                continue;
            }
            if (suppressible && (Boolean.TRUE.equals(mine.getBoolean("suppressed"))
                    || Boolean.TRUE.equals(row.get("suppressed")))) {
                suppressed++;
                continue;
            }
            for (Column c : def.columns()) {
                if (!keys.contains(c.name()) && !c.name().equals("suppressed")) {
                    compared++;
                    if (!agree(mine.get(c.name()), row.get(c.name()))) {
                        note(problems, key + " " + c.name() + ": Flipside " + mine.get(c.name()) + ", other "
                                + row.get(c.name()));
                    }
                }
            }
        }
        theirs.keySet().forEach(k -> note(problems, "key " + k + " only in the other engine's rows"));
        return new TableComparison(def.name(), flipside.size(), compared, suppressed, problems);
    }

    private static void note(List<String> problems, String problem) {
        if (problems.size() < SHOWN) {
            problems.add(problem);
        } else if (problems.size() == SHOWN) {
            problems.add("...");
        }
    }

    private static boolean agree(Object mine, Object theirs) {
        if (mine == null || theirs == null) {
            return mine == theirs;
        }
        if (mine instanceof Number a && theirs instanceof Number b) {
            double x = a.doubleValue();
            double y = b.doubleValue();
            return x == y || Math.abs(x - y) <= RELATIVE * Math.max(Math.abs(x), Math.abs(y));
        }
        return mine.toString().equals(theirs.toString());
    }
}
