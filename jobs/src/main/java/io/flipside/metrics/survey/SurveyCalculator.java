package io.flipside.metrics.survey;

import io.flipside.metrics.MetricInputs;
import io.flipside.stats.CronbachAlpha;
import io.flipside.stats.EffectSizes;
import io.flipside.stats.Summary;
import io.flipside.stats.TTest;
import io.flipside.tables.MetricRow;
import io.flipside.tables.MetricTables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The survey tables of SPEC §5 from plain answers, before suppression. Every answer counts in its
 * cohort and in ALL (a person once per cohort: people are keyed by cohort and respondent), in its
 * role and in {@code all}; respondents without a pair in the cohort ({@code other}) only in {@code all}.
 */
public final class SurveyCalculator {
    public static final List<String> WAVES = List.of("baseline", "midpoint", "final", "followup");
    static final List<String> ROLES = List.of("mentor", "mentee", "all");
    /** Where a key part sorts: other text (cohort ids, items, scales) first by itself, then waves, roles, ALL. */
    private static final Map<String, Integer> RANKS = ranks();

    private final Map<String, SurveyItem> items;

    public SurveyCalculator(Map<String, SurveyItem> items) {
        this.items = Map.copyOf(items);
    }

    /** A person within a cohort; ALL rows pool these, so someone in two cohorts counts twice. */
    public record Person(String cohortId, String respondentId) {
    }

    private static List<List<String>> groups(String cohort, String role) {
        List<List<String>> out = new ArrayList<>();
        for (String c : List.of(cohort, MetricInputs.ALL)) {
            if (!role.equals("other")) {
                out.add(List.of(c, role));
            }
            out.add(List.of(c, "all"));
        }
        return out;
    }

    /** SPEC §5: a likert answer is favourable when its normalised score x is above the midpoint. */
    public static boolean favorable(double x) {
        return x > 0.5;
    }

    /** 0 for a promoter (9-10), 1 for a passive (7-8), 2 for a detractor (0-6). */
    public static int npsBucket(int value) {
        return value >= 9 ? 0 : value >= 7 ? 1 : 2;
    }

    public List<MetricRow> items(List<SurveyAnswer> answers) {
        // per group: sum of x, favourable, neutral, answers; added in the answers' order as before
        Map<List<String>, double[]> sums = new HashMap<>();
        // an answer's groups follow from its cohort, wave, role and item: looked up once for those rather
        // than once a group, 0.08-0.12 s rather than 0.15-0.19 s for 650,000 answers (scale 100, warm)
        Map<List<String>, double[][]> groupsOf = new HashMap<>();
        for (SurveyAnswer a : answers) {
            double x = items.get(a.itemId()).x(a.value());
            double[][] into = groupsOf.computeIfAbsent(List.of(a.cohortId(), a.wave(), a.role(), a.itemId()), k -> {
                List<List<String>> gs = groups(k.get(0), k.get(2));
                double[][] t = new double[gs.size()][];
                for (int i = 0; i < t.length; i++) {
                    t[i] = sums.computeIfAbsent(List.of(gs.get(i).get(0), k.get(1), gs.get(i).get(1), k.get(3)),
                            g -> new double[4]);
                }
                return t;
            });
            for (double[] s : into) {
                s[0] += x;
                s[1] += favorable(x) ? 1 : 0;
                s[2] += x == 0.5 ? 1 : 0;
                s[3]++;
            }
        }
        List<MetricRow> rows = new ArrayList<>();
        inKeyOrder(sums).forEach((k, s) -> {
            double sum = s[0];
            double fav = s[1];
            double neutral = s[2];
            int n = (int) s[3];
            rows.add(MetricTables.SURVEY_ITEMS.newRow().set("cohort_id", k.get(0)).set("wave", k.get(1))
                    .set("role", k.get(2)).set("item_id", k.get(3)).set("scale", items.get(k.get(3)).scale())
                    .set("n", (long) n).set("mean_100", 100 * sum / n).set("favorable_pct", 100 * fav / n)
                    .set("neutral_pct", 100 * neutral / n).set("unfavorable_pct", 100 * (n - fav - neutral) / n)
                    .set("suppressed", false).build());
        });
        return rows;
    }

    /** Gathers each person's likert answers and scale scores per wave (see {@link ScaleScores}). */
    public ScaleScores scaleScores(List<SurveyAnswer> answers) {
        Map<Person, String> roles = new LinkedHashMap<>();
        Map<String, Map<Person, Map<String, List<Double>>>> raw = new LinkedHashMap<>();
        Map<String, Map<Person, Map<String, Double>>> answered = new LinkedHashMap<>();
        for (SurveyAnswer a : answers) {
            SurveyItem item = items.get(a.itemId());
            if (item.nps()) {
                continue;
            }
            Person p = new Person(a.cohortId(), a.respondentId());
            roles.putIfAbsent(p, a.role());
            double x = item.x(a.value());
            raw.computeIfAbsent(a.wave(), k -> new LinkedHashMap<>()).computeIfAbsent(p, k -> new TreeMap<>())
                    .computeIfAbsent(item.scale(), k -> new ArrayList<>()).add(100 * x);
            answered.computeIfAbsent(a.wave(), k -> new LinkedHashMap<>()).computeIfAbsent(p, k -> new TreeMap<>())
                    .put(a.itemId(), x);
        }
        Map<String, Map<Person, Map<String, Double>>> byWave = new LinkedHashMap<>();
        raw.forEach((wave, people) -> people.forEach((p, scales) -> scales.forEach((scale, v) ->
                byWave.computeIfAbsent(wave, k -> new LinkedHashMap<>()).computeIfAbsent(p, k -> new TreeMap<>())
                        .put(scale, v.stream().mapToDouble(Double::doubleValue).average().orElseThrow()))));
        return new ScaleScores(byWave, answered, roles);
    }

    public List<MetricRow> scales(ScaleScores scores) {
        Map<String, List<String>> likertOfScale = new TreeMap<>();
        items.values().stream().filter(i -> !i.nps()).sorted((a, b) -> a.itemId().compareTo(b.itemId()))
                .forEach(i -> likertOfScale.computeIfAbsent(i.scale(), k -> new ArrayList<>()).add(i.itemId()));
        // each member carries its score and answers, so a group's statistics need no lookups per person
        Map<List<String>, List<Member>> groups = new HashMap<>();
        scores.byWave().forEach((wave, people) -> {
            Map<Person, Map<String, Double>> answeredInWave = scores.answered().get(wave);
            people.forEach((p, byScale) -> byScale.forEach((scale, score) -> {
                Member m = new Member(score, answeredInWave.get(p));
                for (List<String> g : groups(p.cohortId(), scores.roles().get(p))) {
                    groups.computeIfAbsent(List.of(g.get(0), wave, g.get(1), scale), k -> new ArrayList<>()).add(m);
                }
            }));
        });
        List<MetricRow> rows = new ArrayList<>();
        inKeyOrder(groups).forEach((k, members) -> {
            String wave = k.get(1);
            String scale = k.get(3);
            double[] v = new double[members.size()];
            long fav = 0;
            for (int i = 0; i < v.length; i++) {
                v[i] = members.get(i).score();
                fav += v[i] > 50 ? 1 : 0;
            }
            Summary s = Summary.of(v);
            List<String> scaleItems = likertOfScale.get(scale);
            List<double[]> complete = new ArrayList<>();
            for (Member m : members) {
                double[] row = new double[scaleItems.size()];
                int answeredItems = 0;
                for (String item : scaleItems) {
                    Double x = m.answered().get(item);
                    if (x == null) {
                        break;
                    }
                    row[answeredItems++] = x;
                }
                if (answeredItems == row.length) {
                    complete.add(row);
                }
            }
            Double alpha = scaleItems.size() < 2 ? null : CronbachAlpha.of(complete.toArray(new double[0][]));
            rows.add(MetricTables.SURVEY_SCALES.newRow().set("cohort_id", k.get(0)).set("wave", wave)
                    .set("role", k.get(2)).set("scale", scale).set("n", (long) v.length).set("mean_score", s.mean())
                    .set("sd_score", s.sd()).set("favorable_pct", 100.0 * fav / v.length)
                    .set("cronbach_alpha", alpha).set("alpha_n", (long) complete.size()).set("suppressed", false)
                    .build());
        });
        return rows;
    }

    /** A person in a scale group: their scale score and every likert item they answered in the wave. */
    private record Member(double score, Map<String, Double> answered) {
    }

    public List<MetricRow> change(ScaleScores scores) {
        Map<List<String>, List<double[]>> groups = changes(scores);
        List<MetricRow> rows = new ArrayList<>();
        groups.forEach((k, pairs) -> {
            double[] b = pairs.stream().mapToDouble(x -> x[0]).toArray();
            double[] f = pairs.stream().mapToDouble(x -> x[1]).toArray();
            double[] d = pairs.stream().mapToDouble(x -> x[1] - x[0]).toArray();
            TTest.Result t = TTest.oneSample(d);
            rows.add(MetricTables.SURVEY_CHANGE.newRow().set("cohort_id", k.get(0)).set("role", k.get(1))
                    .set("scale", k.get(2)).set("n", (long) d.length).set("mean_baseline", Summary.mean(b))
                    .set("mean_final", Summary.mean(f)).set("mean_change", t.mean()).set("ci_low", t.ciLow())
                    .set("ci_high", t.ciHigh()).set("effect_dz", EffectSizes.dz(t.mean(), t.sd()))
                    .set("p_value", t.p()).set("suppressed", false).build());
        });
        return rows;
    }

    /**
     * Each person's (baseline, final) scale scores, keyed by (cohort_id or ALL, role or all, scale):
     * the individual changes behind {@code survey_change} and the cohort comparisons.
     */
    public static Map<List<String>, List<double[]>> changes(ScaleScores scores) {
        Map<Person, Map<String, Double>> last = scores.inWave("final");
        Map<List<String>, List<double[]>> groups = new HashMap<>();
        scores.inWave("baseline").forEach((p, byScale) -> byScale.forEach((scale, before) -> {
            Double after = last.getOrDefault(p, Map.of()).get(scale);
            if (after != null) {
                for (List<String> g : groups(p.cohortId(), scores.roles().get(p))) {
                    groups.computeIfAbsent(List.of(g.get(0), g.get(1), scale), k -> new ArrayList<>())
                            .add(new double[] {before, after});
                }
            }
        }));
        return inKeyOrder(groups);
    }

    public List<MetricRow> enps(List<SurveyAnswer> answers) {
        Map<List<String>, long[]> counts = new HashMap<>();
        for (SurveyAnswer a : answers) {
            if (!items.get(a.itemId()).nps()) {
                continue;
            }
            int bucket = npsBucket(a.value());
            for (List<String> g : groups(a.cohortId(), a.role())) {
                counts.computeIfAbsent(List.of(g.get(0), a.wave(), g.get(1)), k -> new long[3])[bucket]++;
            }
        }
        List<MetricRow> rows = new ArrayList<>();
        inKeyOrder(counts).forEach((k, c) -> {
            double n = c[0] + c[1] + c[2];
            rows.add(MetricTables.ENPS.newRow().set("cohort_id", k.get(0)).set("wave", k.get(1)).set("role", k.get(2))
                    .set("n", (long) n).set("promoters_pct", 100 * c[0] / n).set("passives_pct", 100 * c[1] / n)
                    .set("detractors_pct", 100 * c[2] / n).set("enps", 100 * (c[0] - c[2]) / n).set("suppressed", false)
                    .build());
        });
        return rows;
    }

    /**
     * @param participants each cohort's participants with their role, from the visible pairs
     */
    public List<MetricRow> response(List<SurveyAnswer> answers, Map<String, Map<String, String>> participants) {
        Map<String, Set<String>> answeredIn = new TreeMap<>();
        for (SurveyAnswer a : answers) {
            answeredIn.computeIfAbsent(a.cohortId() + "|" + a.wave(), k -> new java.util.HashSet<>()).add(a.respondentId());
        }
        Map<List<String>, long[]> counts = new HashMap<>();
        answeredIn.forEach((cw, respondents) -> {
            String cohort = cw.substring(0, cw.indexOf('|'));
            String wave = cw.substring(cw.indexOf('|') + 1);
            participants.getOrDefault(cohort, Map.of()).forEach((person, role) -> {
                for (List<String> g : groups(cohort, role)) {
                    long[] c = counts.computeIfAbsent(List.of(g.get(0), wave, g.get(1)), k -> new long[2]);
                    c[0]++;
                    c[1] += respondents.contains(person) ? 1 : 0;
                }
            });
        });
        List<MetricRow> rows = new ArrayList<>();
        inKeyOrder(counts).forEach((k, c) -> rows.add(MetricTables.SURVEY_RESPONSE.newRow().set("cohort_id", k.get(0))
                .set("wave", k.get(1)).set("role", k.get(2)).set("invited", c[0]).set("responded", c[1])
                .set("response_rate", c[0] == 0 ? null : (double) c[1] / c[0]).build()));
        return rows;
    }

    /**
     * The groups in {@link #compare key order}. They are gathered in hash maps: a comparator per lookup
     * over hundreds of thousands of answers, four groups each, was a third of the survey tables' driver
     * time at scale 100.
     */
    private static <V> Map<List<String>, V> inKeyOrder(Map<List<String>, V> groups) {
        Map<List<String>, V> sorted = new TreeMap<>(SurveyCalculator::compare);
        sorted.putAll(groups);
        return sorted;
    }

    private static Map<String, Integer> ranks() {
        Map<String, Integer> ranks = new HashMap<>();
        for (int i = 0; i < WAVES.size(); i++) {
            ranks.put(WAVES.get(i), 10 + i);
        }
        for (int i = 0; i < ROLES.size(); i++) {
            ranks.put(ROLES.get(i), 20 + i);
        }
        ranks.put(MetricInputs.ALL, 100);
        return Map.copyOf(ranks);
    }

    /**
     * The answers given in the latest wave (in survey order) of each key: a cohort for the KPIs, a person
     * within a cohort for the segments.
     */
    public static List<SurveyAnswer> latestWave(List<SurveyAnswer> answers, Function<SurveyAnswer, String> key) {
        Map<String, Integer> latest = new HashMap<>();
        for (SurveyAnswer a : answers) {
            latest.merge(key.apply(a), WAVES.indexOf(a.wave()), Math::max);
        }
        return answers.stream().filter(a -> WAVES.indexOf(a.wave()) == latest.get(key.apply(a))).toList();
    }

    /** Keys order cohorts by id with ALL last, waves in survey order, roles mentor, mentee, all. */
    static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            String x = a.get(i);
            String y = b.get(i);
            if (x.equals(y)) {
                continue;
            }
            int rx = rank(x);
            int ry = rank(y);
            return rx != ry ? Integer.compare(rx, ry) : x.compareTo(y);
        }
        return 0;
    }

    private static int rank(String s) {
        return RANKS.getOrDefault(s, 0);
    }
}
