package io.flipside.metrics.segments;

import io.flipside.metrics.MetricInputs;
import io.flipside.privacy.Families;
import io.flipside.privacy.Suppression;
import io.flipside.stats.KaplanMeier;
import io.flipside.tables.MetricRow;
import io.flipside.tables.MetricTables;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code segments} table (SPEC §5) from the participants, with minimum-group and complementary
 * suppression over three sibling levels: segments within (cohort, dimension, role, metric), whose
 * total is the cohort's figure published elsewhere; mentors and mentees within the role {@code all};
 * cohorts within ALL. A count of participants is never suppressed.
 */
public final class SegmentsCalculator {
    public static final List<String> METRICS = List.of("participants", "favorable_pct", "gain_expected_100",
            "retention_365");
    private static final List<String> ROLES = List.of("mentor", "mentee", "all");
    private static final List<String> KEYS = List.of("cohort_id", "dimension", "segment", "role", "metric");
    private static final int HORIZON = 365;

    private final List<SegmentPerson> people;
    private final Map<String, Integer> followUpDays;
    private final int minGroupSize;

    /**
     * @param followUpDays days from each started cohort's start to as-of, in cohort order
     */
    public SegmentsCalculator(List<SegmentPerson> people, Map<String, Integer> followUpDays, int minGroupSize) {
        this.people = List.copyOf(people);
        this.followUpDays = new LinkedHashMap<>(followUpDays);
        this.minGroupSize = minGroupSize;
    }

    public List<MetricRow> rows() {
        List<MetricRow> counts = new ArrayList<>();
        List<MetricRow> measures = new ArrayList<>();
        List<String> cohorts = new ArrayList<>(followUpDays.keySet());
        cohorts.add(MetricInputs.ALL);
        for (String cohort : cohorts) {
            List<SegmentPerson> inCohort = people.stream()
                    .filter(p -> cohort.equals(MetricInputs.ALL) || p.cohortId().equals(cohort)).toList();
            for (String dimension : Segments.DIMENSIONS) {
                Set<String> segments = new TreeSet<>(Segments.order(dimension));
                inCohort.forEach(p -> segments.add(p.segments().get(dimension)));
                for (String segment : segments) {
                    for (String role : ROLES) {
                        List<SegmentPerson> group = inCohort.stream().filter(p -> segment.equals(p.segments().get(dimension))
                                && (role.equals("all") || p.role().equals(role))).toList();
                        if (group.isEmpty()) {
                            continue;
                        }
                        Row key = new Row(cohort, dimension, segment, role);
                        counts.add(key.build("participants", group.size(), (double) group.size()).toBuilder()
                                .set("suppressed", false).build());
                        favorable(key, group, measures);
                        gain(key, group, measures);
                        retention(key, group, measures);
                    }
                }
            }
        }
        List<Suppression.Family> families = new ArrayList<>(segmentFamilies(measures));
        families.addAll(Families.level(measures, KEYS, "role", "all", r -> true));
        families.addAll(Families.level(measures, KEYS, "cohort_id", MetricInputs.ALL, r -> true));
        List<MetricRow> protectedRows = Suppression.apply(measures, minGroupSize, Set.copyOf(KEYS), families, keyOrder());
        List<MetricRow> out = new ArrayList<>(counts);
        out.addAll(protectedRows);
        out.sort(rowOrder(cohorts));
        return out;
    }

    private record Row(String cohort, String dimension, String segment, String role) {
        MetricRow build(String metric, long n, Double value) {
            return MetricTables.SEGMENTS.newRow().set("cohort_id", cohort).set("dimension", dimension)
                    .set("segment", segment).set("role", role).set("metric", metric).set("n", n).set("value", value)
                    .build();
        }
    }

    private static void favorable(Row key, List<SegmentPerson> group, List<MetricRow> out) {
        List<SegmentPerson> answered = group.stream().filter(p -> p.likert() > 0).toList();
        if (!answered.isEmpty()) {
            long fav = answered.stream().mapToLong(SegmentPerson::favorable).sum();
            long all = answered.stream().mapToLong(SegmentPerson::likert).sum();
            out.add(key.build("favorable_pct", answered.size(), 100.0 * fav / all));
        }
    }

    private static void gain(Row key, List<SegmentPerson> group, List<MetricRow> out) {
        double[] gains = group.stream().filter(p -> p.gain100() != null).mapToDouble(SegmentPerson::gain100).toArray();
        if (gains.length > 0) {
            out.add(key.build("gain_expected_100", gains.length, java.util.Arrays.stream(gains).average().orElseThrow()));
        }
    }

    private void retention(Row key, List<SegmentPerson> group, List<MetricRow> out) {
        List<SegmentPerson> followed = group.stream().filter(p -> p.subject() != null
                && followUpDays.get(p.cohortId()) >= HORIZON).toList();
        if (!followed.isEmpty()) {
            int[] time = followed.stream().mapToInt(p -> p.subject().time()).toArray();
            boolean[] event = new boolean[followed.size()];
            for (int i = 0; i < event.length; i++) {
                event[i] = followed.get(i).subject().event();
            }
            out.add(key.build("retention_365", followed.size(), KaplanMeier.fit(time, event).at(HORIZON).survival()));
        }
    }

    /** Segments within (cohort, dimension, role, metric): their total is the cohort's own figure, shown elsewhere. */
    private static List<Suppression.Family> segmentFamilies(List<MetricRow> rows) {
        Map<List<String>, List<Integer>> byFamily = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            MetricRow r = rows.get(i);
            byFamily.computeIfAbsent(List.of(r.getString("cohort_id"), r.getString("dimension"), r.getString("role"),
                    r.getString("metric")), k -> new ArrayList<>()).add(i);
        }
        return byFamily.values().stream().map(c -> new Suppression.Family(Suppression.SHOWN_ELSEWHERE, c)).toList();
    }

    private static Comparator<MetricRow> keyOrder() {
        Comparator<MetricRow> c = Comparator.comparing(r -> r.getString("cohort_id"));
        for (String k : KEYS.subList(1, KEYS.size())) {
            c = c.thenComparing(r -> r.getString(k));
        }
        return c;
    }

    private static Comparator<MetricRow> rowOrder(List<String> cohorts) {
        return Comparator.<MetricRow>comparingInt(r -> cohorts.indexOf(r.getString("cohort_id")))
                .thenComparingInt(r -> Segments.DIMENSIONS.indexOf(r.getString("dimension")))
                .thenComparing((a, b) -> Segments.order(a.getString("dimension")).compare(a.getString("segment"),
                        b.getString("segment")))
                .thenComparingInt(r -> ROLES.indexOf(r.getString("role")))
                .thenComparingInt(r -> METRICS.indexOf(r.getString("metric")));
    }
}
