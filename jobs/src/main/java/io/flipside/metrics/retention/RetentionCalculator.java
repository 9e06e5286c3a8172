package io.flipside.metrics.retention;

import io.flipside.metrics.MetricInputs;
import io.flipside.privacy.Families;
import io.flipside.privacy.Suppression;
import io.flipside.stats.CoxModel;
import io.flipside.stats.KaplanMeier;
import io.flipside.stats.LogRank;
import io.flipside.tables.MetricRow;
import io.flipside.tables.MetricTables;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The retention tables of SPEC §5 from the subjects: plain Java over plain lists, the statistics from
 * {@link KaplanMeier}, {@link LogRank} and {@link CoxModel}, small groups protected by
 * {@link Suppression} with mentors and mentees as siblings within participants and cohorts within ALL.
 */
public final class RetentionCalculator {
    /** The groups of the tables, in the order rows are written. */
    public static final List<String> GROUPS = List.of(Subject.MENTOR, Subject.MENTEE, Subject.PARTICIPANT,
            Subject.COMPARISON);
    private static final List<String> CONTRASTS = List.of(Subject.PARTICIPANT, Subject.MENTOR, Subject.MENTEE);
    private static final List<String> COX_TERMS = List.of("in_group", "job_level", "tenure_years");

    private final Map<String, List<Subject>> byCohort;
    private final Map<String, Integer> followUpDays;
    private final int minGroupSize;
    private final Map<String, List<Subject>> selections = new HashMap<>();

    /**
     * @param followUpDays days from each cohort's start to as-of, in cohort order (start, then id)
     */
    public RetentionCalculator(List<Subject> subjects, Map<String, Integer> followUpDays, int minGroupSize) {
        this(group(subjects), followUpDays, minGroupSize);
    }

    /** From subjects already grouped by cohort, as {@link RetentionSubjects#byCohort()} holds them. */
    public RetentionCalculator(RetentionSubjects subjects, int minGroupSize) {
        this(subjects.byCohort(), subjects.followUpDays(), minGroupSize);
    }

    private RetentionCalculator(Map<String, List<Subject>> byCohort, Map<String, Integer> followUpDays,
            int minGroupSize) {
        this.byCohort = byCohort;
        this.followUpDays = new LinkedHashMap<>(followUpDays);
        this.minGroupSize = minGroupSize;
    }

    private static Map<String, List<Subject>> group(List<Subject> subjects) {
        Map<String, List<Subject>> byCohort = new LinkedHashMap<>();
        for (Subject s : subjects) {
            byCohort.computeIfAbsent(s.cohortId(), k -> new ArrayList<>()).add(s);
        }
        return byCohort;
    }

    /** §5 survival_curve: every distinct time with at least min_group_size at risk. */
    public List<MetricRow> survivalCurve() {
        List<MetricRow> rows = new ArrayList<>();
        for (String cohort : cohortsAndAll()) {
            for (String group : GROUPS) {
                List<Subject> s = select(cohort, group);
                if (s.isEmpty()) {
                    continue;
                }
                for (KaplanMeier.Step step : fit(s).steps()) {
                    if (step.nRisk() < minGroupSize) {
                        break;
                    }
                    rows.add(MetricTables.SURVIVAL_CURVE.newRow().set("cohort_id", cohort).set("group", group)
                            .set("time", step.time()).set("n_risk", step.nRisk()).set("n_event", step.nEvent())
                            .set("n_censor", step.nCensor()).set("survival", step.survival())
                            .set("std_err", step.stdErr()).set("ci_low", step.ciLow()).set("ci_high", step.ciHigh())
                            .build());
                }
            }
        }
        return rows;
    }

    /** §5 retention: S at each horizon; ALL stacks the cohorts followed at least that long. */
    public List<MetricRow> retention(List<Integer> horizons) {
        List<MetricRow> rows = new ArrayList<>();
        for (String cohort : cohortsAndAll()) {
            for (String group : GROUPS) {
                List<Subject> own = cohort.equals(MetricInputs.ALL) ? null : select(cohort, group);
                KaplanMeier ownCurve = own == null ? null : fit(own);
                for (int h : horizons) {
                    List<Subject> s = own != null ? own : followedFor(group, h);
                    boolean followed = own == null ? !s.isEmpty() : followUpDays.get(cohort) >= h;
                    MetricRow.Builder b = MetricTables.RETENTION.newRow().set("cohort_id", cohort).set("group", group)
                            .set("horizon_days", h).set("n", s.size())
                            .set("events", s.stream().filter(x -> x.event() && x.time() <= h).count());
                    if (followed) {
                        KaplanMeier.Estimate at = (ownCurve != null ? ownCurve : fit(s)).at(h);
                        b.set("retention", at.survival()).set("ci_low", at.ciLow()).set("ci_high", at.ciHigh());
                    }
                    rows.add(b.build());
                }
            }
        }
        List<String> keys = List.of("cohort_id", "group", "horizon_days");
        List<Suppression.Family> families = new ArrayList<>(Families.level(rows, keys, "group", Subject.PARTICIPANT,
                r -> !Subject.COMPARISON.equals(r.getString("group"))));
        families.addAll(Families.level(rows, keys, "cohort_id", MetricInputs.ALL,
                r -> followUpDays.get(r.getString("cohort_id")) >= r.getLong("horizon_days")));
        return Suppression.apply(rows, minGroupSize, Set.copyOf(keys), families, order(keys));
    }

    /** §5 retention_tests: each group against the comparison group of its cohort. */
    public List<MetricRow> tests() {
        List<MetricRow> rows = new ArrayList<>();
        for (String cohort : followUpDays.keySet()) {
            for (String group : CONTRASTS) {
                List<Subject> s = byCohort.getOrDefault(cohort, List.of()).stream()
                        .filter(x -> x.in(group) || x.in(Subject.COMPARISON)).toList();
                rows.add(test(cohort, group, s));
            }
        }
        return rows;
    }

    private MetricRow test(String cohort, String group, List<Subject> s) {
        int n = s.size();
        int[] time = new int[n];
        boolean[] event = new boolean[n];
        boolean[] inGroup = new boolean[n];
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            Subject subject = s.get(i);
            time[i] = subject.time();
            event[i] = subject.event();
            inGroup[i] = subject.in(group);
            x[i] = new double[] {inGroup[i] ? 1 : 0, subject.jobLevel(), subject.tenureYears()};
        }
        LogRank.Result lr = LogRank.test(time, event, inGroup);
        MetricRow.Builder b = MetricTables.RETENTION_TESTS.newRow().set("cohort_id", cohort)
                .set("contrast", group + "_vs_comparison").set("n_group", lr.n1()).set("n_comparison", lr.n2());
        if (lr.n1() < minGroupSize || lr.n2() < minGroupSize) {
            return b.set("suppressed", true).build();
        }
        b.set("events_group", lr.events1()).set("events_comparison", lr.events2())
                .set("logrank_chisq", lr.chiSquare()).set("logrank_p", lr.p()).set("suppressed", false);
        CoxModel.Fit cox = CoxModel.fit(time, event, x, COX_TERMS);
        CoxModel.Coefficient c = cox.coefficient("in_group");
        b.set("hazard_ratio", c.hazardRatio()).set("hr_ci_low", c.ciLow()).set("hr_ci_high", c.ciHigh())
                .set("hr_p", c.p());
        if (lr.chiSquare() == null) {
            b.set("note", "no events in either group by the as-of date");
        } else if (cox.status() != CoxModel.Status.CONVERGED) {
            b.set("note", "Cox model: " + cox.note());
        } else if (c.beta() == null) {
            b.set("note", "Cox model: every subject is in the same group");
        }
        return b.build();
    }

    /** §5 promotion: share of subjects promoted within 365 days of the start. */
    public List<MetricRow> promotion() {
        List<MetricRow> rows = new ArrayList<>();
        for (String cohort : cohortsAndAll()) {
            for (String group : GROUPS) {
                List<Subject> s = select(cohort, group);
                long promoted = s.stream().filter(Subject::promoted365).count();
                rows.add(MetricTables.PROMOTION.newRow().set("cohort_id", cohort).set("group", group).set("n", s.size())
                        .set("promoted_365", promoted).set("promotion_rate", s.isEmpty() ? null : (double) promoted / s.size())
                        .build());
            }
        }
        List<String> keys = List.of("cohort_id", "group");
        List<Suppression.Family> families = new ArrayList<>(Families.level(rows, keys, "group", Subject.PARTICIPANT,
                r -> !Subject.COMPARISON.equals(r.getString("group"))));
        families.addAll(Families.level(rows, keys, "cohort_id", MetricInputs.ALL, r -> true));
        return Suppression.apply(rows, minGroupSize, Set.copyOf(keys), families, order(keys));
    }

    private List<String> cohortsAndAll() {
        List<String> out = new ArrayList<>(followUpDays.keySet());
        out.add(MetricInputs.ALL);
        return out;
    }

    /** A group's subjects in a cohort or in ALL, worked out once: at scale a cohort is most of the workforce. */
    private List<Subject> select(String cohort, String group) {
        String key = cohort + "\u0000" + group;
        List<Subject> s = selections.get(key);
        if (s == null) {
            if (cohort.equals(MetricInputs.ALL)) {
                s = new ArrayList<>();
                for (String c : byCohort.keySet()) {
                    s.addAll(select(c, group));
                }
            } else {
                s = byCohort.getOrDefault(cohort, List.of()).stream().filter(x -> x.in(group)).toList();
            }
            selections.put(key, s);
        }
        return s;
    }

    /** The group's subjects of the cohorts followed at least {@code horizon} days. */
    private List<Subject> followedFor(String group, int horizon) {
        List<Subject> s = new ArrayList<>();
        followUpDays.forEach((c, days) -> {
            if (days >= horizon) {
                s.addAll(select(c, group));
            }
        });
        return s;
    }

    private static KaplanMeier fit(List<Subject> s) {
        int[] time = new int[s.size()];
        boolean[] event = new boolean[s.size()];
        for (int i = 0; i < s.size(); i++) {
            time[i] = s.get(i).time();
            event[i] = s.get(i).event();
        }
        return KaplanMeier.fit(time, event);
    }

    private static Comparator<MetricRow> order(List<String> keys) {
        Comparator<MetricRow> c = (a, b) -> 0;
        for (String k : keys) {
            c = c.thenComparing(r -> String.valueOf(r.get(k)));
        }
        return c;
    }
}
