package io.flipside.metrics.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import io.flipside.sample.GeneratorOptions;
import io.flipside.tables.MetricRow;
import io.flipside.testing.GeneratedInputs;
import io.flipside.testing.WithSpark;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The null case: generated data with every cohort planted alike ({@code --no-cohort-effect}). Holm
 * holds the error rate at 5 % within each (metric, key, role) family, so across F families about
 * 0.05·F of them may flag by chance; the test allows what a binomial(F, 0.05) gives 95 % of the time.
 * Seed 7 at scale 2: 23 families (12 knowledge_gain, 9 scale_change, attendance, retention_365),
 * 196 rows, none flagged; the bound is 3.
 */
@ExtendWith(WithSpark.class)
class NoCohortEffectTest {
    @Test
    void flagsNoMoreThanChanceAllows(SparkSession spark, @TempDir Path tmp) {
        GeneratedInputs.Ingested data = GeneratedInputs.generate(spark, GeneratorOptions.of(2, 7).withoutCohortEffect(),
                tmp, Set.of("sessions", "skills", "assessments", "survey_items", "survey_responses"));
        List<MetricRow> rows = CohortComparisonJob.compute(data.inputs()).get(0).rows();
        data.ingest().release();

        Set<String> families = rows.stream().map(NoCohortEffectTest::family).collect(Collectors.toSet());
        Set<String> flaggedFamilies = rows.stream().filter(r -> r.getBoolean("flagged")).map(NoCohortEffectTest::family)
                .collect(Collectors.toSet());
        assertThat(families.size()).isGreaterThan(20);
        assertThat(flaggedFamilies.size()).isLessThanOrEqualTo(upper95(families.size(), 0.05));
    }

    private static String family(MetricRow r) {
        return r.getString("metric") + " " + r.getString("key") + " " + r.getString("role");
    }

    /** The smallest k with P(Binomial(n, p) <= k) >= 0.95. */
    static int upper95(int n, double p) {
        double cumulative = 0;
        for (int k = 0; k <= n; k++) {
            cumulative += binomial(n, k) * Math.pow(p, k) * Math.pow(1 - p, n - k);
            if (cumulative >= 0.95) {
                return k;
            }
        }
        return n;
    }

    private static double binomial(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }
}
