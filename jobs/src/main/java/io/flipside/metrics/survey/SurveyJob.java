package io.flipside.metrics.survey;

import static java.util.concurrent.CompletableFuture.supplyAsync;

import io.flipside.concurrent.Parallel;
import io.flipside.ingest.Datasets;
import io.flipside.ingest.Versions;
import io.flipside.metrics.MetricInputs;
import io.flipside.metrics.Roles;
import io.flipside.privacy.Families;
import io.flipside.privacy.Suppression;
import io.flipside.quality.SurveyCodebook;
import io.flipside.tables.MetricRow;
import io.flipside.tables.MetricTable;
import io.flipside.tables.MetricTables;
import io.flipside.tables.TableDef;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.apache.spark.sql.Row;

/**
 * Computes {@code survey_items}, {@code survey_scales}, {@code survey_change}, {@code enps} and
 * {@code survey_response} (SPEC §5). Spark reads the responses visible at the as-of date; the driver keeps
 * each key's current version and attaches the respondent's role; the answers (one small row each) go to
 * {@link SurveyCalculator}, and every table but the response counts goes through {@link Suppression}.
 */
public final class SurveyJob {
    private SurveyJob() {
    }

    public static List<MetricTable> compute(MetricInputs in) {
        Answers data = answers(in);
        Map<String, SurveyItem> items = data.items();
        List<SurveyAnswer> answers = data.answers();
        Map<String, Map<String, String>> participants = Roles.byCohort(in);
        SurveyCalculator calc = new SurveyCalculator(items);
        int min = in.config().minGroupSize();
        // the five tables read the same answers and nothing else: on two threads they take about half the
        // driver time (three seconds at 640,000 answers) when the cores are free
        ExecutorService pool = Parallel.pool(2, "flipside-survey");
        try {
            CompletableFuture<ScaleScores> scores = supplyAsync(() -> scaleScores(in), pool);
            List<CompletableFuture<MetricTable>> tables = List.of(
                    supplyAsync(() -> items(calc, answers, min), pool),
                    scores.thenApplyAsync(s -> suppressed(MetricTables.SURVEY_SCALES, calc.scales(s), min,
                            List.of("cohort_id", "wave", "role", "scale"), Set.of()), pool),
                    scores.thenApplyAsync(s -> suppressed(MetricTables.SURVEY_CHANGE, calc.change(s), min,
                            List.of("cohort_id", "role", "scale"), Set.of()), pool),
                    supplyAsync(() -> suppressed(MetricTables.ENPS, calc.enps(answers), min,
                            List.of("cohort_id", "wave", "role"), Set.of()), pool),
                    supplyAsync(() -> new MetricTable(MetricTables.SURVEY_RESPONSE, calc.response(answers, participants)),
                            pool));
            return tables.stream().map(Parallel::join).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code survey_items} alone, as the bench times it beside DuckDB's computation of the same table. */
    public static MetricTable items(MetricInputs in) {
        Answers data = answers(in);
        return items(new SurveyCalculator(data.items()), data.answers(), in.config().minGroupSize());
    }

    private static MetricTable items(SurveyCalculator calc, List<SurveyAnswer> answers, int min) {
        return suppressed(MetricTables.SURVEY_ITEMS, calc.items(answers), min, List.of("cohort_id", "wave", "role",
                "item_id"), Set.of("scale"));
    }

    /** The survey codebook and every current answer at as-of with the respondent's role (other without a pair). */
    public record Answers(Map<String, SurveyItem> items, List<SurveyAnswer> answers) {
        public Answers {
            items = Map.copyOf(items);
            answers = List.copyOf(answers);
        }
    }

    /** The answers the survey tables are computed from, collected once per as-of. */
    public static Answers answers(MetricInputs in) {
        return in.shared(Answers.class, SurveyJob::collect);
    }

    /** Each respondent's scale scores, gathered once per as-of for the survey tables and the cohort comparison. */
    public static ScaleScores scaleScores(MetricInputs in) {
        return in.shared(ScaleScores.class, i -> {
            Answers a = answers(i);
            return new SurveyCalculator(a.items()).scaleScores(a.answers());
        });
    }

    private static Answers collect(MetricInputs in) {
        Map<String, SurveyItem> items = new HashMap<>();
        for (Row r : in.dataset("survey_items").orElseThrow().collectAsList()) {
            String kind = r.getAs("kind");
            items.put(r.getAs("item_id"), new SurveyItem(r.getAs("item_id"), r.getAs("scale"), "nps".equals(kind),
                    SurveyCodebook.minValue(kind, r.getAs("min_value")), SurveyCodebook.maxValue(kind, r.getAs("max_value")),
                    r.<Boolean>getAs("reverse_coded")));
        }
        Map<String, Map<String, String>> roles = Roles.byCohort(in);
        // in input order, whatever order a shuffled query returns rows in or the pseudonym key sorts people
        // in: sums of doubles taken in another order differ in the last digit
        List<SurveyAnswer> answers = Versions.collectCurrent(in.dataset("survey_responses").orElseThrow(),
                Datasets.SURVEY_RESPONSES, in.asOf(), List.of("cohort_id", "respondent_id", "wave", "item_id", "value"),
                r -> new SurveyAnswer(r.getString(0), r.getString(1),
                        roles.getOrDefault(r.getString(0), Map.of()).getOrDefault(r.getString(1), "other"),
                        r.getString(2), r.getString(3), r.getInt(4)));
        return new Answers(items, answers);
    }

    private static MetricTable suppressed(TableDef def, List<MetricRow> rows, int min, List<String> keys,
            Set<String> descriptors) {
        Set<String> keep = new java.util.HashSet<>(keys);
        keep.addAll(descriptors);
        Comparator<MetricRow> keyOrder = (a, b) -> {
            for (String k : keys) {
                int c = String.valueOf(a.get(k)).compareTo(String.valueOf(b.get(k)));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
        return new MetricTable(def, Suppression.apply(rows, min, keep, Families.rolesAndCohorts(rows, keys), keyOrder));
    }
}
