package io.flipside.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.flipside.metrics.knowledge.KnowledgeTransferJob;
import io.flipside.metrics.survey.SurveyJob;
import io.flipside.privacy.Pseudonymizer;
import io.flipside.sample.GeneratorOptions;
import io.flipside.tables.MetricTable;
import io.flipside.testing.GeneratedInputs;
import io.flipside.testing.WithSpark;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same curated rows in another order, through shuffles of another width, give the same tables to
 * the last digit: a sum of doubles depends on its order, and the order a shuffled query returns rows in
 * is not fixed (NPS answers, tenths, made the survey means differ in the 16th digit between two runs).
 * Nor does the pseudonym key, which orders the people.
 */
@ExtendWith(WithSpark.class)
class RowOrderTest {
    @Test
    void knowledgeAndSurveyTablesDoNotDependOnTheOrderOfTheCuratedRows(SparkSession spark, @TempDir Path tmp) {
        GeneratedInputs.Ingested data = GeneratedInputs.generate(spark, GeneratorOptions.of(1, 21), tmp,
                Set.of("skills", "assessments", "survey_items", "survey_responses"));
        try {
            List<String> knowledge = text(KnowledgeTransferJob.compute(data.inputs()));
            List<String> survey = text(SurveyJob.compute(data.inputs()));
            Map<String, Dataset<Row>> shuffled = new HashMap<>();
            data.ingest().summaries().keySet().forEach(n -> data.ingest().curated(n).ifPresent(d -> shuffled.put(n,
                    Set.of("assessments", "survey_responses").contains(n)
                            ? d.repartition(3).orderBy(functions.rand(7)).repartition(5) : d)));
            MetricInputs reordered = new MetricInputs(data.inputs().asOf(), data.inputs().config(), shuffled);
            String partitions = spark.conf().get("spark.sql.shuffle.partitions");
            spark.conf().set("spark.sql.shuffle.partitions", "7");
            try {
                assertThat(text(KnowledgeTransferJob.compute(reordered))).isEqualTo(knowledge);
                assertThat(text(SurveyJob.compute(reordered))).isEqualTo(survey);
            } finally {
                spark.conf().set("spark.sql.shuffle.partitions", partitions);
            }
        } finally {
            data.ingest().release();
        }
    }

    @Test
    void knowledgeAndSurveyTablesDoNotDependOnThePseudonymKey(SparkSession spark, @TempDir Path tmp) {
        // a run without FLIPSIDE_PSEUDONYM_KEY draws a key of its own, and the people's pseudonyms then sort in
        // another order: sums taken in that order made two runs of one input differ in the 16th digit
        GeneratedInputs.Ingested data = GeneratedInputs.generate(spark, GeneratorOptions.of(1, 21), tmp,
                Set.of("skills", "assessments", "survey_items", "survey_responses"));
        GeneratedInputs.Ingested rekeyed = GeneratedInputs.ingest(spark, tmp, data.inputs().config(),
                Pseudonymizer.withKey("another key"));
        try {
            assertThat(text(KnowledgeTransferJob.compute(rekeyed.inputs())))
                    .isEqualTo(text(KnowledgeTransferJob.compute(data.inputs())));
            assertThat(text(SurveyJob.compute(rekeyed.inputs()))).isEqualTo(text(SurveyJob.compute(data.inputs())));
        } finally {
            data.ingest().release();
            rekeyed.ingest().release();
        }
    }

    private static List<String> text(List<MetricTable> tables) {
        return tables.stream().flatMap(t -> t.rows().stream()).map(Object::toString).toList();
    }
}
