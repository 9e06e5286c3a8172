package io.flipside.privacy;

import static java.util.Objects.requireNonNull;

import io.flipside.tables.MetricRow;
import io.flipside.tables.TableDef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Minimum-group and complementary suppression of SPEC §6, the one mechanism every breakdown uses.
 *
 * <p>A row about fewer than {@code min_group_size} people keeps its keys and {@code n} but loses every
 * statistic and gets {@code suppressed = true}. Then, for each family of sibling rows that together
 * make up a parent row that is shown (roles within a cohort, cohorts within ALL, segments within a
 * cohort), a single suppressed sibling could be recovered by subtracting the shown siblings from the
 * parent; so the smallest other shown sibling (ties: the first in key order) is suppressed too, or,
 * when the suppressed row has no shown sibling, the parent itself, which then equals it. That
 * is repeated over all families until nothing changes, so a suppression at one level propagates to the
 * other. Two or more suppressed siblings in a family need nothing more.
 */
public final class Suppression {
    private Suppression() {
    }

    /**
     * The parent index of a family whose total is published elsewhere (a cohort's overall figure): shown
     * when its children together reach the minimum group size.
     */
    public static final int SHOWN_ELSEWHERE = -1;

    /**
     * Siblings that make up a parent.
     *
     * @param parent   index of the parent row, or {@link #SHOWN_ELSEWHERE}
     * @param children indexes of the sibling rows
     */
    public record Family(int parent, List<Integer> children) {
        public Family {
            children = List.copyOf(children);
        }
    }

    /**
     * @param rows        rows of one table, each with an {@code n} and a {@code suppressed} column
     * @param keep        columns kept on a suppressed row besides {@code n} (its keys and descriptors)
     * @param families    the sibling families over {@code rows}
     * @param keyOrder    order for breaking ties between equally small siblings
     * @return the rows in the same order, suppressed where needed
     */
    public static List<MetricRow> apply(List<MetricRow> rows, int minGroupSize, Set<String> keep,
            List<Family> families, Comparator<MetricRow> keyOrder) {
        requireNonNull(keep, "keep");
        boolean[] hidden = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Long n = rows.get(i).getLong("n");
            hidden[i] = n == null || n < minGroupSize;
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Family f : families) {
                if (f.parent() == SHOWN_ELSEWHERE ? total(rows, f) < minGroupSize : hidden[f.parent()]) {
                    continue;
                }
                long suppressed = f.children().stream().filter(c -> hidden[c]).count();
                if (suppressed != 1) {
                    continue;
                }
                Integer smallest = f.children().stream().filter(c -> !hidden[c])
                        .min(Comparator.<Integer>comparingLong(c -> rows.get(c).getLong("n"))
                                .thenComparing((a, b) -> keyOrder.compare(rows.get(a), rows.get(b))))
                        .orElse(null);
                if (smallest != null) {
                    hidden[smallest] = true;
                    changed = true;
                } else if (f.parent() != SHOWN_ELSEWHERE) {
                    // an only child equals its parent, so the parent has to go
                    hidden[f.parent()] = true;
                    changed = true;
                }
            }
        }
        List<MetricRow> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            out.add(hidden[i] ? blank(rows.get(i), keep) : rows.get(i).toBuilder().set("suppressed", false).build());
        }
        return out;
    }

    /** The people a family's parent is about, when it is only shown elsewhere: its children's together. */
    private static long total(List<MetricRow> rows, Family f) {
        return f.children().stream().mapToLong(c -> rows.get(c).getLong("n")).sum();
    }

    private static MetricRow blank(MetricRow row, Set<String> keep) {
        TableDef def = row.table();
        MetricRow.Builder b = def.newRow();
        for (var c : def.columns()) {
            if (c.name().equals("n") || keep.contains(c.name())) {
                b.set(c.name(), row.get(c.name()));
            }
        }
        return b.set("suppressed", true).build();
    }
}
