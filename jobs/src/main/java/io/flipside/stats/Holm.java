package io.flipside.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Holm's step-down adjustment of p-values for multiple tests, as R's {@code p.adjust(p, "holm")}:
 * the i-th smallest of m p-values becomes max over j ≤ i of min(1, (m − j + 1)·p₍ⱼ₎). Null p-values
 * are left out of m and stay null (R's {@code p.adjust} does the same with NA).
 */
public final class Holm {
    private Holm() {
    }

    public static List<Double> adjust(List<Double> p) {
        Integer[] order = new Integer[p.size()];
        int m = 0;
        for (int i = 0; i < p.size(); i++) {
            if (p.get(i) != null) {
                order[m++] = i;
            }
        }
        Integer[] present = Arrays.copyOf(order, m);
        // a stable sort keeps equal p-values in input order, as R's order() does
        Arrays.sort(present, Comparator.comparingDouble(p::get));
        List<Double> out = new ArrayList<>(java.util.Collections.nCopies(p.size(), (Double) null));
        double running = 0;
        for (int j = 0; j < m; j++) {
            running = Math.max(running, Math.min(1, (m - j) * p.get(present[j])));
            out.set(present[j], running);
        }
        return out;
    }
}
