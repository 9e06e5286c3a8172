package io.flipside.privacy;

import io.flipside.tables.MetricRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

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
            out.addAll(level(rows, keys, "role", "all", r -> true));
        }
        out.addAll(level(rows, keys, "cohort_id", "ALL", r -> true));
        return out;
    }

    /**
     * The families of one level: for each combination of the other keys, the row whose {@code column}
     * holds {@code parent} and, as its children, the rows that differ from it only in {@code column}
     * and pass {@code child} (a parent made of some siblings only, as participants are of mentors and
     * mentees but not of the comparison group).
     */
    public static List<Suppression.Family> level(List<MetricRow> rows, List<String> keys, String column, String parent,
            Predicate<MetricRow> child) {
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
            } else if (child.test(r)) {
                children.computeIfAbsent(rest, k -> new ArrayList<>()).add(i);
            }
        }
        List<Suppression.Family> out = new ArrayList<>();
        parents.forEach((rest, p) -> out.add(new Suppression.Family(p, children.getOrDefault(rest, List.of()))));
        return out;
    }
}
