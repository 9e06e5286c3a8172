package io.flipside.privacy;

import io.flipside.tables.MetricRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the sibling families of SPEC §6 for a table keyed by cohort_id, role and other keys: roles
 * (mentor, mentee) within a cohort under the role {@code all} row, and cohorts within {@code ALL}. A
 * family without its parent row in the table has nothing to protect and is left out.
 */
public final class Families {
    private Families() {
    }

    /**
     * @param keys every key column of the table, including {@code cohort_id} and, where the table has it,
     *             {@code role}
     */
    public static List<Suppression.Family> rolesAndCohorts(List<MetricRow> rows, List<String> keys) {
        List<Suppression.Family> out = new ArrayList<>();
        if (keys.contains("role")) {
            out.addAll(level(rows, keys, "role", "all"));
        }
        out.addAll(level(rows, keys, "cohort_id", "ALL"));
        return out;
    }

    private static List<Suppression.Family> level(List<MetricRow> rows, List<String> keys, String column, String parent) {
        Map<List<Object>, Integer> parents = new LinkedHashMap<>();
        Map<List<Object>, List<Integer>> children = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            MetricRow r = rows.get(i);
            List<Object> rest = new ArrayList<>();
            for (String k : keys) {
                if (!k.equals(column)) {
                    rest.add(r.get(k));
                }
            }
            if (parent.equals(r.get(column))) {
                parents.put(rest, i);
            } else {
                children.computeIfAbsent(rest, k -> new ArrayList<>()).add(i);
            }
        }
        List<Suppression.Family> out = new ArrayList<>();
        parents.forEach((rest, p) -> out.add(new Suppression.Family(p, children.getOrDefault(rest, List.of()))));
        return out;
    }
}
