package io.flipside.metrics.kpi;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.flipside.metrics.MetricInputs;
import io.flipside.metrics.retention.RetentionCalculator;
import io.flipside.metrics.retention.RetentionSubjects;
import io.flipside.metrics.retention.Subject;
import io.flipside.metrics.survey.SurveyAnswer;
import io.flipside.metrics.survey.SurveyCalculator;
import io.flipside.metrics.survey.SurveyItem;
import io.flipside.metrics.survey.SurveyJob;
import io.flipside.tables.MetricRow;
import io.flipside.tables.MetricTable;
import io.flipside.tables.MetricTables;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;

/**
 * The executive's numbers (SPEC §5 kpis) at one period end: read from the metric tables computed at
 * that as-of date, so the previous quarter's values come from the same code run with an earlier as-of.
 * The few KPIs no table holds (active pairs in the quarter, favourability and eNPS at each cohort's
 * latest wave, retention at 365 days whatever the configured horizons) are derived here from the
 * same shared inputs and calculators. A value is null when its inputs are missing or suppressed.
 */
public final class KpiJob {
    private KpiJob() {
    }

    /**
     * @param tables the metric tables computed at {@code in}'s as-of date
     */
    public static List<MetricRow> compute(MetricInputs in, List<MetricTable> tables) {
        Map<String, List<MetricRow>> byName = new HashMap<>();
        tables.forEach(t -> byName.put(t.def().name(), t.rows()));
        List<String> cohorts = new ArrayList<>(in.startedCohorts());
        cohorts.add(MetricInputs.ALL);
        Set<String> activePairs = activePairs(in);
        Map<String, Double> favorable = new HashMap<>();
        Map<String, Double> enps = new HashMap<>();
        if (in.dataset("survey_responses").isPresent()) {
            latestWave(in, favorable, enps);
        }
        List<MetricRow> retention = new RetentionCalculator(RetentionSubjects.of(in),
                in.config().minGroupSize()).retention(List.of(365));
        List<MetricRow> rows = new ArrayList<>();
        for (String cohort : cohorts) {
            Kpis k = new Kpis(in.asOf(), cohort, rows);
            k.add("active_pairs", activePairs == null ? null : (double) in.pairs().stream()
                    .filter(p -> (cohort.equals(MetricInputs.ALL) || p.cohortId().equals(cohort))
                            && activePairs.contains(p.pairId()) && p.runningAt(in.asOf())).count(), "count");
            MetricRow engagement = find(byName.get("engagement"), cohort);
            k.add("attendance_rate", value(engagement, "attendance_rate"), "fraction");
            k.add("held_per_pair_month", value(engagement, "held_per_pair_month"), "count");
            k.add("engagement_rate_30d", value(find(byName.get("activity"), cohort), "engagement_rate_30d"), "fraction");
            k.add("mentee_gain_g", meanGain(in, byName.get("knowledge_transfer"), cohort, "mentee"), "g");
            k.add("mentor_gain_g", meanGain(in, byName.get("knowledge_transfer"), cohort, "mentor"), "g");
            k.add("favorable_pct", favorable.get(cohort), "pct");
            k.add("enps", enps.get(cohort), "points");
            k.add("retention_365_participant", retentionOf(retention, cohort, Subject.PARTICIPANT), "fraction");
            k.add("retention_365_comparison", retentionOf(retention, cohort, Subject.COMPARISON), "fraction");
        }
        return rows;
    }

    private record Kpis(LocalDate periodEnd, String cohort, List<MetricRow> out) {
        void add(String kpi, Double value, String unit) {
            out.add(MetricTables.KPIS.newRow().set("period_end", periodEnd).set("cohort_id", cohort).set("kpi", kpi)
                    .set("value", value).set("unit", unit).build());
        }
    }

    /** Pairs with a held session in the three months ending at as-of; null without sessions. */
    private static Set<String> activePairs(MetricInputs in) {
        if (in.dataset("sessions").isEmpty()) {
            return null;
        }
        LocalDate from = in.asOf().minusMonths(3);
        Set<String> out = new HashSet<>();
        for (Row r : in.dataset("sessions").orElseThrow()
                .filter(col("status").equalTo("held").and(col("session_date").gt(lit(from)))
                        .and(col("session_date").leq(lit(in.asOf()))))
                .select("pair_id").distinct().collectAsList()) {
            out.add(r.getString(0));
        }
        return out;
    }

    /**
     * Favourability and eNPS over the answers at each cohort's latest wave with answers by as-of; ALL
     * pools those answers. Null where fewer than the minimum group of people answered.
     */
    private static void latestWave(MetricInputs in, Map<String, Double> favorable, Map<String, Double> enps) {
        SurveyJob.Answers data = SurveyJob.answers(in);
        Map<String, long[]> likert = new HashMap<>();
        Map<String, long[]> nps = new HashMap<>();
        Map<String, Set<String>> likertPeople = new HashMap<>();
        Map<String, Set<String>> npsPeople = new HashMap<>();
        for (SurveyAnswer a : SurveyCalculator.latestWave(data.answers(), SurveyAnswer::cohortId)) {
            SurveyItem item = data.items().get(a.itemId());
            for (String c : List.of(a.cohortId(), MetricInputs.ALL)) {
                String person = a.cohortId() + "|" + a.respondentId();
                if (item.nps()) {
                    nps.computeIfAbsent(c, k -> new long[3])[SurveyCalculator.npsBucket(a.value())]++;
                    npsPeople.computeIfAbsent(c, k -> new HashSet<>()).add(person);
                } else {
                    long[] f = likert.computeIfAbsent(c, k -> new long[2]);
                    f[0] += SurveyCalculator.favorable(item.x(a.value())) ? 1 : 0;
                    f[1]++;
                    likertPeople.computeIfAbsent(c, k -> new HashSet<>()).add(person);
                }
            }
        }
        int min = in.config().minGroupSize();
        likert.forEach((c, f) -> {
            if (likertPeople.get(c).size() >= min) {
                favorable.put(c, 100.0 * f[0] / f[1]);
            }
        });
        nps.forEach((c, n) -> {
            if (npsPeople.get(c).size() >= min) {
                enps.put(c, 100.0 * (n[0] - n[2]) / (n[0] + n[1] + n[2]));
            }
        });
    }

    /** Mean hedges_gz over the skills the role is the expected learner of, at learning.comparison_source. */
    private static Double meanGain(MetricInputs in, List<MetricRow> knowledge, String cohort, String role) {
        if (knowledge == null) {
            return null;
        }
        double[] g = knowledge.stream().filter(r -> r.getString("cohort_id").equals(cohort)
                        && r.getString("role").equals(role) && Boolean.TRUE.equals(r.getBoolean("expected_learner"))
                        && r.getString("source").equals(in.config().comparisonSource()) && r.getDouble("hedges_gz") != null)
                .mapToDouble(r -> r.getDouble("hedges_gz")).toArray();
        return g.length == 0 ? null : java.util.Arrays.stream(g).average().orElseThrow();
    }

    private static Double retentionOf(List<MetricRow> rows, String cohort, String group) {
        return rows.stream().filter(r -> r.getString("cohort_id").equals(cohort) && r.getString("group").equals(group))
                .findFirst().map(r -> r.getDouble("retention")).orElse(null);
    }

    private static MetricRow find(List<MetricRow> rows, String cohort) {
        return rows == null ? null : rows.stream().filter(r -> cohort.equals(r.getString("cohort_id"))).findFirst()
                .orElse(null);
    }

    private static Double value(MetricRow row, String column) {
        return row == null ? null : row.getDouble(column);
    }
}
