package io.flipside.metrics.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flipside.config.ConfigLoader;
import io.flipside.tables.MetricRow;
import io.flipside.tables.MetricTable;
import io.flipside.testing.GeneratedInputs;
import io.flipside.testing.GoldenCsv;
import io.flipside.testing.WithSpark;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Retention on a real public HR data set: the IBM attrition table of Debian's r-cran-modeldata (1,470
 * employees, 237 leavers, tenure in whole years so many tied times), turned into our inputs by
 * {@code src/test/resources/attrition/convert_attrition.R}, which also computed every expected value
 * from the raw table with R's survival package: {@code survfit} (curves and horizons), {@code survdiff}
 * and {@code coxph(ties = "efron")}. The mapping is documented in the script. Everything is compared
 * to 1e-6 or better.
 */
@ExtendWith(WithSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttritionGoldenTest {
    private static final Path DIR = Path.of("src/test/resources/attrition");
    private Map<String, List<MetricRow>> tables;

    @BeforeAll
    void run(SparkSession spark) {
        GeneratedInputs.Ingested data = GeneratedInputs.ingest(spark, DIR.resolve("input"),
                ConfigLoader.load(DIR.resolve("flipside.yaml")));
        tables = new HashMap<>();
        for (MetricTable t : RetentionJob.compute(data.inputs())) {
            tables.put(t.def().name(), t.rows());
        }
        data.ingest().release();
    }

    @Test
    void survivalCurvesMatchSurvfit() throws IOException {
        List<Map<String, String>> golden = read("golden_survival_curve.csv");
        List<MetricRow> rows = tables.get("survival_curve");
        assertThat(rows).hasSize(golden.size());
        for (int i = 0; i < golden.size(); i++) {
            Map<String, String> g = golden.get(i);
            MetricRow r = rows.get(i);
            String at = g.get("cohort_id") + " " + g.get("group") + " t=" + g.get("time");
            for (String key : List.of("cohort_id", "group")) {
                assertThat(r.getString(key)).as(at).isEqualTo(g.get(key));
            }
            for (String count : List.of("time", "n_risk", "n_event", "n_censor")) {
                assertThat(r.getLong(count)).as(at + " " + count).isEqualTo(Long.parseLong(g.get(count)));
            }
            for (String number : List.of("survival", "std_err", "ci_low", "ci_high")) {
                assertNumber(r, g, number, at, 1e-9);
            }
        }
    }

    @Test
    void retentionAtHorizonsMatchesSurvfit() throws IOException {
        List<Map<String, String>> golden = read("golden_retention.csv");
        List<MetricRow> rows = tables.get("retention");
        assertThat(rows).hasSize(golden.size());
        for (int i = 0; i < golden.size(); i++) {
            Map<String, String> g = golden.get(i);
            MetricRow r = rows.get(i);
            String at = g.get("cohort_id") + " " + g.get("group") + " h=" + g.get("horizon_days");
            assertThat(r.getString("cohort_id")).as(at).isEqualTo(g.get("cohort_id"));
            assertThat(r.getString("group")).as(at).isEqualTo(g.get("group"));
            assertThat(r.getLong("horizon_days")).as(at).isEqualTo(Long.parseLong(g.get("horizon_days")));
            assertThat(r.getLong("n")).as(at).isEqualTo(Long.parseLong(g.get("n")));
            assertThat(r.getLong("events")).as(at).isEqualTo(g.get("events").isEmpty() ? null : Long.parseLong(g.get("events")));
            assertThat(r.getBoolean("suppressed")).as(at).isEqualTo(r.getLong("n") < 5);
            for (String number : List.of("retention", "ci_low", "ci_high")) {
                assertNumber(r, g, number, at, 1e-9);
            }
        }
    }

    @Test
    void logRankAndCoxMatchSurvdiffAndCoxph() throws IOException {
        List<Map<String, String>> golden = read("golden_retention_tests.csv");
        List<MetricRow> rows = tables.get("retention_tests");
        assertThat(rows).hasSize(golden.size());
        for (int i = 0; i < golden.size(); i++) {
            Map<String, String> g = golden.get(i);
            MetricRow r = rows.get(i);
            String at = g.get("contrast");
            assertThat(r.getString("contrast")).isEqualTo(g.get("contrast"));
            for (String count : List.of("n_group", "n_comparison", "events_group", "events_comparison")) {
                assertThat(r.getLong(count)).as(at + " " + count).isEqualTo(Long.parseLong(g.get(count)));
            }
            assertNumber(r, g, "logrank_chisq", at, 1e-9);
            assertRelative(r, g, "logrank_p", at);
            for (String cox : List.of("hazard_ratio", "hr_ci_low", "hr_ci_high")) {
                assertNumber(r, g, cox, at, 1e-7);
            }
            assertRelative(r, g, "hr_p", at);
            assertThat(r.getString("note")).isNull();
        }
    }

    private static void assertNumber(MetricRow r, Map<String, String> g, String column, String at, double tolerance) {
        if (g.get(column).isEmpty()) {
            assertThat(r.getDouble(column)).as(at + " " + column).isNull();
        } else {
            assertThat(r.getDouble(column)).as(at + " " + column)
                    .isCloseTo(Double.parseDouble(g.get(column)), within(tolerance));
        }
    }

    /** p-values of 1e-20 and below: compared relative to their size, as the upper-tail computation promises. */
    private static void assertRelative(MetricRow r, Map<String, String> g, String column, String at) {
        double expected = Double.parseDouble(g.get(column));
        assertThat(r.getDouble(column)).as(at + " " + column).isCloseTo(expected, within(1e-6 * expected));
    }

    private static List<Map<String, String>> read(String name) {
        return GoldenCsv.read(DIR.resolve(name));
    }
}
