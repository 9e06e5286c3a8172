package io.flipside.metrics.survey;

import static org.assertj.core.api.Assertions.assertThat;

import io.flipside.config.FlipsideConfig;
import io.flipside.metrics.knowledge.KnowledgeTransferJob;
import io.flipside.privacy.Families;
import io.flipside.privacy.Suppression;
import io.flipside.sample.GeneratorOptions;
import io.flipside.tables.Column;
import io.flipside.tables.MetricRow;
import io.flipside.tables.MetricTable;
import io.flipside.testing.GeneratedInputs;
import io.flipside.testing.WithSpark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The survey and knowledge-transfer jobs on generated data (scale 2). */
@ExtendWith(WithSpark.class)
class SurveyJobTest {
    @Test
    void plantedAttitudeChangeIsRecoveredAndNoSuppressedValueIsRecoverable(SparkSession spark, @TempDir Path tmp) {
        // a high minimum makes small cohort x role x wave groups hide, so complementary suppression has work to do
        GeneratedInputs.Ingested data = GeneratedInputs.generate(spark, GeneratorOptions.of(2, 8), tmp,
                Set.of("survey_items", "survey_responses", "skills", "assessments"),
                FlipsideConfig.defaults().withMinGroupSize(40));
        List<MetricTable> tables = new ArrayList<>(SurveyJob.compute(data.inputs()));
        tables.addAll(KnowledgeTransferJob.compute(data.inputs()));
        data.ingest().release();

        MetricTable change = tables.get(2);
        MetricRow mentees = find(change, "ALL", "mentee", "digital_confidence");
        MetricRow mentors = find(change, "ALL", "mentor", "digital_confidence");
        // mentees' latent digital confidence rises 0.8 SD from baseline to final; mentors' does not
        assertThat(mentees.getDouble("mean_change")).isPositive();
        assertThat(mentees.getDouble("p_value")).isLessThan(1e-6);
        assertThat(mentees.getDouble("mean_change")).isGreaterThan(mentors.getDouble("mean_change") + 5);
        assertThat(find(change, "ALL", "mentor", "leadership_insight").getDouble("mean_change"))
                .isGreaterThan(find(change, "ALL", "mentee", "leadership_insight").getDouble("mean_change"));

        int families = 0;
        int hiddenRows = 0;
        for (MetricTable t : tables) {
            if (t.def().columns().stream().noneMatch(c -> c.name().equals("suppressed"))) {
                continue;
            }
            List<String> keys = keys(t);
            for (Suppression.Family f : Families.rolesAndCohorts(t.rows(), keys)) {
                if (Boolean.TRUE.equals(t.rows().get(f.parent()).getBoolean("suppressed"))) {
                    continue;
                }
                families++;
                long hidden = f.children().stream().filter(i -> t.rows().get(i).getBoolean("suppressed")).count();
                assertThat(hidden).as(t.def().name() + " family of " + t.rows().get(f.parent())
                        + ": one hidden sibling is parent minus the shown ones").isNotEqualTo(1L);
            }
            for (MetricRow r : t.rows()) {
                if (r.getBoolean("suppressed")) {
                    hiddenRows++;
                    for (Column c : t.def().columns()) {
                        if (c.type() == io.flipside.tables.ColumnType.DOUBLE) {
                            assertThat(r.get(c.name())).as(t.def().name() + "." + c.name()).isNull();
                        }
                    }
                }
            }
        }
        assertThat(families).isGreaterThan(50);
        assertThat(hiddenRows).isGreaterThan(10);
    }

    private static List<String> keys(MetricTable t) {
        List<String> keys = new ArrayList<>();
        for (String k : List.of("cohort_id", "wave", "role", "item_id", "scale", "skill_id", "source")) {
            if (t.def().columns().stream().anyMatch(c -> c.name().equals(k))) {
                keys.add(k);
            }
        }
        return keys;
    }

    private static MetricRow find(MetricTable t, String cohort, String role, String scale) {
        return t.rows().stream().filter(r -> r.getString("cohort_id").equals(cohort) && r.getString("role").equals(role)
                && r.getString("scale").equals(scale)).findFirst().orElseThrow();
    }
}
