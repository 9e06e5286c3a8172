package io.flipside.metrics.comparison;

import static java.util.Objects.requireNonNull;

import io.flipside.metrics.retention.Subject;
import io.flipside.stats.Holm;
import io.flipside.stats.KaplanMeier;
import io.flipside.stats.LogRank;
import io.flipside.stats.Normal;
import io.flipside.stats.WelchTest;
import io.flipside.tables.MetricRow;
import io.flipside.tables.MetricTables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The {@code cohort_comparison} table of SPEC §5 from per-person (or per-pair) values: every pair of
 * cohorts in start order with enough people on both sides, Welch t-tests for means, Kaplan–Meier and
 * the log-rank test for retention, then Holm's adjustment within each (metric, key, role) family.
 */
public final class CohortComparisonCalculator {
    /** A flagged difference needs at least this many people (pairs) on each side, besides p_holm < 0.05. */
    public static final int FLAG_MIN_N = 20;
    private static final int RETENTION_HORIZON = 365;

    /** One (metric, key, role) family: key is null where it does not apply. */
    public record Measure(String metric, String key, String role) {
        public Measure {
            requireNonNull(metric, "metric");
            requireNonNull(role, "role");
        }
    }

    private final List<String> cohorts;
    private final int minGroupSize;
    private final List<MetricRow> rows = new ArrayList<>();
    private final Map<Measure, List<Integer>> families = new LinkedHashMap<>();

    /**
     * @param cohorts cohort ids in start order (ties by id): cohort a of a pair is the earlier
     */
    public CohortComparisonCalculator(List<String> cohorts, int minGroupSize) {
        this.cohorts = List.copyOf(cohorts);
        this.minGroupSize = minGroupSize;
    }

    /** Adds the rows of one measure compared by means: values per cohort (people, or pairs). */
    public CohortComparisonCalculator means(Measure measure, Map<String, double[]> valuesByCohort) {
        forEachPair(valuesByCohort.keySet(), (a, b) -> {
            double[] va = valuesByCohort.get(a);
            double[] vb = valuesByCohort.get(b);
            if (va.length < minGroupSize || vb.length < minGroupSize) {
                return;
            }
            WelchTest.Result w = WelchTest.test(va, vb);
            add(measure, row(measure, a, b, va.length, vb.length).set("estimate_a", w.meanA()).set("estimate_b", w.meanB())
                    .set("difference", w.difference()).set("ci_low", w.ciLow()).set("ci_high", w.ciHigh())
                    .set("statistic", w.t()).set("p_value", w.p()).set("test", "welch_t"));
        });
        return this;
    }

    /**
     * Adds retention_365: participants of cohorts followed at least 365 days, each timed from their own
     * cohort's start.
     */
    public CohortComparisonCalculator retention(Measure measure, Map<String, List<Subject>> participantsByCohort) {
        forEachPair(participantsByCohort.keySet(), (a, b) -> {
            List<Subject> sa = participantsByCohort.get(a);
            List<Subject> sb = participantsByCohort.get(b);
            if (sa.size() < minGroupSize || sb.size() < minGroupSize) {
                return;
            }
            KaplanMeier.Estimate ea = fit(sa).at(RETENTION_HORIZON);
            KaplanMeier.Estimate eb = fit(sb).at(RETENTION_HORIZON);
            double difference = ea.survival() - eb.survival();
            Double low = null;
            Double high = null;
            if (ea.stdErr() != null && eb.stdErr() != null) {
                double half = Normal.Z975 * Math.sqrt(ea.stdErr() * ea.stdErr() + eb.stdErr() * eb.stdErr());
                low = difference - half;
                high = difference + half;
            }
            List<Subject> both = new ArrayList<>(sa);
            both.addAll(sb);
            int[] time = both.stream().mapToInt(Subject::time).toArray();
            boolean[] event = new boolean[both.size()];
            boolean[] inA = new boolean[both.size()];
            for (int i = 0; i < both.size(); i++) {
                event[i] = both.get(i).event();
                inA[i] = i < sa.size();
            }
            LogRank.Result lr = LogRank.test(time, event, inA);
            add(measure, row(measure, a, b, sa.size(), sb.size()).set("estimate_a", ea.survival())
                    .set("estimate_b", eb.survival()).set("difference", difference).set("ci_low", low).set("ci_high", high)
                    .set("statistic", lr.chiSquare()).set("p_value", lr.p()).set("test", "log_rank"));
        });
        return this;
    }

    /** The rows in the order added, with p_holm and flagged filled in. */
    public List<MetricRow> rows() {
        List<MetricRow> out = new ArrayList<>(rows);
        for (List<Integer> family : families.values()) {
            List<Double> p = family.stream().map(i -> rows.get(i).getDouble("p_value")).toList();
            List<Double> adjusted = Holm.adjust(p);
            for (int j = 0; j < family.size(); j++) {
                MetricRow r = rows.get(family.get(j));
                Double holm = adjusted.get(j);
                boolean flagged = holm != null && holm < 0.05 && r.getLong("n_a") >= FLAG_MIN_N
                        && r.getLong("n_b") >= FLAG_MIN_N;
                out.set(family.get(j), r.toBuilder().set("p_holm", holm).set("flagged", flagged).build());
            }
        }
        return out;
    }

    private void forEachPair(Set<String> present, BiConsumer<String, String> action) {
        for (int i = 0; i < cohorts.size(); i++) {
            for (int j = i + 1; j < cohorts.size(); j++) {
                if (present.contains(cohorts.get(i)) && present.contains(cohorts.get(j))) {
                    action.accept(cohorts.get(i), cohorts.get(j));
                }
            }
        }
    }

    private static MetricRow.Builder row(Measure m, String a, String b, int na, int nb) {
        return MetricTables.COHORT_COMPARISON.newRow().set("metric", m.metric()).set("key", m.key()).set("role", m.role())
                .set("cohort_a", a).set("cohort_b", b).set("n_a", na).set("n_b", nb);
    }

    private void add(Measure m, MetricRow.Builder row) {
        families.computeIfAbsent(m, k -> new ArrayList<>()).add(rows.size());
        rows.add(row.set("flagged", false).build());
    }

    private static KaplanMeier fit(List<Subject> s) {
        boolean[] event = new boolean[s.size()];
        for (int i = 0; i < s.size(); i++) {
            event[i] = s.get(i).event();
        }
        return KaplanMeier.fit(s.stream().mapToInt(Subject::time).toArray(), event);
    }
}
